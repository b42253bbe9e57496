"""The rule registry: every rule, in code order."""

from __future__ import annotations

from typing import Dict, Tuple

from lint_openai.rules import model_ids as models
from lint_openai.rules import parse_error, platform, removed_api, request, response, streaming, tokenizer
from lint_openai.rules.base import Rule

ALL_RULES: Tuple[Rule, ...] = tuple(
    sorted(
        (
            *parse_error.RULES,
            *removed_api.RULES,
            *models.RULES,
            *request.RULES,
            *tokenizer.RULES,
            *streaming.RULES,
            *response.RULES,
            *platform.RULES,
        ),
        key=lambda rule: rule.code,
    )
)


RULES_BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}


RULES_BY_SYMBOL: Dict[str, Rule] = {rule.symbol: rule for rule in ALL_RULES}


PARSE_ERROR = RULES_BY_CODE["OAI001"]


def find_rule(name: str) -> Rule:
    """A rule by code (``OAI101``) or symbol (``removed-v0-resource``); ``KeyError`` if unknown."""
    return RULES_BY_CODE.get(name.upper()) or RULES_BY_SYMBOL[name.lower()]
