"""Where model ids appear: the ``model=`` of SDK calls (through constants, environment defaults and
``**kwargs`` dicts) and any keyword, variable, attribute, parameter default or dict key named like
``model``/``engine`` (the last word of the name: ``model``, ``DEFAULT_MODEL``, ``model_name``, not
``model_group``). Shared by the model, request and tokenizer rules; collected once per file.

Strings in docstrings, comments, prints and log messages are never model positions, nor are the
``"model"`` of a dict shaped like an API *response* (``choices``, ``created``, ``object``...), nor the
keywords of calls to ``Azure*`` classes (a deployment name), nor those of another library's call that also
passes a URL on another server (``base_url=``/``api_base=``: that server's model names). A named literal whose every use only
consults it (see :mod:`model_flow`: token counters, limit tables) is a model position for the
tokenizer rules but not a request, and a file whose only SDK clients are Azure clients (or v0 calls on a
module it sets to ``api_type = "azure"``) names deployments, not model ids.
"""

from __future__ import annotations

import ast
import functools
import re
import urllib.parse
from typing import Callable, Dict, Iterator, List, Optional, Set, Tuple, Union

from lint_openai import knowledge
from lint_openai.analyses.api_surfaces import ApiSurfaces
from lint_openai.analyses.base import Analysis
from lint_openai.analyses.model_flow import CONSULTING_CALLEE, LOG_CALLEE, ModelFlow, is_response_shaped
from lint_openai.context import Context
from lint_openai.records import field, record
from lint_openai.semantic.azure_settings import configures_azure, proves_azure, root_name
from lint_openai.semantic.calls import callee_name
from lint_openai.semantic.methods import endpoint, plain_path
from lint_openai.semantic.model import is_openai_url
from lint_openai.semantic.navigation import dict_literal
from lint_openai.semantic.options import option_default, option_parameter
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Client, Function, Method, SdkClass, Str, StrItems, UserClass, V0Method
from lint_openai.source.prefilter import is_distinctive

MODEL_WORDS = frozenset({"model", "engine"})
# Words of a setting that says where requests go: ``base_url``, ``api_base``, ``endpoint``, ``host``.
URL_WORDS = frozenset({"url", "base", "endpoint", "host", "uri"})
# Words after "model"/"engine" that make the name about something else: ``model_group``, ``model_map_key``,
# ``engine_path``, ``model_dump``. Any other word keeps it a model (``MODEL_GPT4``, ``model_to_use``).
NOT_MODEL_WORDS = frozenset(
    {
        "alias", "aliases", "args", "cache", "class", "cls", "config", "construct", "copy", "cost", "count",
        "dict", "dir", "dump", "encoding", "family", "fields", "file", "group", "groups", "info", "json",
        "key", "keys", "kwargs", "limit", "limits", "list", "map", "mapping", "params", "path", "pattern",
        "prefix", "price", "prices", "provider", "providers", "regex", "registry", "suffix", "table",
        "tokenizer", "tokens", "type", "types", "url", "validate", "version",
    }
)  # fmt: skip
# Words before "model" that make the name the one a server exposes: ``SERVED_MODEL_NAME``, ``serving_model``.
SERVING_WORDS = frozenset({"served", "serving"})
Consulted = Callable[[], bool]  # whether a value is only consulted where it goes (asked lazily: costly)
# unittest.mock's assertions: their arguments describe an expected call, never a request.
MOCK_ASSERTIONS = frozenset(
    {"assert_called_with", "assert_called_once_with", "assert_any_call", "assert_has_calls"}
)
# Keywords, keys and names whose values document a schema or an API (examples shown to users, never sent).
DOCUMENTATION_KEYS = frozenset(
    {"examples", "example", "json_schema_extra", "schema_extra", "openapi_examples", "openapi_extra"}
)
MAX_DOCUMENTATION_DEPTH = 12  # levels of nesting looked through, up to the enclosing statement
MODEL_NODE_TYPES = (ast.Call, ast.Assign, ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef, ast.Dict)
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@record(frozen=False)
class ModelLiteral:
    """A string literal holding a known model id, and every way it is used as a model."""

    literal: ast.Constant
    model: str
    scope: Scope
    calls: List[Tuple[ast.Call, str, ast.AST]] = field(
        default_factory=list
    )  # (call, endpoint, argument node)
    named: bool = False  # assigned to / passed as something named like "model"
    requested: bool = False  # named somewhere that does not only consult it (may reach a request)
    azure: bool = False  # flows into a call on an Azure (or other-server) client: a deployment name
    passed: bool = False  # given to another library's call that may send it (not only stored)
    deployed: bool = (
        False  # the ``model=`` of v0's Azure ``openai.Deployment.create``: a model, not a deployment
    )
    retired_passes: int = (
        0  # given to calls shaped like a shut-down API's method (``x.beta.assistants.create``)
    )

    @property
    def is_request_model(self) -> bool:
        """Sent to the API as a model id, as far as the file shows."""
        return bool(self.calls) or self.requested


