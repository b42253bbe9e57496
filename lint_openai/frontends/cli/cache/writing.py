"""Writing the cache's entries back: new results as entries, merged with what concurrent runs wrote, without
the entries of files that no longer exist; atomically (a temporary file renamed over ``results.json``)."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Dict, List, Mapping

from lint_openai.config.settings import Settings
from lint_openai.frontends.cli.cache.codec import encode
from lint_openai.frontends.cli.cache.keys import Entry, NewResult, environment_key, settings_key
from lint_openai.frontends.cli.cache.location import (
    GITIGNORE_FILE,
    RESULTS_FILE,
    SCHEMA,
    TAG_FILE,
    TEMPORARY_PREFIX,
    TEMPORARY_SUFFIX,
)
from lint_openai.frontends.cli.cache.validity import window
from lint_openai.frontends.cli.results import FileResult

TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by lint-openai.\n"
    "# For information about cache directory tags, see: https://bford.info/cachedir/\n"
)


def entry_for(file_digest: str, shown: str, settings: Settings, result: FileResult) -> Entry:
    start, end = window(settings.effective_today(), settings, result.diagnostics)
    return {
        "shown": shown,
        "digest": file_digest,
        "settings": settings_key(settings),
        "from": start,
        "until": end,
        "note": result.note,
        "diagnostics": [encode(d) for d in result.diagnostics],
    }


def write_entries(directory: Path, on_disk: Mapping[str, Entry], new: List[NewResult]) -> Dict[str, Entry]:
    """``on_disk`` (read just before) with the new results, minus deleted files, written to ``directory``;
    returns what was written. Raises ``OSError``."""
    entries = dict(on_disk)
    for path, file_digest, shown, settings, result in new:
        entries[path] = entry_for(file_digest, shown, settings, result)
    kept = {path: entry for path, entry in entries.items() if os.path.exists(path)}
    payload = {"schema": SCHEMA, "environment": environment_key(), "entries": kept}
    _prepare(directory)
    _replace(directory / RESULTS_FILE, json.dumps(payload, separators=(",", ":")))
    return kept


def _prepare(directory: Path) -> None:
    """The directory, with a ``.gitignore`` that ignores all of it and a cache directory tag."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in ((GITIGNORE_FILE, "*\n"), (TAG_FILE, TAG)):
        with contextlib.suppress(FileExistsError), open(directory / name, "x", encoding="utf-8") as handle:
            handle.write(content)


def _replace(target: Path, text: str) -> None:
    descriptor, temporary = tempfile.mkstemp(
        prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
