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
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Set, Tuple

from lint_openai.frontends.server.linter import (
    ConfigError,
    HostOptions,
    Settings,
    SettingsResolver,
    forget_config_files,
    settings_from_mapping,
)
from lint_openai.records import record, replace

SECTION = "lint-openai"


@record
class ClientOptions:
    """What the editor asked for, on top of the project's configuration."""

    select: Optional[Tuple[str, ...]] = None
    ignore: Tuple[str, ...] = ()
    today: Optional[datetime.date] = None
    unsafe_fixes: bool = False
    fix_all: bool = True


def _flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key}: expected true or false, got {value!r}")
    return value


# Client key -> ClientOptions field. The first three mean what they mean in [tool.lint-openai] and
# are validated by the same code; the last two are the server's own.
SHARED_KEYS = {"select": "select", "ignore": "ignore", "today": "today"}
FLAG_KEYS = {"unsafeFixes": "unsafe_fixes", "fixAll": "fix_all"}


def _parse(key: str, value: Any, where: str) -> Any:
    if key in SHARED_KEYS:
        return getattr(settings_from_mapping({key: value}, where), SHARED_KEYS[key])
    return _flag(value, f"{where}: {key}")


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
        field_name = SHARED_KEYS.get(key) or FLAG_KEYS.get(key)
        if field_name is None:
            known = ", ".join([*SHARED_KEYS, *FLAG_KEYS])
            problems.append(f"{where}: unknown setting {key!r} (known: {known})")
            continue
        try:
            values[field_name] = _parse(key, value, where)
        except ConfigError as error:
            problems.append(str(error))
    return replace(base, **values), problems


class DocumentSettings:
    """The settings of each document, through the same resolver as every other front-end
    (:class:`lint_openai.config.hosts.SettingsResolver`); reports each configuration problem once."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        self.warn = warn
        self.initial = ClientOptions()  # from initializationOptions
        self.options = ClientOptions()  # initializationOptions with workspace/configuration on top
        self.root: Optional[Path] = None
        self._warned: Set[str] = set()
        self._resolver: Optional[SettingsResolver] = None

    def set_initial(self, raw: Any) -> None:
        self.initial, problems = parse_options(raw, ClientOptions(), "initializationOptions")
        self.options = self.initial
        self._resolver = None
        self._report(problems)

    def set_workspace(self, raw: Any) -> None:
        """Apply a ``workspace/configuration`` (or pushed ``didChangeConfiguration``) section."""
        self.options, problems = parse_options(raw, self.initial, f"settings.{SECTION}")
        self._resolver = None
        self._report(problems)

    def reload(self) -> None:
        """A ``pyproject.toml`` changed: read them again, and report their problems again."""
        forget_config_files()
        self._resolver = None
        self._warned.clear()

    def for_path(self, path: str) -> Settings:
        """The project's configuration for ``path`` (or the workspace root) with the client's on top."""
        if self._resolver is None:
            self._resolver = SettingsResolver(self._host_options())
        where = Path(path) if path else (self.root or Path.cwd())
        try:
            return self._resolver.for_path(where)
        except ConfigError as error:
            self._report([f"{error}; using the default settings"])
        except OSError as error:
            self._report([f"cannot read the configuration for {where}: {error}; using the default settings"])
        return SettingsResolver(self._host_options(isolated=True)).for_path(where)

    def _host_options(self, isolated: bool = False) -> HostOptions:
        options = self.options
        return HostOptions(
            select=options.select, ignore=options.ignore, today=options.today, isolated=isolated
        )

    def _report(self, problems: List[str]) -> None:
        for problem in problems:
            if problem not in self._warned:
                self._warned.add(problem)
                self.warn(problem)
