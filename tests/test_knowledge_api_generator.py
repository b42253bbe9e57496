"""The API knowledge generator stops, instead of guessing, when the SDK and the hand-written sources
disagree or when the SDK words a deprecation in a way nothing accounts for."""

from __future__ import annotations

import copy
import importlib
import json

import pytest

from .api_knowledge_support import ROOT, generator, sdk_view

SOURCES = json.loads((ROOT / "scripts" / "data" / "api_lifecycle_sources.json").read_text(encoding="utf-8"))


def _sources() -> dict:
    return copy.deepcopy(SOURCES)


def _surface(sources: dict, surface_id: str) -> dict:
    return next(s for s in sources["surfaces"] if s["id"] == surface_id)


@pytest.mark.parametrize(
    ("text", "note", "names"),
    [
        (
            "Deprecated in favor of `tools`.\nA list of functions.",
            "Deprecated in favor of `tools`.",
            ["tools"],
        ),
        ("Deprecated. Use `prompt_cache_options.ttl` instead.", None, ["prompt_cache_options.ttl"]),
        ("**Deprecated:** use `summary` instead.", "**Deprecated:** use `summary` instead.", ["summary"]),
        (
            "Geography. Deprecated: use `residency` instead.",
            "Deprecated: use `residency` instead.",
            ["residency"],
        ),
        ("This field is being replaced by `a` and `b`.", None, ["a", "b"]),
        ("Legacy style parameter for retired image models.", None, []),
    ],
)
def test_classify_recognises_the_sdk_wordings(text: str, note: object, names: list) -> None:
    result = generator().deprecation_text.classify(text)
    assert result.note is not None and result.mention is None
    if note is not None:
        assert result.note == note
    assert result.replacement_names("user") == names


def test_classify_reports_unknown_wordings_and_deprecated_values() -> None:
    classify = generator().deprecation_text.classify
    mention = classify("A non-empty value takes precedence over the deprecated `user` parameter.")
    assert mention.note is None and mention.mention is not None and not mention.deprecates
    values = classify('The quality.\n\nDeprecated values:\n\n- "standard", "hd": Retired models only.')
    assert values.note is None and values.values == [(["standard", "hd"], "Retired models only.")]
    assert not classify("Controls randomness.").deprecates


def test_lifecycle_statements_give_iso_dates() -> None:
    statements = generator().deprecation_text.lifecycle_statements(
        "Translates audio. The endpoint is deprecated and scheduled to shut down on February 26, 2027. "
        "This endpoint is retired and no longer available."
    )
    assert [s.date for s in statements] == ["2027-02-26", None]


def test_a_shutdown_date_the_sdk_contradicts_stops_the_generator() -> None:
    sources = _sources()
    _surface(sources, "videos")["shutdown"] = "2026-09-25"
    with pytest.raises(generator().KnowledgeError, match="September 24, 2026"):
        generator().build_surfaces(sources, sdk_view())


def test_a_surface_path_the_sdk_lacks_stops_the_generator() -> None:
    sources = _sources()
    _surface(sources, "assistants")["sdk_paths"].append("beta.vector_stores")
    with pytest.raises(generator().KnowledgeError, match=r"beta\.vector_stores"):
        generator().build_surfaces(sources, sdk_view())


def test_an_unrecorded_sdk_deprecated_method_stops_the_generator() -> None:
    gen = generator()
    sources = _sources()
    surfaces = gen.build_surfaces(sources, sdk_view())
    sources["deprecated_methods"] = [
        e for e in sources["deprecated_methods"] if e["sdk_path"] != "files.retrieve_content"
    ]
    with pytest.raises(gen.KnowledgeError, match=r"files\.retrieve_content"):
        gen.build_deprecated_methods(sources, sdk_view(), surfaces)
    sources = _sources()
    sources["deprecated_methods"].append({**sources["deprecated_methods"][0], "sdk_path": "files.content"})
    with pytest.raises(gen.KnowledgeError, match="does not mark"):
        gen.build_deprecated_methods(sources, sdk_view(), surfaces)


def test_an_unexplained_shutdown_sentence_stops_the_generator() -> None:
    gen = generator()
    sources = _sources()
    surfaces = gen.build_surfaces(sources, sdk_view())
    sources["not_surface_statements"] = []
    with pytest.raises(gen.KnowledgeError, match=r"audio\.speech\.create"):
        gen.check_statements_outside_surfaces(sdk_view(), surfaces, sources)
    sources = _sources()
    sources["not_surface_statements"].append({"sdk_path": "files.list", "contains": "x", "reason": "stale"})
    with pytest.raises(gen.KnowledgeError, match="explain nothing"):
        gen.check_statements_outside_surfaces(sdk_view(), surfaces, sources)


def test_an_unexplained_mention_of_deprecation_stops_the_generator() -> None:
    gen = generator()
    sources = _sources()
    sources["not_deprecations"] = [
        e for e in sources["not_deprecations"] if e["parameter"] != "safety_identifier"
    ]
    builder = gen.ParameterBuilder(sources, sdk_view())
    with pytest.raises(gen.KnowledgeError, match="safety_identifier"):
        builder.method_parameters(("images", "edit"))


def test_a_one_to_one_replacement_the_doc_does_not_name_stops_the_generator() -> None:
    gen = generator()
    sources = _sources()
    entry = next(e for e in sources["one_to_one_replacements"] if e["sdk_path"] == "images.generate")
    entry["replacement"] = "prompt_cache_key"
    builder = gen.ParameterBuilder(sources, sdk_view())
    with pytest.raises(gen.KnowledgeError, match="1:1 replacement"):
        builder.method_parameters(("images", "generate"))


def test_inconsistent_sources_are_rejected(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gen = generator()
    sources = _sources()
    _surface(sources, "evals")["announced"] = "2027-01-01"
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(sources), encoding="utf-8")
    inputs = importlib.import_module("lifecycle_inputs")  # on sys.path once the generator is loaded
    monkeypatch.setattr(inputs, "SOURCES", path)
    with pytest.raises(gen.KnowledgeError, match="announced after its shutdown"):
        gen.load_sources()
