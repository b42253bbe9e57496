"""Where model ids appear: the ``model=`` of SDK calls (through constants, environment defaults and
``**kwargs`` dicts) and any keyword, variable, attribute, parameter default or dict key named like
``model``/``engine``. Shared by the model, request and tokenizer rules; collected once per file.

Strings in docstrings, comments, prints and log messages are never model positions.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Set, Tuple

from .. import knowledge
from ..semantic import Scope
from ..values import Client, Function, Method, V0Method
from .base import Context

NAME_PATTERN = re.compile(r"model|engine", re.IGNORECASE)
NOT_MODEL_NAMES = re.compile(
    r"model_?(dump|validate|fields|config|copy|json|construct)|engines?_?(url|path|dir)", re.I
)
LOG_CALLS = frozenset({"print", "debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
MODEL_NODE_TYPES = (ast.Call, ast.Assign, ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef, ast.Dict)


@dataclass
class ModelLiteral:
    """A string literal holding a known model id, and every way it is used as a model."""

    literal: ast.Constant
    model: str
    scope: Scope
    calls: List[Tuple[ast.Call, str, ast.AST]] = field(
        default_factory=list
    )  # (call, endpoint, argument node)
    named: bool = False  # assigned to / passed as something named like "model"
    azure: bool = False  # flows into a call on an Azure client: a deployment name, not a model id


@dataclass(frozen=True)
class ModelCall:
    """An SDK call and the model it is proven to use."""

    call: ast.Call
    endpoint: str  # v1 method path, dotted ("chat.completions.create"); v0 calls are mapped
    argument: ast.AST  # the ``model=`` keyword (or the positional argument) to report at
    model: str
    literals: Tuple[ast.Constant, ...]
    client: Optional[Client]
    scope: Scope

    @property
    def azure(self) -> bool:
        return self.client is not None and self.client.is_azure


class ModelReferences:
    """Model literals, SDK calls with a proven model, and tiktoken calls, for one file.

    An analysis: the engine visits each node of ``node_types`` with it once, before rules see the
    node, for every file where an active rule ``requires`` it.
    """

    node_types = MODEL_NODE_TYPES

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.literals: Dict[ast.Constant, ModelLiteral] = {}
        self.calls: List[ModelCall] = []
        self.by_call: Dict[ast.Call, ModelCall] = {}
        self.tiktoken_calls: List[Tuple[ast.Call, Scope, str]] = []  # (call, scope, "tiktoken.<function>")
        self._seen: Set[int] = set()

    @classmethod
    def for_context(cls, ctx: Context) -> ModelReferences:
        return model_references(ctx)

    # ---------------------------------------------------------------- collection
    def visit(self, node: ast.AST, scope: Scope) -> None:
        """Record what ``node`` says about models (each node is looked at once)."""
        if id(node) in self._seen:
            return
        self._seen.add(id(node))
        if isinstance(node, ast.Call):
            self._visit_call(node, scope)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                self._named(_target_name(target), node.value, scope)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self._named(_target_name(node.target), node.value, scope)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._visit_defaults(node, scope)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    self._named(key.value, value, scope)

    def _visit_call(self, call: ast.Call, scope: Scope) -> None:
        func = self.ctx.model.resolve(call.func, scope)
        if isinstance(func, (Method, V0Method)) and self._visit_sdk_call(call, func, scope):
            return
        if isinstance(func, Function) and func.name.startswith("tiktoken."):
            self.tiktoken_calls.append((call, scope, func.name))
            return  # a tokenizer lookup makes no API call
        if _callee_name(call) in LOG_CALLS:
            return
        for keyword in call.keywords:
            if keyword.arg is not None:
                self._named(keyword.arg, keyword.value, scope)

    def _visit_sdk_call(self, call: ast.Call, func: object, scope: Scope) -> bool:
        """Record the model of an SDK call; ``False`` if the callee takes no model argument."""
        endpoint, client, names = _endpoint(func)
        if endpoint is None:
            return False
        argument, value = _model_argument(call, names, endpoint)
        if argument is None:
            value, argument = self._unpacked_model(call, scope)
        if value is None or argument is None:
            return True
        found = self.ctx.model.string_value(value, scope)
        if found is None:
            return True
        azure = client is not None and client.is_azure
        for literal in found.origins:
            entry = self._literal(literal, found.value, scope)
            if entry is None:
                continue
            entry.calls.append((call, endpoint, argument))
            entry.azure = entry.azure or azure
        if self.ctx.models.get(found.value) is not None:
            model_call = ModelCall(call, endpoint, argument, found.value, found.origins, client, scope)
            self.calls.append(model_call)
            self.by_call[call] = model_call
        return True

    def _unpacked_model(self, call: ast.Call, scope: Scope) -> Tuple[Optional[ast.AST], Optional[ast.AST]]:
        """``create(**params)`` where ``params`` is a dict literal (directly or through one name)."""
        for keyword in call.keywords:
            if keyword.arg is not None:
                continue
            mapping = keyword.value
            if isinstance(mapping, ast.Name):
                mapping = self._single_dict_binding(mapping.id, scope)
            if isinstance(mapping, ast.Dict):
                for key, value in zip(mapping.keys, mapping.values):
                    if isinstance(key, ast.Constant) and key.value == "model":
                        return value, keyword
        return None, None

    def _single_dict_binding(self, name: str, scope: Scope) -> Optional[ast.AST]:
        owner = self.ctx.model.lookup_scope(name, scope)
        bindings = owner.bindings.get(name, []) if owner else []
        if len(bindings) == 1 and bindings[0].kind == "value" and isinstance(bindings[0].expr, ast.Dict):
            return bindings[0].expr
        return None

    def _visit_defaults(self, node: ast.AST, scope: Scope) -> None:
        args: ast.arguments = node.args  # type: ignore[attr-defined]
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
        pairs += [
            (arg, default) for arg, default in zip(args.kwonlyargs, args.kw_defaults) if default is not None
        ]
        for arg, default in pairs:
            self._named(arg.arg, default, scope)

    def _named(self, name: Optional[str], value: ast.AST, scope: Scope) -> None:
        """A value given to something named like a model: counts only for an exact known model id."""
        if not name or not NAME_PATTERN.search(name) or NOT_MODEL_NAMES.search(name):
            return
        found = self.ctx.model.string_value(value, scope)
        if found is None or self.ctx.models.get(found.value) is None or not _distinctive(found.value):
            return
        for literal in found.origins:
            entry = self._literal(literal, found.value, scope)
            if entry is not None:
                entry.named = True

    def _literal(self, literal: ast.Constant, model: str, scope: Scope) -> Optional[ModelLiteral]:
        if not hasattr(literal, "lineno") or self.ctx.models.get(model) is None:
            return None
        entry = self.literals.get(literal)
        if entry is None:
            entry = self.literals[literal] = ModelLiteral(literal, model, scope)
        return entry

    # ---------------------------------------------------------------- queries
    def model_literals(self) -> Iterator[ModelLiteral]:
        """Literals used as model ids (not Azure deployment names), in source order."""
        for entry in sorted(self.literals.values(), key=lambda e: (e.literal.lineno, e.literal.col_offset)):
            if not entry.azure:
                yield entry

    def non_azure_calls(self) -> Iterator[ModelCall]:
        for call in self.calls:
            if not call.azure and not any(
                self.literals.get(lit, None) and self.literals[lit].azure for lit in call.literals
            ):
                yield call


def model_references(ctx: Context) -> ModelReferences:
    """The file's :class:`ModelReferences` (created on first use)."""
    found = ctx.memo.get(ModelReferences)
    if found is None:
        found = ctx.memo[ModelReferences] = ModelReferences(ctx)
    return found  # type: ignore[return-value]


