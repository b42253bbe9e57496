"""OAI4xx: tiktoken encodings that miscount tokens for the models the code uses, and model names
tiktoken cannot map."""

from __future__ import annotations

from lint_openai.rules.tokenizer.legacy_encoding_for_chat_model import LegacyEncodingForChatModel
from lint_openai.rules.tokenizer.unknown_model_for_tiktoken import UnknownModelForTiktoken
from lint_openai.rules.tokenizer.wrong_encoding_for_model import WrongEncodingForModel

RULES = (LegacyEncodingForChatModel(), WrongEncodingForModel(), UnknownModelForTiktoken())
