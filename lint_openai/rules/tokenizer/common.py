"""Shared by the OAI4xx rules: the tiktoken calls of a file and the models used near them."""

from __future__ import annotations

from typing import ClassVar, Iterator, List, Optional, Tuple, Type

from lint_openai.analyses.base import Analysis
from lint_openai.analyses.encoding_sites import EncodingSite, EncodingSites
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.knowledge import tiktoken_tables
from lint_openai.rules.edits import literal_with
from lint_openai.rules.model_ids.common import ModelRule

TIKTOKEN_SOURCE = (
    "tiktoken's own `MODEL_TO_ENCODING` and `MODEL_PREFIX_TO_ENCODING` tables (tiktoken/model.py), generated "
    "into knowledge/tiktoken.json; tests compare every lookup with `tiktoken.encoding_name_for_model`"
)


def _sites(ctx: Context) -> List[EncodingSite]:
    return ctx.analysis(EncodingSites).sites


class EncodingRule(ModelRule):
    """Base of the rules that compare each encoding-picking call with the models used near it."""

    requires: ClassVar[Tuple[Type[Analysis], ...]] = (ModelReferences, EncodingSites)

    def mismatches(self, ctx: Context) -> Iterator[Tuple[EncodingSite, str, List[str]]]:
        """``(site, expected encoding, models)`` for sites whose encoding is not the scope's."""
        for site in _sites(ctx):
            if not site.encoding:
                continue
            models = ctx.analysis(EncodingSites).models_near(site)
            expected = {tiktoken_tables().encoding_for_model(m) for m in models}
            expected.discard(None)
            if len(expected) != 1:
                continue  # no known model, or models with different encodings: ambiguous
            encoding = expected.pop()
            assert encoding is not None
            if not tiktoken_tables().same_tokens(encoding, site.encoding):
                yield (
                    site,
                    encoding,
                    sorted(m for m in models if tiktoken_tables().encoding_for_model(m) == encoding),
                )

    def fix(self, ctx: Context, site: EncodingSite, encoding: str, models: List[str]) -> Optional[Fix]:
        replacement = models[0] if site.by_model else encoding
        if site.by_model and len(models) != 1:
            return None
        edits = [literal_with(ctx, literal, replacement) for literal in site.literal.origins]
        proper = [edit for edit in edits if edit is not None]
        if len(proper) != len(edits):
            return None
        return ctx.fix(Applicability.SAFE, f"Use `{replacement}`", *proper)
