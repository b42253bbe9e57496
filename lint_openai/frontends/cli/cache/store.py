"""The cache's entries: one per checked file, in ``results.json`` in the cache directory.

The file holds the environment it was written for (:func:`.keys.environment_key`); a file for another one,
or one that does not parse, is ignored (and replaced by the next run that stores anything), and so is an
entry that is not what this version writes. An entry is served only for the same bytes, display path and
settings, on a date inside its window (:mod:`.validity`). Writes go to a temporary file renamed over the
old one, so concurrent runs never see half a file (the last to finish wins; the other's new entries are
computed again next time). Saving drops the entries of files that no longer exist: one entry per existing
file at most, whatever the number of runs, settings and edits.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from lint_openai.config.settings import Settings
from lint_openai.frontends.cli.cache.codec import MalformedEntryError, decode
from lint_openai.frontends.cli.cache.keys import (
    Entry,
    NewResult,
    digest,
    environment_key,
    in_window,
    settings_key,
)
from lint_openai.frontends.cli.cache.location import RESULTS_FILE, SCHEMA
from lint_openai.frontends.cli.results import FileResult
from lint_openai.frontends.file_kinds import CONFIG_FILE, FileSkippedError, file_kind
from lint_openai.source.decoding import SourceDecodeError


class ResultsCache:
    """The entries of one cache directory, read on first use and written back by :meth:`save`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._loaded: Optional[Dict[str, Entry]] = None
        self._new: List[NewResult] = []

    def lookup(self, path: Path, shown: str, settings: Settings, data: bytes) -> Optional[FileResult]:
        """The cached result of checking ``data`` (the bytes of ``path``, shown as ``shown``), if one holds."""
        kind = file_kind(shown)
        if kind is CONFIG_FILE:
            return None  # configuration files are small, and how they read depends on PyYAML being installed
        entry = self._entries().get(os.path.abspath(path))
        if not isinstance(entry, dict) or not _holds(entry, shown, settings, data):
            return None
        try:
            diagnostics = [decode(item, shown) for item in entry["diagnostics"]]
            note = entry["note"]
            if note is not None and not isinstance(note, str):
                return None
            source = kind.decode(data) if diagnostics else None
        except (KeyError, TypeError, MalformedEntryError, SourceDecodeError, FileSkippedError):
            return None
        return FileResult(shown, diagnostics, source, note=note)

    def store(self, path: Path, shown: str, settings: Settings, data: bytes, result: FileResult) -> None:
        """Keep the result of checking ``data``; results that are not a pure function of it are not kept."""
        unexplained = any(d.path != shown for d in result.diagnostics)
        if result.internal_error or unexplained or file_kind(shown) is CONFIG_FILE:
            return
        self._new.append((os.path.abspath(path), digest(data), shown, settings, result))

    def save(self) -> Optional[str]:
        """Write the new entries (dropping those of deleted files); what went wrong, if anything did."""
        if not self._new and all(os.path.exists(path) for path in self._loaded or ()):
            return None
        from lint_openai.frontends.cli.cache.writing import write_entries  # noqa: PLC0415 - only when writing

        try:
            self._loaded = write_entries(self.directory, self._read(), self._new)
        except OSError as error:
            return f"cannot write the results cache in {self.directory}: {error.strerror or error}"
        self._new = []
        return None

    def _entries(self) -> Dict[str, Entry]:
        if self._loaded is None:
            self._loaded = self._read()
        return self._loaded

    def _read(self) -> Dict[str, Entry]:
        """The entries on disk now; none if the file is missing, corrupt or for another environment."""
        try:
            with open(self.directory / RESULTS_FILE, encoding="utf-8") as handle:
                payload = json.load(handle)
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(payload, dict)
            or payload.get("schema") != SCHEMA
            or payload.get("environment") != environment_key()
            or not isinstance(payload.get("entries"), dict)
        ):
            return {}
        entries: Dict[str, Dict[str, Any]] = payload["entries"]  # a JSON object of entries, checked above
        return entries


def _holds(entry: Entry, shown: str, settings: Settings, data: bytes) -> bool:
    """Whether ``entry`` is the result for these bytes, shown so, with these settings, on their judged date."""
    try:
        return (
            entry["shown"] == shown
            and entry["settings"] == settings_key(settings)
            and in_window(entry["from"], entry["until"], settings.effective_today())
            and entry["digest"] == digest(data)
        )
    except (KeyError, TypeError):
        return False
