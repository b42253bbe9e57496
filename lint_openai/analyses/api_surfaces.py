"""Which shut-down or deprecated API surface an SDK request reaches, and its status on the judged date.

A request reaches a surface through its resource path (``client.beta.threads.runs.create`` is the
Assistants API) or through an ``OpenAI-Beta`` header value it sends (``extra_headers=`` on a call,
``default_headers=`` on a client, ``with_options`` or ``copy``). Only proven clients of OpenAI's platform
count: not Azure clients (Azure OpenAI runs its own Assistants, Realtime and video services on its own
schedule), not Amazon Bedrock clients, and not clients whose ``base_url`` is another server (which
implements the API shape itself, like the NEAR AI hub's Assistants API). Shared by the OAI7xx
rules and by the rules that stay silent on a call OAI701 reports (one problem, one finding).
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional, Tuple

from lint_openai.analyses.base import Analysis
from lint_openai.context import Context
from lint_openai.knowledge.api import Surface, api, canonical_path
from lint_openai.knowledge.model_lifecycle import ACTIVE, RETIRED
from lint_openai.records import record
from lint_openai.semantic.calls import callee_attributes, keyword_value
from lint_openai.semantic.model import CLIENT_COPIES
from lint_openai.semantic.navigation import dict_literal
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Client, Method, SdkClass

OPENAI_CLASSES = frozenset({"OpenAI", "AsyncOpenAI"})
# The callees of the calls it finds a surface or beta headers for: SDK methods and client classes.
REQUEST_CALLEES = (Method, SdkClass)
# Client methods that make a client with changed options (``default_headers=`` among them).


@record
class SurfaceUse:
    """An SDK method (called, or passed on to be called) on a surface that is not active on the judged date."""

    node: ast.AST
    surface: Surface
    path: Tuple[str, ...]  # the method's resource path, without with_raw_response/with_streaming_response
    status: str  # retired | deprecated


@record
class HeaderUse:
    """An ``OpenAI-Beta`` header value (``value``: the dict value in the source) that selects a surface."""

    value: ast.AST
    header: str  # "OpenAI-Beta: realtime=v1", as written
    surface: Surface
    status: str


class ApiSurfaces(Analysis):
    """The surfaces the file's SDK requests reach, each method and call resolved once for every rule."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._methods: Dict[ast.AST, Optional[SurfaceUse]] = {}
        self._headers: Dict[ast.Call, List[HeaderUse]] = {}

    def method_surface(self, node: ast.AST, scope: Scope) -> Optional[SurfaceUse]:
        """The surface the SDK method ``node`` (a callee or a method reference) belongs to, unless active."""
        known = self._methods
        if node not in known:
            known[node] = _method_surface(self.ctx, node, scope)
        return known[node]

    def call_surface(self, call: ast.Call, scope: Scope) -> Optional[SurfaceUse]:
        """The surface ``call`` sends its request to, unless active on the judged date."""
        return self.method_surface(call.func, scope)

    def retired_call(self, call: ast.Call, scope: Scope) -> bool:
        """Whether ``call`` is a request into an API that is shut down on the judged date (OAI701 reports it)."""
        use = self.call_surface(call, scope)
        return use is not None and use.status == RETIRED

    def retired_shape(self, call: ast.Call) -> bool:
        """Whether the callee's attribute chain ends with a method path of an API shut down on the judged
        date (``<anything>.beta.assistants.create``), whatever the receiver is: if it is the SDK, OAI701
        applies; if it is a look-alike, the call is not OpenAI's. Used only to keep other findings silent."""
        path = canonical_path(callee_attributes(call))
        for start in range(len(path) - 1):  # a method path has a resource and a method name at least
            surface = api().surface_of_method(path[start:])
            if surface is not None:
                return surface.status(self.ctx.today) == RETIRED
        return False

    def header_uses(self, call: ast.Call, scope: Scope) -> List[HeaderUse]:
        """The beta header values ``call`` sends that select a surface which is not active on the judged
        date: ``extra_headers=`` of an SDK method, ``default_headers=`` of a client class, ``with_options``
        or ``copy``."""
        known = self._headers
        if call not in known:
            known[call] = _header_uses(self.ctx, call, scope)
        return known[call]


def _method_surface(ctx: Context, node: ast.AST, scope: Scope) -> Optional[SurfaceUse]:
    method = ctx.model.resolve(node, scope)
    if not isinstance(method, Method) or not _openai_client(method.client):
        return None
    path = canonical_path(method.path)
    surface = api().surface_for_path(path)
    if surface is None:
        return None
    status = surface.status(ctx.today)
    return None if status == ACTIVE else SurfaceUse(node, surface, path, status)


def _header_uses(ctx: Context, call: ast.Call, scope: Scope) -> List[HeaderUse]:
    keyword = _headers_keyword(ctx, call, scope) if call.keywords else None
    mapping = dict_literal(ctx.model, keyword, scope) if keyword is not None else None
    if mapping is None:
        return []
    found = []
    for key, value in zip(mapping.keys, mapping.values):
        name = ctx.model.string_value(key, scope) if key is not None else None
        text = ctx.model.string_value(value, scope)
        if name is None or text is None:
            continue
        surface = api().surface_for_header(name.value, text.value)
        status = surface.status(ctx.today) if surface is not None else ACTIVE
        if surface is not None and status != ACTIVE:
            found.append(HeaderUse(value, f"{name.value}: {text.value}", surface, status))
    return found


def _headers_keyword(ctx: Context, call: ast.Call, scope: Scope) -> Optional[ast.AST]:
    func = ctx.model.resolve(call.func, scope)
    if isinstance(func, SdkClass):
        client = ctx.model.call(func, call, scope)
        if isinstance(client, Client) and _openai_client(client):
            return keyword_value(call, "default_headers")
        return None
    if not isinstance(func, Method) or not _openai_client(func.client):
        return None
    if func.path in CLIENT_COPIES:
        return keyword_value(call, "default_headers")
    return keyword_value(call, "extra_headers")


def _openai_client(client: Client) -> bool:
    """A client of OpenAI's own platform (not Azure, not Amazon Bedrock, not another ``base_url``)."""
    return client.surface in OPENAI_CLASSES and not client.is_azure and not client.other_server
