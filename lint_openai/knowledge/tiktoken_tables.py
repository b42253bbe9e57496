"""tiktoken's model-to-encoding tables (``data/tiktoken.json``, generated from the installed tiktoken)."""

from __future__ import annotations

import functools
from typing import Any, ClassVar, Mapping, Optional, Tuple

from lint_openai.knowledge.loading import load_json


class TiktokenKnowledge:
    """tiktoken's own model-to-encoding tables (generated from the installed tiktoken)."""

    LEGACY = frozenset({"gpt2", "r50k_base", "p50k_base", "p50k_edit"})
    # Two names of one encoding: the same ranks, pattern and special tokens (tiktoken_ext/openai_public.py
    # loads GPT-2's files for `gpt2`; "There is no semantic difference", openai/tiktoken#187).
    ALIASES: ClassVar[Mapping[str, str]] = {"gpt2": "r50k_base"}

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.version: str = data["tiktoken_version"]
        self.encodings = frozenset(data["encodings"])
        self._exact: Mapping[str, str] = data["model_to_encoding"]
        self._prefixes: Tuple[Tuple[str, str], ...] = tuple(
            (p, e) for p, e in data["model_prefix_to_encoding"]
        )

    def same_tokens(self, first: str, second: str) -> bool:
        """Whether two encoding names encode every text to the same tokens."""
        return self.ALIASES.get(first, first) == self.ALIASES.get(second, second)

    def encoding_for_model(self, model_id: str) -> Optional[str]:
        """What ``tiktoken.encoding_name_for_model`` returns (``None`` where it raises ``KeyError``)."""
        if model_id in self._exact:
            return self._exact[model_id]
        for prefix, encoding in self._prefixes:
            if model_id.startswith(prefix):
                return encoding
        return None


@functools.cache
def tiktoken_tables() -> TiktokenKnowledge:
    """tiktoken's tables."""
    return TiktokenKnowledge(load_json("tiktoken.json"))
