"""Reading ``[tool.lint-openai]`` from the nearest ``pyproject.toml`` into :class:`Settings`."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

from lint_openai.config.selection import validate_selectors
from lint_openai.config.settings import ConfigError, Settings, parse_date, parse_size
from lint_openai.records import replace

CONFIG_SECTION = "lint-openai"


def _code_list(value: Any, where: str) -> Tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of rule codes, got {value!r}")
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
        elif key == "sdk-version":
            if not isinstance(value, str) or not value[:1].isdigit():
                raise ConfigError(f'{at}: expected an openai version such as "3.57.0", got {value!r}')
            values["sdk_version"] = value
        elif key == "max-file-size":
            values["max_file_size"] = parse_size(value, at)
        elif key in ("respect-gitignore", "force-exclude", "notebooks", "config-files"):
            if not isinstance(value, bool):
                raise ConfigError(f"{at}: expected true or false, got {value!r}")
            values[key.replace("-", "_")] = value
        else:
            known = (
                "select, extend-select, ignore, per-file-ignores, exclude, extend-exclude, respect-gitignore, "
                "force-exclude, notebooks, config-files, today, sdk-version, models-override, max-file-size"
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
    # The TOML parser loads with the first pyproject.toml (a run outside any project reads none).
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - exercised on Python < 3.11 only
        import tomli as tomllib  # noqa: PLC0415
    try:
        with pyproject.open("rb") as handle:
            document = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read TOML: {error}") from None
    except UnicodeDecodeError as error:  # TOML is UTF-8 only
        raise ConfigError(
            f"{pyproject}: cannot read TOML: not UTF-8 ({error.reason} at byte {error.start})"
        ) from None
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
