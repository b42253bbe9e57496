"""Generate ``lint_openai/knowledge/models.json`` from the installed ``openai`` and ``models_lifecycle.json``.

Run ``python scripts/gen_models_knowledge.py`` after upgrading the SDK or editing the lifecycle data;
``tests/test_knowledge_models.py`` regenerates the data in memory and fails when the committed file is stale.

Three inputs are merged, and the script stops with an error instead of choosing when they disagree:
(a) the SDK's model ``Literal`` types (``ChatModel``, the completions ``model`` literal, ``EmbeddingModel``, ...),
    read with ``typing.get_args``: which ids exist and of which kind;
(b) the "Deprecated values" sections of the docstrings of model fields and ``*Model`` aliases in the
    SDK's ``openai/types/**/*.py`` source text ("Announced shutdown date: YYYY-MM-DD", "was shut down on
    <Month D, YYYY>", "Not a supported model ID"): shutdown dates and unsupported ids;
(c) ``models_lifecycle.json`` (hand-written, one source per entry): announcement dates, DEP-only
    shutdown dates and ids, replacements, kinds of ids the SDK does not list, reasoning rules.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import inspect
import json
import re
import typing
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "lint_openai" / "knowledge" / "data"
OUTPUT = KNOWLEDGE / "models.json"
LIFECYCLE = ROOT / "scripts" / "data" / "models_lifecycle.json"

KINDS = frozenset(
    {
        "chat",
        "completions",
        "edits",
        "embeddings",
        "image",
        "moderation",
        "realtime",
        "responses",
        "speech",
        "transcription",
        "video",
    }
)
TEXT_KINDS = frozenset({"chat", "completions", "responses"})
ENTRY_KEYS = frozenset({"ids", "kinds", "deprecated", "shutdown", "replacement", "source", "notes"})

# (kind, module, attribute): the SDK types whose Literal values name the models of a kind.
# "responses" keeps only ResponsesModel's ids beyond ChatModel (the Responses API accepts chat ids too).
SDK_LITERALS = (
    ("chat", "openai.types.shared.chat_model", "ChatModel"),
    ("completions", "openai.types.completion_create_params", "CompletionCreateParamsBase.model"),
    ("embeddings", "openai.types.embedding_model", "EmbeddingModel"),
    ("image", "openai.types.image_model", "ImageModel"),
    ("moderation", "openai.types.moderation_model", "ModerationModel"),
    (
        "realtime",
        "openai.types.realtime.realtime_session_create_request_param",
        "RealtimeSessionCreateRequestParam.model",
    ),
    ("responses", "openai.types.shared.responses_model", "ResponsesModel"),
    ("speech", "openai.types.audio.speech_model", "SpeechModel"),
    ("transcription", "openai.types.audio_model", "AudioModel"),
    ("transcription", "openai.types.realtime.audio_transcription_param", "AudioTranscriptionParam.model"),
    ("video", "openai.types.video_model", "VideoModel"),
)

_ITEM = re.compile(r'((?:"[^"]+", )*"[^"]+"): (.+)', re.S)
_ANNOUNCED = re.compile(r"Announced shutdown date: (\d{4}-\d{2}-\d{2})\.")
_SHUT_DOWN_ON = re.compile(r"(?:was shut down|was retired) on ([A-Z][a-z]+ \d{1,2}, \d{4})\.")
_UNSUPPORTED = "Not a supported model ID."


class KnowledgeError(SystemExit):
    """The inputs disagree or are malformed; the message says what to fix."""


def literal_values(annotation: Any) -> set[str]:
    """The strings of every ``Literal`` inside ``annotation`` (through Union, Optional, Required, ...)."""
    if typing.get_origin(annotation) is typing.Literal:
        return {value for value in typing.get_args(annotation) if isinstance(value, str)}
    values: set[str] = set()
    for argument in typing.get_args(annotation):
        values |= literal_values(argument)
    return values


def _sdk_annotation(module_name: str, attribute: str) -> Any:
    obj = importlib.import_module(module_name)
    first, _, field = attribute.partition(".")
    obj = getattr(obj, first)
    return typing.get_type_hints(obj, include_extras=True)[field] if field else obj


def sdk_kinds() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """``id -> kinds`` and ``id -> literal names`` from the SDK's model literals."""
    chat = literal_values(_sdk_annotation("openai.types.shared.chat_model", "ChatModel"))
    kinds: dict[str, set[str]] = {}
    where: dict[str, set[str]] = {}
    for kind, module_name, attribute in SDK_LITERALS:
        values = literal_values(_sdk_annotation(module_name, attribute))
        if not values:
            raise KnowledgeError(f"{module_name}.{attribute} has no Literal values any more")
        if kind == "responses":
            values -= chat
        for model_id in values:
            kinds.setdefault(model_id, set()).add(kind)
            where.setdefault(model_id, set()).add(f"SDK literal {module_name}.{attribute}")
    return kinds, where


