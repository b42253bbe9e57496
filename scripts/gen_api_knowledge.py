"""Generate ``lint_openai/knowledge/data/api_lifecycle.json`` and ``sdk_modules.json``.

Run ``python scripts/gen_api_knowledge.py`` after upgrading the SDK or editing
``scripts/data/api_lifecycle_sources.json``; ``tests/test_knowledge_api.py`` regenerates both in memory
and fails when a committed file is stale.

What the installed ``openai`` says is read from it: ``@deprecated`` markers (source and ``__deprecated__``),
method descriptions ("scheduled to shut down on ...", "This endpoint is retired"), parameter docs in method
docstrings and in the ``TypedDict`` request types ("Deprecated ...", "Deprecated values:"), explicit
``DeprecationWarning`` calls, the ``OpenAI-Beta`` headers each resource sends, the URL paths only a surface's
methods request (``scripts/sdk_request_paths.py``), which methods return a
non-streaming binary body, and the module tree. What only OpenAI's deprecations page says (announcement and
shutdown dates, replacements, guides) comes from the sources file. The script stops, instead of guessing,
when the two disagree or when the SDK says something about deprecation that neither accounts for.
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from pathlib import Path
from typing import Any, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deprecation_text
import sdk_introspect as sdk
import sdk_modules_index
import sdk_request_paths
from deprecated_parameters import ParameterBuilder, build_runtime_deprecations
from lifecycle_inputs import KnowledgeError, Path_, Sdk, Used, load_sources, path_of, under
from sdk_typeddicts import type_hints

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "lint_openai" / "knowledge" / "data"
LIFECYCLE_OUTPUT = DATA / "api_lifecycle.json"
MODULES_OUTPUT = DATA / "sdk_modules.json"


# --- API surfaces ------------------------------------------------------------------------------------


def _method_record(sdk_: Sdk, path: Path_) -> dict[str, Any]:
    method = sdk_.tree[path]
    marker = sdk_.implementation_marker(path)
    file, qualname = method.source
    return {
        "sdk_message": sdk.deprecation_of(method.function),
        "runtime_warning": marker is not None and marker.runtime_warning,
        "wrappers": sorted(method.wrappers),
        "source": f"{file} {qualname}",
    }


def _statements(method: sdk.Method) -> list[deprecation_text.Statement]:
    texts = [sdk.description(doc) for doc in sdk.docstrings(method)]
    message = sdk.deprecation_of(method.function)
    if message:
        texts.append(message)
    found = [s for text in texts for s in deprecation_text.lifecycle_statements(text)]
    return list(dict.fromkeys(found))


def build_surfaces(sources: dict[str, Any], sdk_: Sdk) -> dict[str, Any]:
    """Each hand-written surface, with the SDK methods it covers and what the SDK says about them."""
    sent = sdk.sent_beta_headers()
    http_paths = sdk_request_paths.surface_http_paths(
        sdk_, {e["id"]: e["sdk_paths"] for e in sources["surfaces"]}
    )
    surfaces: dict[str, Any] = {}
    for entry in sources["surfaces"]:
        what = entry["id"]
        for dotted in [*entry["sdk_paths"], *entry["replacement_sdk_paths"]]:
            if not sdk_.exists(dotted):
                raise KnowledgeError(f"surface {what}: the SDK has no {dotted!r}")
        methods = {}
        statements: list[str] = []
        saying: set[str] = set()  # SDK files that mark or describe the deprecation
        for prefix in entry["sdk_paths"]:
            for path in sdk_.methods_under(path_of(prefix)):
                record = methods[".".join(path)] = _method_record(sdk_, path)
                if record["sdk_message"]:
                    saying.add(f"SDK {record['source'].split(' ')[0]}: @deprecated")
                for statement in _statements(sdk_.tree[path]):
                    saying.add(f"SDK {record['source'].split(' ')[0]}: {statement.text!r}")
                    if statement.date is not None and statement.date != entry["shutdown"]:
                        raise KnowledgeError(
                            f"surface {what}: the SDK says {statement.text!r} ({'.'.join(path)}) but the "
                            f"sources give shutdown {entry['shutdown']}; check DEP and fix one"
                        )
                    if statement.date is None and entry["shutdown"] is None:
                        raise KnowledgeError(
                            f"surface {what}: the SDK calls it retired; give a shutdown date"
                        )
                    statements.append(statement.text)
        files = {record["source"].split(" ")[0] for record in methods.values()}
        messages = sorted({m["sdk_message"] for m in methods.values() if m["sdk_message"]})
        surfaces[what] = {
            "name": entry["name"],
            "sdk_paths": entry["sdk_paths"],
            "methods": methods,
            "headers": entry["headers"],
            "http_paths": http_paths[what],
            "sdk_sends_headers": sorted(value for value, where in sent.items() if files & set(where)),
            "announced": entry["announced"],
            "shutdown": entry["shutdown"],
            "replacement": entry["replacement"],
            "replacement_sdk_paths": entry["replacement_sdk_paths"],
            "replacement_surface": entry["replacement_surface"],
            "migration_guide": entry["migration_guide"],
            "sdk_marked": bool(messages),
            "sdk_messages": messages,
            "sdk_statements": sorted(set(statements)),
            "sources": [entry["source"], *sorted(saying)],
            "notes": entry["notes"],
        }
    return surfaces


def _surface_of(path: Path_, surfaces: dict[str, Any]) -> Optional[str]:
    best: Optional[tuple[int, str]] = None
    for what, surface in surfaces.items():
        for prefix in surface["sdk_paths"]:
            if under(path, path_of(prefix)) and (best is None or len(path_of(prefix)) > best[0]):
                best = (len(path_of(prefix)), what)
    return None if best is None else best[1]


def check_statements_outside_surfaces(sdk_: Sdk, surfaces: dict[str, Any], sources: dict[str, Any]) -> None:
    """Every shutdown/retired sentence of a method outside the surfaces must be explained by hand."""
    explained = Used("not_surface_statements", sources["not_surface_statements"])
    for path, method in sdk_.tree.items():
        if _surface_of(path, surfaces) is not None:
            continue
        for statement in _statements(method):
            if explained.find(sdk_path=method.dotted, text=statement.text) is None:
                raise KnowledgeError(
                    f"{method.dotted}: the SDK says {statement.text!r}; add a surface or a "
                    "not_surface_statements entry to api_lifecycle_sources.json"
                )
    explained.check()


# --- deprecated methods without a shutdown ----------------------------------------------------------


def build_deprecated_methods(sources: dict[str, Any], sdk_: Sdk, surfaces: dict[str, Any]) -> dict[str, Any]:
    """SDK-marked resource methods outside every surface, with the hand-written replacement."""
    hand = {entry["sdk_path"]: entry for entry in sources["deprecated_methods"]}
    found = {}
    for path, method in sdk_.tree.items():
        if sdk.deprecation_of(method.function) is None or _surface_of(path, surfaces) is not None:
            continue
        entry = hand.pop(method.dotted, None)
        if entry is None:
            raise KnowledgeError(f"{method.dotted} is marked @deprecated; add it to deprecated_methods")
        if not sdk_.exists(entry["replacement"]):
            raise KnowledgeError(f"{method.dotted}: replacement {entry['replacement']!r} is not in the SDK")
        found[method.dotted] = {
            **_method_record(sdk_, path),
            "replacement": entry["replacement"],
            "one_to_one": entry["one_to_one"],
            "replacement_note": entry["replacement_note"],
        }
    if hand:
        raise KnowledgeError(f"deprecated_methods the SDK does not mark: {sorted(hand)}")
    return found


def build_response_methods(sources: dict[str, Any]) -> dict[str, Any]:
    """Deprecated methods of response classes (``HttpxBinaryResponseContent.stream_to_file``...)."""
    found = {}
    for entry in sources["deprecated_response_methods"]:
        module, _, name = entry["class"].rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        function = inspect.getattr_static(cls, entry["method"])
        message = sdk.deprecation_of(function)
        if message is None:
            raise KnowledgeError(f"{entry['class']}.{entry['method']} is not marked @deprecated any more")
        found[f"{entry['class']}.{entry['method']}"] = {
            "class": entry["class"],
            "method": entry["method"],
            "sdk_message": message,
            "replacement": entry["replacement"],
            "replacement_note": entry["replacement_note"],
            "source": f"{sdk.relative(inspect.getsourcefile(cls))} {name}.{entry['method']}",
        }
    return found


def build_binary_responses(sdk_: Sdk) -> dict[str, Any]:
    """Methods whose plain call returns a non-streaming binary body, and what their wrappers return."""
    found = {}
    for path, method in sdk_.tree.items():
        hints = type_hints(method.function)
        returns = hints.get("return")
        if not (isinstance(returns, type) and returns.__name__ == "HttpxBinaryResponseContent"):
            continue
        streaming = {}
        for tree, flavour in ((sdk_.tree, "sync"), (sdk_.async_tree, "async")):
            wrapper = tree[path].wrappers.get("with_streaming_response")
            cls = sdk.streamed_response_class(wrapper) if wrapper is not None else None
            streaming[flavour] = None if cls is None else sdk.qualified(cls)
        found[method.dotted] = {
            "returns": sdk.qualified(returns),
            "with_raw_response": "openai._legacy_response.LegacyAPIResponse"
            if "with_raw_response" in method.wrappers
            else None,
            "with_streaming_response": streaming,
            "source": " ".join(method.source),
        }
    return found


def marker_accounting(sdk_: Sdk, response_methods: dict[str, Any]) -> list[dict[str, Any]]:
    """Every ``@deprecated`` decorator in the SDK and the record that covers it (or stop)."""
    rows = []
    for marker in sdk_.markers:
        paths = sdk_.by_source.get((marker.file, marker.qualname))
        module = marker.file[: -len(".py")].replace("/", ".")
        response_key = f"{module}.{marker.qualname}"
        if paths:
            covered = sorted({".".join(p) for p in paths})
        elif response_key in response_methods:
            covered = [response_key]
        else:
            raise KnowledgeError(f"{marker.file} {marker.qualname}: @deprecated, but no record covers it")
        rows.append({**marker.as_json(), "covered_by": covered})
    return rows


# --- the document ------------------------------------------------------------------------------------


def build(sdk_: Optional[Sdk] = None, sources: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """Merge the SDK and the hand-written sources into the lifecycle document."""
    sources = load_sources() if sources is None else sources
    sdk_ = Sdk() if sdk_ is None else sdk_
    surfaces = build_surfaces(sources, sdk_)
    check_statements_outside_surfaces(sdk_, surfaces, sources)
    response_methods = build_response_methods(sources)
    parameters, fields = ParameterBuilder(sources, sdk_).build()
    return {
        "generated_by": "scripts/gen_api_knowledge.py",
        "openai_version": sdk_.version,
        "about": (
            "API surfaces with a shutdown (resource paths in the client tree, or request header values), "
            "SDK-deprecated methods without one, deprecated parameters and request fields, and which methods "
            "return a non-streaming binary body. Paths are dotted resource paths of the client without "
            "with_raw_response/with_streaming_response. Dates and replacements come from "
            "scripts/data/api_lifecycle_sources.json (each with its source); everything else is read from "
            "the installed openai."
        ),
        "surfaces": surfaces,
        "deprecated_methods": build_deprecated_methods(sources, sdk_, surfaces),
        "deprecated_response_methods": response_methods,
        "binary_responses": build_binary_responses(sdk_),
        "deprecated_parameters": parameters,
        "runtime_deprecations": build_runtime_deprecations(sources, sdk_),
        "deprecated_fields": fields,
        "sdk_beta_headers": sdk.sent_beta_headers(),
        "sdk_markers": marker_accounting(sdk_, response_methods),
    }


def render(document: dict[str, Any]) -> str:
    """Serialise the lifecycle document exactly as it is committed."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def outputs() -> dict[Path, str]:
    """Each generated file and its content, as it should be committed."""
    return {
        LIFECYCLE_OUTPUT: render(build()),
        MODULES_OUTPUT: sdk_modules_index.render(sdk_modules_index.build()),
    }


def main(argv: list[str]) -> int:
    """Write the files; with ``--check``, write nothing and fail if a committed file is stale.

    Tests use ``--check`` in a subprocess: building imports every module of the SDK, which would
    change what other in-process checks see (``gen_sdk_knowledge`` scans ``sys.modules``).
    """
    if argv == ["--check"]:
        stale = [
            path for path, text in outputs().items() if not path.exists() or path.read_text("utf-8") != text
        ]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run `python scripts/gen_api_knowledge.py`")
        return 1 if stale else 0
    if argv:
        print("usage: gen_api_knowledge.py [--check]", file=sys.stderr)
        return 2
    DATA.mkdir(parents=True, exist_ok=True)
    for path, text in outputs().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
