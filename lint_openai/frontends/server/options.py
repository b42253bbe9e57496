"""Client options and the effective settings of a document.

Layers, lowest first: the nearest ``pyproject.toml`` (as the CLI finds it), ``initializationOptions``,
then ``workspace/configuration`` (section ``lint-openai``). Client keys: ``select`` and ``ignore`` (rule
codes or prefixes; ``select`` replaces the configured selection, ``ignore`` adds to it, as on the command
line), ``today`` (``YYYY-MM-DD``), ``unsafeFixes`` (fix-all applies unsafe fixes too) and ``fixAll``
(offer ``source.fixAll.lint-openai``). An invalid value is reported and left out; an invalid
``pyproject.toml`` is reported once and the defaults are used.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Set, Tuple

from .linter import ConfigError, Settings, forget_config_files, load_settings, parse_date, validate_selectors

SECTION = "lint-openai"


@dataclass(frozen=True)
class ClientOptions:
    """What the editor asked for, on top of the project's configuration."""

    select: Optional[Tuple[str, ...]] = None
    ignore: Tuple[str, ...] = ()
    today: Optional[datetime.date] = None
    unsafe_fixes: bool = False
    fix_all: bool = True


def _codes(value: Any, key: str) -> Tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{key}: expected a list of rule codes, got {value!r}")
    validate_selectors(value, key)
    return tuple(value)


def _flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key}: expected true or false, got {value!r}")
    return value


_PARSERS: Dict[str, Tuple[str, Callable[[Any, str], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "today": ("today", parse_date),
    "unsafeFixes": ("unsafe_fixes", _flag),
    "fixAll": ("fix_all", _flag),
}


def parse_options(raw: Any, base: ClientOptions, where: str) -> Tuple[ClientOptions, List[str]]:
    """``base`` with the keys present in ``raw`` replaced, and a message for each key left out."""
    if raw is None:
        return base, []
    if not isinstance(raw, Mapping):
        return base, [f"{where}: expected an object of lint-openai settings, got {raw!r}"]
    values: Dict[str, Any] = {}
    problems: List[str] = []
    for key, value in raw.items():
        if value is None:
            continue
        if key not in _PARSERS:
            problems.append(f"{where}: unknown setting {key!r} (known: {', '.join(_PARSERS)})")
            continue
        field_name, parse = _PARSERS[key]
        try:
            values[field_name] = parse(value, f"{where}: {key}")
        except ConfigError as error:
            problems.append(str(error))
    return replace(base, **values), problems


class SettingsResolver:
    """The settings of each document; reports each configuration problem once, through ``warn``."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        self.warn = warn
        self.initial = ClientOptions()  # from initializationOptions
        self.options = ClientOptions()  # initializationOptions with workspace/configuration on top
        self.root: Optional[Path] = None
        self._warned: Set[str] = set()

    def set_initial(self, raw: Any) -> None:
        self.initial, problems = parse_options(raw, ClientOptions(), "initializationOptions")
        self.options = self.initial
        self._report(problems)

    def set_workspace(self, raw: Any) -> None:
        """Apply a ``workspace/configuration`` (or pushed ``didChangeConfiguration``) section."""
        self.options, problems = parse_options(raw, self.initial, f"settings.{SECTION}")
        self._report(problems)

    def reload(self) -> None:
        """A ``pyproject.toml`` changed: read them again, and report their problems again."""
        forget_config_files()
        self._warned.clear()

    def for_path(self, path: str) -> Settings:
        """The project's configuration for ``path`` (or the workspace root) with the client's on top."""
        where = Path(path) if path else self.root
        try:
            base = load_settings(where.resolve()) if where is not None else Settings()
        except ConfigError as error:
            self._report([f"{error}; using the default settings"])
            base = Settings()
        except OSError as error:
            self._report([f"cannot read the configuration for {where}: {error}; using the default settings"])
            base = Settings()
        options = self.options
        return base.with_host_options(options.select, (), options.ignore, options.today)

    def _report(self, problems: List[str]) -> None:
        for problem in problems:
            if problem not in self._warned:
                self._warned.add(problem)
                self.warn(problem)