@record
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
        """On an Azure client or one with its own ``base_url``: ``model=`` names that server's model."""
        return self.client is not None and (self.client.is_azure or self.client.other_server)


class ModelReferences(Analysis):
    """Model literals, SDK calls with a proven model, and tiktoken calls, for one file.

    The engine visits each node of ``node_types`` with it once, before rules see the node.
    """

    node_types = MODEL_NODE_TYPES
    requires = (ApiSurfaces,)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.surfaces = ctx.analysis(ApiSurfaces)
        self.literals: Dict[ast.Constant, ModelLiteral] = {}
        self.calls: List[ModelCall] = []
        self.by_call: Dict[ast.Call, ModelCall] = {}
        self.tiktoken_calls: List[Tuple[ast.Call, Scope, str]] = []  # (call, scope, "tiktoken.<function>")
        self._seen: Set[int] = set()
        self._dict_keys: Dict[ast.Dict, Dict[int, Optional[ast.expr]]] = {}
        self.flow = ModelFlow(ctx.model)
        self.clients: Set[bool] = set()  # is_azure of every SDK client the file makes or calls (True too
        # for v0 calls on a module the file sets to Azure: there too, names like ``model`` hold deployments)
        self.retired_calls: Set[ast.Call] = set()  # SDK calls into a shut-down API (OAI701 reports them)

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
                name = _target_name(target)
                if name and is_model_name(name):
                    self._named(name, node.value, scope, self._target_flow(target, scope))
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            name = _target_name(node.target)
            if name and is_model_name(name):
                self._named(name, node.value, scope, self._target_flow(node.target, scope))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._visit_defaults(node, scope)
        elif isinstance(node, ast.Dict):
            keys = [
                key.value for key in node.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)
            ]
            if is_response_shaped(keys):
                return  # a (mocked) API response, a result row: its "model" says which model answered
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    self._named(key.value, value, scope)

    def _visit_call(self, call: ast.Call, scope: Scope) -> None:
        func = self.ctx.model.resolve(call.func, scope)
        if isinstance(func, SdkClass):
            client = self.ctx.model.call(func, call, scope)
            if isinstance(client, Client):
                self.clients.add(client.is_azure)
        if isinstance(func, (Method, V0Method)):
            if isinstance(func, Method):
                self.clients.add(func.client.is_azure)
            elif _on_azure_module(self.ctx, call, scope):
                self.clients.add(True)
            if self._visit_sdk_call(call, func, scope):
                return
        if isinstance(func, Function) and func.name.startswith("tiktoken."):
            self.tiktoken_calls.append((call, scope, func.name))
            return  # a tokenizer lookup makes no API call
        if not any(_may_name_a_model(keyword) for keyword in call.keywords):
            return  # below, only an option's ``default=`` or a keyword named like a model records anything
        name = callee_name(call)
        local = isinstance(func, UserClass) or (isinstance(func, Function) and isinstance(func.node, ast.AST))
        if LOG_CALLEE.match(name) or (not local and CONSULTING_CALLEE.search(name)):
            return  # log messages, token counters and price lookups make no API call
        if name.startswith("Azure"):
            return  # other libraries' Azure wrappers: deployment names
        keywords = [keyword.arg for keyword in call.keywords]
        if any(name and name.startswith("mock") for name in keywords):
            return  # ``completion(model=..., mock_response="Hi")``: answered by a mock, never sent
        if is_response_shaped(keywords):
            return  # ``SimpleNamespace(model=..., choices=[...])``: a stand-in for a response, or a result
        if name in MOCK_ASSERTIONS:
            return  # ``mock.create.assert_called_once_with(model=...)``: an expected call, never sent
        option = option_default(self.ctx.model, call, scope)
        if option is not None:  # ``add_argument("--model", default="gpt-4o")``, ``@click.option(...)``
            self._named(option[0], option[1], scope, self._option_flow(call, option[0]))
            return
        if self._sent_elsewhere(call, scope):
            return  # ``ChatOpenAI(model="gpt-4", base_url="http://localhost:1234/v1")``: that server's model
        via = "retired" if self.surfaces.retired_shape(call) else "call"
        deploys = isinstance(func, V0Method) and (func.symbol, func.method) == ("Deployment", "create")
        for keyword in call.keywords:
            if keyword.arg is not None and is_model_name(keyword.arg):
                if self._azure_engine(call, keyword, scope):
                    continue  # ``openai.ChatCompletion.create(engine="gpt-4")`` on a drop-in set to Azure
                self._named(
                    keyword.arg,
                    keyword.value,
                    scope,
                    functools.partial(self.flow.keyword_consulted, call, keyword),
                    via=via,
                    deploys=deploys,
                )

    def _option_flow(self, call: ast.Call, name: str) -> Optional[Consulted]:
        """How to tell whether an option's value is only consulted: a click option's is the decorated
        function's parameter, judged as a parameter default (typer's) is; ``None`` for argparse's."""
        inner = option_parameter(self.ctx.model, call, name)
        return functools.partial(self.flow.name_consulted, name, inner) if inner is not None else None

    def _sent_elsewhere(self, call: ast.Call, scope: Scope) -> bool:
        """Another library's call that also passes a URL proven not to be OpenAI's (``api_base=``)."""
        for keyword in call.keywords:
            if keyword.arg is None or not is_url_setting(keyword.arg):
                continue
            url = self.ctx.model.string_value(keyword.value, scope)
            if url is not None and names_other_server(keyword.arg, url.value):
                return True
        return False

    def _target_flow(self, target: ast.AST, scope: Scope) -> Optional[Consulted]:
        """How to tell whether the value assigned to ``target`` is only consulted (``None``: it is not)."""
        if scope.kind == "function" and self.flow.named_for_counting(scope):
            return lambda: True  # stored by a token counter or a price lookup: kept for counting
        if isinstance(target, ast.Name):
            owner = self.ctx.model.lookup_scope(target.id, scope)
            if owner is not None and owner.kind == "function":
                return functools.partial(self.flow.name_consulted, target.id, owner)
        elif isinstance(target, ast.Attribute) and target.attr.startswith("_"):
            return functools.partial(self.flow.attribute_consulted, target.attr)
        return None

    def _visit_sdk_call(self, call: ast.Call, func: Union[Method, V0Method], scope: Scope) -> bool:
        """Record the model of an SDK call; ``False`` if the callee takes no model argument."""
        endpoint, client, names = _endpoint(func)
        if endpoint is None:
            return False
        argument, value = _model_argument(call, names, endpoint)
        if argument is None:
            value, argument = self._unpacked_model(call, scope)
        if value is None or argument is None:
            return True
        resolved = self.ctx.model.resolve(value, scope)
        if type(resolved) is Str:
            found: Optional[Str] = resolved
            strings: Tuple[Str, ...] = (resolved,)
        elif type(resolved) is StrItems and resolved.each:
            found, strings = (
                None,
                resolved.items,
            )  # ``for model in MODELS: create(model=model)``: each of them
        else:
            return True
        azure = client is not None and (client.is_azure or client.other_server)
        azure = azure or (isinstance(argument, ast.keyword) and self._azure_engine(call, argument, scope))
        if isinstance(func, Method) and self.surfaces.retired_call(call, scope):
            self.retired_calls.add(call)
        for string in strings:
            for literal in string.origins:
                entry = self._literal(literal, string.value, scope)
                if entry is None:
                    continue
                entry.calls.append((call, endpoint, argument))
                entry.azure = entry.azure or azure
        if found is not None and self.ctx.models.get(found.value) is not None:
            model_call = ModelCall(call, endpoint, argument, found.value, found.origins, client, scope)
            self.calls.append(model_call)
            self.by_call[call] = model_call
        return True

    def _azure_engine(self, call: ast.Call, keyword: ast.keyword, scope: Scope) -> bool:
        """v0's ``engine=`` on an object the file sets to Azure (``openai.api_type = "azure"``): there it
        names a deployment, not a model."""
        root = root_name(call.func) if keyword.arg == "engine" else None
        return root is not None and configures_azure(self.ctx.model, root, scope)

    def _unpacked_model(self, call: ast.Call, scope: Scope) -> Tuple[Optional[ast.AST], Optional[ast.AST]]:
        """``create(**params)`` where ``params`` is a dict literal (directly or through one name)."""
        for keyword in call.keywords:
            if keyword.arg is not None:
                continue
            mapping = dict_literal(self.ctx.model, keyword.value, scope)
            if mapping is not None:
                for key, value in zip(mapping.keys, mapping.values):
                    if isinstance(key, ast.Constant) and key.value == "model":
                        return value, keyword
        return None, None

    def _visit_defaults(self, node: Union[ast.FunctionDef, ast.AsyncFunctionDef], scope: Scope) -> None:
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
        pairs += [
            (arg, default) for arg, default in zip(args.kwonlyargs, args.kw_defaults) if default is not None
        ]
        inner = self.ctx.model.scopes.get(node)
        for arg, default in pairs:
            if not is_model_name(arg.arg):
                continue
            self._named(
                arg.arg,
                default,
                scope,
                functools.partial(self.flow.name_consulted, arg.arg, inner) if inner is not None else None,
            )

    def _named(
        self,
        name: Optional[str],
        value: ast.AST,
        scope: Scope,
        consulted: Optional[Consulted] = None,
        *,
        via: str = "",
        deploys: bool = False,
    ) -> None:
        """A value given to something named like a model: counts only for an exact known model id.

        ``consulted()`` says whether the value is only consulted there (compared, looked up, tokenized);
        ``via`` is ``"call"`` for a keyword of another library's call (which may send it), ``"retired"`` for
        a keyword of a call shaped like a shut-down API's method, ``""`` for a stored value; ``deploys``: the
        ``model=`` of v0's ``openai.Deployment.create``.
        """
        if not name or not is_model_name(name) or self._in_documentation(value):
            return
        found = self.ctx.model.string_value(value, scope)
        if found is None or self.ctx.models.get(found.value) is None or not is_distinctive(found.value):
            return
        requested: Optional[bool] = None
        for literal in found.origins:
            entry = self._literal(literal, found.value, scope)
            if entry is None:
                continue
            entry.named = True
            entry.deployed = entry.deployed or deploys
            if via == "retired":
                entry.retired_passes += 1
            if not entry.requested or (via == "call" and not entry.passed):
                if requested is None:
                    requested = consulted is None or not consulted()
                entry.requested = entry.requested or requested
                entry.passed = entry.passed or (via == "call" and requested)

    def _in_documentation(self, node: ast.AST) -> bool:
        """``node`` is inside an example for documentation: ``Field(examples=[...])``, pydantic's
        ``json_schema_extra``/``schema_extra``, FastAPI's ``openapi_examples``. Such a model id is never sent."""
        child, parent = node, self.ctx.model.parent(node)
        for _ in range(MAX_DOCUMENTATION_DEPTH):
            if parent is None:
                return False
            if isinstance(parent, ast.keyword):
                if parent.arg in DOCUMENTATION_KEYS:
                    return True
            elif isinstance(parent, ast.Dict):
                key = self._key_of(parent, child)
                if isinstance(key, ast.Constant) and key.value in DOCUMENTATION_KEYS:
                    return True
            elif isinstance(parent, (ast.Assign, ast.AnnAssign)):
                targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
                return any(_target_name(target) in DOCUMENTATION_KEYS for target in targets)
            elif isinstance(parent, ast.stmt):
                return False
            child, parent = parent, self.ctx.model.parent(parent)
        return False

    def _key_of(self, mapping: ast.Dict, value: ast.AST) -> Optional[ast.expr]:
        """The key written for ``value`` in the dict literal ``mapping`` (indexed once per dict: a dict of N
        model-named entries asks N times)."""
        keys = self._dict_keys.get(mapping)
        if keys is None:
            keys = self._dict_keys[mapping] = {id(v): k for k, v in zip(mapping.keys, mapping.values)}
        return keys.get(id(value))

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

    def requested_literals(self) -> Iterator[ModelLiteral]:
        """Model literals that may be sent to OpenAI's API (for the lifecycle rules)."""
        azure_only = bool(self.clients) and all(self.clients)
        for entry in self.model_literals():
            if self._only_for_retired_apis(entry):
                continue
            if entry.calls or entry.deployed or (entry.requested and not azure_only):
                yield entry

    def _only_for_retired_apis(self, entry: ModelLiteral) -> bool:
        """One problem, one finding: every request the file shows for the literal goes to a shut-down API
        (OAI701 reports those calls on proven clients; on other receivers shaped like one, such as
        ``self.client.beta.assistants.create``, the id is that API's or not OpenAI's), no other call is
        given it, and it goes to at least one of them."""
        return (
            bool(entry.calls or entry.retired_passes)
            and not entry.passed
            and all(call in self.retired_calls for call, _, _ in entry.calls)
        )

    def non_azure_calls(self) -> Iterator[ModelCall]:
        for call in self.calls:
            if not call.azure and not any(
                self.literals.get(lit, None) and self.literals[lit].azure for lit in call.literals
            ):
                yield call


