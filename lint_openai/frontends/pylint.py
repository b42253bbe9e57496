"""pylint front-end: ``pylint --load-plugins=lint_openai.pylint_plugin``.

pylint requires all messages of one checker to share a checker id (the two digits after the
letter) and only runs checkers with an enabled message, so each rule family gets its own checker
(``W70xx`` for OAI0xx, ``W71xx`` for OAI1xx, ...). The engine runs once per module; each checker
emits its own family's diagnostics, so ``--enable=removed-v0-resource`` alone works.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from pylint.checkers import BaseRawFileChecker

from lint_openai.config.hosts import HostOptions, SettingsResolver, pylint_options
from lint_openai.config.settings import ConfigError
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import InternalError, check_source
from lint_openai.frontends.size_limit import oversized
from lint_openai.rules.base import Rule
from lint_openai.rules.registry import ALL_RULES
from lint_openai.source.decoding import SourceDecodeError, decode_source

if TYPE_CHECKING:
    from astroid import nodes
    from pylint.lint import PyLinter

CHECKER_NAME = "lint-openai"
# pylint already has a ``parse-error`` (F0010), and symbols must be unique across checkers.
PYLINT_SYMBOLS = {"OAI001": "lint-openai-parse-error"}
ERROR_MESSAGE = (
    "W7000",
    "lint-openai-error",
    "lint-openai could not check the module (configuration error).",
)
TODAY_OPTION = (
    "lint-openai-today",
    {
        "default": None,
        "type": "string",
        "metavar": "<YYYY-MM-DD>",
        "help": "Pin today's date for lint-openai's model lifecycle rules.",
    },
)


def message_id(code: str) -> str:
    """``OAI101`` -> ``W7101``."""
    return f"W7{code[3:]}"


def pylint_symbol(rule: Rule) -> str:
    """The symbol of ``rule``'s pylint message (unique across pylint's own checkers)."""
    return PYLINT_SYMBOLS.get(rule.code, rule.symbol)


def _messages(rules: List[Rule]) -> Dict[str, Tuple[str, str, str]]:
    return {
        message_id(rule.code): (
            "%s",
            pylint_symbol(rule),
            f"{rule.summary} ({rule.code}).",
        )
        for rule in rules
    }


def _families() -> Dict[str, List[Rule]]:
    families: Dict[str, List[Rule]] = {}
    for rule in ALL_RULES:
        families.setdefault(rule.code[3], []).append(rule)
    return families


def host_options(linter: PyLinter) -> HostOptions:
    """pylint's options as lint-openai options: the opt-in rules ``--enable`` names, and ``--lint-openai-today``.

    pylint expands a checker name into all its messages, so when every message of ours is enabled the
    checker was named as a whole (``--enable=lint-openai``, ``--enable=all``): that selects the default
    rules, as ``--select OAI`` does. Naming an opt-in rule (``--enable=legacy-completions-endpoint`` or
    ``W7105``) enables it.
    """
    named = {value.strip().lower() for value in getattr(linter.config, "enable", None) or ()}
    names = {rule.code: {pylint_symbol(rule), message_id(rule.code).lower()} for rule in ALL_RULES}
    whole_checker = all(ids & named for ids in names.values())
    enabled = (
        ()
        if whole_checker
        else [rule.code for rule in ALL_RULES if not rule.default_enabled and names[rule.code] & named]
    )
    return pylint_options(enabled, getattr(linter.config, "lint_openai_today", None))


class _EngineRun:
    """The diagnostics of the module being checked, computed once for all family checkers."""

    key: Optional[Tuple[str, int]] = None
    diagnostics: List[Diagnostic] = []
    error: Optional[str] = None
    resolvers: Dict[int, SettingsResolver] = {}

    @classmethod
    def for_module(cls, node: nodes.Module, linter: PyLinter) -> Tuple[List[Diagnostic], Optional[str]]:
        key = (node.file or "", id(node))
        if cls.key != key:
            cls.key = key
            cls.diagnostics, cls.error = cls._run(node, linter)
        return cls.diagnostics, cls.error

    @classmethod
    def _run(cls, node: nodes.Module, linter: PyLinter) -> Tuple[List[Diagnostic], Optional[str]]:
        path = node.file or "<unknown>"
        try:
            with node.stream() as stream:
                data = stream.read()
            text = decode_source(data)
        except (OSError, SourceDecodeError):
            return [], None  # pylint reports unreadable and undecodable files itself
        try:
            resolver = cls.resolvers.get(id(linter))
            if resolver is None:
                resolver = cls.resolvers[id(linter)] = SettingsResolver(host_options(linter))
            settings = resolver.for_path(Path(path))
            too_large = oversized(text, path, settings, len(data))
            return (check_source(text, path, settings) if too_large is None else too_large), None
        except (ConfigError, InternalError) as error:
            return [], f"lint-openai could not check this file: {error}"


class _FamilyChecker(BaseRawFileChecker):
    """Emits the diagnostics of one rule family."""

    name = CHECKER_NAME
    family = ""

    def process_module(self, node: nodes.Module) -> None:
        diagnostics, error = _EngineRun.for_module(node, self.linter)
        if error and self.family == "0":
            self.add_message(ERROR_MESSAGE[0], line=1, args=(error,))
        for diagnostic in diagnostics:
            if diagnostic.code[3] != self.family:
                continue
            self.add_message(
                message_id(diagnostic.code),
                line=diagnostic.start.row,
                col_offset=diagnostic.start.column - 1,
                end_lineno=diagnostic.end.row,
                end_col_offset=diagnostic.end.column - 1,
                args=(diagnostic.message,),
            )


def _checker_class(family: str, rules: List[Rule]) -> type:
    messages = _messages(rules)
    attributes: Dict[str, object] = {"family": family, "msgs": messages, "options": ()}
    if family == "0":
        messages[ERROR_MESSAGE[0]] = ("%s", *ERROR_MESSAGE[1:])
        attributes["options"] = (TODAY_OPTION,)
    attributes["__doc__"] = f"lint-openai's OAI{family}xx rules."
    return type(f"LintOpenAIFamily{family}Checker", (_FamilyChecker,), attributes)


def register(linter: PyLinter) -> None:
    """pylint's plugin entry point."""
    for family, rules in sorted(_families().items()):
        linter.register_checker(_checker_class(family, rules)(linter))
