"""The model knowledge is checked against the installed ``openai`` and ``tiktoken`` and the shared facts sheet:
an SDK release that adds, drops or re-dates a model fails here. The fix is to regenerate
(``python scripts/gen_models_knowledge.py``) or to correct ``models_lifecycle.json``, never to loosen a test."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openai
import pytest
import tiktoken
import tiktoken.model
from openai.types import AudioModel, EmbeddingModel, ImageModel, ModerationModel, VideoModel
from openai.types.audio import SpeechModel
from openai.types.completion_create_params import CompletionCreateParamsBase
from openai.types.shared import ChatModel

from lint_openai.knowledge import model_lifecycle as models_module
from lint_openai.knowledge.model_lifecycle import ModelInfo, models

ROOT = Path(__file__).resolve().parent.parent
FACTS = Path(__file__).resolve().parents[2] / "shared" / "facts" / "models.md"
OPENAI_TYPES = Path(openai.__file__).resolve().parent / "types"
KB = models()
TODAY = date(2026, 11, 25)
REGENERATE = "run `python scripts/gen_models_knowledge.py`"

# Names tiktoken maps that are not API model ids (tokenizer aliases, Azure spelling, pre-API Codex names).
TIKTOKEN_ONLY_NAMES = {"gpt2", "gpt-2", "gpt-3.5", "gpt-35-turbo", "davinci-codex", "cushman-codex"}
# The facts sheet's exceptions to "the GPT-5 family reasons" (section 2).
GPT5_NON_REASONING = {"gpt-5-chat-latest": False, "gpt-5.1-chat-latest": None}
GPT5_NON_REASONING.update({"gpt-5.2-chat-latest": None, "gpt-5.3-chat-latest": None})


def _literals(annotation: Any) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {value for value in typing.get_args(annotation) if isinstance(value, str)}
    return set().union(*(_literals(argument) for argument in typing.get_args(annotation)))


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_models_knowledge", ROOT / "scripts" / "gen_models_knowledge.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gen_models_knowledge"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _field_docstring(path: Path, field: str) -> str:
    """The docstring after the first ``<field>: ...`` annotation in a source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement, following in zip(body, body[1:]):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and statement.target.id == field
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
            ):
                return " ".join(str(following.value.value).split())
    raise AssertionError(f"no docstring for {field} in {path}")


def _sdk_docstring_dates() -> dict[str, set[str]]:
    """Shutdown dates in the SDK's "Deprecated values" notes, read as plain text (not via the generator)."""
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    found: dict[str, set[str]] = {}
    for path in OPENAI_TYPES.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"Deprecated values:\n(.*?)\"\"\"", text, re.S):
            for raw_item in re.split(r"\n\s*- ", "\n" + block):
                item = " ".join(raw_item.split())
                ids_part, _, rest = item.partition('": ')
                announced = re.search(r"Announced shutdown date: (\d{4}-\d\d-\d\d)", rest)
                spelled = re.search(rf"(?:shut down|retired) on ((?:{months}) \d{{1,2}}, \d{{4}})", rest)
                if announced:
                    day = announced.group(1)
                elif spelled:
                    day = datetime.strptime(spelled.group(1), "%B %d, %Y").date().isoformat()
                else:
                    continue
                for model_id in re.findall(r'"([^"]+)"', ids_part + '"'):
                    found.setdefault(model_id, set()).add(day)
    return found


def test_models_json_is_fresh() -> None:
    generator = _load_generator()
    committed = (ROOT / "lint_openai" / "knowledge" / "data" / "models.json").read_text(encoding="utf-8")
    assert generator.render(generator.build()) == committed, f"knowledge/models.json is stale: {REGENERATE}"


def test_version_matches_installed() -> None:
    assert openai.__version__ == KB.version, f"models.json was built from openai {KB.version}: {REGENERATE}"


def test_every_sdk_chat_model_is_a_chat_model() -> None:
    chat_ids = typing.get_args(ChatModel)
    assert len(chat_ids) > 50
    source = (OPENAI_TYPES / "shared" / "chat_model.py").read_text(encoding="utf-8")
    for model_id in chat_ids:
        if model_id in KB.unsupported:
            # The SDK keeps it in the literal but says it is no model: the KB leaves it unknown.
            assert KB.get(model_id) is None
            assert re.search(rf'"{re.escape(model_id)}":\s+Not a supported model ID', source), model_id
            continue
        info = KB.get(model_id)
        assert info is not None and "chat" in info.kinds, f"{model_id}: {REGENERATE}"
        assert not KB.is_completions_only(model_id)


def test_unsupported_ids_are_the_sdks() -> None:
    assert set(KB.unsupported) == {"gpt-5.1-mini"}, "the SDK's unsupported ids changed: review and regenerate"


