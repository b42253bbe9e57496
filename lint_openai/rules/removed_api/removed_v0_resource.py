"""OAI101 ``removed-v0-resource``: v0 module-level resource class (removed in openai>=1.0)."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import (
    alias_anchor,
    replace_chain,
)
from lint_openai.rules.removed_api.common import (
    positional_as_keywords,
    v0_advice,
    v1_rewrite,
    with_keywords,
)
from lint_openai.semantic.navigation import enclosing_call, parent_attribute
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import OPENAI

REMOVED_SOURCE = (
    "`openai.lib._old_api.SYMBOLS` and `APIRemovedInV1Proxy` in the installed SDK "
    "(tests/test_knowledge_sdk.py checks the list against it)"
)


MIGRATION_GUIDE = "https://github.com/openai/openai-python/discussions/742"


class RemovedV0Resource(Rule):
    """## What it does
    Checks for uses of the module-level v0 classes `openai.ChatCompletion`, `openai.Completion`,
    `openai.Embedding`, `openai.Image`, `openai.Audio`, ... (attribute access or `from openai import`).

    ## Why is this bad?
    Since openai 1.0 these names are `APIRemovedInV1Proxy` objects: they still exist, so imports and
    attribute access succeed, but any call raises
    `openai.lib._old_api.APIRemovedInV1: You tried to access openai.ChatCompletion, but this is no
    longer supported in openai>=1.0.0`. The code breaks at the first request.

    ## Fix safety
    Where a v1 method is the 1:1 twin of the v0 call (`ChatCompletion.create` ->
    `chat.completions.create`, `Image.create` -> `images.generate`, ...), the fix rewrites the
    attribute path on the `openai` module (v1's module-level client reads `OPENAI_API_KEY` like v0).
    It is safe when every argument of the call is accepted by the v1 method, unsafe when the call
    unpacks `**kwargs` or passes an argument v1 does not take (OAI106 then reports it). Positional
    arguments a keyword-only v1 method would reject with `TypeError` are passed by their v0 names
    (`openai.Moderation.create(text)` -> `openai.moderations.create(input=text)`); where v1 has no such
    keyword there is no fix. `acreate` and resources without a v1 twin have no fix.
    """

    code = "OAI101"
    symbol = "removed-v0-resource"
    v1_sdk = True
    summary = "v0 module-level resource class (removed in openai>=1.0)"
    v0_surface = True
    node_types = (ast.Attribute, ast.ImportFrom)
    fix_availability = "sometimes"
    sources = (REMOVED_SOURCE, f"v1 migration guide: {MIGRATION_GUIDE}")
    examples = (
        bad(
            """
            import openai

            response = openai.ChatCompletion.create(model="gpt-5.5", messages=messages)
            """,
            (3, 12, 3, 40, "`openai.ChatCompletion.create` was removed in openai>=1.0 and raises"),
            fixed="""
            import openai

            response = openai.chat.completions.create(model="gpt-5.5", messages=messages)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="gpt-5.5", messages=messages)
            """
        ),
        bad(
            """
            import openai as oa

            vectors = oa.Embedding.create(input=texts, model="text-embedding-3-small")
            image = oa.Image.create(prompt="a cat", n=1, size="1024x1024")
            """,
            (3, 11, 3, 30, "`oa.Embedding.create` was removed in openai>=1.0 and raises `APIRemovedInV1`"),
            (4, 9, 4, 24, "`oa.Image.create` was removed in openai>=1.0 and raises `APIRemovedInV1` when"),
            fixed="""
            import openai as oa

            vectors = oa.embeddings.create(input=texts, model="text-embedding-3-small")
            image = oa.images.generate(prompt="a cat", n=1, size="1024x1024")
            """,
            applicability="safe",
            title="aliases and renamed methods",
        ),
        bad(
            """
            import openai

            async def ask(messages):
                return await openai.ChatCompletion.acreate(model="gpt-5.5", messages=messages)
            """,
            (4, 18, 4, 47, "`openai.ChatCompletion.acreate` was removed in openai>=1.0 and raises"),
            title="async v0 calls have no mechanical fix",
        ),
        bad(
            """
            import openai

            params = {"model": "gpt-5.5", "messages": messages}
            response = openai.ChatCompletion.create(**params)
            """,
            (4, 12, 4, 40, "`openai.ChatCompletion.create` was removed in openai>=1.0 and raises"),
            fixed="""
            import openai

            params = {"model": "gpt-5.5", "messages": messages}
            response = openai.chat.completions.create(**params)
            """,
            applicability="unsafe",
            title="unpacked arguments make the fix unsafe",
        ),
        bad(
            """
            from openai import ChatCompletion

            def ask(messages):
                return ChatCompletion.create(model="gpt-5.5", messages=messages)
            """,
            (1, 20, 1, 34, "`from openai import ChatCompletion` imports a class removed in openai>=1.0"),
            title="imported by name: reported once, at the import",
        ),
        bad(
            """
            import openai

            chat_api = openai.ChatCompletion
            """,
            (3, 12, 3, 33, "`openai.ChatCompletion` was removed in openai>=1.0 and raises `APIRemovedInV1`"),
            fixed="""
            import openai

            chat_api = openai.chat.completions
            """,
            applicability="unsafe",
            title="uncalled",
        ),
        good(
            """
            from openai.types.chat import ChatCompletion
            from openai.types import Completion, Embedding

            def first(completion: ChatCompletion) -> str:
                return completion.choices[0].message.content
            """,
            title="v1 response types with the same names",
        ),
        good(
            '''
            class ChatCompletion:
                @staticmethod
                def create(**kwargs):
                    return kwargs

            def helper():
                """Migrated from openai.ChatCompletion.create."""
                return ChatCompletion.create(model="gpt-5.5")
            ''',
            title="a user class with the same name; prose in a docstring",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        """The removed v0 resources: the only attributes this rule reports on."""
        return frozenset(knowledge.sdk().removed_v0_symbols)

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.ImportFrom):
            self._check_import(node, ctx)
            return
        assert isinstance(node, ast.Attribute)
        if node.attr not in knowledge.sdk().removed_v0_symbols:
            return
        if ctx.model.resolve(node.value, scope) != OPENAI:
            return
        base = ctx.segment(node.value)
        method_node = parent_attribute(ctx.model, node)
        method = method_node.attr if method_node else None
        call = enclosing_call(ctx.model, method_node) if method_node else None
        advice = v0_advice(node.attr, method, base)
        shown = f"{base}.{node.attr}" + (f".{method}" if method else "")
        message = f"`{shown}` was removed in openai>=1.0 and raises `APIRemovedInV1` when called; {advice}"
        fix = self._fix(ctx, node, method_node, call)
        ctx.report(self, node, message, fix, end_node=method_node if method else None)

    def _fix(
        self,
        ctx: Context,
        node: ast.Attribute,
        method_node: Optional[ast.Attribute],
        call: Optional[ast.Call],
    ) -> Optional[Fix]:
        base = ctx.segment(node.value)
        if method_node is not None:
            names = positional_as_keywords(node.attr, method_node.attr, call) if call is not None else None
            view = with_keywords(call, names) if call is not None and names else call
            target, applicability = v1_rewrite(node.attr, method_node.attr, view)
            if target is None or applicability is None or call is None:
                return None
            edits = [replace_chain(ctx, node.value, method_node, target)]
            for name, argument in zip(names or (), call.args):
                at = ctx.lines.start(argument)
                edits.append(ctx.replace_range(at, at, f"{name}="))  # v1 takes it by keyword only
            return ctx.fix(applicability, f"Replace with `{base}.{target}`", *edits)
        twin = knowledge.v0().resources.get(node.attr, {}).get("twin")
        if not twin:
            return None
        edit = replace_chain(ctx, node.value, node, twin)
        return ctx.fix(Applicability.UNSAFE, f"Replace with `{base}.{twin}`", edit)

    def _check_import(self, node: ast.ImportFrom, ctx: Context) -> None:
        if node.level or node.module != "openai":
            return
        for alias in node.names:
            if alias.name in knowledge.sdk().removed_v0_symbols:
                advice = v0_advice(alias.name, None, "openai")
                message = (
                    f"`from openai import {alias.name}` imports a class removed in openai>=1.0 "
                    f"(calls raise `APIRemovedInV1`); {advice}"
                )
                ctx.report(self, alias_anchor(alias, node), message)
