"""OAI6xx: v1 response objects handled like v0 dictionaries, and fields read from the wrong choice type."""

from __future__ import annotations

from lint_openai.rules.response.response_subscript import ResponseSubscript
from lint_openai.rules.response.wrong_choice_field import WrongChoiceField

RULES = (ResponseSubscript(), WrongChoiceField())
