"""Checking many files on several processes, with results in the order the files were given.

Each file is independent (the engine is pure), so files are handed out in chunks to a process pool
and the results come back in input order: the report is the same whatever ``--jobs`` is. Small runs
stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

from lint_openai.config.settings import Settings
from lint_openai.engine import knowledge_for
from lint_openai.frontends.cli.runner import FileResult, FixMode, check_file

Task = Tuple[Path, Settings, str, Optional[FixMode]]

MIN_FILES_PER_WORKER = 8  # below this, a worker process costs more than it saves


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_files(tasks: Sequence[Task], jobs: Optional[int] = None) -> List[FileResult]:
    """Check every file of ``tasks``; results are in the order of ``tasks``."""
    jobs = min(jobs or default_jobs(), max(len(tasks) // MIN_FILES_PER_WORKER, 1))
    if jobs <= 1:
        return [_check(task) for task in tasks]
    for settings in {task[1] for task in tasks}:
        knowledge_for(settings)  # load the data once here; forked workers inherit it
    chunk = max(len(tasks) // (jobs * 8), 1)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_check_slim, tasks, chunksize=chunk))


def _check(task: Task) -> FileResult:
    path, settings, shown, fix = task
    return check_file(path, settings, shown, fix)


def _check_slim(task: Task) -> FileResult:
    """In a worker: a file with nothing to show sends back no source text (less to copy)."""
    result = _check(task)
    if not result.diagnostics and not result.fixed:
        result.source = None
    return result


def tasks_for(files: Iterable[Path], settings: Iterable[Settings], fix: Optional[FixMode]) -> List[Task]:
    """Pair each file with its settings (same order)."""
    return [(path, each, str(path), fix) for path, each in zip(files, settings)]
