"""pylint front-end: ``pylint --load-plugins=lint_openai.pylint_plugin``.

pylint requires all messages of one checker to share a checker id (the two digits after the
letter), so each rule family gets a checker that only declares its messages (``W71xx`` for OAI1xx,
``W72xx`` for OAI2xx, ...); one of them runs the engine once per module and emits all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Tuple

from pylint.checkers import BaseRawFileChecker

from .engine import InternalError, check_source
from .rules import ALL_RULES
from .rules.base import Rule
from .settings import ConfigError, load_settings, parse_date
from .source import SourceDecodeError, decode_source

if TYPE_CHECKING:
    from astroid import nodes
    from pylint.lint import PyLinter

CHECKER_NAME = "lint-openai"


def message_id(code: str) -> str:
    """``OAI101`` -> ``W7101``."""
    return f"W7{code[3:]}"


# pylint already has a ``parse-error`` (F0010), and symbols must be unique across checkers.
PYLINT_SYMBOLS = {"OAI001": "lint-openai-parse-error"}
ERROR_MESSAGE = (
    "W7000",
    "lint-openai-error",
    "lint-openai could not check the module (configuration or internal error).",
)


def _messages(rules: List[Rule]) -> Dict[str, Tuple[str, str, str]]:
    return {
        message_id(rule.code): (
            "%s",
            PYLINT_SYMBOLS.get(rule.code, rule.symbol),
            f"{rule.summary} ({rule.code}).",
        )
        for rule in rules
    }


def _families() -> Dict[str, List[Rule]]:
    families: Dict[str, List[Rule]] = {}
    for rule in ALL_RULES:
        families.setdefault(rule.code[3], []).append(rule)
    return families


class LintOpenAIChecker(BaseRawFileChecker):
    """Runs the lint-openai engine on each module and reports its diagnostics."""

    name = CHECKER_NAME
    msgs = {**_messages(_families()["0"]), ERROR_MESSAGE[0]: ("%s", *ERROR_MESSAGE[1:])}
    options = (
        (
            "lint-openai-today",
            {
                "default": None,
                "type": "string",
                "metavar": "<YYYY-MM-DD>",
                "help": "Pin today's date for lint-openai's model lifecycle rules.",
            },
        ),
    )

    def process_module(self, node: nodes.Module) -> None:
        path = node.file or "<unknown>"
        try:
            with node.stream() as stream:
                text = decode_source(stream.read())
        except (OSError, SourceDecodeError):
            return  # pylint reports unreadable and undecodable files itself
        try:
            settings = load_settings(Path(path).resolve())
            today = self.linter.config.lint_openai_today
            if today:
                settings = settings.merged(today=parse_date(today, "--lint-openai-today"))
            diagnostics = check_source(text, path, settings)
        except (ConfigError, InternalError) as error:
            self.add_message(
                ERROR_MESSAGE[0], line=1, args=(f"lint-openai could not check this file: {error}",)
            )
            return
        for diagnostic in diagnostics:
            self.add_message(
                message_id(diagnostic.code),
                line=diagnostic.start.row,
                col_offset=diagnostic.start.column - 1,
                end_lineno=diagnostic.end.row,
                end_col_offset=diagnostic.end.column - 1,
                args=(diagnostic.message,),
            )


def _declaring_checker(family: str, rules: List[Rule]) -> type:
    return type(
        f"LintOpenAIFamily{family}Checker",
        (BaseRawFileChecker,),
        {
            "name": CHECKER_NAME,
            "msgs": _messages(rules),
            "process_module": lambda self, node: None,
            "__doc__": f"Declares lint-openai's OAI{family}xx messages (emitted by LintOpenAIChecker).",
        },
    )


def register(linter: PyLinter) -> None:
    """pylint's plugin entry point."""
    linter.register_checker(LintOpenAIChecker(linter))
    for family, rules in sorted(_families().items()):
        if family != "0":
            linter.register_checker(_declaring_checker(family, rules)(linter))
