"""OAI307 ``model-class-to-create``: a pydantic model class as ``response_format=`` to ``chat.completions.create``."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix, Location
from lint_openai.rules.base import Rule, bad, good
from lint_openai.semantic.calls import keyword_value
from lint_openai.semantic.classes import derives_from, is_still_a_class
from lint_openai.semantic.methods import CHAT, endpoint
from lint_openai.semantic.navigation import SDK_METHODS, called_method
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import LibraryName, SdkClass, UserClass, Value

# pydantic v2's BaseModel (what the SDK's ``issubclass(response_format, pydantic.BaseModel)`` tests), and the
# SDK's own ``openai.BaseModel``, a subclass of it. ``pydantic.v1.BaseModel`` is not one.
PYDANTIC_MODELS = frozenset({"pydantic.BaseModel", "pydantic.main.BaseModel"})
SDK_ERROR = (
    "You tried to pass a `BaseModel` class to `chat.completions.create()`; "
    "You must use `chat.completions.parse()` instead"
)


class ModelClassToCreate(Rule):
    """## What it does
    Checks for a pydantic model class passed as `response_format=` to `chat.completions.create` (sync,
    async, Azure, the module client, `with_raw_response`), where the class is proven in the file to
    derive from `pydantic.BaseModel` (directly, through other classes of the file, or through
    `openai.BaseModel`).

    ## Why is this bad?
    `create` only takes a JSON-schema dict; the SDK checks the argument before sending anything and
    raises `TypeError: You tried to pass a `BaseModel` class to `chat.completions.create()`; You must use
    `chat.completions.parse()` instead` (openai 3.57.0 `lib/_chat_completion_resources.py`). `parse()`
    builds the schema from the class and returns `choices[0].message.parsed` as an instance of it.
    Classes the file cannot show to be pydantic models (imported from elsewhere, `pydantic.v1` models,
    dataclasses) are not reported, nor a class whose decorator may replace it (`@to_json_schema
    class X(BaseModel)` binds what the decorator returns, maybe a schema dict; the SDK raises only for
    a class): only decorators known to return the class (`dataclass`, `total_ordering`, `final`,
    pydantic's `with_config`) keep the finding.

    ## Fix safety
    Safe: `create(` -> `parse(` takes the same arguments and returns a `ParsedChatCompletion`, a
    subclass of `ChatCompletion`, so code reading the response keeps working. Unsafe when the call
    unpacks `**kwargs` (they might hold `stream=`, which `parse` does not take); none when it passes
    `stream=` (use `chat.completions.stream(...)`).
    """

    code = "OAI307"
    symbol = "model-class-to-create"
    v1_sdk = True
    summary = "pydantic model class as `response_format=` to `chat.completions.create`"
    node_types = (ast.Call,)
    callees = SDK_METHODS
    needs_text = ("response_format",)
    fix_availability = "sometimes"
    sources = (
        "openai 3.57.0 `openai/lib/_chat_completion_resources.py` `validate_response_format`, called by "
        "`chat.completions.create` (sync and async); tests/test_lifecycle_rules.py runs the call against the "
        "installed SDK with a mocked transport and compares the TypeError text",
    )
    examples = (
        bad(
            """
            from openai import OpenAI
            from pydantic import BaseModel

            class Answer(BaseModel):
                city: str
                country: str

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.6-sol", messages=messages, response_format=Answer)
            """,
            (9, 9, 9, 39, "`Answer` is a pydantic model class: the SDK raises TypeError: You tried to pass"),
            fixed="""
            from openai import OpenAI
            from pydantic import BaseModel

            class Answer(BaseModel):
                city: str
                country: str

            client = OpenAI()
            reply = client.chat.completions.parse(model="gpt-5.6-sol", messages=messages, response_format=Answer)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI
            from pydantic import BaseModel

            class Answer(BaseModel):
                city: str

            client = OpenAI()
            reply = client.chat.completions.parse(model="gpt-5.6-sol", messages=messages, response_format=Answer)
            schema = {"type": "json_schema", "json_schema": {"name": "answer", "schema": Answer.model_json_schema()}}
            other = client.chat.completions.create(model="gpt-5.6-sol", messages=messages, response_format=schema)
            """
        ),
        bad(
            """
            import pydantic
            from openai import AsyncOpenAI

            class Base(pydantic.BaseModel):
                pass

            class Report(Base):
                title: str

            async def ask(client: AsyncOpenAI, **options):
                return await client.chat.completions.create(messages=[], response_format=Report, **options)
            """,
            (11, 18, 11, 48, "`Report` is a pydantic model class: the SDK raises TypeError: You tried to"),
            fixed="""
            import pydantic
            from openai import AsyncOpenAI

            class Base(pydantic.BaseModel):
                pass

            class Report(Base):
                title: str

            async def ask(client: AsyncOpenAI, **options):
                return await client.chat.completions.parse(messages=[], response_format=Report, **options)
            """,
            applicability="unsafe",
            title="through a base class of the file, with **kwargs",
        ),
        good(
            """
            from dataclasses import dataclass

            from openai import OpenAI
            from pydantic.v1 import BaseModel
            from schemas import Imported

            @dataclass
            class Plain:
                x: int

            class Old(BaseModel):
                x: int

            client = OpenAI()
            for fmt in (Plain, Old, Imported):
                client.chat.completions.create(model="gpt-5.6-sol", messages=[], response_format=fmt)
            client.chat.completions.create(model="gpt-5.6-sol", messages=[], response_format=Old)
            """,
            title="classes not proven to be pydantic v2 models",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is None or endpoint(method) != CHAT:
            return
        argument = keyword_value(node, "response_format")
        value = ctx.model.resolve(argument, scope) if argument is not None else None
        if not isinstance(value, UserClass) or not derives_from(ctx.model, value.node, _is_pydantic_model):
            return
        if not is_still_a_class(ctx.model, value.node):
            return  # ``@to_schema class X(BaseModel)``: the name holds what the decorator returns
        message = f"`{value.node.name}` is a pydantic model class: the SDK raises TypeError: {SDK_ERROR}"
        ctx.report(self, node, message, self._fix(ctx, node), end_node=node.func)

    @staticmethod
    def _fix(ctx: Context, call: ast.Call) -> Optional[Fix]:
        if keyword_value(call, "stream") is not None or not isinstance(call.func, ast.Attribute):
            return None
        unpacked = any(k.arg is None for k in call.keywords) or any(
            isinstance(a, ast.Starred) for a in call.args
        )
        end = ctx.lines.end(call.func)
        edit = ctx.replace_range(Location(end.row, end.column - len("create")), end, "parse")
        applicability = Applicability.UNSAFE if unpacked else Applicability.SAFE
        return ctx.fix(applicability, "Use `chat.completions.parse(...)`", edit)


def _is_pydantic_model(value: Value) -> bool:
    return (isinstance(value, LibraryName) and value.name in PYDANTIC_MODELS) or value == SdkClass(
        "BaseModel"
    )
