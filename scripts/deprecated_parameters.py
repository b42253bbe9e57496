"""Deprecated parameters per SDK method, from method docstrings and the ``TypedDict`` types behind them.

Also the explicit runtime deprecations of the low-level client methods (``post(body=bytes)``).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from typing import Any, Optional

import deprecation_text
import sdk_introspect as sdk
import sdk_modules_index
from lifecycle_inputs import KnowledgeError, Path_, Sdk, Used
from sdk_typeddicts import FieldIndex, is_typeddict, reachable_typed_dicts, type_hints


def _body_typed_dicts(method: sdk.Method) -> list[type]:
    """The request-body TypedDicts a method's implementation passes to ``maybe_transform``."""
    file, qualname = method.source
    nodes = sdk.definitions_by_name(file).get(qualname, [])
    implementation = nodes[-1] if nodes else None
    if implementation is None:
        return []
    targets = [
        ast.unparse(call.args[1])
        for call in ast.walk(implementation)
        if isinstance(call, ast.Call)
        and ast.unparse(call.func).endswith("maybe_transform")
        and len(call.args) > 1
    ]
    names = sorted(set(re.findall(r"\b(\w+_params)\.(\w+)\b", " ".join(targets))))
    found = []
    for module_name, class_name in names:
        module = inspect.unwrap(method.function).__globals__.get(module_name)
        cls = getattr(module, class_name, None)
        if isinstance(cls, type) and is_typeddict(cls):
            found.append(cls)
    return found


def _parameter_record(
    note_source: str,
    classified: deprecation_text.DocDeprecation,
    name: str,
    one_to_one: Optional[str],
) -> dict[str, Any]:
    return {
        "kind": "parameter" if classified.note else "values",
        "sdk_text": classified.note,
        "values": [{"values": values, "sdk_text": note} for values, note in classified.values],
        "replacement_names": classified.replacement_names(name),
        "replacement": one_to_one,
        "sources": [note_source],
    }


