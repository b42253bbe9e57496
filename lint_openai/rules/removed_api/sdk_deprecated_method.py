"""OAI111 ``sdk-deprecated-method``: a call of a method the installed SDK marks ``@deprecated``."""

from __future__ import annotations

import ast
from typing import Optional, Tuple

from lint_openai.analyses.api_surfaces import ApiSurfaces
from lint_openai.context import Context
from lint_openai.knowledge.api import DeprecatedMethod, api
from lint_openai.rules.base import DEPRECATION, Rule, bad, good
from lint_openai.rules.platform.common import SURFACES_SOURCE
from lint_openai.semantic.navigation import called_method
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import ApiResult


class SdkDeprecatedMethod(Rule):
    """## What it does
    Checks calls of methods the installed SDK marks `@deprecated` where no shutdown is announced (those
    are OAI701/OAI702): `client.files.retrieve_content(...)` (use `client.files.content`),
    `client.fine_tuning.checkpoints.permissions.retrieve(...)` (use `.list`), and `.stream_to_file()` /
    `.astream_to_file()` on the non-streaming binary response of `client.audio.speech.create(...)`,
    `client.files.content(...)` and the other binary-content methods.

    ## Why is this bad?
    The SDK warns at run time (`DeprecationWarning`) and will remove the method. `stream_to_file` on a
    plain response is deprecated because, in the SDK's words, "Due to a bug, this method doesn't actually
    stream the response content, `.with_streaming_response.method()` should be used instead": the whole
    body is read into memory first. The `stream_to_file` of a streaming response
    (`with client.audio.speech.with_streaming_response.create(...) as response:
    response.stream_to_file(path)`) is the replacement and is not reported. The message quotes the SDK's
    own deprecation text; type checkers show it only with `reportDeprecated` switched on.

    ## Fix safety
    There is no fix: `files.content` returns the binary content, not a `str`; `permissions.list` returns a
    page; streaming needs a `with` block.
    """

    code = "OAI111"
    symbol = "sdk-deprecated-method"
    v1_sdk = True
    summary = "call of a method the installed SDK marks deprecated"
    severity = DEPRECATION
    node_types = (ast.Call,)
    requires = (ApiSurfaces,)
    sources = (
        SURFACES_SOURCE + " (`deprecated_methods`, `deprecated_response_methods`, `binary_responses`)",
        "SDK: `@deprecated` on openai/resources/files.py Files.retrieve_content, "
        "openai/resources/fine_tuning/checkpoints/permissions.py Permissions.retrieve and "
        "openai/_legacy_response.py HttpxBinaryResponseContent.stream_to_file / astream_to_file",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            speech = client.audio.speech.create(model=speech_model, voice="alloy", input="Hello")
            speech.stream_to_file("hello.mp3")
            """,
            (5, 1, 5, 22, '`audio.speech.create(...).stream_to_file` is deprecated in the SDK: "Due to a'),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            with client.audio.speech.with_streaming_response.create(
                model=speech_model, voice="alloy", input="Hello"
            ) as response:
                response.stream_to_file("hello.mp3")
            """
        ),
        bad(
            """
            from openai import AsyncOpenAI

            async def download(client: AsyncOpenAI, file_id: str, checkpoint: str) -> str:
                await (await client.files.content(file_id)).astream_to_file("data.jsonl")
                client.fine_tuning.checkpoints.permissions.retrieve(checkpoint)
                return client.files.retrieve_content(file_id)
            """,
            (4, 11, 4, 64, '`files.content(...).astream_to_file` is deprecated in the SDK: "Due to a bug'),
            (5, 5, 5, 56, "`fine_tuning.checkpoints.permissions.retrieve` is deprecated in the SDK"),
            (6, 12, 6, 41, '`files.retrieve_content` is deprecated in the SDK: "The `.content()` method'),
            title="async binary content, permissions.retrieve, files.retrieve_content",
        ),
        good(
            """
            from openai import OpenAI

            class Recorder:
                def stream_to_file(self, path): ...

            client = OpenAI()
            Recorder().stream_to_file("out.wav")
            text = client.files.content("file-abc").text
            page = client.fine_tuning.checkpoints.permissions.list("ft:gpt-4.1-mini:org::abc")
            """,
            title="a user method of the same name; the replacements",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is not None:
            deprecated = api().deprecated_method(method.path)
            if deprecated is not None and not ctx.analysis(ApiSurfaces).retired_call(node, scope):
                self._report(ctx, node, deprecated.path, deprecated)
            return
        func = node.func
        if isinstance(func, ast.Attribute):
            result = ctx.model.resolve(func.value, scope)
            deprecated = self._response_method(ctx, result, func.attr, scope)
            if deprecated is not None and isinstance(result, ApiResult):  # only API results have them
                path = result.path
                shown = f"{'.'.join(path)}(...).{func.attr}"
                self._report(ctx, node, shown, deprecated, path)

    @staticmethod
    def _response_method(ctx: Context, result: object, name: str, scope: Scope) -> Optional[DeprecatedMethod]:
        """The deprecated method ``name`` of ``result`` if it is a plain (not raw, not streaming) binary response."""
        if not isinstance(result, ApiResult) or result.v0 or result.raw:
            return None
        binary = api().binary_response(result.path)
        if binary is None or ctx.analysis(ApiSurfaces).retired_call(result.call, scope):
            return None
        return api().deprecated_response_method(binary.returns, name)

    def _report(
        self,
        ctx: Context,
        node: ast.Call,
        shown: str,
        deprecated: DeprecatedMethod,
        path: Tuple[str, ...] = (),
    ) -> None:
        message = f'`{shown}` is deprecated in the SDK: "{deprecated.sdk_message}"'
        note = deprecated.replacement_note
        if deprecated.replacement == "with_streaming_response" and note and path:
            # The SDK's pattern, for this method: ``with client.audio.speech.with_streaming_response.create(...)``.
            note = note.replace("<resource>", ".".join(path[:-1])).replace("<method>", path[-1])
            message += f"; use `{note}`"
        elif deprecated.replacement:
            message += f"; use `{deprecated.replacement}`" + (f" ({note})" if note else "")
        ctx.report(self, node, message, end_node=node.func)
