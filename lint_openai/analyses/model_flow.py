"""Where a model id named like a model goes: a value that is only *consulted* makes no request.

Token counters, context-limit tables and message formatters take a ``model`` argument to choose a
tokenizer or a limit: ``def num_tokens(messages, model="gpt-3.5-turbo-0613")`` compares the name,
looks it up in a dict and passes it to ``tiktoken.encoding_for_model``, and never sends it to the
API. A retired id there breaks nothing. This module follows a value bound to a local name (parameter
or variable of a function), to a private attribute (``self._model``) or to a keyword argument, through
every read of it, and says whether each read only consults it:

- compares it (``==``, ``in``), tests its truth, looks it up (``table[model]``, ``table.get(model)``),
  or calls a string test on it (``model.startswith(...)``);
- passes it to tiktoken, to a logging or print call, to an exception, to a function whose name says
  it counts tokens or prices (``token``, ``encod``, ``decod``, ``cost``, ``price``), or formats it
  into a string that goes to one of those;
- passes it to a function defined in the same file whose parameter is itself only consulted,
  or returns it from a function whose name says it counts tokens or prices;
- gives it as the ``model`` of a call or dict shaped like an API response or a result row
  (``ChatCompletion(model=model, choices=[...])`` in a test's stand-in: which model answered).

Anything else (an unknown call, a return, a container, an attribute assignment...) may send it to
the API, so the value counts as requested. The analysis is bounded in depth and cuts cycles.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterable, List, Optional, Set, Tuple, Union

from lint_openai.semantic.calls import callee_name
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Function, UserClass

RESPONSE_KEYS = frozenset({"choices", "created", "created_at", "object", "usage", "system_fingerprint"})
# Keys of data about a model, never a request's: a result or metric row (``{"model": "gpt-4", "accuracy":
# 0.86}``), a logged exchange or trace span (``output``, ``startTime``, ``inputTokenCount``). None of them is
# a request parameter of the API (those are ``max_tokens``, ``input``, ``metadata``...). Compared in
# snake case, so camelCase keys (``latencyMs``) count.
RESULT_KEYS = frozenset(
    {
        # scores and metrics
        "score", "scores", "accuracy", "f1", "f1_score", "precision", "recall", "bleu", "rouge", "exact_match",
        "pass_rate", "win_rate", "error_rate", "elo", "rank", "metrics",
        # timings
        "latency", "latency_ms", "latency_s", "duration", "duration_ms", "duration_s", "elapsed", "elapsed_ms",
        "start_time", "end_time", "started_at", "ended_at", "finished_at", "completed_at", "timestamp", "ttft",
        # token counts and costs
        "prompt_tokens", "completion_tokens", "total_tokens", "input_tokens", "output_tokens",
        "input_token_count", "output_token_count", "token_count", "cost", "cost_usd", "total_cost",
        # what a model answered
        "output", "outputs", "response", "completion",
    }
)  # fmt: skip
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def is_response_shaped(keys: Iterable[Optional[str]]) -> bool:
    """Whether a mapping or call with these keys describes an API response, a result or a trace: its
    ``"model"`` says which model answered, not which one to ask."""
    return any(
        key is not None and (key in RESPONSE_KEYS or _CAMEL.sub("_", key).lower() in RESULT_KEYS)
        for key in keys
    )


CONSULTING_CALLEE = re.compile(r"token|encod|decod|cost|price|pricing", re.IGNORECASE)
# Calls that may send a request, whatever the enclosing function is called.
REQUEST_CALLEE = re.compile(
    r"^a?(completion|create|request|post|invoke|generate|chat|run|send)", re.IGNORECASE
)
# Calls that print or record what they are given: loggers, and ``log_*`` recorders such as mlflow's
# ``log_param`` or deepeval's ``log_hyperparameters(model=...)`` (the model a run used, never a request).
LOG_CALLEE = re.compile(
    r"^(print|pprint|echo|secho|debug|info|warn|warning|error|exception|critical|log|logger|logging"
    r"|log_(?!\w*(call|request|send|invoke|run|create|chat|complet|generat|post|query|ask|predict))\w+)$",
    re.IGNORECASE,
)  # ``log_*`` names that say they also call (``log_and_call``, ``log_request``) are tracing wrappers
EXCEPTION_CALLEE = re.compile(r"(Error|Exception|Warning)$")
TEST_METHODS = frozenset({"startswith", "endswith", "find", "rfind", "count", "isdigit", "isalpha"})
DERIVE_METHODS = frozenset(
    {
        "replace",
        "lower",
        "upper",
        "casefold",
        "strip",
        "lstrip",
        "rstrip",
        "split",
        "rsplit",
        "partition",
        "rpartition",
        "removeprefix",
        "removesuffix",
    }
)
LOOKUP_METHODS = frozenset({"get", "index", "count", "__contains__", "__getitem__"})
CONSULTING_BUILTINS = frozenset({"len", "hash", "isinstance", "bool", "type", "id"})
DERIVING_BUILTINS = frozenset({"str", "repr"})
MAX_DEPTH = 6
FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef]


class ModelFlow:
    """Answers "is this value only consulted?" for one file."""

    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self._active: Set[object] = set()
        self._counting: Dict[Scope, bool] = {}

    def named_for_counting(self, scope: Scope) -> bool:
        """A function (or a method of a class) whose name says it counts tokens or prices, and that
        makes no call that could send a request (``completion(...)``, ``create(...)``...), in its body,
        its nested functions or its decorators and defaults.

        Asked for every name of the function: answered once, from the calls the binder recorded.
        """
        found = self._counting.get(scope)
        if found is None:
            names = [getattr(scope.node, "name", "")]
            if scope.self_class is not None:
                names.append(scope.self_class.name)
            found = self._counting[scope] = any(CONSULTING_CALLEE.search(n) for n in names) and not any(
                REQUEST_CALLEE.match(callee_name(call))
                for inner in self.model.descendants(scope)
                for call in inner.calls
            )
        return found

    # ---------------------------------------------------------------- entry points
    def name_consulted(self, name: str, scope: Scope, depth: int = 0) -> bool:
        """Every read of the local ``name`` bound in the function scope ``scope`` only consults it."""
        if scope.kind != "function" or depth > MAX_DEPTH:
            return False
        if self.named_for_counting(scope):
            return True
        key = ("name", id(scope), name)
        if key in self._active:
            return True  # a cycle adds no read of its own: the other reads decide
        self._active.add(key)
        try:
            for load in self.model.references.get(name, ()):
                if self.model.lookup_scope(name, self.model.scope_of(load)) is scope and not self.consulted(
                    load, depth
                ):
                    return False
            return True
        finally:
            self._active.discard(key)

    def attribute_consulted(self, attribute: str, depth: int = 0) -> bool:
        """Every read of the private attribute ``attribute`` (on any object in the file) only consults it."""
        if not attribute.startswith("_") or attribute.startswith("__") or depth > MAX_DEPTH:
            return False
        key = ("attribute", attribute)
        if key in self._active:
            return True
        self._active.add(key)
        try:
            loads = self.model.attribute_loads.get(attribute, ())
            # Never read here: another module (a subclass) may read it, so it is not proven consulted.
            return bool(loads) and all(self.consulted(load, depth + 1) for load in loads)
        finally:
            self._active.discard(key)

    def keyword_consulted(self, call: ast.Call, keyword: ast.keyword, depth: int = 0) -> bool:
        """The value of ``keyword`` in ``call`` is only consulted by the callee."""
        return self._argument_consulted(call, keyword, depth)

    # ---------------------------------------------------------------- reads
    def consulted(self, node: ast.AST, depth: int) -> bool:
        """The value of the expression ``node`` is only consulted where it is used."""
        parent = self.model.parent(node)
        if parent is None or depth > MAX_DEPTH:
            return False
        depth += 1  # every step up the expression counts: deep chains give up (not proven) in time
        if isinstance(parent, (ast.Compare, ast.UnaryOp, ast.Expr)):
            return True
        if isinstance(parent, ast.Match) and node is parent.subject:
            return True  # ``match model: case "gpt-4": ...`` compares it
        if isinstance(parent, (ast.If, ast.While, ast.Assert)) and node is parent.test:
            return True
        if isinstance(parent, ast.IfExp):
            return True if node is parent.test else self.consulted(parent, depth)
        if isinstance(
            parent, (ast.BoolOp, ast.BinOp, ast.JoinedStr, ast.FormattedValue, ast.Tuple, ast.List)
        ):
            return self.consulted(parent, depth)
        if isinstance(parent, ast.Subscript):
            return parent.slice is node or self.consulted(parent, depth)
        if isinstance(parent, ast.Dict) and node in parent.values:
            keys = (key.value if isinstance(key, ast.Constant) else None for key in parent.keys)
            return is_response_shaped(key if isinstance(key, str) else None for key in keys)
        if isinstance(parent, ast.Attribute):
            return self._method_consulted(parent, depth)
        if isinstance(parent, (ast.Call, ast.keyword)):
            call = parent if isinstance(parent, ast.Call) else self.model.parent(parent)
            if not isinstance(call, ast.Call) or node is call.func:
                return False
            return self._argument_consulted(call, parent if isinstance(parent, ast.keyword) else node, depth)
        if isinstance(parent, ast.Return):
            function = self._enclosing_function(parent)
            return function is not None and bool(CONSULTING_CALLEE.search(function.name))
        if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
            return self._assigned_consulted(parent, depth)
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return self._default_consulted(parent, node, depth)
        return False

    def _method_consulted(self, attribute: ast.Attribute, depth: int) -> bool:
        """``model.startswith(...)`` consults it; ``model.lower()`` derives a string to follow."""
        call = self.model.parent(attribute)
        if not isinstance(call, ast.Call) or call.func is not attribute:
            return False
        if attribute.attr in TEST_METHODS:
            return True
        if attribute.attr in DERIVE_METHODS:
            return self.consulted(call, depth)
        return False

    def _argument_consulted(self, call: ast.Call, argument: ast.AST, depth: int) -> bool:
        if isinstance(argument, ast.keyword) and argument.arg is None:
            return False  # ``**mapping``
        if isinstance(argument, ast.keyword) and is_response_shaped(k.arg for k in call.keywords):
            return True  # ``ChatCompletion(model=model, choices=[...])``: which model answered (a stand-in)
        name = callee_name(call)
        func = call.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in LOOKUP_METHODS
            and call.args
            and call.args[0] is argument
        ):
            return True  # the key of ``table.get(model, default)``; the default flows on
        if name in CONSULTING_BUILTINS or LOG_CALLEE.match(name) or EXCEPTION_CALLEE.search(name):
            return True
        if name in DERIVING_BUILTINS:
            return self.consulted(call, depth)
        scope = self.model.scope_of(call)
        callee = self.model.resolve(func, scope)
        if isinstance(callee, Function) and callee.name.startswith("tiktoken."):
            return True
        target = self._callee_definition(callee)
        if target is None:  # defined elsewhere: only its name can tell
            return bool(CONSULTING_CALLEE.search(name))
        definition, offset = target
        parameter = self._parameter(definition, call, argument, offset)
        if parameter is None:
            return False
        inner = self.model.scopes.get(definition)
        return inner is not None and self.name_consulted(parameter, inner, depth + 1)

    def _callee_definition(self, callee: object) -> Optional[Tuple[FunctionNode, int]]:
        """``(FunctionDef, number of implicit leading arguments)`` of a function or class of this file."""
        if isinstance(callee, Function) and isinstance(callee.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner = self.model.scopes.get(callee.node)
            return callee.node, 1 if inner is not None and inner.self_class is not None else 0
        if isinstance(callee, UserClass):
            for statement in callee.node.body:
                if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
                    return statement, 1
        return None

    @staticmethod
    def _parameter(definition: FunctionNode, call: ast.Call, argument: ast.AST, offset: int) -> Optional[str]:
        args = definition.args
        if isinstance(argument, ast.keyword):
            names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
            return argument.arg if argument.arg in names else None
        if any(isinstance(a, ast.Starred) for a in call.args):
            return None
        positional = [*args.posonlyargs, *args.args][offset:]
        index = next((i for i, a in enumerate(call.args) if a is argument), None)
        if index is None or index >= len(positional):
            return None
        return positional[index].arg

    def _assigned_consulted(
        self, statement: Union[ast.Assign, ast.AnnAssign, ast.NamedExpr], depth: int
    ) -> bool:
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        scope = self.model.scope_of(statement)
        for target in targets:
            if isinstance(target, ast.Name):
                owner = self.model.lookup_scope(target.id, scope)
                if owner is None or not self.name_consulted(target.id, owner, depth + 1):
                    return False
            elif isinstance(target, ast.Attribute):
                if not self.attribute_consulted(target.attr, depth + 1):
                    return False
            else:
                return False
        return True

    def _default_consulted(self, function: FunctionNode, default: ast.AST, depth: int) -> bool:
        args = function.args
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        inner = self.model.scopes.get(function)
        for arg, value in pairs:
            if value is default:
                return inner is not None and self.name_consulted(arg.arg, inner, depth + 1)
        return False

    # ---------------------------------------------------------------- helpers
    def name_loads(self, name: str, scope: Scope) -> List[ast.Name]:
        """Every read of ``name`` that sees its binding in ``scope``."""
        model = self.model
        return [
            load
            for load in model.references.get(name, ())
            if model.lookup_scope(name, model.scope_of(load)) is scope
        ]

    def _enclosing_function(self, node: ast.AST) -> Optional[FunctionNode]:
        scope = self.model.scope_of(node).function_scope()
        return scope.node if isinstance(scope.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
