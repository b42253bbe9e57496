"""flake8 front-end: ``flake8 --select OAI``. Translates engine diagnostics to flake8 tuples."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path
from typing import Any, ClassVar, Iterator, List, Optional, Tuple

from . import __version__
from .engine import InternalError, check_source
from .settings import ConfigError, Settings, load_settings, parse_date


class Flake8Plugin:
    """An AST plugin: flake8 hands over its parsed tree, so the file is not parsed twice."""

    name = "lint-openai"
    version = __version__
    today_option: ClassVar[Optional[str]] = None
    flake8_selected: ClassVar[Tuple[str, ...]] = ()

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
        cls.today_option = getattr(options, "lint_openai_today", None)
        selected = [
            *(getattr(options, "select", None) or []),
            *(getattr(options, "extend_select", None) or []),
        ]
        # flake8 can only filter what a plugin yields: codes named on flake8's command line enable
        # lint-openai's opt-in rules as well.
        cls.flake8_selected = tuple(code for code in selected if code.startswith("OAI"))

    def settings(self) -> Settings:
        path = Path(self.filename) if self.filename not in ("-", "stdin") else Path.cwd()
        today = parse_date(self.today_option, "--lint-openai-today") if self.today_option else None
        return load_settings(path.resolve()).with_host_options(
            extend_select=self.flake8_selected, today=today
        )

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        text = "".join(self.lines)
        try:
            # flake8 applies inline noqa comments itself (and honours --disable-noqa).
            diagnostics = check_source(text, self.filename, self.settings(), self.tree, honor_noqa=False)
        except (ConfigError, InternalError) as error:
            # flake8 has no channel for plugin errors but findings: report once, at the top of the file.
            yield 1, 0, f"OAI001 lint-openai could not check this file: {error}", type(self)
            return
        for diagnostic in diagnostics:
            message = f"{diagnostic.code} {diagnostic.message}"
            yield diagnostic.start.row, diagnostic.start.column - 1, message, type(self)
