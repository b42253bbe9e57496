"""OAI3xx: chat requests shaped for another endpoint, or with parameters the model rejects."""

from __future__ import annotations

from lint_openai.rules.request.deprecated_functions_param import DeprecatedFunctionsParam
from lint_openai.rules.request.malformed_message import MalformedMessage
from lint_openai.rules.request.max_tokens_on_reasoning_model import MaxTokensOnReasoningModel
from lint_openai.rules.request.messages_not_a_list import MessagesNotAList
from lint_openai.rules.request.model_class_to_create import ModelClassToCreate
from lint_openai.rules.request.prompt_on_chat_endpoint import PromptOnChatEndpoint
from lint_openai.rules.request.unsupported_sampling_param import UnsupportedSamplingParam

RULES = (
    PromptOnChatEndpoint(),
    MessagesNotAList(),
    MalformedMessage(),
    DeprecatedFunctionsParam(),
    MaxTokensOnReasoningModel(),
    UnsupportedSamplingParam(),
    ModelClassToCreate(),
)