def _parse_status(text: str, origin: str) -> tuple[str, str]:
    """``("shutdown", "YYYY-MM-DD")`` or ``("unsupported", text)`` for one deprecation note."""
    match = _ANNOUNCED.search(text)
    if match:
        return "shutdown", match.group(1)
    match = _SHUT_DOWN_ON.search(text)
    if match:
        day = datetime.datetime.strptime(match.group(1), "%B %d, %Y").date()
        return "shutdown", day.isoformat()
    if text.startswith(_UNSUPPORTED):
        return "unsupported", text
    raise KnowledgeError(f"{origin}: unrecognised deprecation note {text!r}; teach the generator about it")


def _model_docstrings(tree: ast.Module) -> list[tuple[str, str]]:
    """(target name, docstring) of each ``model`` field or ``*Model`` alias followed by a docstring."""
    found = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement, following in zip(body, body[1:]):
            target = None
            if isinstance(statement, ast.AnnAssign):
                target = statement.target
            elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
            if not isinstance(target, ast.Name) or not (target.id == "model" or target.id.endswith("Model")):
                continue
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                found.append((target.id, inspect.cleandoc(following.value.value)))
    return found


Places = list[tuple[bool, str, str]]


def sdk_deprecations() -> dict[str, dict[tuple[str, str], Places]]:
    """``id -> {(status, value): [(is_alias, file, note), ...]}`` from the SDK's "Deprecated values" notes."""
    package = Path(importlib.import_module("openai").__file__).parent
    notes: dict[str, dict[tuple[str, str], Places]] = {}
    for path in sorted(package.joinpath("types").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "Deprecated values:" not in text:
            continue
        relative = path.relative_to(package.parent).as_posix()
        for name, docstring in _model_docstrings(ast.parse(text)):
            if "Deprecated values:" not in docstring:
                continue
            section = docstring.split("Deprecated values:", 1)[1]
            for raw_item in re.split(r"^- ", section.strip(), flags=re.M):
                item = " ".join(raw_item.split())
                if not item:
                    continue
                match = _ITEM.fullmatch(item)
                if not match:
                    raise KnowledgeError(f"{relative}: cannot parse deprecation item {item!r}")
                status = _parse_status(match.group(2), relative)
                for model_id in re.findall(r'"([^"]+)"', match.group(1)):
                    notes.setdefault(model_id, {}).setdefault(status, []).append(
                        (name.endswith("Model"), relative, match.group(2))
                    )
    for model_id, statuses in notes.items():
        if len(statuses) > 1:
            raise KnowledgeError(f"SDK docstrings disagree about {model_id!r}: {sorted(statuses)}")
    return notes


def _date(value: Any, what: str) -> Optional[str]:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise KnowledgeError(f"models_lifecycle.json: {what}: {value!r} is not a YYYY-MM-DD date") from None


def load_lifecycle() -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The validated hand-written entries (by id) and reasoning rules."""
    data = json.loads(LIFECYCLE.read_text(encoding="utf-8"))
    entries: dict[str, dict[str, Any]] = {}
    for entry in data["entries"]:
        what = ", ".join(entry.get("ids", []))
        unknown_keys = set(entry) - ENTRY_KEYS
        if unknown_keys or not entry.get("ids") or not entry.get("source"):
            raise KnowledgeError(
                f"models_lifecycle.json: entry {what!r}: needs ids and source, unknown {unknown_keys}"
            )
        deprecated = _date(entry.get("deprecated"), what)
        shutdown = _date(entry.get("shutdown"), what)
        if deprecated and shutdown and deprecated > shutdown:
            raise KnowledgeError(f"models_lifecycle.json: {what}: announced after its shutdown")
        kinds = entry.get("kinds")
        if kinds is not None and not set(kinds) <= KINDS:
            raise KnowledgeError(f"models_lifecycle.json: {what}: unknown kinds {set(kinds) - KINDS}")
        if (kinds == [] or deprecated is None or entry.get("replacement") is None) and not entry.get("notes"):
            raise KnowledgeError(f"models_lifecycle.json: {what}: a null or empty fact needs a note")
        for model_id in entry["ids"]:
            if model_id in entries:
                raise KnowledgeError(f"models_lifecycle.json: {model_id!r} is listed twice")
            entries[model_id] = entry
    rules = data["reasoning"]["rules"]
    for rule in rules:
        if rule["match"] not in ("exact", "prefix") or not rule.get("source"):
            raise KnowledgeError(f"models_lifecycle.json: bad reasoning rule {rule!r}")
    return entries, rules


def _reasoning(
    model_id: str, kinds: set[str], rules: list[dict[str, Any]]
) -> tuple[Optional[bool], Optional[str]]:
    if not kinds & TEXT_KINDS:
        return None, None
    for rule in rules:
        for pattern in rule["ids"]:
            if model_id == pattern or (rule["match"] == "prefix" and model_id.startswith(pattern)):
                return rule["reasoning"], rule["source"]
    return None, None


def _docstring_source(statuses: dict[tuple[str, str], Places]) -> tuple[str, str, str]:
    """(status, value, source text) for one id's (agreeing) SDK deprecation notes."""
    ((status, value), places), *_ = statuses.items()
    _alias, first, note = min(places, key=lambda p: (not p[0], p[1].count("/"), p[1]))
    files = {place[1] for place in places}
    more = f" and {len(files) - 1} more" if len(files) > 1 else ""
    note = note.split(" See https://")[0]
    return status, value, f"SDK docstring {first}{more}: {note}"


def build() -> dict[str, Any]:
    """Merge the SDK and the lifecycle data into the knowledge document."""
    openai = importlib.import_module("openai")
    kinds_by_id, literal_sources = sdk_kinds()
    deprecations = sdk_deprecations()
    lifecycle, rules = load_lifecycle()

    unsupported: dict[str, dict[str, str]] = {}
    shutdown_by_sdk: dict[str, tuple[str, str]] = {}
    for model_id, statuses in deprecations.items():
        status, value, source = _docstring_source(statuses)
        if status == "unsupported":
            unsupported[model_id] = {"note": value, "source": source}
        else:
            shutdown_by_sdk[model_id] = (value, source)
    for model_id in unsupported:
        if model_id in lifecycle:
            raise KnowledgeError(
                f"{model_id!r}: the SDK calls it unsupported; remove it from models_lifecycle.json"
            )

    all_ids = (set(kinds_by_id) | set(shutdown_by_sdk) | set(lifecycle)) - set(unsupported)
    models: dict[str, dict[str, Any]] = {}
    for model_id in sorted(all_ids):
        entry = lifecycle.get(model_id)
        kinds = set(kinds_by_id.get(model_id, ()))
        sources = sorted(literal_sources.get(model_id, ()))
        notes: list[str] = []
        if entry is not None and entry.get("kinds") is not None:
            if kinds:
                raise KnowledgeError(
                    f"{model_id!r}: the SDK gives its kinds {sorted(kinds)}; drop 'kinds' from its lifecycle entry"
                )
            kinds = set(entry["kinds"])
        elif not kinds:
            raise KnowledgeError(
                f"{model_id!r}: no SDK literal lists it; give 'kinds' in models_lifecycle.json"
            )

        shutdown = entry.get("shutdown") if entry else None
        if model_id in shutdown_by_sdk:
            sdk_date, sdk_source = shutdown_by_sdk[model_id]
            if shutdown is not None and shutdown != sdk_date:
                raise KnowledgeError(
                    f"{model_id!r}: shutdown {shutdown} in models_lifecycle.json but {sdk_date} in the SDK "
                    f"({sdk_source}); check DEP and fix the lifecycle entry"
                )
            shutdown = sdk_date
            sources.append(sdk_source)
        if entry is not None:
            if shutdown is None and not entry.get("notes"):
                raise KnowledgeError(f"{model_id!r}: no shutdown date from DEP or the SDK; add a note")
            sources.append(entry["source"])
            if entry.get("notes"):
                notes.append(entry["notes"])
        elif shutdown is not None:
            notes.append("Shutdown date from the SDK docstring only; no DEP entry is recorded for this id.")

        reasoning, reasoning_source = _reasoning(model_id, kinds, rules)
        if reasoning_source is not None:
            sources.append(f"reasoning: {reasoning_source}")
        replacement = entry.get("replacement") if entry else None
        models[model_id] = {
            "kinds": sorted(kinds),
            "shutdown": shutdown,
            "deprecated": entry.get("deprecated") if entry else None,
            "replacement": replacement,
            "replacement_id": replacement if replacement in all_ids and replacement != model_id else None,
            "reasoning": reasoning,
            "sources": sources,
            "notes": notes,
        }
    return {
        "generated_by": "scripts/gen_models_knowledge.py",
        "openai_version": openai.__version__,
        "about": (
            "Model ids, endpoint kinds, announcement (deprecated) and shutdown dates, DEP replacements and "
            "reasoning flags. Kinds and SDK shutdown dates are read from the installed openai; the rest comes "
            "from models_lifecycle.json. replacement_id is the replacement when it is a single id known here."
        ),
        "sdk_literals": sorted(f"{kind}: {module}.{attribute}" for kind, module, attribute in SDK_LITERALS),
        "models": models,
        "unsupported": unsupported,
    }


def render(document: dict[str, Any]) -> str:
    """Serialise the knowledge document exactly as it is committed."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
