"""The compact knowledge files (``knowledge/data/*.marshal``) hold exactly their JSON file's value and are
current; a stale, missing or broken one is never used (the JSON is parsed instead)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint_openai.knowledge import loading

DATA = Path(loading.DATA_DIRECTORY)
JSON_FILES = sorted(DATA.glob("*.json"))


def test_there_is_a_knowledge_file_of_each_kind() -> None:
    assert {p.name for p in JSON_FILES} >= {"sdk.json", "models.json", "api_lifecycle.json", "v0.json"}
    assert {p.stem for p in DATA.glob("*.marshal")} == {p.stem for p in JSON_FILES}


@pytest.mark.parametrize("json_path", JSON_FILES, ids=lambda p: p.name)
def test_each_compact_file_is_current_and_equal_to_its_json(json_path: Path) -> None:
    json_bytes = json_path.read_bytes()
    compact = loading._compact(str(json_path), json_bytes)
    assert compact is not None, "stale: run python scripts/gen_compact_knowledge.py"
    assert compact[0] == json.loads(json_bytes.decode("utf-8"))
    assert loading.load_json(json_path.name) == compact[0]


def test_a_stale_missing_or_broken_compact_file_falls_back_to_the_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "DATA_DIRECTORY", str(tmp_path))
    (tmp_path / "x.json").write_text('{"a": [1, 2.5, null, "b"]}', encoding="utf-8")
    assert loading.load_json("x.json") == {"a": [1, 2.5, None, "b"]}  # no compact file
    made_from_old = loading.compact_form({"a": "old"}, b'{"a": "old"}')
    (tmp_path / "x.marshal").write_bytes(made_from_old)
    assert loading.load_json("x.json") == {"a": [1, 2.5, None, "b"]}  # stale: another JSON's header
    current = (tmp_path / "x.json").read_bytes()
    (tmp_path / "x.marshal").write_bytes(loading.compact_header(current) + b"\xff\x00garbage")
    assert loading.load_json("x.json") == {"a": [1, 2.5, None, "b"]}  # broken after a valid header
    (tmp_path / "x.marshal").write_bytes(loading.compact_form({"a": "compact"}, current))
    assert loading.load_json("x.json") == {"a": "compact"}  # current: the compact form is what loads
