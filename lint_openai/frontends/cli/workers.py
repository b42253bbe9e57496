"""Checking the files that need the engine: in this process, or on a pool of processes for many of them.

Each file is independent (the engine is pure), so files are handed out in chunks to a process pool and the
results come back in input order: the report is the same whatever ``--jobs`` is. Small runs stay in this
process, where starting workers would cost more than it saves. A job carries the file's bytes when the
command read them already (checking only), else the file is read (and, when fixing, written) here.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from lint_openai.config.settings import Settings
from lint_openai.engine import knowledge_for
from lint_openai.frontends.cli.collector import resume
from lint_openai.frontends.cli.results import FileResult, FixMode
from lint_openai.frontends.cli.runner import check_data, check_file

Job = Tuple[Path, Settings, str, Optional[FixMode], Optional[bytes]]

MIN_FILES_PER_WORKER = 8  # below this, a worker process costs more than it saves
_WORKER: Dict[str, bool] = {"settled": False}  # in a worker process: whether its first file is done


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_jobs(jobs: Sequence[Job], processes: Optional[int] = None) -> List[FileResult]:
    """Check every file of ``jobs``; results are in the order of ``jobs``."""
    resume()  # the engine is loaded: from here on, files make garbage (a paused start-up ends here)
    processes = min(processes or default_jobs(), max(len(jobs) // MIN_FILES_PER_WORKER, 1))
    if processes <= 1:
        results = []
        for index, job in enumerate(jobs):
            results.append(_check(job))
            if index == 0 and len(jobs) >= MIN_FILES_PER_WORKER:
                settle()
        return results
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only runs with many files need a pool

    for settings in {job[1] for job in jobs}:
        knowledge_for(settings)  # load the data once here; forked workers inherit it
    chunk = max(len(jobs) // (processes * 8), 1)
    with ProcessPoolExecutor(max_workers=processes) as pool:
        return list(pool.map(_check_slim, jobs, chunksize=chunk))


def _check(job: Job) -> FileResult:
    path, settings, shown, fix, data = job
    if data is not None and fix is None:
        return check_data(data, shown, settings)
    return check_file(path, settings, shown, fix)


def settle() -> None:
    """Once the first file is checked, everything that lives for the whole run is loaded (modules, rules,
    knowledge tables: about 100,000 objects): collect the first file's garbage, then freeze the rest out of
    the collector's way. Each file's tree and semantic model are freed by reference counting (the engine
    pauses the collector while it checks a file), but reading files and reporting still allocate, and every
    full collection would otherwise rescan the long-lived objects too."""
    gc.collect()
    gc.freeze()


def _check_slim(job: Job) -> FileResult:
    """In a worker: a file with nothing to show sends back no source text (less to copy)."""
    result = _check(job)
    if not _WORKER["settled"]:  # the first file this worker process checked
        _WORKER["settled"] = True
        settle()
    if not result.diagnostics and not result.fixed:
        result.source = None
    return result
