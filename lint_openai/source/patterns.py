"""Scanning text with regular expressions that match the empty string."""

from __future__ import annotations

from typing import Pattern


def match_end(pattern: Pattern[str], text: str, index: int) -> int:
    """Where a match of ``pattern`` at ``index`` ends. For a pattern that matches the empty string it
    always matches; ``index`` itself if it does not."""
    found = pattern.match(text, index)
    return found.end() if found else index
