"""Settings: what to check and how, as one immutable value shared by every front-end."""

from __future__ import annotations

import datetime
import fnmatch
import re
from pathlib import Path
from typing import Any, Optional, Tuple

from lint_openai.records import record, replace

# Files larger than this are not parsed (OAI001 says so). Measured on 2 CPUs: a 2 MiB file dense with SDK
# calls takes 8-15 s and 220 MB; 4 MiB takes 60-70 s and 410 MB (the analyses grow faster than the size).
# The largest file of the openai package itself is 0.3 MB.
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
_SIZE = re.compile(r"^\s*(\d+)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class ConfigError(Exception):
    """The configuration is invalid; the message says where and why."""


@record
class Settings:
    """What to check and how. ``None`` for ``select`` means the default rule set.

    With the source text, this is everything a finding depends on: the engine reads no environment.
    ``sdk_version`` is the ``openai`` version the code runs against (``None``: the version the knowledge
    was generated from); front-ends default it to the installed version; below 1.0, rules about the v1
    package are off (:mod:`lint_openai.config.sdk_target`). ``noqa=False`` leaves inline
    ``# noqa`` comments to a host that applies them itself.
    """

    select: Optional[Tuple[str, ...]] = None
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    exclude: Tuple[str, ...] = ()
    extend_exclude: Tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    notebooks: bool = True  # directory runs check Jupyter notebooks (.ipynb)
    config_files: bool = False  # directory runs check configuration files for model ids (opt-in)
    today: Optional[datetime.date] = None
    config_path: Optional[Path] = None
    # From ``models-override``: shutdown dates reported by GET /v1/models (``lint-openai models --refresh``).
    model_shutdown_dates: Tuple[Tuple[str, Optional[str]], ...] = ()
    models_override_source: str = ""
    sdk_version: Optional[str] = None
    # ``import openai`` in this file's directory finds a local ``openai.py`` or ``openai/`` package, not the
    # SDK (filled by the front-ends: :mod:`lint_openai.config.shadowing`).
    sdk_shadowed: bool = False
    noqa: bool = True
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; 0: no limit

    @property
    def project_root(self) -> Optional[Path]:
        return self.config_path.parent if self.config_path else None

    def effective_today(self) -> datetime.date:
        """The date model-lifecycle rules compare against (pinned, or the real date)."""
        return self.today or datetime.date.today()

    def merged(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

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


def parse_size(value: Any, where: str) -> int:
    """A size in bytes: a number, or a string such as ``"2MB"``, ``"512 KiB"`` (K, M, G are powers of 1024)."""
    match = _SIZE.match(value) if isinstance(value, str) else None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if match is None:
        raise ConfigError(
            f'{where}: expected a size such as 2097152, "512KB" or "2MB" (0: no limit), got {value!r}'
        )
    return int(match.group(1)) * _UNITS[match.group(2)[:1].lower()]