def test_completions_literal_models_are_completions_models() -> None:
    hints = typing.get_type_hints(CompletionCreateParamsBase, include_extras=True)
    completions_ids = _literals(hints["model"])
    assert completions_ids == {"gpt-3.5-turbo-instruct", "davinci-002", "babbage-002"}
    for model_id in completions_ids:
        info = KB.get(model_id)
        assert info is not None and "completions" in info.kinds, model_id
        assert KB.is_completions_only(model_id) and not KB.is_chat_only(model_id)
        assert model_id in KB.completions_models()


@pytest.mark.parametrize(
    ("annotation", "kind"),
    [
        (EmbeddingModel, "embeddings"),
        (ImageModel, "image"),
        (SpeechModel, "speech"),
        (AudioModel, "transcription"),
        (ModerationModel, "moderation"),
        (VideoModel, "video"),
    ],
)
def test_sdk_model_literals_have_their_kind(annotation: Any, kind: str) -> None:
    model_ids = _literals(annotation)
    assert model_ids
    for model_id in model_ids:
        info = KB.get(model_id)
        assert info is not None and kind in info.kinds, f"{model_id} ({kind}): {REGENERATE}"


def test_sdk_docstring_shutdown_dates_match() -> None:
    sdk_dates = _sdk_docstring_dates()
    assert len(sdk_dates) > 100
    for model_id, days in sorted(sdk_dates.items()):
        assert len(days) == 1, f"the SDK gives {model_id} several dates: {days}"
        info = KB.get(model_id)
        assert info is not None and info.shutdown is not None, f"{model_id}: {REGENERATE}"
        assert info.shutdown.isoformat() == days.pop(), model_id


def test_facts_sheet_shutdown_table_matches() -> None:
    if not FACTS.is_file():
        pytest.skip(f"facts sheet not found at {FACTS} (it sits beside the repository in CI)")
    text = FACTS.read_text(encoding="utf-8")
    match = re.search(r"SHUTDOWN_DATES = (\{.*?\n\})", text, re.S)
    assert match, "facts sheet section 6 table not found"
    table = ast.literal_eval(match.group(1))
    assert len(table) > 100
    for model_id, day in table.items():
        info = KB.get(model_id)
        assert info is not None, f"{model_id} (facts sheet section 6) is not in the knowledge base"
        assert info.shutdown == date.fromisoformat(day), (model_id, day, info.shutdown)


@pytest.mark.parametrize(
    ("model_id", "today", "expected", "shutdown"),
    [
        ("gpt-4", TODAY, "retired", "2026-10-23"),
        ("gpt-3.5-turbo", TODAY, "retired", "2026-10-23"),
        ("o1", TODAY, "retired", "2026-10-23"),
        ("o3-mini", TODAY, "retired", "2026-10-23"),
        ("o4-mini", TODAY, "retired", "2026-10-23"),
        ("gpt-5", TODAY, "deprecated", "2026-12-11"),
        ("o3", TODAY, "deprecated", "2026-12-11"),
        ("gpt-4o", TODAY, "deprecated", "2027-01-14"),
        ("gpt-4.1", TODAY, "deprecated", "2027-01-14"),
        ("text-davinci-003", TODAY, "retired", "2024-01-04"),
        ("gpt-3.5-turbo-instruct", TODAY, "retired", "2026-09-28"),
        ("gpt-5", date(2026, 12, 12), "retired", "2026-12-11"),
        ("gpt-5", date(2026, 12, 11), "retired", "2026-12-11"),
        ("gpt-5", date(2026, 12, 10), "deprecated", "2026-12-11"),
        ("gpt-4o", date(2026, 10, 1), "active", "2027-01-14"),
        ("text-embedding-3-small", TODAY, "active", None),
        ("gpt-5.6-sol", TODAY, "active", None),
    ],
)
def test_status_on_pinned_dates(model_id: str, today: date, expected: str, shutdown: Any) -> None:
    assert KB.status(model_id, today) == expected
    info = KB.get(model_id)
    assert info is not None
    assert info.shutdown == (date.fromisoformat(shutdown) if shutdown else None)


def test_unknown_and_fine_tuned_ids_are_unknown() -> None:
    for model_id in (
        "gpt-7-imaginary",
        "",
        "GPT-4O",
        "ft:gpt-4o-mini-2024-07-18:org::abc123",
        "gpt-5.1-mini",
    ):
        assert KB.get(model_id) is None
        assert KB.status(model_id, TODAY) is None
        assert KB.is_reasoning(model_id) is None
        assert not KB.is_chat_only(model_id) and not KB.is_completions_only(model_id)


def test_endpoint_kinds() -> None:
    assert KB.is_chat_only("gpt-4o") and KB.is_chat_only("gpt-3.5-turbo") and KB.is_chat_only("o3")
    assert not KB.is_chat_only("gpt-3.5-turbo-instruct") and not KB.is_chat_only("text-embedding-3-small")
    for model_id in ("text-davinci-003", "davinci", "code-davinci-002", "davinci-002", "babbage-002"):
        assert KB.is_completions_only(model_id), model_id
    assert not KB.is_completions_only("gpt-4o")
    completions = KB.completions_models()
    assert "text-davinci-003" in completions and "gpt-4o" not in completions
    assert list(completions) == sorted(completions) and list(KB.all_ids()) == sorted(KB.all_ids())
    # Ids DEP lists without saying which endpoint served them: no endpoint rule may fire on them.
    assert not KB.is_chat_only("gpt-4-completions") and not KB.is_completions_only("gpt-4-completions")


