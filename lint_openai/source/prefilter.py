"""The cheap relevance check run before a file is decoded or parsed.

A finding needs the file to mention ``openai`` or ``tiktoken`` (imports, the SDK's names, other
libraries' ``ChatOpenAI`` wrappers), or to quote a known model id (``DEFAULT_MODEL = "gpt-4"`` in a
settings module: OAI201/OAI202). Anything else cannot produce a finding and is skipped unread.

Plain substring tests on the lower-cased text decide most files (they are much faster than a regular
expression). Model ids are matched by a quote followed by the start of an id (its first two dash-separated parts,
e.g. ``"gpt-4``, ``'text-davinci``), which every string whose value is a known id contains: plain,
raw, f-strings and the first part of a concatenation alike; and only in files that say ``model`` or
``engine``, since outside an SDK call an id counts only when given to something named so. Ids that are ordinary words (``ada``)
only count inside SDK calls, which mention ``openai`` anyway.
"""

from __future__ import annotations

import functools
import re
from typing import Optional, Pattern, Tuple

from lint_openai.knowledge.derived import id_prefixes, is_distinctive, model_id_prefixes

__all__ = ["bytes_may_have_findings", "id_prefixes", "is_distinctive", "may_have_findings"]

SDK_WORDS = ("openai", "tiktoken")
# A model id outside an SDK call counts only when given to something named like a model or an engine.
NAME_WORDS = ("model", "engine")
_SDK_BYTES = tuple(word.encode("ascii") for word in SDK_WORDS)
_NAME_BYTES = tuple(word.encode("ascii") for word in NAME_WORDS)
# ``Settings.model_shutdown_dates``: ids a ``models-override`` file adds to the known ones.
Overrides = Tuple[Tuple[str, Optional[str]], ...]


@functools.lru_cache(maxsize=8)
def _quoted_id_patterns(overrides: Overrides) -> Tuple[Pattern[str], Pattern[bytes]]:
    """A quote followed by the start of a known id: the generated starts (``derived.json``, so that no model
    data is loaded here) and those of the ids a ``models-override`` adds."""
    prefixes = sorted({*model_id_prefixes(), *id_prefixes(model_id for model_id, _ in overrides)})
    ids = "|".join(re.escape(prefix) for prefix in prefixes)
    source = f"[\"'](?:{ids})" if ids else "(?!)"
    return re.compile(source), re.compile(source.encode("ascii"))


def may_have_findings(text: str, overrides: Overrides = ()) -> bool:
    """Whether the source text can produce any finding (if not, it need not be parsed)."""
    lowered = text.lower()
    if any(word in lowered for word in SDK_WORDS):
        return True
    if not any(word in lowered for word in NAME_WORDS):
        return False
    return _quoted_id_patterns(overrides)[0].search(text) is not None


def bytes_may_have_findings(data: bytes, overrides: Overrides = ()) -> bool:
    """The same check on raw file bytes (every encoding Python accepts for source is ASCII-compatible)."""
    lowered = data.lower()
    if any(word in lowered for word in _SDK_BYTES):
        return True
    if not any(word in lowered for word in _NAME_BYTES):
        return False
    return _quoted_id_patterns(overrides)[1].search(data) is not None
