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
from typing import Iterable, List, Pattern, Tuple

from lint_openai.knowledge.model_lifecycle import ModelKnowledge

SDK_WORDS = ("openai", "tiktoken")
# A model id outside an SDK call counts only when given to something named like a model or an engine.
NAME_WORDS = ("model", "engine")


def is_distinctive(model_id: str) -> bool:
    """Ids like ``davinci`` or ``ada`` are also ordinary words: outside an SDK call they prove nothing."""
    return "-" in model_id or any(ch.isdigit() for ch in model_id)


def id_prefixes(model_ids: Iterable[str]) -> Tuple[str, ...]:
    """The shortest set of id starts (first two dash-separated parts) that covers every distinctive id."""
    starts = sorted({"-".join(i.split("-")[:2]) for i in model_ids if is_distinctive(i)})
    kept: List[str] = []
    for start in starts:  # sorted, so a covering prefix comes before what it covers
        if not any(start.startswith(prefix) for prefix in kept):
            kept.append(start)
    return tuple(kept)


@functools.lru_cache(maxsize=8)
def _quoted_id_patterns(knowledge: ModelKnowledge) -> Tuple[Pattern[str], Pattern[bytes]]:
    ids = "|".join(re.escape(prefix) for prefix in id_prefixes(knowledge.all_ids()))
    source = f"[\"'](?:{ids})" if ids else "(?!)"
    return re.compile(source), re.compile(source.encode("ascii"))


def may_have_findings(text: str, knowledge: ModelKnowledge) -> bool:
    """Whether the source text can produce any finding (if not, it need not be parsed)."""
    lowered = text.lower()
    if any(word in lowered for word in SDK_WORDS):
        return True
    if not any(word in lowered for word in NAME_WORDS):
        return False
    return _quoted_id_patterns(knowledge)[0].search(text) is not None


def bytes_may_have_findings(data: bytes, knowledge: ModelKnowledge) -> bool:
    """The same check on raw file bytes (every encoding Python accepts for source is ASCII-compatible)."""
    lowered = data.lower()
    if any(word.encode() in lowered for word in SDK_WORDS):
        return True
    if not any(word.encode() in lowered for word in NAME_WORDS):
        return False
    return _quoted_id_patterns(knowledge)[1].search(data) is not None
