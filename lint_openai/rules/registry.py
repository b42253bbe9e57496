"""The rule registry: every rule, in code order.

The rule modules are imported on first use (:func:`all_rules`), not with this module: configuration and
front-ends import the registry to validate codes and describe findings, and a run whose files need no rule
(none mentions the SDK) never loads one. ``ALL_RULES``, ``RULES_BY_CODE``, ``RULES_BY_SYMBOL`` and
``PARSE_ERROR`` are module attributes computed on first access, for code that reads them after start-up.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable, Dict, Tuple

if TYPE_CHECKING:
    from lint_openai.rules.base import Rule

    # Computed on first access by ``__getattr__`` below; declared here for type checkers.
    ALL_RULES: Tuple[Rule, ...]
    RULES_BY_CODE: Dict[str, Rule]
    RULES_BY_SYMBOL: Dict[str, Rule]
    PARSE_ERROR: Rule


@functools.cache
def all_rules() -> Tuple[Rule, ...]:
    """Every rule, in code order (the rule modules are imported here, once)."""
    from lint_openai.rules import (  # noqa: PLC0415 - the rules load when a file first needs them
        model_ids,
        parse_error,
        platform,
        removed_api,
        request,
        response,
        streaming,
        tokenizer,
    )

    families = (parse_error, removed_api, model_ids, request, tokenizer, streaming, response, platform)
    return tuple(sorted((rule for family in families for rule in family.RULES), key=lambda rule: rule.code))


@functools.cache
def rules_by_code() -> Dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


@functools.cache
def rules_by_symbol() -> Dict[str, Rule]:
    return {rule.symbol: rule for rule in all_rules()}


def parse_error_rule() -> Rule:
    """OAI001, which the engine and the front-ends report themselves."""
    return rules_by_code()["OAI001"]


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
