"""Which physical lines share one ``# noqa``, as flake8 decides it, and where each line's comment starts.

flake8 searches for ``# noqa`` in the text of all the physical lines that one multi-line string or one
backslash continuation joins (flake8/processor.py ``_noqa_line_mapping``): the comment can only stand after
the string closes, or on the last continued line. Lines inside brackets stay on their own (a comment may
follow each of them).
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple


@dataclass(frozen=True)
class NoqaLayout:
    """``spans``: for each row that shares its ``# noqa`` with other rows, the (first, last) row of the group;
    ``comments``: for each row with a comment, the 0-based character column where it starts."""

    spans: Dict[int, Tuple[int, int]] = field(default_factory=dict)
    comments: Dict[int, int] = field(default_factory=dict)

    def span(self, row: int) -> Tuple[int, int]:
        return self.spans.get(row, (row, row))


def noqa_layout(text: str) -> Optional[NoqaLayout]:
    """The layout of ``text``; ``None`` if it cannot be tokenized."""
    spans: Dict[int, Tuple[int, int]] = {}
    comments: Dict[int, int] = {}
    first, last = 0, -1
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.start[1]
            first = token.start[0] if last < 0 else min(first, token.start[0])
            last = max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                if last > first:
                    spans.update(dict.fromkeys(range(first, last + 1), (first, last)))
                first, last = 0, -1
    except (tokenize.TokenError, SyntaxError):
        return None
    return NoqaLayout(spans, comments)
