"""One path from a host's options to :class:`Settings`, shared by every front-end.

Each host says what it wants in its own terms: the CLI's ``--select/--extend-select/--ignore/--today/
--config/--isolated``, its discovery options (``--exclude``, ``--per-file-ignores``, ``--force-exclude``, ...), flake8's ``--select/--extend-select`` and ``--lint-openai-today``, pylint's ``--enable/--disable``
and ``--lint-openai-today``, the language server's initialization options. A front-end turns those into
:class:`HostOptions` with the translator for its host below, and :class:`SettingsResolver` layers them on the
nearest ``pyproject.toml`` and the environment defaults (the installed SDK version; whether a local ``openai``
module shadows it in the file's directory) the same way for all.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from lint_openai.config.environment import installed_sdk_version
from lint_openai.config.pyproject import find_config, load_config_file
from lint_openai.config.selection import validate_selectors
from lint_openai.config.settings import ConfigError, Settings, parse_date, parse_size
from lint_openai.config.shadowing import shadows_sdk
from lint_openai.records import record, replace

CODE_PREFIX = "OAI"
PerFileIgnores = Tuple[Tuple[str, Tuple[str, ...]], ...]


@record
class HostOptions:
    """A host's own options, before they are layered on the project's configuration.

    ``select`` replaces the configured selection; ``extend_select`` and ``ignore`` add to it (codes named
    here enable opt-in rules too). ``config_file`` replaces the discovery of ``pyproject.toml``;
    ``isolated`` ignores every configuration file. ``noqa=False`` leaves ``# noqa`` to the host (flake8
    applies it itself, honouring ``--disable-noqa``). ``exclude`` and ``per_file_ignores`` replace the
    configured ones, their ``extend_`` forms add to them; ``None`` leaves the configuration's value.
    """

    select: Optional[Tuple[str, ...]] = None
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    today: Optional[datetime.date] = None
    config_file: Optional[Path] = None
    isolated: bool = False
    noqa: bool = True
    sdk_version: Optional[str] = None
    exclude: Optional[Tuple[str, ...]] = None
    extend_exclude: Tuple[str, ...] = ()
    per_file_ignores: Optional[PerFileIgnores] = None
    extend_per_file_ignores: PerFileIgnores = ()
    force_exclude: Optional[bool] = None
    respect_gitignore: Optional[bool] = None
    notebooks: Optional[bool] = None  # None: as configured
    config_files: Optional[bool] = None
    max_file_size: Optional[int] = None

    def apply(self, base: Settings) -> Settings:
        """``base`` (from ``pyproject.toml``) with these options layered on top."""
        per_file = self.per_file_ignores if self.per_file_ignores is not None else base.per_file_ignores
        return replace(
            base,
            select=self.select if self.select is not None else base.select,
            extend_select=base.extend_select + self.extend_select,
            ignore=base.ignore + self.ignore,
            today=self.today or base.today,
            noqa=self.noqa,
            sdk_version=self.sdk_version or base.sdk_version,
            exclude=self.exclude if self.exclude is not None else base.exclude,
            extend_exclude=base.extend_exclude + self.extend_exclude,
            per_file_ignores=per_file + self.extend_per_file_ignores,
            force_exclude=base.force_exclude if self.force_exclude is None else self.force_exclude,
            respect_gitignore=base.respect_gitignore
            if self.respect_gitignore is None
            else self.respect_gitignore,
            notebooks=base.notebooks if self.notebooks is None else self.notebooks,
            config_files=base.config_files if self.config_files is None else self.config_files,
            max_file_size=base.max_file_size if self.max_file_size is None else self.max_file_size,
        )


class SettingsResolver:
    """The settings of each file a host checks: its configuration (cached per directory) plus the host's
    options plus environment defaults. One instance per host run."""

    def __init__(
        self,
        options: HostOptions = HostOptions(),
        sdk_version: Callable[[], Optional[str]] = installed_sdk_version,
    ) -> None:
        self.options = options
        self._sdk_version = sdk_version
        self._fixed = load_config_file(options.config_file.resolve()) if options.config_file else None
        self._by_directory: Dict[Path, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        """Settings for a file (or a directory's files): nearest ``pyproject.toml`` unless overridden."""
        directory = path if path.is_dir() else path.parent
        found = self._by_directory.get(directory) if directory.is_absolute() else None
        if found is None:  # a directory not seen as given: resolved once (symlinks, ``..``)
            real = directory.resolve()
            found = self._by_directory.get(real) or self._resolve(real)
            self._by_directory[real] = found
            if directory.is_absolute():
                self._by_directory[directory] = found
        return found

    @functools.cached_property
    def _installed_sdk_version(self) -> Optional[str]:
        """The environment's SDK version, asked once per run (one run does not see an upgrade)."""
        return self._sdk_version()

    def _resolve(self, directory: Path) -> Settings:
        if self.options.isolated:
            base = Settings()
        elif self._fixed is not None:
            base = self._fixed
        else:
            config = find_config(directory)
            base = load_config_file(config) if config else Settings()
        settings = self.options.apply(base)
        if settings.sdk_version is None:
            settings = replace(settings, sdk_version=self._installed_sdk_version)
        if shadows_sdk(directory):
            settings = replace(settings, sdk_shadowed=True)
        return settings


# ---------------------------------------------------------------------------------------------- hosts
def split_codes(values: Optional[Iterable[str]]) -> Optional[Tuple[str, ...]]:
    """Flatten repeated, comma-separated options (``--select OAI101,OAI102 --select OAI2``, ``--exclude``)."""
    if values is None:
        return None
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def split_per_file_ignores(values: Optional[Iterable[str]], option: str) -> Optional[PerFileIgnores]:
    """``PATTERN:CODE[,CODE...]`` values (several pairs may share one value: ``a.py:OAI101,b.py:OAI1``)."""
    if values is None:
        return None
    pairs: List[Tuple[str, List[str]]] = []
    for value in values:
        for item in (part.strip() for part in value.split(",")):
            if ":" in item:
                pattern, code = (text.strip() for text in item.rsplit(":", 1))
                if not pattern:
                    raise ConfigError(f"{option}: empty file pattern in {value!r}")
                pairs.append((pattern, [code] if code else []))
            elif item and pairs:
                pairs[-1][1].append(item)
            elif item:
                raise ConfigError(
                    f"{option}: expected PATTERN:CODES (e.g. 'legacy/*.py:OAI101'), got {value!r}"
                )
    for pattern, codes in pairs:
        if not codes:
            raise ConfigError(f"{option}: no codes for {pattern!r}")
        validate_selectors(codes, option)
    return tuple((pattern, tuple(codes)) for pattern, codes in pairs)


def cli_options(
    *,
    select: Optional[Sequence[str]],
    extend_select: Optional[Sequence[str]],
    ignore: Optional[Sequence[str]],
    today: Optional[str],
    config_file: Optional[Path],
    isolated: bool = False,
    sdk_version: Optional[str] = None,
    exclude: Optional[Sequence[str]] = None,
    extend_exclude: Optional[Sequence[str]] = None,
    per_file_ignores: Optional[Sequence[str]] = None,
    extend_per_file_ignores: Optional[Sequence[str]] = None,
    force_exclude: Optional[bool] = None,
    respect_gitignore: Optional[bool] = None,
    notebooks: Optional[bool] = None,
    config_files: Optional[bool] = None,
    max_file_size: Optional[str] = None,
) -> HostOptions:
    """The CLI's ``check`` options (each validated; unknown codes are a :class:`ConfigError`).

    ``None`` means "not given": the configuration's value stands.
    """
    codes = {option: split_codes(values) for option, values in (
        ("--select", select), ("--extend-select", extend_select), ("--ignore", ignore)
    )}  # fmt: skip
    for option, values in codes.items():
        if values:
            validate_selectors(values, option)
    return HostOptions(
        select=codes["--select"] or None,
        extend_select=codes["--extend-select"] or (),
        ignore=codes["--ignore"] or (),
        today=parse_date(today, "--today") if today else None,
        config_file=config_file,
        isolated=isolated,
        sdk_version=sdk_version,
        exclude=split_codes(exclude),
        extend_exclude=split_codes(extend_exclude) or (),
        per_file_ignores=split_per_file_ignores(per_file_ignores, "--per-file-ignores"),
        extend_per_file_ignores=split_per_file_ignores(extend_per_file_ignores, "--extend-per-file-ignores")
        or (),
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
        notebooks=notebooks,
        config_files=config_files,
        max_file_size=parse_size(max_file_size, "--max-file-size") if max_file_size is not None else None,
    )


def flake8_options(selected: Sequence[str], today: Optional[str]) -> HostOptions:
    """flake8's ``--select``/``--extend-select`` (codes of ours enable opt-in rules: flake8 can only filter
    what a plugin yields) and ``--lint-openai-today``; flake8 applies ``# noqa`` itself."""
    ours = tuple(code for code in selected if code.startswith(CODE_PREFIX))
    return HostOptions(
        extend_select=ours,
        today=parse_date(today, "--lint-openai-today") if today else None,
        noqa=False,
    )


def pylint_options(enabled_codes: Iterable[str], today: Optional[str]) -> HostOptions:
    """pylint's ``--enable`` (the opt-in codes it names) and ``--lint-openai-today``.

    pylint filters the messages it shows itself (``--disable``, ``# pylint: disable=...``); ``# noqa`` is
    applied by the engine, as in the CLI.
    """
    return HostOptions(
        extend_select=tuple(sorted(enabled_codes)),
        today=parse_date(today, "--lint-openai-today") if today else None,
    )


def size_limit_message(settings: Settings, size: int, where: str = "[tool.lint-openai]") -> Optional[str]:
    """Why a Python file of ``size`` bytes is not checked under ``settings.max_file_size`` (``None``: it is
    checked), the same for every front-end; ``where`` names where this host lets the limit be raised."""
    limit = settings.max_file_size
    if not limit or size <= limit:
        return None
    return (
        f"file not checked: {size:,} bytes, more than max-file-size ({limit:,}); "
        f"raise max-file-size ({where}) to check it"
    )