class ParameterBuilder:
    """Deprecated parameters per method, from method docstrings and the TypedDicts behind them."""

    def __init__(self, sources: dict[str, Any], sdk_: Sdk) -> None:
        self.sdk = sdk_
        self.fields = FieldIndex()
        self.not_deprecations = Used("not_deprecations", sources["not_deprecations"])
        self.one_to_one = Used("one_to_one_replacements", sources["one_to_one_replacements"])
        self.field_one_to_one = Used(
            "one_to_one_field_replacements", sources["one_to_one_field_replacements"]
        )
        self.reached: dict[str, list[str]] = {}
        self.model_values: dict[str, list[str]] = {}

    def _explained(self, name: str, text: str) -> None:
        if self.not_deprecations.find(parameter=name, text=text) is None:
            raise KnowledgeError(
                f"parameter {name!r}: the SDK doc mentions deprecation in an unknown way: {text[:200]!r}; "
                "teach deprecation_text.py or add a not_deprecations entry"
            )

    def _one_to_one(self, dotted: str, name: str, candidates: list[str], params: set[str]) -> Optional[str]:
        entry = self.one_to_one.find(sdk_path=dotted, parameter=name)
        if entry is None:
            return None
        if entry["replacement"] not in candidates or entry["replacement"] not in params:
            raise KnowledgeError(
                f"{dotted}({name}=): 1:1 replacement {entry['replacement']!r} not in the doc"
            )
        return entry["replacement"]

    def method_parameters(self, path: Path_) -> dict[str, Any]:
        method = self.sdk.tree[path]
        params = set(inspect.signature(method.function).parameters) - {"self"}
        texts: dict[str, list[tuple[str, str, Optional[str]]]] = {}
        file, qualname = method.source
        for doc in sdk.docstrings(method):
            for name, text in sdk.argument_docs(doc).items():
                texts.setdefault(name, []).append((text, f"{file} {qualname} docstring", None))
        for cls in _body_typed_dicts(method):
            for name in type_hints(cls):
                found = self.fields.classify(cls, name)
                if found is not None:
                    key, _ = found
                    texts.setdefault(name, []).append(
                        (self.fields.classified[key][0], f"TypedDict {key}", key)
                    )
        records: dict[str, Any] = {}
        for name, docs in sorted(texts.items()):
            for text, where, key in docs:
                classified = deprecation_text.classify(text)
                if classified.mention:
                    self._explained(name, classified.mention)
                if not classified.deprecates:
                    continue
                if name == "model":
                    self.model_values.setdefault(method.dotted, [])
                    if name not in self.model_values[method.dotted]:
                        self.model_values[method.dotted].append(name)
                    continue
                if name not in params:
                    raise KnowledgeError(
                        f"{method.dotted}: documented parameter {name!r} is not in the signature"
                    )
                if key is not None:
                    self.reached.setdefault(key, []).append(f"{method.dotted}({name})")
                if name in records:
                    if where not in records[name]["sources"]:
                        records[name]["sources"].append(where)
                    continue
                candidates = classified.replacement_names(name)
                records[name] = _parameter_record(
                    where, classified, name, self._one_to_one(method.dotted, name, candidates, params)
                )
        return records

    def nested_fields(self, path: Path_) -> dict[str, str]:
        """``"reasoning.generate_summary" -> field key`` for deprecated fields inside parameter values."""
        hints = type_hints(self.sdk.tree[path].function)
        found = {}
        for name, annotation in hints.items():
            for in_list, cls in reachable_typed_dicts(annotation):
                step = (name, "[]") if in_list else (name,)
                for suffix, key in self.fields.deprecated_suffixes(cls):
                    found[".".join((*step, *suffix)).replace(".[]", "[]")] = key
        return dict(sorted(found.items()))

    def inherited(
        self, path: Path_, own: dict[str, Any], documented: dict[Path_, set[str]]
    ) -> dict[str, Any]:
        """Deprecated parameters a method takes without documenting them (``parse``/``stream`` wrappers of
        ``create``), taken from a sibling method that documents the same parameter with the same type."""
        signature = inspect.signature(self.sdk.tree[path].function).parameters
        found = {}
        for sibling in sorted(p for p in self.sdk.tree if p[:-1] == path[:-1] and p != path):
            theirs = inspect.signature(self.sdk.tree[sibling].function).parameters
            for name, record in self.records.get(sibling, {}).items():
                if name in own or name in found or name in documented[path] or name not in signature:
                    continue
                if str(signature[name].annotation) != str(theirs[name].annotation):
                    continue
                note = f"inherited from {'.'.join(sibling)}: same parameter and type, undocumented here"
                found[name] = {
                    **record,
                    "replacement": record["replacement"],
                    "sources": [note, *record["sources"]],
                }
        return found

    def build(self) -> tuple[dict[str, Any], dict[str, Any]]:
        parameters: dict[str, Any] = {}
        documented: dict[Path_, set[str]] = {}
        self.records = {}
        for path in sorted(self.sdk.tree):
            self.records[path] = self.method_parameters(path)
            documented[path] = {
                name for doc in sdk.docstrings(self.sdk.tree[path]) for name in sdk.argument_docs(doc)
            }
        for path in sorted(self.sdk.tree):
            dotted = ".".join(path)
            records = {**self.records[path], **self.inherited(path, self.records[path], documented)}
            records = dict(sorted(records.items()))
            nested = self.nested_fields(path)
            for where, key in nested.items():
                self.reached.setdefault(key, []).append(f"{dotted}({where})")
            if records or nested:
                parameters[dotted] = {"parameters": records, "fields": nested}
        self.not_deprecations.check()
        self.one_to_one.check()
        return parameters, self._field_records()

    def _field_records(self) -> dict[str, Any]:
        self._scan_all_request_types()
        records = {}
        for key, (_text, classified) in sorted(self.fields.classified.items()):
            name = key.rpartition(".")[2]
            if classified.mention:
                self._explained(name, classified.mention)
            if not classified.deprecates or name == "model":
                continue
            one_to_one = self.field_one_to_one.find(field=name)
            record = _parameter_record(f"TypedDict {key}", classified, name, None)
            if one_to_one is not None:
                if one_to_one["replacement"] not in record["replacement_names"]:
                    raise KnowledgeError(
                        f"{key}: 1:1 replacement {one_to_one['replacement']!r} not in the doc"
                    )
                record["replacement"] = one_to_one["replacement"]
            records[key] = {**record, "reached_from": sorted(set(self.reached.get(key, [])))}
        self.field_one_to_one.check()
        return records

    def _scan_all_request_types(self) -> None:
        """Classify every field of every TypedDict defined in ``openai.types``, reached or not."""
        for module_name in sdk_modules_index.module_names():
            if not module_name.startswith("openai.types."):
                continue
            module = importlib.import_module(module_name)
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__ == module_name and is_typeddict(value):
                    for name in type_hints(value):
                        self.fields.classify(value, name)


def build_runtime_deprecations(sources: dict[str, Any], sdk_: Sdk) -> dict[str, Any]:
    """Client methods that warn at runtime for an argument type (``post(body=bytes)``)."""
    hand = {entry["parameter"]: entry for entry in sources["runtime_deprecations"]}
    client_methods = {p[0] for p in sdk_.tree if len(p) == 1}
    openai = importlib.import_module("openai")
    client_bases = {c.__name__ for c in (*openai.OpenAI.__mro__, *openai.AsyncOpenAI.__mro__)}
    found: dict[str, Any] = {}
    used = set()
    for call in sdk.deprecation_warning_calls():
        owner, _, name = call.qualname.rpartition(".")
        if name not in client_methods or owner not in client_bases:
            raise KnowledgeError(
                f"{call.file} {call.qualname}: DeprecationWarning outside the client's methods"
            )
        entry = hand.get(call.parameter)
        if entry is None or entry["value_type"] != call.value_type:
            raise KnowledgeError(
                f"{call.qualname}: add runtime_deprecations for {call.parameter}={call.value_type}"
            )
        used.add(call.parameter)
        found.setdefault(name, {})[call.parameter] = {
            "kind": "value_type",
            "value_type": call.value_type,
            "sdk_text": call.message,
            "replacement": entry["replacement"] if entry["one_to_one"] else None,
            "replacement_names": [entry["replacement"]],
            "sources": sorted(
                {
                    *found.get(name, {}).get(call.parameter, {}).get("sources", []),
                    f"{call.file} {call.qualname}",
                }
            ),
        }
    if set(hand) - used:
        raise KnowledgeError(
            f"runtime_deprecations the SDK no longer warns about: {sorted(set(hand) - used)}"
        )
    return dict(sorted(found.items()))
