"""Where the results cache is, and removing it (``lint-openai clean``)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Mapping, Optional

CACHE_DIRECTORY_NAME = ".lint_openai_cache"
ENVIRONMENT_VARIABLE = "LINT_OPENAI_CACHE_DIR"
DISABLE_VARIABLE = "LINT_OPENAI_NO_CACHE"  # as ruff's RUFF_NO_CACHE: set, it is --no-cache
RESULTS_FILE = "results.json"
SCHEMA = 1  # the layout of the results file
GITIGNORE_FILE = ".gitignore"
TAG_FILE = "CACHEDIR.TAG"
TEMPORARY_PREFIX = "results."
TEMPORARY_SUFFIX = ".tmp"


def cache_directory(
    option: Optional[Path], project_root: Optional[Path], environ: Mapping[str, str] = os.environ
) -> Path:
    """``--cache-dir``, else ``LINT_OPENAI_CACHE_DIR``, else ``.lint_openai_cache`` in the project root (the
    directory of the ``pyproject.toml`` configuring the current directory, or the current directory)."""
    if option is not None:
        return option
    variable = environ.get(ENVIRONMENT_VARIABLE)
    if variable:
        return Path(variable)
    return (project_root or Path.cwd()) / CACHE_DIRECTORY_NAME


def cache_disabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ``LINT_OPENAI_NO_CACHE`` turns the cache off (any value but empty, ``0``, ``false``, ``no``)."""
    return environ.get(DISABLE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def is_cache_file(name: str) -> bool:
    """The files the cache writes (and only those: a ``--cache-dir`` may be a directory of other things)."""
    if name in (RESULTS_FILE, GITIGNORE_FILE, TAG_FILE):
        return True
    return name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX)


def clean(directory: Path) -> bool:
    """Remove the cache's files in ``directory``, and the directory once empty; whether there was a cache."""
    try:
        names = os.listdir(directory)
    except OSError:
        return False
    removed = False
    for name in names:
        if is_cache_file(name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(directory / name)
            removed = True
    with contextlib.suppress(OSError):
        directory.rmdir()  # only if nothing else is in it
    return removed
