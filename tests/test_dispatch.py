"""The engine's node dispatch only skips what cannot be reported: checking every node of a rule's types
finds the same, and the value kinds the filters rely on are the ones the model produces."""

from __future__ import annotations

import ast
import datetime
from typing import Iterator, List, Tuple

import pytest

from lint_openai import engine
from lint_openai.analyses import raw_requests
from lint_openai.config.settings import Settings
from lint_openai.engine import check_source
from lint_openai.knowledge.http_requests import request_callable
from lint_openai.rules.registry import all_rules
from lint_openai.semantic.binder import Binder
from lint_openai.semantic.model import METHOD_RECEIVERS, SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import (
    NONE,
    UNKNOWN,
    ApiResult,
    Client,
    Encoding,
    Function,
    LibraryName,
    Method,
    Module,
    Part,
    SdkClass,
    Str,
    StrItems,
    V0Method,
    V0Proxy,
    Value,
)

from .conftest import example_cases, fixture_files

EVERY_RULE = tuple(rule.code for rule in all_rules())


def _corpus() -> Iterator[Tuple[str, str, Settings]]:
    """Every rule example (on its date) and every fixture, with every rule enabled."""
    for name, _rule, example in example_cases():
        today = datetime.date.fromisoformat(example.today or "2026-11-25")
        yield f"{name}.py", example.source, Settings(today=today, extend_select=EVERY_RULE)
    for path in fixture_files():
        yield path.name, path.read_text(encoding="utf-8"), Settings(extend_select=EVERY_RULE)


# SDK methods kept on an object or a class of the file and passed on (OAI701): their receivers are not clients.
METHODS_ON_OBJECTS = """\
import asyncio

from openai import OpenAI


class Runner:
    def __init__(self):
        self.client = OpenAI()
        self._retrieve = self.client.beta.threads.runs.retrieve

    async def poll(self, thread_id, run_id):
        return await asyncio.to_thread(self._retrieve, run_id, thread_id=thread_id)


class Poller:
    retrieve = OpenAI().beta.threads.runs.retrieve


asyncio.to_thread(Poller.retrieve, "run")
"""
ON_OBJECTS = ("methods_on_objects.py", METHODS_ON_OBJECTS, Settings(today=datetime.date(2026, 12, 1)))
CORPUS = [*_corpus(), ON_OBJECTS]


def test_methods_kept_on_objects_are_reported() -> None:
    found = check_source(ON_OBJECTS[1], ON_OBJECTS[0], ON_OBJECTS[2])
    assert [(d.code, d.start.row) for d in found] == [("OAI701", 12), ("OAI701", 19)]


def _unfiltered(self: object, node: ast.AST, scope: Scope) -> engine.Checks:
    """Every check of the node's type, as if no rule declared ``attribute_names``, ``callees`` or
    ``receivers``."""
    return self.by_type.get(type(node), ())  # type: ignore[attr-defined, no-any-return]


def test_filters_skip_nothing_a_rule_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    filtered = [check_source(text, path, settings) for path, text, settings in CORPUS]
    monkeypatch.setattr(engine._NodeChecks, "of", _unfiltered)
    unfiltered = [check_source(text, path, settings) for path, text, settings in CORPUS]
    codes = {diagnostic.code for found in filtered for diagnostic in found}
    assert codes == set(EVERY_RULE)  # the corpus has findings of every rule to lose
    for (path, _, _), with_filters, without in zip(CORPUS, filtered, unfiltered):
        assert with_filters == without, path


def test_the_filters_are_declared() -> None:
    """The filters are in use (the test above would pass vacuously without them)."""
    rules = {rule.code: rule for rule in all_rules()}
    assert rules["OAI104"].receivers is not None and rules["OAI701"].receivers is not None
    assert rules["OAI702"].callees is not None and rules["OAI703"].callees is not None
    assert rules["OAI106"].callees is not None and rules["OAI101"].attribute_names() is not None


SAMPLES: Tuple[Value, ...] = (
    UNKNOWN,
    NONE,
    Module("openai"),
    Module("os"),
    Module("openai.types"),
    SdkClass("openai.OpenAI"),
    V0Proxy("ChatCompletion"),
    V0Method("ChatCompletion", "create"),
    Function("tiktoken.get_encoding"),
    LibraryName("httpx.Client"),
    Str("gpt-4o", ()),
    StrItems(()),
)
METHOD_NAMES = (
    "create",
    "retrieve",
    "list",
    "stream",
    "connect",
    "chat",
    "beta",
    "completions",
    "with_options",
)


def test_sdk_methods_are_attributes_of_method_receivers_only() -> None:
    """``Rule.receivers = METHOD_RECEIVERS`` (OAI701/OAI702's methods passed on) misses no SDK method: no
    other kind of value has one as an attribute."""
    model = SemanticModel(ast.parse(""))
    client = Client("OpenAI")
    call = ast.Call(func=ast.Name("f"), args=[], keywords=[])
    others = (*SAMPLES, ApiResult(call, ("chat", "completions", "create"), client), Encoding(call))
    others += (Part(ApiResult(call, ("chat", "completions", "create"), client), ("choices",)),)
    for value in others:
        assert not isinstance(value, METHOD_RECEIVERS)
        for name in METHOD_NAMES:
            assert not isinstance(model.attribute(value, name), Method), (value, name)
    assert isinstance(model.attribute(client, "with_options"), Method)  # the samples reach methods


def _calls(text: str) -> Iterator[Tuple[SemanticModel, ast.Call, Scope]]:
    model = SemanticModel(ast.parse(text))
    for node, scope in Binder(model, frozenset({ast.Call})).run():
        assert isinstance(node, ast.Call)
        yield model, node, scope


def test_requests_without_the_sdk_have_the_declared_callees() -> None:
    """Every call whose callee names an HTTP library's request function resolves to one of
    ``RAW_REQUEST_CALLEES`` (what OAI702/OAI703 and the analysis itself filter on)."""
    found: List[str] = []
    for _path, text, _settings in CORPUS:
        if raw_requests.HOST_TEXT not in text:
            continue
        for model, call, scope in _calls(text):
            name = raw_requests.qualified_name(model, call.func, scope)
            if name is None or request_callable(name) is None:
                continue
            found.append(name)
            assert isinstance(model.resolve(call.func, scope), raw_requests.RAW_REQUEST_CALLEES), name
    assert len(found) > 20  # requests, httpx, aiohttp, websockets... are in the corpus
