"""``lint-openai check --show-settings``: the settings a file is checked with, as TOML one could paste."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Tuple

from lint_openai.config.selection import enabled_for_path
from lint_openai.config.settings import Settings
from lint_openai.frontends.cli.discovery import excludes_for


def _toml(value: object) -> str:
    """A TOML value (JSON's strings, booleans and arrays of strings are TOML too)."""
    return json.dumps(value)


def _per_file_table(pairs: Tuple[Tuple[str, Tuple[str, ...]], ...]) -> str:
    merged: Dict[str, List[str]] = {}
    for pattern, codes in pairs:
        merged.setdefault(pattern, []).extend(codes)
    inner = ", ".join(f"{_toml(pattern)} = {_toml(codes)}" for pattern, codes in merged.items())
    return f"{{ {inner} }}" if inner else "{}"


def format_settings(path: Path, settings: Settings, isolated: bool = False) -> str:
    """The resolved settings of ``path`` (configuration plus command line), and the rules enabled for it."""
    if settings.config_path is not None:
        origin = str(settings.config_path)
    else:
        origin = "none (--isolated)" if isolated else "none (defaults)"
    lines = [
        f"# Resolved settings for: {path}",
        f"# Settings path: {origin}",
        "",
        "[tool.lint-openai]",
        f"select = {_toml(list(settings.select) if settings.select is not None else ['OAI'])}",
        f"extend-select = {_toml(list(settings.extend_select))}",
        f"ignore = {_toml(list(settings.ignore))}",
        f"per-file-ignores = {_per_file_table(settings.per_file_ignores)}",
        f"exclude = {_toml(list(excludes_for(settings, extended=False)))}",
        f"extend-exclude = {_toml(list(settings.extend_exclude))}",
        f"respect-gitignore = {_toml(settings.respect_gitignore)}",
        f"force-exclude = {_toml(settings.force_exclude)}",
        f"notebooks = {_toml(settings.notebooks)}",
        f"config-files = {_toml(settings.config_files)}",
    ]
    if settings.today is not None:
        lines.append(f"today = {_toml(settings.today.isoformat())}")
    else:
        lines.append(
            "# today is not pinned: model rules compare with the date of the run "
            f"({settings.effective_today().isoformat()})"
        )
    if settings.sdk_version is not None:
        lines.append(f"sdk-version = {_toml(settings.sdk_version)}")
    if settings.sdk_shadowed:
        lines.append(
            "# `import openai` here finds the local openai.py (or openai/) beside the file, not the SDK"
        )
    if settings.models_override_source:
        lines.append(
            f"# models-override: {settings.models_override_source} "
            f"({len(settings.model_shutdown_dates)} models)"
        )
    codes = sorted(enabled_for_path(settings, str(path)))
    lines += [
        "",
        f"# The rules enabled for this file ({len(codes)})",
        "[enabled-rules]",
        f"codes = {_toml(codes)}",
    ]
    return "\n".join(lines) + "\n"
