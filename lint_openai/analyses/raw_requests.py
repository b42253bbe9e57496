"""Requests made without the SDK (``requests``, ``httpx``, ``aiohttp``, ``websockets``, websocket-client,
``urllib``) to OpenAI's API host, and the shut-down or deprecated surface each one reaches.

A call counts only when its callee is proven to be one of the library functions of
:mod:`lint_openai.knowledge.http_requests` (through the file's imports, or an instance made in the file:
``session = aiohttp.ClientSession()``, ``async with aiohttp.ClientSession() as session``) and its URL is
proven to be on ``api.openai.com`` (or a regional ``*.api.openai.com``): a string literal, a name bound to
one, or an f-string or concatenation whose literal head already holds the host and a ``/``; or a relative
URL sent by an ``aiohttp.ClientSession`` or ``httpx.Client`` made in the same function or at module level
with such a ``base_url`` (a complete literal), joined as that library joins it. The surface is chosen by an
``OpenAI-Beta`` header value the request sends (a dict, a list of ``"Name: value"`` strings or of ``(name,
value)`` pairs, written in the call or bound once to a name; or given to that session, unless the request's
own headers may replace it) or by its URL path (``/v1/threads``). One request reaches at most one surface: a
retired one before a deprecated one, a header before the path.
"""

from __future__ import annotations

import ast
import urllib.parse
from datetime import date
from typing import Dict, List, Optional, Sequence, Set, Tuple

from lint_openai.analyses.base import Analysis
from lint_openai.context import Context
from lint_openai.knowledge.api import Surface, api
from lint_openai.knowledge.http_requests import SessionConstructor, request_callable, session_constructor
from lint_openai.knowledge.model_lifecycle import ACTIVE, RETIRED
from lint_openai.records import record
from lint_openai.semantic.calls import keyword_value
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Binding, ImportedName, Scope
from lint_openai.semantic.values import UNKNOWN, LibraryName, Module

MAX_DEPTH = 16
API_PATH = "/v1"
HOST_TEXT = "openai.com"
# What the callee of a request without the SDK resolves to: an imported HTTP library's name (``httpx.post``), a
# module, or an object the model does not know (``requests.post``, ``session.ws_connect``). Any other value (an
# SDK method, a function or class of the file, a string...) is proven to be something else.
RAW_REQUEST_CALLEES = (type(UNKNOWN), Module, LibraryName)


@record
class RawUse:
    """A request sent without the SDK into a surface that is not active on the judged date.

    ``node`` is what the finding covers: the header value (``"realtime=v1"``, or the ``"Name: value"``
    string) or the URL argument; ``what`` names it in the message."""

    call: ast.Call
    node: ast.AST
    what: str
    function: str
    surface: Surface
    status: str  # retired | deprecated


class RawRequests(Analysis):
    """The surface each request without the SDK reaches, resolved once per call for every rule."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._uses: Dict[ast.Call, Optional[RawUse]] = {}
        # A proven URL on OpenAI's host is a literal in the file (OAI703's ``needs_text`` is the same).
        self._possible = HOST_TEXT in ctx.lines.text

    def use(self, call: ast.Call, scope: Scope) -> Optional[RawUse]:
        """The shut-down or deprecated surface ``call`` sends its request to, if it is such a request."""
        if not self._possible:
            return None
        known = self._uses
        if call not in known:
            known[call] = _use(self.ctx.model, call, scope, self.ctx.today)
        return known[call]


def _use(model: SemanticModel, call: ast.Call, scope: Scope, today: date) -> Optional[RawUse]:
    if not isinstance(model.resolve(call.func, scope), RAW_REQUEST_CALLEES):
        return None
    name = qualified_name(model, call.func, scope)
    function = request_callable(name) if name is not None else None
    if function is None:
        return None
    url_node = _argument(call, function.url_position, function.url_keyword)
    session = _session(model, call.func, scope)
    text = _url_text(model, url_node, scope, session) if url_node is not None else None
    url = _openai_path(text) if text is not None else None
    if url_node is None or text is None or url is None:
        return None
    found: List[RawUse] = []
    headers = _argument(call, function.headers_position, *function.headers_keywords)
    sent = [(node, name, value, "the header") for name, value, node in _items(model, headers, scope)]
    if session is not None:
        replaced = _header_names(model, headers, scope)
        if replaced is not None:  # the request's own headers are all known: the session's others go too
            items = _items(model, _session_headers(session), session.scope)
            sent += [
                (url_node, n, v, "the session's header") for n, v, _ in items if n.lower() not in replaced
            ]
    for node, header_name, value, kind in sent:
        surface = api().surface_for_header(header_name, value)
        if surface is not None:
            what = f"{kind} `{header_name}: {value}`"
            found.append(RawUse(call, node, what, function.name, surface, surface.status(today)))
    path, complete = url
    surface = api().surface_for_http_path(path) if complete or _segment_closed(path) else None
    if surface is not None:
        what = f"the URL `{_shown(text)}`"
        found.append(RawUse(call, url_node, what, function.name, surface, surface.status(today)))
    live = [use for use in found if use.status != ACTIVE]
    live.sort(key=lambda use: use.status != RETIRED)  # stable: headers before the path
    return live[0] if live else None


def _argument(call: ast.Call, position: Optional[int], *keywords: str) -> Optional[ast.AST]:
    for keyword in keywords:
        found = keyword_value(call, keyword)
        if found is not None:
            return found
    if position is not None and len(call.args) > position:
        argument = call.args[position]
        if not any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
            return argument
    return None


# --------------------------------------------------------------------------- callees
def qualified_name(model: SemanticModel, expr: ast.AST, scope: Scope, depth: int = 0) -> Optional[str]:
    """``requests.post``, ``aiohttp.ClientSession().ws_connect``: what the file's imports make of ``expr``
    (``X()`` is an instance of ``X``), or ``None`` where it is not proven."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(expr, ast.Attribute):
        base = qualified_name(model, expr.value, scope, depth + 1)
        return f"{base}.{expr.attr}" if base is not None else None
    if isinstance(expr, ast.Call):
        callee = qualified_name(model, expr.func, scope, depth + 1)
        return f"{callee}()" if callee is not None else None
    if not isinstance(expr, ast.Name):
        return None
    value = model.resolve(expr, scope)
    if isinstance(value, (Module, LibraryName)):
        return value.name
    bindings = model.reaching(expr, scope)
    names = {_binding_name(model, binding, depth) for binding in bindings}
    return names.pop() if len(names) == 1 else None


