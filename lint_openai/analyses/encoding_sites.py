"""The calls of a file that pick a tiktoken encoding, and which encoding each gets."""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from typing import List, Optional

from lint_openai.analyses.base import Analysis
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.knowledge import tiktoken_tables
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Str

BY_NAME = "tiktoken.get_encoding"


BY_MODEL = ("tiktoken.encoding_for_model", "tiktoken.encoding_name_for_model")


@dataclass
class EncodingSite:
    """A call that picks a tiktoken encoding, and which encoding it gets."""

    call: ast.Call
    scope: Scope
    encoding: str
    literal: Str  # the encoding name (get_encoding) or the model name (encoding_for_model)
    by_model: bool


class EncodingSites(Analysis):
    """The encoding-picking calls among the tiktoken calls the model-reference analysis saw."""

    requires = (ModelReferences,)

    @functools.cached_property
    def sites(self) -> List[EncodingSite]:
        references = self.ctx.analysis(ModelReferences)
        found = (self._site(call, scope, name) for call, scope, name in references.tiktoken_calls)
        return [site for site in found if site is not None]

    def _site(self, call: ast.Call, scope: Scope, name: str) -> Optional[EncodingSite]:
        if name not in (BY_NAME, *BY_MODEL) or not call.args:
            return None
        value = self.ctx.model.string_value(call.args[0], scope)
        if value is None:
            return None
        if name == BY_NAME:
            if value.value not in tiktoken_tables().encodings:
                return None
            return EncodingSite(call, scope, value.value, value, by_model=False)
        encoding = tiktoken_tables().encoding_for_model(value.value)
        return EncodingSite(call, scope, encoding or "", value, by_model=True)
