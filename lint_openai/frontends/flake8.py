"""flake8 front-end: ``flake8 --select OAI``. Translates engine diagnostics to flake8 tuples."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path
from typing import Any, ClassVar, Iterator, List, Optional, Tuple

from lint_openai import __version__
from lint_openai.config.hosts import HostOptions, SettingsResolver, flake8_options
from lint_openai.config.settings import ConfigError, Settings
from lint_openai.engine import InternalError, check_source
from lint_openai.frontends.size_limit import oversized


class Flake8Plugin:
    """An AST plugin: flake8 hands over its parsed tree, so the file is not parsed twice."""

    name = "lint-openai"
    version = __version__
    resolver: ClassVar[SettingsResolver] = SettingsResolver(HostOptions(noqa=False))
    options_error: ClassVar[Optional[ConfigError]] = None

    def __init__(self, tree: ast.Module, filename: str, lines: List[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        option_manager.add_option(
            "--lint-openai-today",
            parse_from_config=True,
            help="pin today's date (YYYY-MM-DD) for lint-openai's model lifecycle rules",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        selected = [
            *(getattr(options, "select", None) or []),
            *(getattr(options, "extend_select", None) or []),
        ]
        try:
            cls.resolver = SettingsResolver(
                flake8_options(selected, getattr(options, "lint_openai_today", None))
            )
            cls.options_error = None
        except ConfigError as error:
            cls.options_error = error  # reported on each file by run(): flake8 has no other channel

    def settings(self) -> Settings:
        if self.options_error is not None:
            raise self.options_error
        path = Path(self.filename).absolute() if self.filename not in ("-", "stdin") else Path.cwd()
        return self.resolver.for_path(path)  # absolute: one resolution per directory, not per file

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        text = "".join(self.lines)
        try:
            settings = self.settings()
            diagnostics = oversized(text, self.filename, settings)
            if diagnostics is None:
                diagnostics = check_source(text, self.filename, settings, self.tree)
        except (ConfigError, InternalError) as error:
            # flake8 has no channel for plugin errors but findings: report once, at the top of the file.
            yield 1, 0, f"OAI001 lint-openai could not check this file: {error}", type(self)
            return
        for diagnostic in diagnostics:
            message = f"{diagnostic.code} {diagnostic.message}"
            yield diagnostic.start.row, diagnostic.start.column - 1, message, type(self)