def _on_azure_module(ctx: Context, call: ast.Call, scope: Scope) -> bool:
    """A v0 call on a module (or drop-in) the file proves it sets to Azure: ``openai.api_type = "azure"``."""
    root = root_name(call.func)
    return root is not None and proves_azure(ctx.model, root, scope)


def name_words(name: str) -> List[str]:
    """The lower-case words of an identifier or key: ``OPENAI_CHAT_MODEL``, ``modelId``, ``model-name``."""
    return [word.lower() for word in _WORD.findall(name)]


def is_url_setting(key: str) -> bool:
    """A name that says where requests go: ``base_url``, ``api_base``, ``openai_api_base``, ``endpoint``."""
    return bool(set(name_words(key)) & URL_WORDS)


def names_other_server(key: str, value: str) -> bool:
    """Whether a setting named ``key`` (``base_url``, ``api_base``, ``openai_api_base``, ``endpoint``,
    ``host``) holds a URL proven to be another server's than OpenAI's (``http://localhost:1234/v1``)."""
    if not is_url_setting(key):
        return False
    try:
        parts = urllib.parse.urlsplit(value.strip())
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and not is_openai_url(value)


@functools.lru_cache(maxsize=4096)  # a function of the name alone; the same few names recur in every file
def is_model_name(name: str) -> bool:
    """``model``, ``DEFAULT_MODEL``, ``model_name``, ``MODEL_GPT4``, ``modelId``; not ``model_group``, nor
    ``served_model_name`` (the name a local server such as vLLM exposes its model under, not a request)."""
    words = name_words(name)
    positions = [index for index, word in enumerate(words) if word in MODEL_WORDS]
    return (
        bool(positions)
        and not NOT_MODEL_WORDS.intersection(words[positions[0] + 1 :])
        and not SERVING_WORDS.intersection(words[: positions[0]])
    )


def _may_name_a_model(keyword: ast.keyword) -> bool:
    """A keyword through which another library's call may be given a model: ``default=`` (of an argparse
    or click option) or one named like a model."""
    return keyword.arg is not None and (keyword.arg == "default" or is_model_name(keyword.arg))


def _target_name(target: ast.AST) -> Optional[str]:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return None


def _endpoint(func: Union[Method, V0Method]) -> Tuple[Optional[str], Optional[Client], Tuple[str, ...]]:
    """The v1 method of an SDK callee, its client, and the names its model argument may have."""
    if isinstance(func, V0Method):
        return endpoint(func), None, ("model", "engine")
    signature = knowledge.sdk().signature(plain_path(func), func.client.surface)
    if signature is None or "model" not in signature.names:
        return None, func.client, ()
    return endpoint(func), func.client, ("model",)


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
