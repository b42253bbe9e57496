"""Settings: the one place that reads ``[tool.lint-openai]`` from ``pyproject.toml``.

Every front-end (CLI, flake8, pylint) calls :func:`load_settings` for the file it checks, so all of
them report the same findings for the same tree. Host-specific options are layered on top with
:meth:`Settings.merged`.
"""

from __future__ import annotations

import datetime
import fnmatch
import functools
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

CONFIG_SECTION = "lint-openai"


class ConfigError(Exception):
    """The configuration is invalid; the message says where and why."""


@dataclass(frozen=True)
class Settings:
    """What to check and how. ``None`` for ``select`` means the default rule set."""

    select: Optional[Tuple[str, ...]] = None
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    exclude: Tuple[str, ...] = ()
    extend_exclude: Tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    today: Optional[datetime.date] = None
    config_path: Optional[Path] = None
    # From ``models-override``: shutdown dates reported by GET /v1/models (``lint-openai models --refresh``).
    model_shutdown_dates: Tuple[Tuple[str, Optional[str]], ...] = ()
    models_override_source: str = ""

    @property
    def project_root(self) -> Optional[Path]:
        return self.config_path.parent if self.config_path else None

    def effective_today(self) -> datetime.date:
        """The date model-lifecycle rules compare against (pinned, or the real date)."""
        return self.today or datetime.date.today()

    def merged(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def with_host_options(
        self,
        select: Optional[Tuple[str, ...]] = None,
        extend_select: Tuple[str, ...] = (),
        ignore: Tuple[str, ...] = (),
        today: Optional[datetime.date] = None,
    ) -> Settings:
        """A host's options on top of the configuration: ``select`` replaces, the others add or pin."""
        settings = self.merged(select=select or None, today=today)
        if extend_select:
            settings = settings.merged(extend_select=settings.extend_select + tuple(extend_select))
        if ignore:
            settings = settings.merged(ignore=settings.ignore + tuple(ignore))
        return settings

    def ignored_for_path(self, path: str) -> Tuple[str, ...]:
        """Codes ignored for ``path`` by ``per-file-ignores``."""
        if not self.per_file_ignores or not path:
            return ()
        relative = _relative_posix(path, self.project_root)
        name = relative.rsplit("/", 1)[-1]
        codes: list[str] = []
        for pattern, pattern_codes in self.per_file_ignores:
            target = relative if "/" in pattern else name
            if fnmatch.fnmatchcase(target, pattern) or fnmatch.fnmatchcase(relative, pattern):
                codes.extend(pattern_codes)
        return tuple(codes)


def _relative_posix(path: str, root: Optional[Path]) -> str:
    candidate = Path(path)
    if root is not None:
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return candidate.as_posix()


def parse_date(value: Any, where: str) -> datetime.date:
    """Parse a ``YYYY-MM-DD`` date, or raise :class:`ConfigError` naming ``where``."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: expected a date as YYYY-MM-DD, got {value!r}") from None


def _code_list(value: Any, where: str) -> Tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of rule codes, got {value!r}")
    from .selection import validate_selectors

    validate_selectors(value, where)
    return tuple(value)


def _string_list(value: Any, where: str) -> Tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def settings_from_mapping(table: Mapping[str, Any], where: str) -> Settings:
    """Build settings from a ``[tool.lint-openai]`` table, rejecting unknown keys."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        at = f"{where}: {key}"
        if key in ("select", "extend-select", "ignore"):
            values[key.replace("-", "_")] = _code_list(value, at)
        elif key in ("exclude", "extend-exclude"):
            values[key.replace("-", "_")] = _string_list(value, at)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{at}: expected a table of glob = [codes]")
            values["per_file_ignores"] = tuple(
                (str(glob), _code_list(codes, f"{at}.{glob}")) for glob, codes in value.items()
            )
        elif key == "today":
            values["today"] = parse_date(value, at)
        elif key in ("respect-gitignore", "force-exclude"):
            if not isinstance(value, bool):
                raise ConfigError(f"{at}: expected true or false, got {value!r}")
            values[key.replace("-", "_")] = value
        else:
            known = (
                "select, extend-select, ignore, per-file-ignores, exclude, extend-exclude, respect-gitignore, "
                "force-exclude, today, models-override"
            )
            raise ConfigError(f"{where}: unknown option {key!r} (known: {known})")
    return Settings(**values)


def find_config(start: Path) -> Optional[Path]:
    """The nearest ``pyproject.toml`` at or above ``start`` that has a ``[tool.lint-openai]`` table."""
    directory = start if start.is_dir() else start.parent
    return _find_config_in(directory.resolve())


@functools.lru_cache(maxsize=256)
def _find_config_in(directory: Path) -> Optional[Path]:
    for candidate_dir in (directory, *directory.parents):
        candidate = candidate_dir / "pyproject.toml"
        if candidate.is_file() and CONFIG_SECTION in _tool_tables(candidate):
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def _tool_tables(pyproject: Path) -> Dict[str, Any]:
    try:
        with pyproject.open("rb") as handle:
            document = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read TOML: {error}") from None
    tool = document.get("tool", {})
    return tool if isinstance(tool, dict) else {}


@functools.lru_cache(maxsize=64)
def load_config_file(pyproject: Path) -> Settings:
    """Settings from one given ``pyproject.toml`` (an empty table if it has none)."""
    table = _tool_tables(pyproject).get(CONFIG_SECTION, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.{CONFIG_SECTION}] must be a table")
    table = dict(table)
    override = table.pop("models-override", None)
    settings = replace(settings_from_mapping(table, str(pyproject)), config_path=pyproject)
    if override is not None:
        if not isinstance(override, str):
            raise ConfigError(
                f"{pyproject}: models-override: expected a path to a file written by `lint-openai models --refresh`"
            )
        settings = replace(settings, **read_models_override(pyproject.parent / override))
    return settings


def read_models_override(path: Path) -> Dict[str, Any]:
    """The settings fields for a ``models-override`` file (shutdown dates from ``GET /v1/models``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        dates = tuple(sorted((str(k), v if v is None else str(v)) for k, v in data["models"].items()))
    except (OSError, ValueError, KeyError, AttributeError) as error:
        raise ConfigError(f"{path}: cannot read the models override: {error}") from None
    for _, shutdown in dates:
        if shutdown is not None:
            parse_date(shutdown, str(path))
    return {
        "model_shutdown_dates": dates,
        "models_override_source": f"{path.name}: {data.get('source', 'GET /v1/models')}",
    }


def forget_config_files() -> None:
    """Drop the cached ``pyproject.toml`` lookups, for hosts that outlive a change to them (the server)."""
    _find_config_in.cache_clear()
    _tool_tables.cache_clear()
    load_config_file.cache_clear()


def load_settings(path: Path) -> Settings:
    """Settings for a file or directory: from the nearest configured ``pyproject.toml``, else defaults."""
    config = find_config(path)
    return load_config_file(config) if config else Settings()
