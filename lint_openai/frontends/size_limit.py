"""``max-file-size`` for the hosts that hand over a module's text (flake8, pylint, the language server)."""

from __future__ import annotations

from typing import List, Optional

from lint_openai.config.hosts import size_limit_message
from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import parse_error_diagnostics
from lint_openai.source.prefilter import may_have_findings


def oversized(
    text: str, path: str, settings: Settings, size: Optional[int] = None
) -> Optional[List[Diagnostic]]:
    """The ``OAI001`` that replaces the check of a Python module larger than ``max-file-size`` (as in the
    CLI: unless the prefilter shows it cannot have findings), or ``None`` to check it. ``size``: its bytes
    (default: the length of the text in UTF-8)."""
    if not settings.max_file_size:
        return None
    message = size_limit_message(
        settings, len(text.encode("utf-8", "surrogatepass")) if size is None else size
    )
    if message is None or not may_have_findings(text, settings.model_shutdown_dates):
        return None
    return parse_error_diagnostics(settings, path, message, 1, 1)