def test_max_tokens_docstring_o_series_are_reasoning() -> None:
    doc = _field_docstring(OPENAI_TYPES / "chat" / "completion_create_params.py", "max_tokens")
    assert "not compatible with [o-series models]" in doc
    o_series = [i for i in KB.all_ids() if re.match(r"o\d", i) and KB.get(i).kinds & {"chat", "responses"}]  # type: ignore[union-attr]
    assert len(o_series) > 15
    for model_id in o_series:
        assert KB.is_reasoning(model_id) is True, model_id


def test_stop_docstring_models_are_reasoning() -> None:
    doc = _field_docstring(OPENAI_TYPES / "chat" / "completion_create_params.py", "stop")
    named = re.findall(r"`([^`]+)`", doc.split(".")[0])
    assert "reasoning models" in doc and named
    for model_id in named:
        assert KB.is_reasoning(model_id) is True, model_id


def test_gpt5_family_reasons_except_the_chat_snapshots() -> None:
    doc = _field_docstring(OPENAI_TYPES / "responses" / "input_token_count_params.py", "reasoning")
    assert "gpt-5 and o-series models only" in doc
    family = [i for i in KB.all_ids() if i.startswith("gpt-5") and KB.get(i).kinds & {"chat", "responses"}]  # type: ignore[union-attr]
    assert len(family) > 20
    for model_id in family:
        assert KB.is_reasoning(model_id) is GPT5_NON_REASONING.get(model_id, True), model_id


@pytest.mark.parametrize(
    "model_id",
    ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4", "gpt-4-turbo", "gpt-3.5-turbo", "chatgpt-4o-latest"],
)
def test_non_reasoning_models(model_id: str) -> None:
    assert KB.is_reasoning(model_id) is False


def test_non_text_models_have_no_reasoning_flag() -> None:
    for model_id in (
        "text-embedding-3-small",
        "whisper-1",
        "tts-1",
        "gpt-image-1",
        "gpt-realtime",
        "dall-e-3",
    ):
        assert KB.is_reasoning(model_id) is None, model_id


@pytest.mark.parametrize(
    "model_id", ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4", "gpt-3.5-turbo", "o1", "o3", "o4-mini", "gpt-5"]
)
def test_tiktoken_knows_the_chat_ids(model_id: str) -> None:
    tiktoken.encoding_name_for_model(model_id)  # raises KeyError for a misspelt id
    info = KB.get(model_id)
    assert info is not None and "chat" in info.kinds


def test_tiktoken_model_names_are_known() -> None:
    for name in tiktoken.model.MODEL_TO_ENCODING:
        if name in TIKTOKEN_ONLY_NAMES:
            assert KB.get(name) is None, name
        else:
            assert KB.get(name) is not None, f"tiktoken maps {name!r} but the knowledge base lacks it"


def test_every_row_is_sourced_and_consistent() -> None:
    for model_id in KB.all_ids():
        info = KB.get(model_id)
        assert info is not None and info.sources, model_id
        if not info.kinds:
            assert info.notes, f"{model_id}: unknown kinds need a note"
        if info.shutdown is not None and (info.deprecated is None or info.replacement is None):
            assert info.notes, f"{model_id}: a missing lifecycle fact needs a note"
        if info.deprecated is not None and info.shutdown is not None:
            assert info.deprecated <= info.shutdown, model_id
        if info.replacement_id is not None:
            assert info.replacement_id == info.replacement and KB.get(info.replacement_id) is not None
        if info.reasoning is not None:
            assert info.kinds & {"chat", "completions", "responses"}, model_id
            assert any(s.startswith("reasoning: ") for s in info.sources), model_id


def test_replacement_for_skips_replacements_that_are_not_active() -> None:
    assert KB.replacement_for("gpt-5", TODAY) == "gpt-5.6-sol"
    assert KB.replacement_for("text-davinci-003", TODAY) is None  # gpt-3.5-turbo-instruct is retired
    assert KB.replacement_for("gpt-4-32k", TODAY) is None  # gpt-4o is deprecated
    assert KB.replacement_for("gpt-4-32k", date(2025, 1, 1)) == "gpt-4o"
    assert KB.replacement_for("gpt-image-1", TODAY) is None  # two alternatives: no single id
    assert KB.replacement_for("nonexistent", TODAY) is None


def test_model_info_is_frozen_and_loader_is_cached() -> None:
    info = KB.get("gpt-4o")
    assert isinstance(info, ModelInfo)
    with pytest.raises(AttributeError):
        info.reasoning = True  # type: ignore[misc]
    assert models() is KB


def test_loader_parses_as_python39() -> None:
    ast.parse(Path(models_module.__file__).read_text(encoding="utf-8"), feature_version=(3, 9))
