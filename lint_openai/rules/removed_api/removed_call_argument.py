"""OAI106 ``removed-call-argument``: argument the v1 method does not accept."""

from __future__ import annotations

import ast
from typing import Optional, Set, Tuple

from lint_openai import knowledge
from lint_openai.analyses.api_surfaces import ApiSurfaces
from lint_openai.analyses.patched_methods import PatchedMethods
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Edit, Fix
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import has_position, literal_with
from lint_openai.rules.removed_api.common import (
    dotted,
    safe_keyword_rename,
)
from lint_openai.rules.removed_api.unpacked_arguments import unpacked_keys
from lint_openai.semantic.methods import plain_path
from lint_openai.semantic.navigation import SDK_METHODS, called_method
from lint_openai.semantic.scopes import Scope


class RemovedCallArgument(Rule):
    """## What it does
    Checks calls of v1 SDK methods for keyword arguments the method does not accept, and for
    positional arguments to keyword-only methods: v0's `engine=`, `deployment_id=`,
    `request_timeout=`, `api_key=`, `api_base=`, `headers=`, and plain typos. Keys of a `**kwargs`
    dict count too when the dict is built in the calling function (a dict literal or `dict(...)`, and
    `kwargs["key"] = value` before the call) and is used nowhere else there.

    Methods the file replaces are not checked: after `client.chat.completions.create = wrapper` (or
    `setattr(...)`), calls of `*.completions.create` take the wrapper's parameters; after
    `instructor.patch(client)`/`apatch(client)` or langsmith's `wrap_openai(client)`, which assign the
    client's methods in place, that client's calls (every client's, if the one patched is not resolved)
    take the patcher's own arguments (`response_model=`, `max_retries=`, `langsmith_extra=`).

    ## Why is this bad?
    v1 methods have explicit signatures, so the call raises
    `TypeError: Completions.create() got an unexpected keyword argument 'request_timeout'` before
    any request is sent. The signatures come from the installed SDK (knowledge/sdk.json); if your
    installed `openai` is newer than that data, only v0 leftovers and close typos are reported.
    (`prompt=` on a chat endpoint is OAI301; calls into a shut-down API, such as Assistants v1's
    `file_ids=`, are OAI701.)

    ## Fix safety
    `request_timeout=` -> `timeout=` is safe (both are the HTTP timeout in seconds), unless the call
    also passes `timeout=` or the value is a tuple (v0's `(connect, read)` form, which v1 does not
    accept). In a `**kwargs` dict the key is renamed the same way. Other arguments have no fix; the
    message says where they went (client constructor, `extra_headers=`, `model=`).
    """

    code = "OAI106"
    symbol = "removed-call-argument"
    v1_sdk = True
    summary = "argument the v1 method does not accept"
    node_types = (ast.Call,)
    callees = SDK_METHODS
    requires = (ApiSurfaces, PatchedMethods)
    fix_availability = "sometimes"
    sources = (
        "method signatures of the installed SDK (inspect.signature), generated into knowledge/sdk.json",
        "v0 per-call options: openai 0.28.1 `api_resources/abstract/engine_api_resource.py` "
        "(`engine`, `deployment_id`, `request_timeout`, `headers`, `api_key`, `api_base`, ...)",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(
                model="gpt-5.5",
                messages=messages,
                request_timeout=30,
            )
            """,
            (7, 5, 7, 23, "got an unexpected keyword argument `request_timeout` (TypeError)"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(
                model="gpt-5.5",
                messages=messages,
                timeout=30,
            )
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages, timeout=30)
            """
        ),
        bad(
            """
            from openai import AzureOpenAI

            client = AzureOpenAI(api_version="2024-10-21", azure_endpoint=endpoint)
            vectors = client.embeddings.create(input=texts, engine="embedding-deployment")
            reply = client.chat.completions.create(model=deployment, messages=messages, temprature=0)
            """,
            (4, 49, 4, 78, "`embeddings.create()` got an unexpected keyword argument `engine` (TypeError)"),
            (5, 77, 5, 89, "`chat.completions.create()` got an unexpected keyword argument `temprature`"),
            title="v0's engine= and a typo",
        ),
        good(
            """
            import litellm
            from anthropic import Anthropic

            litellm.completion(model="gpt-5.5", messages=messages, request_timeout=30)
            Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=messages, engine="x")
            """,
            title="other libraries accept other arguments",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is None or ctx.analysis(ApiSurfaces).retired_call(node, scope):
            return  # a call into a shut-down API is OAI701's (one problem, one finding)
        if ctx.analysis(PatchedMethods).patched(method):
            return  # the code replaced the method: the replacement's parameters are not the SDK's
        path = plain_path(method)
        signature = knowledge.sdk().signature(path, method.client.surface)
        if signature is None:
            return
        shown = dotted(path)
        positional = [a for a in node.args if not isinstance(a, ast.Starred)]
        if signature.max_positional is not None and len(positional) > signature.max_positional:
            allowed = signature.max_positional
            what = "keyword arguments only" if allowed == 0 else f"at most {allowed} positional argument(s)"
            message = f"`{shown}()` takes {what} (TypeError); pass the arguments by name"
            ctx.report(self, positional[allowed], message, end_node=positional[-1])
        unpacked = list(unpacked_keys(ctx.model, node, scope))
        passed: Set[str] = {k.arg for k in node.keywords if k.arg is not None} | {
            key.name for key in unpacked
        }
        for keyword in node.keywords:
            name = keyword.arg
            if name is None or signature.accepts_keyword(name) or self._claimed(path, name):
                continue
            advice, fix = self._advice(keyword, signature, passed, ctx)
            if advice is None:
                continue
            message = f"`{shown}()` got an unexpected keyword argument `{name}` (TypeError); {advice}"
            ctx.report(self, keyword, message, fix)
        for key in unpacked:
            if signature.accepts_keyword(key.name) or self._claimed(path, key.name):
                continue
            advice, fix = self._advice(
                ast.keyword(arg=key.name, value=key.value), signature, passed, ctx, key.node
            )
            if advice is not None:
                through = f"`{key.name}` through `**{key.mapping}`"
                message = f"`{shown}()` got an unexpected keyword argument {through} (TypeError); {advice}"
                ctx.report(self, key.node, message, fix)

    @staticmethod
    def _rename(ctx: Context, written: ast.AST, replacement: str) -> Optional[Edit]:
        """Rename a ``key=`` keyword (of the call or of ``dict(...)``) or a string key."""
        if isinstance(written, ast.keyword):
            if not has_position(written):
                return None
            return ctx.replace(written, f"{replacement}={ctx.segment(written.value)}")
        return literal_with(ctx, written, replacement) if isinstance(written, ast.Constant) else None

    @staticmethod
    def _claimed(path: Tuple[str, ...], name: str) -> bool:
        """Arguments a more specific rule reports (one problem, one finding)."""
        return name == "prompt" and path[-3:] == ("chat", "completions", "create")

    def _advice(
        self,
        keyword: ast.keyword,
        signature: knowledge.MethodSignature,
        passed: Set[str],
        ctx: Context,
        written: Optional[ast.AST] = None,
    ) -> Tuple[Optional[str], Optional[Fix]]:
        """The advice for an unexpected keyword and its fix; ``written``: where a ``**dict`` key is written."""
        name = keyword.arg or ""
        v0_entry = knowledge.v0().call_arguments.get(name)
        if v0_entry is not None:
            replacement = safe_keyword_rename(signature, keyword, passed)
            edit = self._rename(ctx, written or keyword, replacement) if replacement else None
            fix = ctx.fix(Applicability.SAFE, f"Rename to `{replacement}=`", edit) if edit else None
            return v0_entry["advice"], fix
        matches = knowledge.close_matches(name, signature.keyword_names)
        if matches:
            return "did you mean " + " or ".join(f"`{m}=`" for m in matches) + "?", None
        if ctx.sdk_is_newer:
            return None, None
        return f"it is not a parameter in openai {knowledge.sdk().version}", None
