"""What checking one file gives the command (``FileResult``) and what it was asked to do (``FixMode``).

Kept apart from the runner, which loads the engine: a file the prefilter or the results cache answers for
gets its result without it.
"""

from __future__ import annotations

from typing import List, Optional

from lint_openai.diagnostic import Diagnostic
from lint_openai.frontends.cli.diff_paths import diff_header_path
from lint_openai.records import field, record
from lint_openai.rules.registry import parse_error_rule
from lint_openai.source.file_names import is_notebook_path


@record
class FixMode:
    """What to do with fixes: apply unsafe ones too, and write them (else only compute a diff). ``noqa``:
    instead of fixes, add a ``# noqa`` directive for each finding (``--add-noqa``)."""

    unsafe: bool = False
    write: bool = True
    noqa: bool = False


@record(frozen=False)
class FileResult:
    """The outcome of checking one file."""

    path: str
    diagnostics: List[Diagnostic] = field(default_factory=list)
    source: Optional[str] = None
    internal_error: Optional[str] = None
    fixed: int = 0
    fixed_source: Optional[str] = None
    fix_error: Optional[str] = None
    fixed_codes: List[str] = field(default_factory=list)  # the code of each fix applied (--show-fixes)
    write_error: Optional[str] = None  # fixes computed but not written (file changed, read-only, I/O error)
    skipped: Optional[str] = None  # not read at all (not a regular file), and why

    @property
    def unchecked(self) -> Optional[str]:
        """Why the file could not be checked (its ``OAI001`` message), if it could not."""
        return next((d.message for d in self.diagnostics if d.code == parse_error_rule().code), None)

    note: Optional[str] = None  # why the file was skipped (a notebook for R, an invalid YAML file...)

    def diff(self) -> str:
        """A unified diff of the fixes (empty when nothing changed); a notebook's is per cell."""
        if self.fixed_source is None or self.source is None or self.fixed_source == self.source:
            return ""
        shown = diff_header_path(self.path)
        if is_notebook_path(self.path):
            from lint_openai.source.notebook import cell_diff  # noqa: PLC0415 - notebooks load only for --diff

            return cell_diff(shown, self.source, self.fixed_source)
        import difflib  # noqa: PLC0415 - only --diff needs it

        return "".join(
            difflib.unified_diff(
                self.source.splitlines(keepends=True),
                self.fixed_source.splitlines(keepends=True),
                fromfile=f"a/{shown}",
                tofile=f"b/{shown}",
            )
        )
