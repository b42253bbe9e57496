"""The cheap relevance check run before a file is decoded or parsed.

A finding needs the file to mention ``openai`` or ``tiktoken`` (imports, the SDK's names, other
libraries' ``ChatOpenAI`` wrappers), or to quote a known model id (``DEFAULT_MODEL = "gpt-4"`` in a
settings module: OAI201/OAI202). Anything else cannot produce a finding and is skipped unread.

Model ids are matched by a quote followed by the start of an id (its first two dash-separated parts,
e.g. ``"gpt-4``, ``'text-davinci``), which every string whose value is a known id contains: plain,
raw, f-strings and the first part of a concatenation alike. Ids that are ordinary words (``ada``)
only count inside SDK calls, which mention ``openai`` anyway.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Pattern, Tuple

from .knowledge.models import ModelKnowledge

SDK_WORDS = ("openai", "tiktoken")


def is_distinctive(model_id: str) -> bool:
    """Ids like ``davinci`` or ``ada`` are also ordinary words: outside an SDK call they prove nothing."""
    return "-" in model_id or any(ch.isdigit() for ch in model_id)


def id_prefixes(model_ids: Iterable[str]) -> Tuple[str, ...]:
    """The shortest set of id starts (first two dash-separated parts) that covers every distinctive id."""
    starts = sorted({"-".join(i.split("-")[:2]) for i in model_ids if is_distinctive(i)})
    kept: list[str] = []
    for start in starts:  # sorted, so a covering prefix comes before what it covers
        if not any(start.startswith(prefix) for prefix in kept):
            kept.append(start)
    return tuple(kept)


@functools.lru_cache(maxsize=8)
def _patterns(prefixes: Tuple[str, ...]) -> Tuple[Pattern[str], Pattern[bytes]]:
    words = "|".join(SDK_WORDS)
    ids = "|".join(re.escape(prefix) for prefix in prefixes)
    source = f"(?i:{words})|[\"'](?:{ids})" if ids else f"(?i:{words})"
    return re.compile(source), re.compile(source.encode("ascii"))


@functools.lru_cache(maxsize=8)
def _prefixes_of(knowledge: ModelKnowledge) -> Tuple[str, ...]:
    return id_prefixes(knowledge.all_ids())


def may_have_findings(text: str, knowledge: ModelKnowledge) -> bool:
    """Whether the source text can produce any finding (if not, it need not be parsed)."""
    return _patterns(_prefixes_of(knowledge))[0].search(text) is not None


def bytes_may_have_findings(data: bytes, knowledge: ModelKnowledge) -> bool:
    """The same check on raw file bytes (every encoding Python accepts for source is ASCII-compatible)."""
    return _patterns(_prefixes_of(knowledge))[1].search(data) is not None
