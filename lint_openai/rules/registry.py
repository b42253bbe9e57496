"""The rule registry: every rule, in code order.

The rule modules are imported on first use, one by one (:func:`rule_by_code`), not with this module:
configuration and front-ends import the registry to validate codes and describe findings, a run whose files
need no rule (none mentions the SDK) never loads one, and a file loads only the rules that can fire in it
(:func:`rules_for_text`). Where each rule lives comes from the generated :mod:`lint_openai.rules.catalogue`.
``ALL_RULES``, ``RULES_BY_CODE``, ``RULES_BY_SYMBOL`` and ``PARSE_ERROR`` are module attributes computed on
first access, for code that reads them after start-up.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, AbstractSet, Callable, Dict, Optional, Tuple

from lint_openai.rules.catalogue import NEEDS_TEXT, RULE_CLASSES

if TYPE_CHECKING:
    from lint_openai.rules.base import Rule

    # Computed on first access by ``__getattr__`` below; declared here for type checkers.
    ALL_RULES: Tuple[Rule, ...]
    RULES_BY_CODE: Dict[str, Rule]
    RULES_BY_SYMBOL: Dict[str, Rule]
    PARSE_ERROR: Rule


@functools.cache
def rule_by_code(code: str) -> Rule:
    """The rule with this code, its module imported on first use; ``KeyError`` if unknown."""
    module, name = RULE_CLASSES[code]
    rule: Rule = getattr(importlib.import_module(module), name)()
    return rule


def known_rule(code: str) -> Optional[Rule]:
    """The rule with this code (its module imported on first use), or ``None`` for an unknown code."""
    return rule_by_code(code) if code in RULE_CLASSES else None


@functools.cache
def all_rules() -> Tuple[Rule, ...]:
    """Every rule, in code order (every rule module is imported here, once)."""
    return tuple(rule_by_code(code) for code in RULE_CLASSES)


def rules_for_text(codes: AbstractSet[str], text: str) -> Tuple[Rule, ...]:
    """The rules among ``codes`` that can fire in ``text``, in code order: a rule with ``needs_text`` only
    when one of its strings occurs (each string looked for once, however many rules name it). Only their
    modules are imported."""
    present: Dict[str, bool] = {}

    def occurs(needle: str) -> bool:
        found = present.get(needle)
        if found is None:
            found = present[needle] = needle in text
        return found

    return tuple(
        rule_by_code(code)
        for code in RULE_CLASSES
        if code in codes and (code not in NEEDS_TEXT or any(occurs(needle) for needle in NEEDS_TEXT[code]))
    )


@functools.cache
def rules_by_code() -> Dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


@functools.cache
def rules_by_symbol() -> Dict[str, Rule]:
    return {rule.symbol: rule for rule in all_rules()}


def parse_error_rule() -> Rule:
    """OAI001, which the engine and the front-ends report themselves."""
    return rule_by_code("OAI001")


def find_rule(name: str) -> Rule:
    """A rule by code (``OAI101``) or symbol (``removed-v0-resource``); ``KeyError`` if unknown."""
    return rules_by_code().get(name.upper()) or rules_by_symbol()[name.lower()]


_ATTRIBUTES: Dict[str, Callable[[], object]] = {
    "ALL_RULES": all_rules,
    "RULES_BY_CODE": rules_by_code,
    "RULES_BY_SYMBOL": rules_by_symbol,
    "PARSE_ERROR": parse_error_rule,
}


def __getattr__(name: str) -> object:
    """``ALL_RULES``, ``RULES_BY_CODE``, ``RULES_BY_SYMBOL`` and ``PARSE_ERROR``, computed on first access."""
    try:
        return _ATTRIBUTES[name]()
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
