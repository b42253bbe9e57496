"""``derived.json`` is what its generator derives from the knowledge files now, and it says what they say."""

from __future__ import annotations

from pathlib import Path

from lint_openai.knowledge.api import api
from lint_openai.knowledge.derived import DERIVED_FILE, lifecycle_dates, model_id_prefixes
from lint_openai.knowledge.loading import DATA_DIRECTORY
from lint_openai.knowledge.model_lifecycle import models

from .generators import load_script

ROOT = Path(__file__).resolve().parent.parent


def test_derived_json_is_current() -> None:
    generator = load_script("gen_derived_knowledge")
    committed = (Path(DATA_DIRECTORY) / DERIVED_FILE).read_text(encoding="utf-8")
    assert committed == generator.render(), "stale: run python scripts/gen_derived_knowledge.py"


def test_the_prefixes_cover_every_distinctive_known_id() -> None:
    prefixes = model_id_prefixes()
    assert len(prefixes) < 60  # short enough to be a cheap regular expression
    distinctive = [i for i in models().all_ids() if "-" in i or any(ch.isdigit() for ch in i)]
    assert distinctive
    for model_id in distinctive:
        assert model_id.startswith(prefixes), model_id


def test_every_lifecycle_date_is_listed() -> None:
    """Read through the typed loaders, independently of the generator's scan of the raw JSON."""
    expected = set()
    for model_id in models().all_ids():
        info = models().get(model_id)
        assert info is not None
        expected |= {info.deprecated, info.shutdown}
    for surface in api().surfaces.values():
        expected |= {surface.announced, surface.shutdown}
    expected.discard(None)
    assert len(expected) > 10
    assert expected <= set(lifecycle_dates())
    assert list(lifecycle_dates()) == sorted(set(lifecycle_dates()))
