"""Compact facts derived from the knowledge files when they are generated (``data/derived.json``).

Start-up reads these instead of the files they come from: the prefilter needs only the starts of the known
model ids (so a file without OpenAI code never loads ``models.json``), and the results cache only the dates on
which a lifecycle status can change. ``scripts/gen_derived_knowledge.py`` writes the file with the functions
below; ``tests/test_knowledge_derived.py`` derives it again from the JSON files and fails when it is stale.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any, Dict, Iterable, List, Mapping, Tuple

from lint_openai.knowledge.loading import load_json

DERIVED_FILE = "derived.json"
# The knowledge files whose dates decide a lifecycle status (a model's or an API surface's).
LIFECYCLE_FILES = ("models.json", "api_lifecycle.json")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def dates_in(data: Any) -> Tuple[str, ...]:
    """Every ISO date (``YYYY-MM-DD``) that is a whole string value anywhere in ``data``, sorted, once each."""
    found = set()
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str) and _ISO_DATE.fullmatch(value):
            found.add(value)
    return tuple(sorted(found))


def derive(files: Mapping[str, Any]) -> Dict[str, Any]:
    """The content of ``derived.json`` from the parsed knowledge files (by file name)."""
    dates = sorted({date for name in LIFECYCLE_FILES for date in dates_in(files[name])})
    return {
        "about": "Derived from models.json and api_lifecycle.json by scripts/gen_derived_knowledge.py; do not edit.",
        "model_id_prefixes": list(id_prefixes(files["models.json"]["models"])),
        "lifecycle_dates": dates,
    }


@functools.cache
def _derived() -> Mapping[str, Any]:
    derived: Mapping[str, Any] = load_json(DERIVED_FILE)  # a JSON object (tests derive it again)
    return derived


def model_id_prefixes() -> Tuple[str, ...]:
    """The starts of every distinctive known model id (``gpt-4``, ``text-davinci``...)."""
    return tuple(_derived()["model_id_prefixes"])


@functools.cache
def lifecycle_dates() -> Tuple[datetime.date, ...]:
    """Every date in the lifecycle knowledge (announcements and shutdowns of models and APIs), sorted: a
    finding's status can change on these days only."""
    return tuple(datetime.date.fromisoformat(value) for value in _derived()["lifecycle_dates"])
