"""Knowledge about the OpenAI SDK, its v0 predecessor, models and tiktoken: typed loaders over the JSON
files in ``data/`` (generated from the installed packages by ``scripts/``, or hand-written with a source per
entry). Each file is read once, on first use.
"""

from __future__ import annotations

from lint_openai.knowledge.loading import close_matches, load_json
from lint_openai.knowledge.request_params import RequestParams, request_params
from lint_openai.knowledge.sdk import WRAPPER_ATTRIBUTES, MethodSignature, SdkKnowledge, sdk
from lint_openai.knowledge.tiktoken_tables import TiktokenKnowledge, tiktoken_tables
from lint_openai.knowledge.v0 import V0Knowledge, v0

__all__ = [
    "WRAPPER_ATTRIBUTES",
    "MethodSignature",
    "RequestParams",
    "SdkKnowledge",
    "TiktokenKnowledge",
    "V0Knowledge",
    "close_matches",
    "load_json",
    "request_params",
    "sdk",
    "tiktoken_tables",
    "v0",
]