def _binding_name(model: SemanticModel, binding: Binding, depth: int) -> Optional[str]:
    if binding.kind == "from" and isinstance(binding.extra, ImportedName):
        return f"{binding.extra.module}.{binding.extra.name}"
    if binding.kind == "import" and isinstance(binding.extra, str):
        return binding.extra
    if binding.kind in ("value", "enter") and isinstance(binding.expr, ast.Call):
        # ``session = aiohttp.ClientSession()``, ``with httpx.Client() as client`` (their ``__enter__``
        # returns the client itself)
        return qualified_name(model, binding.expr, binding.scope, depth + 1)
    return None


# --------------------------------------------------------------------------- sessions
@record
class _Session:
    """A session or client made in the file (``call``, evaluated in ``scope``) and the class it is."""

    constructor: SessionConstructor
    call: ast.Call
    scope: Scope


def _session(model: SemanticModel, func: ast.AST, scope: Scope) -> Optional[_Session]:
    """The session or client whose method ``func`` is, made in the request's own function or at module
    level: ``aiohttp.ClientSession(...).post``, ``session = httpx.Client(...)``, ``async with
    aiohttp.ClientSession(...) as session``. One passed in (a parameter) or made elsewhere is ``None``."""
    target: Optional[ast.AST] = func.value if isinstance(func, ast.Attribute) else None
    made_in = scope
    if isinstance(target, ast.Name):
        bindings = model.reaching(target, scope)
        if len(bindings) != 1 or bindings[0].kind not in ("value", "enter"):
            return None
        binding = bindings[0]
        if binding.scope.owner is not scope.owner and binding.scope.kind != "module":
            return None
        target, made_in = binding.expr, binding.scope
    if not isinstance(target, ast.Call):
        return None
    name = qualified_name(model, target.func, made_in)
    constructor = session_constructor(name) if name is not None else None
    return _Session(constructor, target, made_in) if constructor is not None else None


def _session_headers(session: _Session) -> Optional[ast.AST]:
    return _argument(session.call, None, *session.constructor.headers_keywords)


def _base_url(model: SemanticModel, session: _Session) -> Optional[str]:
    """The session's base URL, where it is a complete literal without a query or fragment."""
    constructor = session.constructor
    node = _argument(session.call, constructor.base_url_position, constructor.base_url_keyword)
    known = _literal_text(model, node, session.scope, 0) if node is not None else None
    if known is None or not known[1] or "?" in known[0] or "#" in known[0]:
        return None
    return known[0].strip()


def _joined(base: str, url: str, join: str) -> Optional[str]:
    """``url`` sent below ``base`` as the library joins them (``None``: not modelled)."""
    if url.startswith("//"):
        return None  # a network-path reference: the libraries differ
    if join == "append":  # httpx: the base's path with one ``/``, then the request's
        return (base if base.endswith("/") else base + "/") + url.lstrip("/")
    return urllib.parse.urljoin(base, url)


