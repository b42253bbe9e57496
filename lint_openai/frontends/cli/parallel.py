"""Checking many files: the cheap answers first, here, then the engine for the rest (:mod:`.workers`).

Every file the command reads is first screened in this process: one whose bytes cannot have findings (the
prefilter) gets its empty result at once, and so does one the results cache holds a result for. Only the
remaining files load the engine and the rules, so a run over code without the SDK never imports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional, Sequence, Tuple

from lint_openai.config.settings import Settings
from lint_openai.frontends.cli.reading import NotRegularFileError, read_regular_file
from lint_openai.frontends.cli.results import FileResult, FixMode
from lint_openai.frontends.file_kinds import may_skip_unread

if TYPE_CHECKING:
    from lint_openai.frontends.cli.cache.store import ResultsCache

Task = Tuple[Path, Settings, str, Optional[FixMode]]


def check_files(
    tasks: Sequence[Task], jobs: Optional[int] = None, cache: Optional[ResultsCache] = None
) -> List[FileResult]:
    """Check every file of ``tasks``; results are in the order of ``tasks``. ``cache`` (checking only, never
    fixing) answers for files it holds and keeps the results of the others."""
    results: List[Optional[FileResult]] = [None] * len(tasks)
    pending = []
    for index, (path, settings, shown, fix) in enumerate(tasks):
        data = _read_regular_file(path)  # None: not read here, the runner reports why
        if data is not None and may_skip_unread(shown, data, settings.model_shutdown_dates):
            results[index] = FileResult(shown)
            continue
        if data is not None and cache is not None and fix is None:
            results[index] = cache.lookup(path, shown, settings, data)
            if results[index] is not None:
                continue
        pending.append((index, (path, settings, shown, fix, data if fix is None else None)))
    if pending:
        from lint_openai.frontends.cli.workers import run_jobs  # noqa: PLC0415 - the engine loads only if needed

        for (index, job), result in zip(pending, run_jobs([job for _, job in pending], jobs)):
            results[index] = result
            path, settings, shown, fix, data = job
            if cache is not None and data is not None:
                cache.store(path, shown, settings, data, result)
    return [result for result in results if result is not None]


def _read_regular_file(path: Path) -> Optional[bytes]:
    """The bytes of a regular file; ``None`` for anything else or an error (which the runner reports)."""
    try:
        return read_regular_file(path)
    except (NotRegularFileError, OSError):
        return None


def tasks_for(files: Iterable[Path], settings: Iterable[Settings], fix: Optional[FixMode]) -> List[Task]:
    """Pair each file with its settings (same order)."""
    return [(path, each, str(path), fix) for path, each in zip(files, settings)]
