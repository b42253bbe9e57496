"""The API lifecycle knowledge is checked against the installed ``openai``: an SDK release that adds, drops
or rewords a deprecation fails here. The fix is to regenerate (``python scripts/gen_api_knowledge.py``) and
review the diff, or to correct ``scripts/data/api_lifecycle_sources.json``; never to loosen a test."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import re
import subprocess
import sys
import warnings
from datetime import date, datetime
from pathlib import Path

import openai
import pytest
from openai._legacy_response import HttpxBinaryResponseContent
from openai._response import StreamedBinaryAPIResponse
from openai.types.beta.threads.message import Message
from openai.types.vector_store import VectorStore

from lint_openai import knowledge
from lint_openai.knowledge.api import api, canonical_path, sdk_modules

from . import api_knowledge_support as support
from .api_knowledge_support import (
    ROOT,
    WRAPPERS,
    answer_bytes,
    answer_json,
    generator,
    mocked_client,
    runtime_deprecations,
)

DATA = ROOT / "lint_openai" / "knowledge" / "data"
SOURCES = json.loads((ROOT / "scripts" / "data" / "api_lifecycle_sources.json").read_text(encoding="utf-8"))
SDK_DIR = Path(openai.__file__).resolve().parent
API = api()
MODULES = sdk_modules()
MENTION = re.compile(r"deprecat|being replaced|legacy|retired", re.I)
RAW = knowledge.load_json("api_lifecycle.json")


@pytest.fixture(scope="module")
def sdk_view():  # type: ignore[no-untyped-def]
    return support.sdk_view()


# --- the committed data is what the generator makes of the installed SDK --------------------------


@pytest.mark.slow
def test_generated_json_is_fresh() -> None:
    """Regenerate in a child process: building imports every SDK module, which must not leak into
    this process (other knowledge tests scan ``sys.modules``)."""
    script = ROOT / "scripts" / "gen_api_knowledge.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_versions_match_installed() -> None:
    assert API.version == MODULES.version == openai.__version__


# --- every deprecation the SDK states is in the data -----------------------------------------------


def _recorded_message(path: tuple) -> object:
    surface = API.surface_for_path(path)
    if surface is not None:
        return surface.methods.get(".".join(canonical_path(path)), "not a method of its surface")
    method = API.deprecated_method(path)
    return None if method is None else method.sdk_message


@pytest.mark.parametrize("client_class", ["OpenAI", "AsyncOpenAI", "AzureOpenAI"])
def test_every_runtime_marker_is_recorded(client_class: str) -> None:
    kwargs = {"api_key": "sk-test"}
    if client_class == "AzureOpenAI":
        kwargs.update(api_version="2024-10-21", azure_endpoint="https://example.openai.azure.com")
    marked = runtime_deprecations(getattr(openai, client_class)(**kwargs))
    assert marked, "the walk found no @deprecated method at all"
    for path, message in marked.items():
        assert _recorded_message(path) == message, ".".join(path)


def test_every_recorded_marker_is_in_the_sdk() -> None:
    marked = runtime_deprecations(openai.OpenAI(api_key="sk-test"))
    canonical = {".".join(canonical_path(p)): m for p, m in marked.items()}
    recorded = {p: m for s in API.surfaces.values() for p, m in s.methods.items() if m is not None}
    recorded.update({p: d["sdk_message"] for p, d in _data()["deprecated_methods"].items()})
    assert recorded == canonical


def test_wrapper_variants_of_deprecated_methods_are_recorded() -> None:
    marked = runtime_deprecations(openai.OpenAI(api_key="sk-test"))
    records = {**{p: r for s in _data()["surfaces"].values() for p, r in s["methods"].items()}}
    records.update(_data()["deprecated_methods"])
    for path in {canonical_path(p) for p in marked}:
        wrappers = {w for w in WRAPPERS if (*path[:-1], w, path[-1]) in marked}
        assert set(records[".".join(path)]["wrappers"]) == wrappers, path


def test_every_source_marker_is_accounted_for() -> None:
    """Count the decorators in the SDK's text, independently of the generator's AST walk."""
    decorator = re.compile(r"^\s*@(?:typing_extensions\.)?deprecated\(", re.M)
    counts = {}
    for path in sorted(SDK_DIR.rglob("*.py")):
        found = len(decorator.findall(path.read_text(encoding="utf-8")))
        if found:
            counts[path.relative_to(SDK_DIR.parent).as_posix()] = found
    markers = _data()["sdk_markers"]
    recorded: dict = {}
    for marker in markers:
        recorded[marker["file"]] = recorded.get(marker["file"], 0) + 1
        assert marker["covered_by"], marker
    assert recorded == counts
    messages = {m["message"] for m in markers}
    known = {m for s in API.surfaces.values() for m in s.sdk_messages}
    known |= {d["sdk_message"] for d in _data()["deprecated_methods"].values()}
    known |= {d["sdk_message"] for d in _data()["deprecated_response_methods"].values()}
    assert messages == known


def test_every_shutdown_sentence_in_resource_docs_is_accounted_for(sdk_view) -> None:  # type: ignore[no-untyped-def]
    """Search the resource modules' text, independently of the generator's sentence parsing."""
    scheduled = re.compile(r"scheduled to (?:permanently )?shut down on ([A-Z][a-z]+ \d{1,2}, \d{4})")
    files_by_surface = {
        sid: {r["source"].split(" ")[0] for r in s["methods"].values()}
        for sid, s in _data()["surfaces"].items()
    }
    explained = {
        sdk_view.tree[tuple(e["sdk_path"].split("."))].source[0] for e in SOURCES["not_surface_statements"]
    }
    seen = 0
    for path in sorted((SDK_DIR / "resources").rglob("*.py")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        relative = path.relative_to(SDK_DIR.parent).as_posix()
        owners = [sid for sid, files in files_by_surface.items() if relative in files]
        for match in scheduled.finditer(text):
            seen += 1
            day = datetime.strptime(match.group(1), "%B %d, %Y").date()
            assert relative in explained or any(API.surfaces[sid].shutdown == day for sid in owners), (
                relative,
                match.group(0),
            )
        if "endpoint is retired" in text:
            seen += 1
            assert owners and all(API.surfaces[sid].status(date(2026, 12, 1)) == "retired" for sid in owners)
    assert seen >= 3


def test_every_parameter_doc_that_mentions_deprecation_is_accounted_for(sdk_view) -> None:  # type: ignore[no-untyped-def]
    sdk_introspect = generator().sdk
    explained = [(e["parameter"], e["contains"]) for e in SOURCES["not_deprecations"]]
    checked = 0
    for path, method in sdk_view.tree.items():
        for doc in sdk_introspect.docstrings(method):
            for name, text in sdk_introspect.argument_docs(doc).items():
                if not MENTION.search(text):
                    continue
                checked += 1
                flat = " ".join(text.split())
                if API.deprecated_parameter(path, name) is not None:
                    continue
                if name == "model" and "Deprecated values:" in text:
                    continue  # model ids: models.json
                assert any(n == name and c in flat for n, c in explained), (".".join(path), name, flat[:120])
    assert checked > 20


def test_every_recorded_parameter_quotes_the_sdk(sdk_view) -> None:  # type: ignore[no-untyped-def]
    """Each recorded text is verbatim SDK text: in the method's docstring or in the TypedDict's module."""
    sdk_introspect = generator().sdk

    def flat(text: str) -> str:
        return " ".join(text.split())

    for dotted, entry in _data()["deprecated_parameters"].items():
        path = tuple(dotted.split("."))
        for name, record in entry["parameters"].items():
            if record["sources"][0].startswith("inherited from "):
                sibling = record["sources"][0].split()[2].rstrip(":")
                assert (
                    _data()["deprecated_parameters"][sibling]["parameters"][name]["sdk_text"]
                    == record["sdk_text"]
                )
                continue
            places = [
                flat(text)
                for doc in sdk_introspect.docstrings(sdk_view.tree[path])
                for arg, text in sdk_introspect.argument_docs(doc).items()
                if arg == name
            ]
            for source in record["sources"]:
                if source.startswith("TypedDict "):
                    module = source.split()[1].rsplit(".", 2)[0]
                    places.append(
                        flat(Path(importlib.import_module(module).__file__).read_text(encoding="utf-8"))
                    )
            texts = [record["sdk_text"]] if record["sdk_text"] else [v["sdk_text"] for v in record["values"]]
            for text in texts:
                assert any(flat(text) in place for place in places), (dotted, name, text)


# --- facts from shared/facts/api-lifecycle.md, against the installed SDK ---------------------------


@pytest.mark.parametrize(
    "module",
    [
        "openai.types.beta.vector_store",
        "openai.types.beta.threads.thread_message",
        "openai.lib._validators",
        "openai.cli",
    ],
)
def test_removed_modules_are_gone(module: str) -> None:
    assert importlib.util.find_spec(module) is None
    assert not MODULES.module_exists(module)


def test_moved_names_point_to_their_new_module() -> None:
    assert (
        MODULES.other_location("openai.types.beta.vector_store", "VectorStore") == "openai.types.vector_store"
    )
    assert MODULES.home_of("VectorStore") == VectorStore.__module__
    assert MODULES.has_name("openai.types", "VectorStore") is True
    assert MODULES.has_name("openai.types.beta", "VectorStore") is False
    assert MODULES.home_of("Message") != Message.__module__  # several modules define a Message
    # Same name, different thing: no suggestion for the removed ThreadMessage model.
    assert MODULES.home_of("ThreadMessage") == "openai.types.beta.thread_create_and_run_params"
    assert MODULES.other_location("openai.types.beta.threads.thread_message", "ThreadMessage") is None


def test_removed_type_names_are_nowhere() -> None:
    assert MODULES.home_of("ToolAssistantToolsFunction") is None
    assert not any(
        "ToolAssistantToolsFunction" in (MODULES.names(m) or ()) for m in MODULES.modules_named("types")
    )
    assert MODULES.has_name("openai.types.realtime", "RealtimeSessionClientSecret") is False


def test_the_legacy_cli_is_gone() -> None:
    entry_points = importlib.metadata.distribution("openai").entry_points
    assert [e for e in entry_points if e.group == "console_scripts"] == []


def test_beta_realtime_exists_but_the_sdk_does_not_mark_it() -> None:
    client = openai.OpenAI(api_key="sk-test")
    assert client.beta.realtime is not None
    marked = runtime_deprecations(client)
    assert not [p for p in marked if canonical_path(p)[:2] == ("beta", "realtime")]
    surface = API.surface_for_path(("beta", "realtime", "connect"))
    assert surface is not None and surface.id == "realtime_beta" and not surface.sdk_marked
    assert "realtime=v1" in surface.sdk_sends_headers
    assert "openai/resources/beta/realtime/realtime.py" in _data()["sdk_beta_headers"]["realtime=v1"]


def test_vector_stores_left_beta() -> None:
    client = openai.OpenAI(api_key="sk-test")
    assert not hasattr(client.beta, "vector_stores")
    assert client.vector_stores is not None
    # vector_stores still sends the assistants=v2 header: that header value is not a shut-down surface.
    assert "openai/resources/vector_stores/vector_stores.py" in _data()["sdk_beta_headers"]["assistants=v2"]
    assert API.surface_for_header("OpenAI-Beta", "assistants=v2") is None


@pytest.mark.parametrize(
    "path",
    [
        ("responses", "create"),
        ("conversations", "create"),
        ("vector_stores", "create"),
        ("files", "content"),
        ("realtime", "connect"),
        ("beta", "chat", "completions", "parse"),
        ("audio", "speech", "with_streaming_response", "create"),
    ],
)
def test_live_paths_are_outside_every_surface(path: tuple) -> None:
    assert knowledge.sdk().tree_node(path[:-1]) is not None
    assert API.surface_for_path(path) is None
    assert API.deprecated_method(path) is None


def test_replacements_are_live_sdk_paths() -> None:
    for surface in API.surfaces.values():
        for replacement in surface.replacement_paths:
            assert knowledge.sdk().tree_node(replacement) is not None or knowledge.sdk().member_kind(
                replacement[:-1], replacement[-1]
            ), replacement
            assert API.surface_for_path(replacement) is None, (surface.id, replacement)
    for method in _data()["deprecated_methods"].values():
        replacement = tuple(method["replacement"].split("."))
        assert knowledge.sdk().member_kind(replacement[:-1], replacement[-1]) == "method"


def test_plain_binary_calls_return_the_deprecated_content_class() -> None:
    client = mocked_client(answer_bytes)
    content = client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input="hi")
    assert isinstance(content, HttpxBinaryResponseContent)
    assert HttpxBinaryResponseContent.stream_to_file.__deprecated__  # type: ignore[attr-defined]
    with client.audio.speech.with_streaming_response.create(
        model="gpt-4o-mini-tts", voice="alloy", input="hi"
    ) as r:
        assert isinstance(r, StreamedBinaryAPIResponse)
    assert getattr(StreamedBinaryAPIResponse.stream_to_file, "__deprecated__", None) is None
    recorded = API.binary_response(("audio", "speech", "create"))
    assert recorded is not None
    assert recorded.returns == f"{HttpxBinaryResponseContent.__module__}.HttpxBinaryResponseContent"
    assert (
        recorded.with_streaming_response["sync"]
        == f"{StreamedBinaryAPIResponse.__module__}.StreamedBinaryAPIResponse"
    )
    raw = client.audio.speech.with_raw_response.create(model="gpt-4o-mini-tts", voice="alloy", input="hi")
    assert type(raw).__name__ == recorded.with_raw_response.rpartition(".")[2]
    assert isinstance(raw.parse(), HttpxBinaryResponseContent)
    stream_to_file = API.deprecated_response_method(recorded.returns, "stream_to_file")
    assert stream_to_file is not None and stream_to_file.replacement == "with_streaming_response"


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda c: c.files.retrieve_content("file-1"), ("files", "retrieve_content")),
        (
            lambda c: c.audio.translations.create(file=("a.mp3", b"x"), model="whisper-1"),
            ("audio", "translations", "create"),
        ),
        (lambda c: c.videos.list(), ("videos", "list")),
        (lambda c: c.beta.realtime.sessions.create(), ("beta", "realtime", "sessions", "create")),
    ],
)
def test_runtime_warning_flags_match_the_sdk(call, path) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(mocked_client(answer_json))
    warned = any(issubclass(w.category, DeprecationWarning) for w in caught)
    surface = _data()["surfaces"].get(API.surface_for_path(path).id if API.surface_for_path(path) else "")
    record = surface["methods"][".".join(path)] if surface else _data()["deprecated_methods"][".".join(path)]
    assert record["runtime_warning"] is warned


def test_raw_bytes_body_warns_at_runtime() -> None:
    with pytest.warns(DeprecationWarning, match="content"):
        mocked_client(answer_json).post("/anything", body=b"raw", cast_to=object)
    parameter = API.deprecated_parameter(("post",), "body")
    assert parameter is not None and parameter.value_type == "bytes" and parameter.replacement == "content"


# --- the loader's queries ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "surface_id"),
    [
        (("beta", "threads", "runs", "create"), "assistants"),
        (("beta", "threads", "runs", "steps", "list"), "assistants"),
        (("beta", "with_raw_response", "assistants", "list"), "assistants"),
        (("beta", "threads"), "assistants"),
        (("beta",), None),
        (("videos", "with_streaming_response", "download_content"), "videos"),
        (("images", "create_variation"), "image_variations"),
        (("images", "edit"), None),
        (("audio", "translations", "create"), "audio_translations"),
        (("fine_tuning", "jobs", "create"), "fine_tuning_job_creation"),
        (("fine_tuning", "jobs", "list"), None),
        (("evals", "runs", "output_items", "list"), "evals"),
    ],
)
def test_surface_for_path(path: tuple, surface_id: object) -> None:
    surface = API.surface_for_path(path)
    assert (surface.id if surface else None) == surface_id


def test_status_moves_with_the_date() -> None:
    videos = API.surfaces["videos"]
    assert videos.status(date(2026, 3, 23)) == "active"
    assert videos.status(date(2026, 3, 24)) == "deprecated"
    assert videos.status(date(2026, 9, 23)) == "deprecated"
    assert videos.status(date(2026, 9, 24)) == "retired"
    assert videos.days_left(date(2026, 9, 20)) == 4
    assert API.status(("audio", "translations", "create"), date(2026, 12, 1)) == "deprecated"
    assert API.status(("audio", "translations", "create"), date(2027, 2, 26)) == "retired"
    assert API.status(("responses", "create"), date(2026, 12, 1)) is None


def test_dates_from_the_deprecations_page() -> None:
    expected = {
        "assistants": ("2026-08-26", "Responses API and Conversations API"),
        "videos": ("2026-09-24", None),
        "realtime_beta": ("2026-05-12", "Realtime API (GA)"),
        "assistants_v1_header": ("2024-12-18", None),
        "image_variations": ("2026-05-12", None),
        "audio_translations": ("2027-02-26", None),
    }
    for surface_id, (shutdown, replacement) in expected.items():
        surface = API.surfaces[surface_id]
        assert surface.shutdown == date.fromisoformat(shutdown)
        assert surface.sources
        if replacement is not None:
            assert surface.replacement == replacement
    assert API.surfaces["assistants"].replacement_paths == (("responses",), ("conversations",))


@pytest.mark.parametrize(
    ("name", "value", "surface_id"),
    [
        ("OpenAI-Beta", "realtime=v1", "realtime_beta"),
        ("openai-beta", " Realtime=v1 ", "realtime_beta"),
        ("OpenAI-Beta", "assistants=v2,realtime=v1", "realtime_beta"),
        ("OpenAI-Beta", "assistants=v1", "assistants_v1_header"),
        ("OpenAI-Beta", "assistants=v2", None),
        ("X-Other", "realtime=v1", None),
    ],
)
def test_surface_for_header(name: str, value: str, surface_id: object) -> None:
    surface = API.surface_for_header(name, value)
    assert (surface.id if surface else None) == surface_id


def test_deprecated_methods() -> None:
    method = API.deprecated_method(("files", "with_raw_response", "retrieve_content"))
    assert method is not None
    assert method.sdk_message == "The `.content()` method should be used instead"
    assert method.replacement == "files.content" and not method.one_to_one
    assert set(method.wrappers) == set(WRAPPERS)
    permissions = API.deprecated_method(("fine_tuning", "checkpoints", "permissions", "retrieve"))
    assert permissions is not None and permissions.replacement.endswith("permissions.list")
    assert API.deprecated_method(("files", "content")) is None
    assert API.deprecated_method(("beta", "assistants", "create")) is None  # a surface, not OAI111


def test_deprecated_parameters() -> None:
    chat = API.deprecated_parameters(("chat", "completions", "create"))
    assert {"user", "functions", "function_call", "max_tokens", "prompt_cache_retention"} <= set(chat)
    assert chat["user"].replacement is None
    assert chat["user"].replacement_names == ("safety_identifier", "prompt_cache_key")
    assert chat["max_tokens"].replacement == "max_completion_tokens"
    assert "seed" not in chat and "stop" not in chat
    assert API.deprecated_parameter(("chat", "completions", "parse"), "user") is not None
    assert API.deprecated_parameter(("images", "generate"), "user").replacement == "safety_identifier"
    assert API.deprecated_parameter(
        ("fine_tuning", "jobs", "create"), "hyperparameters"
    ).replacement_names == ("method",)
    assert API.deprecated_parameter(("admin", "organization", "projects", "create"), "geography") is not None
    quality = API.deprecated_parameter(("images", "generate"), "quality")
    assert quality.kind == "values" and quality.deprecated_value("hd") is not None
    assert quality.deprecated_value("high") is None
    fields = API.deprecated_fields(("responses", "create"))
    assert fields["reasoning.generate_summary"].replacement == "summary"
    assert "messages[].function_call" in API.deprecated_fields(("chat", "completions", "create"))


def test_module_queries() -> None:
    assert MODULES.module_exists("openai.types.chat.completion_create_params")
    assert MODULES.has_name("openai.types.chat", "ChatCompletion") is True
    assert MODULES.has_name("openai.types.chat", "completion_create_params") is True  # a submodule
    assert MODULES.has_name("openai.types.chat", "NoSuchName") is False
    assert MODULES.has_name("openai.types.chat", "_private") is None
    assert MODULES.has_name("openai.no_such_module", "X") is None
    assert MODULES.module_exists("openai.helpers") and not MODULES.importable("openai.helpers")
    assert MODULES.has_name("openai.helpers", "LocalAudioPlayer") is None
    assert MODULES.modules_named("vector_store") == ("openai.types.vector_store",)
    assert MODULES.has_name("openai", "AssistantEventHandler") is True  # lazy export


def _data() -> dict:
    return RAW