def _distinctive(model_id: str) -> bool:
    """Ids like ``davinci`` or ``ada`` are also ordinary words: outside an SDK call they prove nothing."""
    return "-" in model_id or any(ch.isdigit() for ch in model_id)


def _target_name(target: ast.AST) -> Optional[str]:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return None


def _callee_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _endpoint(func: object) -> Tuple[Optional[str], Optional[Client], Tuple[str, ...]]:
    """The v1 method path of an SDK callee, its client, and the names its model argument may have."""
    if isinstance(func, V0Method):
        methods = knowledge.v0().resources.get(func.symbol, {}).get("methods", {})
        # v0's a-prefixed methods (acreate) call the same endpoint as their sync twin.
        target = methods.get(func.method) or (
            methods.get(func.method[1:]) if func.method.startswith("a") else None
        )
        return target, None, ("model", "engine")
    assert isinstance(func, Method)
    path = tuple(p for p in func.path if p not in knowledge.WRAPPER_ATTRIBUTES)
    signature = knowledge.sdk().signature(path, func.client.surface)
    if signature is None or "model" not in {name for name, _, _ in signature.params}:
        return None, func.client, ()
    endpoint = "chat.completions.create" if path[-3:] == ("chat", "completions", "create") else ".".join(path)
    return endpoint, func.client, ("model",)


def _model_argument(
    call: ast.Call, names: Tuple[str, ...], endpoint: str
) -> Tuple[Optional[ast.AST], Optional[ast.AST]]:
    """The node to report at and the expression of the call's model argument."""
    for name in names:
        for keyword in call.keywords:
            if keyword.arg == name:
                return keyword, keyword.value
    signature = knowledge.sdk().signature(tuple(endpoint.split(".")))
    positional_model = (
        signature is not None
        and bool(signature.params)
        and signature.params[0][0] == "model"
        and signature.params[0][1] != "keyword_only"
    )
    if positional_model and call.args and not isinstance(call.args[0], ast.Starred):
        return call.args[0], call.args[0]
    return None, None