def _url_text(
    model: SemanticModel, expr: ast.AST, scope: Scope, session: Optional[_Session]
) -> Optional[Tuple[str, bool]]:
    """The known text of a request's URL (and whether it is complete), joined to its session's base URL
    where it is relative."""
    known = _literal_text(model, expr, scope, 0)
    if known is None or session is None or urllib.parse.urlsplit(known[0].strip()).scheme:
        return known  # absolute, or no session: the base URL plays no part
    base = _base_url(model, session)
    joined = _joined(base, known[0].strip(), session.constructor.join) if base is not None else None
    return (joined, known[1]) if joined is not None else None


def _header_names(model: SemanticModel, expr: Optional[ast.AST], scope: Scope) -> Optional[Set[str]]:
    """The names (lower case) of the headers a request sets itself: none without ``headers=``; ``None``
    where they are not all known (a name not proven, ``**spread``, another form)."""
    if expr is None:
        return set()
    mapping = model.dict_literal(expr, scope)
    if mapping is None:
        return None
    names = [model.string_value(key, scope) if key is not None else None for key in mapping.keys]
    if any(name is None for name in names):
        return None
    return {name.value.lower() for name in names if name is not None}


def _items(model: SemanticModel, expr: Optional[ast.AST], scope: Scope) -> List[Tuple[str, str, ast.AST]]:
    return header_items(model, expr, scope) if expr is not None else []


# --------------------------------------------------------------------------- URLs
def _openai_path(known: Tuple[str, bool]) -> Optional[Tuple[str, bool]]:
    """The path below ``/v1`` of a URL (its known text, and whether that is complete) proven to be on
    OpenAI's API host, and whether it is complete (``False``: only the literal head of an f-string or a
    concatenation is known)."""
    text, complete = known
    try:
        parts = urllib.parse.urlsplit(text.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "ws", "wss"):
        return None
    if host != "api.openai.com" and not host.endswith(".api.openai.com"):
        return None
    if not complete and not parts.path and not parts.query:
        return None  # ``f"https://api.openai.com{rest}"``: the host itself may go on
    if parts.path != API_PATH and not parts.path.startswith(API_PATH + "/"):
        return None
    return parts.path[len(API_PATH) :], complete or bool(parts.query)


def _literal_text(
    model: SemanticModel, expr: ast.AST, scope: Scope, depth: int
) -> Optional[Tuple[str, bool]]:
    if depth > MAX_DEPTH:
        return None
    proven = model.string_value(expr, scope)
    if proven is not None:
        return proven.value, True
    if isinstance(expr, ast.JoinedStr):
        head = expr.values[0] if expr.values else None
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            return head.value, len(expr.values) == 1
        return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left = _literal_text(model, expr.left, scope, depth + 1)
        if left is None or not left[1]:
            return left
        right = _literal_text(model, expr.right, scope, depth + 1)
        return (left[0] + right[0], right[1]) if right is not None else (left[0], False)
    if isinstance(expr, ast.Name):
        bindings = model.reaching(expr, scope)
        if len(bindings) == 1 and bindings[0].kind == "value" and bindings[0].expr is not None:
            return _literal_text(model, bindings[0].expr, bindings[0].scope, depth + 1)
    return None


def _segment_closed(path: str) -> bool:
    """Whether the first segment of a partly known path is whole (``/threads/`` + the rest)."""
    return "/" in path.lstrip("/")


def _shown(known: Tuple[str, bool]) -> str:
    return known[0] if known[1] else f"{known[0]}..."


# --------------------------------------------------------------------------- headers
def header_items(model: SemanticModel, expr: ast.AST, scope: Scope) -> List[Tuple[str, str, ast.AST]]:
    """``(name, value, value node)`` of each header proven in ``expr``: a dict, a list or tuple of
    ``"Name: value"`` strings (websocket-client's form) or of ``(name, value)`` pairs."""
    mapping = model.dict_literal(expr, scope)
    if mapping is not None:
        pairs = [(key, value, value) for key, value in zip(mapping.keys, mapping.values) if key is not None]
        return _proven(model, pairs, scope)
    sequence = model.bound_value(expr, scope)
    if not isinstance(sequence, (ast.List, ast.Tuple)):
        return []
    found: List[Tuple[str, str, ast.AST]] = []
    for element in sequence.elts:
        if isinstance(element, (ast.Tuple, ast.List)) and len(element.elts) == 2:
            found += _proven(model, [(element.elts[0], element.elts[1], element.elts[1])], scope)
            continue
        line = model.string_value(element, scope)
        if line is not None and ":" in line.value:
            name, _, value = line.value.partition(":")
            found.append((name.strip(), value.strip(), element))
    return found


def _proven(
    model: SemanticModel, pairs: Sequence[Tuple[ast.expr, ast.expr, ast.expr]], scope: Scope
) -> List[Tuple[str, str, ast.AST]]:
    found: List[Tuple[str, str, ast.AST]] = []
    for key, value, node in pairs:
        name, text = model.string_value(key, scope), model.string_value(value, scope)
        if name is not None and text is not None:
            found.append((name.value, text.value, node))
    return found
