"""OAI2xx: retired and deprecated models, and models sent to an endpoint that does not serve them."""

from __future__ import annotations

from lint_openai.rules.model_ids.chat_model_on_completions import ChatModelOnCompletions
from lint_openai.rules.model_ids.completions_model_on_chat import CompletionsModelOnChat
from lint_openai.rules.model_ids.deprecated_model import DeprecatedModel
from lint_openai.rules.model_ids.retired_model import RetiredModel

RULES = (RetiredModel(), DeprecatedModel(), ChatModelOnCompletions(), CompletionsModelOnChat())
