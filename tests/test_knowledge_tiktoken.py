"""tiktoken's tables as lint-openai sees them, checked against the installed tiktoken."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import tiktoken

from lint_openai.knowledge import tiktoken_tables
from lint_openai.knowledge.model_lifecycle import models

ROOT = Path(__file__).resolve().parent.parent
EXTRA_IDS = [
    "gpt-4o-2099-01-01",
    "gpt-5.6-sol",
    "ft:gpt-4o-mini:org::id",
    "gpt-oss-120b",
    "codex-mini-latest",
    "claude-3",
    "",
]


def test_tiktoken_json_is_fresh() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_tiktoken_knowledge", ROOT / "scripts" / "gen_tiktoken_knowledge.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gen_tiktoken_knowledge"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    committed = (ROOT / "lint_openai" / "knowledge" / "data" / "tiktoken.json").read_text(encoding="utf-8")
    assert module.render(module.build()) == committed, "run `python scripts/gen_tiktoken_knowledge.py`"


@pytest.mark.parametrize("model_id", [*models().all_ids(), *EXTRA_IDS])
def test_lookup_matches_tiktoken(model_id: str) -> None:
    try:
        expected = tiktoken.encoding_name_for_model(model_id)
    except KeyError:
        expected = None
    assert tiktoken_tables().encoding_for_model(model_id) == expected


def test_chat_models_from_gpt_4o_on_use_o200k() -> None:
    for model_id in ("gpt-4o", "gpt-4o-mini", "gpt-4.1", "o1", "o3", "o4-mini", "gpt-5", "gpt-5.6-sol"):
        assert tiktoken_tables().encoding_for_model(model_id) == "o200k_base"
    for model_id in ("gpt-4", "gpt-3.5-turbo", "gpt-4-turbo"):
        assert tiktoken_tables().encoding_for_model(model_id) == "cl100k_base"
    assert tiktoken_tables().encodings == frozenset(tiktoken.list_encoding_names())
