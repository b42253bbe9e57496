"""OAI3xx: chat requests shaped for another endpoint, or with parameters the model rejects."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional

from .. import knowledge
from ..diagnostic import Applicability
from ..semantic import Scope
from ..values import Client, Method, Str, V0Method
from .base import Context, Rule, bad, good
from .model_refs import ModelReferences, model_references

CHAT_METHODS = (
    ("chat", "completions", "create"),
    ("chat", "completions", "parse"),
    ("chat", "completions", "stream"),
)
V0_CHAT = ("acreate", "create")
MESSAGE_SOURCE = (
    "roles and required keys of the SDK's `ChatCompletionMessageParam` TypedDicts, generated into "
    "knowledge/sdk.json; assistant content: SDK docstring 'Required unless `tool_calls` or `function_call` "
    "is specified.'"
)
PARAMS_SOURCE = (
    "lint_openai/knowledge/request_params.json: per-parameter model groups with the API's error text and "
    "the public reports and SDK docstrings it comes from (checked by tests against models.json and the SDK)"
)


@dataclass(frozen=True)
class ChatCall:
    """A call of a chat completions endpoint (v1 clients, the module client, v0 ``ChatCompletion``)."""

    call: ast.Call
    client: Optional[Client]
    v0: bool

    def keyword(self, name: str) -> Optional[ast.keyword]:
        for keyword in self.call.keywords:
            if keyword.arg == name:
                return keyword
        return None


def chat_call(ctx: Context, node: ast.AST, scope: Scope) -> Optional[ChatCall]:
    """The chat call ``node`` is, if it is one (computed once per call for all request rules)."""
    if not isinstance(node, ast.Call):
        return None
    memo = ctx.memo.setdefault(ChatCall, {})
    if node not in memo:  # type: ignore[operator]
        memo[node] = _chat_call(ctx, node, scope)  # type: ignore[index]
    return memo[node]  # type: ignore[index]


def _chat_call(ctx: Context, node: ast.Call, scope: Scope) -> Optional[ChatCall]:
    func = ctx.model.resolve(node.func, scope)
    if isinstance(func, Method):
        path = tuple(p for p in func.path if p not in knowledge.WRAPPER_ATTRIBUTES)
        if path[-3:] in CHAT_METHODS:
            return ChatCall(node, func.client, v0=False)
    elif isinstance(func, V0Method) and func.symbol == "ChatCompletion" and func.method in V0_CHAT:
        return ChatCall(node, None, v0=True)
    return None


def is_text(ctx: Context, node: ast.AST, scope: Scope) -> bool:
    """Whether ``node`` is provably a ``str`` (literal, f-string, ``str()``, formatting, concatenation)."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_text(ctx, node.left, scope) or is_text(ctx, node.right, scope)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "str" and ctx.model.lookup_scope("str", scope) is None:
            return True
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join", "strip", "lower", "upper"):
            return isinstance(func.value, ast.Constant) and isinstance(func.value.value, str)
        return False
    return isinstance(ctx.model.resolve(node, scope), Str)


def _user_message(text: str) -> str:
    return f'[{{"role": "user", "content": {text}}}]'


class PromptOnChatEndpoint(Rule):
    """## What it does
    Checks for `prompt=` passed to a chat completions call (`client.chat.completions.create`, the
    module-level client, v0 `openai.ChatCompletion.create`).

    ## Why is this bad?
    `prompt` belongs to the legacy text-completions endpoint. The v1 SDK's
    `chat.completions.create()` has no such parameter and raises
    `TypeError: Completions.create() got an unexpected keyword argument 'prompt'` (and without
    `messages=` the SDK refuses the call before that). The chat endpoint takes a list of messages.

    ## Fix safety
    `prompt=<text>` becomes `messages=[{"role": "user", "content": <text>}]`. Safe when the value is
    provably a string (a literal, an f-string, `str(...)`, formatting or concatenation of those, or a
    constant bound to one); unsafe otherwise (v0 also accepted a list of prompts). No fix when the call
    already passes `messages=`.
    """

    needs_text = ("prompt",)
    code = "OAI301"
    symbol = "prompt-on-chat-endpoint"
    summary = "`prompt=` passed to a chat completions call"
    node_types = (ast.Call,)
    fix_availability = "sometimes"
    sources = (
        "SDK signature of `chat.completions.create` (no `prompt` parameter), generated into knowledge/sdk.json",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", prompt=f"Summarize: {text}")
            """,
            (4, 57),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": f"Summarize: {text}"}])
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": text}])
            legacy = client.completions.create(model="m", prompt=text)
            """
        ),
        bad(
            """
            import openai

            def ask(question):
                return openai.chat.completions.create(model="gpt-5.5", prompt=question)
            """,
            (4, 60),
            fixed="""
            import openai

            def ask(question):
                return openai.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": question}])
            """,
            applicability="unsafe",
            title="a value that may not be a string",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope)
        keyword = chat.keyword("prompt") if chat else None
        if chat is None or keyword is None:
            return
        fix = None
        if chat.keyword("messages") is None:
            safe = is_text(ctx, keyword.value, scope)
            content = _user_message(ctx.segment(keyword.value))
            fix = ctx.fix(
                Applicability.SAFE if safe else Applicability.UNSAFE,
                "Pass the prompt as a user message",
                ctx.replace(keyword, f"messages={content}"),
            )
        message = (
            "chat completions take `messages=`, not `prompt=` (TypeError: unexpected keyword argument 'prompt'); "
            'pass `messages=[{"role": "user", "content": ...}]`'
        )
        ctx.report(self, keyword, message, fix)


class MessagesNotAList(Rule):
    """## What it does
    Checks for `messages=` given a string or a single message dict instead of a list of messages.

    ## Why is this bad?
    The chat endpoint expects an array of message objects. A string or a single dict is rejected with
    HTTP 400 (`openai.BadRequestError`, "Invalid type for 'messages': expected an array").

    ## Fix safety
    Safe: a string becomes `[{"role": "user", "content": <string>}]` and a dict becomes `[<dict>]`.
    """

    needs_text = ("messages",)
    code = "OAI302"
    symbol = "messages-not-a-list"
    summary = "`messages=` given a string or a single dict"
    node_types = (ast.Call,)
    fix_availability = "always"
    sources = ("SDK: `messages: Iterable[ChatCompletionMessageParam]` in `chat.completions.create`",)
    examples = (
        bad(
            """
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages="Hello!")
            """,
            (3, 68),
            fixed="""
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": "Hello!"}])
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            history = [{"role": "user", "content": "Hello!"}]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=history)
            """
        ),
        bad(
            """
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages={"role": "user", "content": "Hi"})
            """,
            (3, 68),
            fixed="""
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": "Hi"}])
            """,
            applicability="safe",
            title="a single message",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope)
        keyword = chat.keyword("messages") if chat else None
        if keyword is None:
            return
        value = keyword.value
        text = ctx.segment(value)
        if isinstance(value, ast.Dict):
            replacement, what = f"[{text}]", "a single message dict"
        elif is_text(ctx, value, scope):
            replacement, what = _user_message(text), "a string"
        else:
            return
        fix = ctx.fix(Applicability.SAFE, "Wrap it in a list", ctx.replace(value, replacement))
        message = f"`messages=` must be a list of messages, not {what} (HTTP 400: expected an array)"
        ctx.report(self, value, message, fix)


class MalformedMessage(Rule):
    """## What it does
    Checks message dict literals passed to a chat completions call (directly, or through a list
    literal bound to a name): a missing or unknown `role`, or a missing required key for the role
    (`content`; `tool_call_id` for `tool` messages; `name` for `function` messages). An assistant
    message with `tool_calls` or `function_call` needs no `content`.

    ## Why is this bad?
    The API rejects the request with HTTP 400 (`openai.BadRequestError`), e.g. "Invalid value: 'bot'.
    Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'." or a
    missing required parameter. Typos like `"role": "asistant"` or `"contents"` only fail at run time.

    ## Fix safety
    There is no fix; the message suggests the closest role.
    """

    needs_text = ("messages",)
    code = "OAI303"
    symbol = "malformed-message"
    summary = "message dict with an unknown role or a missing required key"
    node_types = (ast.Call,)
    sources = (MESSAGE_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            messages = [
                {"role": "sytem", "content": "You are terse."},
                {"content": "Hi"},
            ]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages)
            """,
            (4, 14),
            (5, 5),
        ),
        good(
            """
            from openai import OpenAI

            messages = [
                {"role": "developer", "content": "You are terse."},
                {"role": "assistant", "tool_calls": calls},
                {"role": "tool", "tool_call_id": call_id, "content": "42"},
                {**base_message, "content": "Hi"},
            ]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages)
            """
        ),
        bad(
            """
            import openai

            openai.chat.completions.create(model="gpt-5.5", messages=[{"role": "tool", "content": "42"}])
            """,
            (3, 59),
            title="a tool result without its tool_call_id",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope)
        keyword = chat.keyword("messages") if chat else None
        if keyword is None:
            return
        for message in self._message_dicts(ctx, keyword.value, scope):
            self._check_message(message, ctx)

    @staticmethod
    def _message_dicts(ctx: Context, value: ast.AST, scope: Scope) -> Iterator[ast.Dict]:
        if isinstance(value, ast.Name):
            owner = ctx.model.lookup_scope(value.id, scope)
            bindings = owner.bindings.get(value.id, []) if owner else []
            if len(bindings) != 1 or bindings[0].kind != "value":
                return
            value = bindings[0].expr  # type: ignore[assignment]
        if isinstance(value, (ast.List, ast.Tuple)):
            yield from (element for element in value.elts if isinstance(element, ast.Dict))

    def _check_message(self, message: ast.Dict, ctx: Context) -> None:
        if any(
            key is None or not (isinstance(key, ast.Constant) and isinstance(key.value, str))
            for key in message.keys
        ):
            return  # ** unpacking or computed keys: the keys are not all known
        fields = {key.value: value for key, value in zip(message.keys, message.values)}  # type: ignore[union-attr]
        roles = knowledge.sdk().data["message_params"]
        role_node = fields.get("role")
        if role_node is None:
            ctx.report(
                self,
                message,
                'message without a `role` (HTTP 400); add "role": "user" (or system, assistant, ...)',
            )
            return
        if not (isinstance(role_node, ast.Constant) and isinstance(role_node.value, str)):
            return
        role = role_node.value
        if role not in roles:
            close = knowledge.close_matches(role, roles, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            valid = ", ".join(sorted(roles))
            ctx.report(
                self, role_node, f"unknown message role '{role}' (HTTP 400); {hint}valid roles: {valid}"
            )
            return
        missing = [key for key in roles[role]["required"] if key not in fields]
        optional_with = knowledge.request_params().assistant_content_optional_with
        if role == "assistant" and "content" not in fields and not any(k in fields for k in optional_with):
            missing.append("content")
        if missing:
            keys = ", ".join(f"`{key}`" for key in missing)
            ctx.report(self, message, f"{role} message without {keys} (HTTP 400: missing required parameter)")


class DeprecatedFunctionsParam(Rule):
    """## What it does
    Checks for `functions=` and `function_call=` passed to a chat completions call.

    ## Why is this bad?
    Both are deprecated in favor of `tools=` and `tool_choice=` (SDK docstrings: "Deprecated in favor
    of `tools`." / "Deprecated in favor of `tool_choice`."). The replies put calls in
    `message.function_call` instead of `message.tool_calls`, newer features (parallel tool calls,
    strict schemas) are not available, and the parameters may be removed.

    ## Fix safety
    There is no fix: `functions=[f]` becomes `tools=[{"type": "function", "function": f}]`,
    `function_call={"name": n}` becomes `tool_choice={"type": "function", "function": {"name": n}}`,
    and the code that reads the reply changes too.
    """

    needs_text = ("function",)
    code = "OAI304"
    symbol = "deprecated-functions-param"
    deprecation = True
    summary = "`functions=`/`function_call=` instead of `tools=`/`tool_choice=`"
    node_types = (ast.Call,)
    sources = ("SDK docstrings of `functions` and `function_call` in chat `completion_create_params`",)
    replacements = {"functions": "tools", "function_call": "tool_choice"}
    examples = (
        bad(
            """
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages, functions=[weather])
            """,
            (3, 78),
        ),
        good(
            """
            from openai import OpenAI

            tools = [{"type": "function", "function": weather}]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages, tools=tools)
            """
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope)
        if chat is None:
            return
        for name, replacement in self.replacements.items():
            keyword = chat.keyword(name)
            if keyword is not None:
                message = (
                    f"`{name}=` is deprecated in favor of `{replacement}=` (and replies use `tool_calls`)"
                )
                ctx.report(self, keyword, message)


def _constant(node: ast.AST) -> Any:
    """The Python value of a literal (``None`` sentinel object when not a literal)."""
    if isinstance(node, ast.Constant):
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, (ast.USub, ast.UAdd))
        and isinstance(node.operand, ast.Constant)
    ):
        value = node.operand.value
        return -value if isinstance(node.op, ast.USub) and isinstance(value, (int, float)) else value
    if isinstance(node, ast.Dict) and not node.keys:
        return {}
    if isinstance(node, (ast.List, ast.Tuple)):
        items = [_constant(element) for element in node.elts]
        return _NOT_LITERAL if any(item is _NOT_LITERAL for item in items) else items
    return _NOT_LITERAL


_NOT_LITERAL = object()


def _call_model(ctx: Context, chat: ChatCall, scope: Scope) -> Optional[str]:
    """The known model a chat call uses (not for Azure, where ``model=`` is a deployment name)."""
    if chat.client is not None and chat.client.is_azure:
        return None
    found = model_references(ctx).by_call.get(chat.call)
    return found.model if found is not None and not found.azure else None


class MaxTokensOnReasoningModel(Rule):
    """## What it does
    Checks chat completions calls that pass `max_tokens=` with a reasoning model (o-series, GPT-5
    family and later), with the model followed through constants like OAI201.

    ## Why is this bad?
    The API rejects the request with HTTP 400: "Unsupported parameter: 'max_tokens' is not supported
    with this model. Use 'max_completion_tokens' instead." Reasoning models count hidden reasoning
    tokens too, which `max_completion_tokens` covers. Unknown models never trigger this rule.

    ## Fix safety
    Safe: `max_tokens=` is renamed to `max_completion_tokens=` (unless the call already passes it).
    """

    needs_text = ("max_tokens",)
    requires = (ModelReferences,)
    code = "OAI305"
    symbol = "max-tokens-on-reasoning-model"
    summary = "`max_tokens=` with a reasoning model"
    node_types = (ast.Call,)
    fix_availability = "sometimes"
    sources = (PARAMS_SOURCE, "reasoning flags: models.json")
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages, max_tokens=500)
            """,
            (4, 76),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages, max_completion_tokens=500)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4.1", messages=messages, max_tokens=500)
            other = client.chat.completions.create(model=os.environ["MODEL"], messages=messages, max_tokens=500)
            """,
            title="non-reasoning and unknown models",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope)
        keyword = chat.keyword("max_tokens") if chat else None
        if chat is None or keyword is None:
            return
        model = _call_model(ctx, chat, scope)
        entry = (
            knowledge.request_params().rejected("max_tokens", model, ctx.models.is_reasoning(model))
            if model
            else None
        )
        if entry is None:
            return
        fix = None
        if chat.keyword("max_completion_tokens") is None:
            edit = ctx.replace(keyword, f"max_completion_tokens={ctx.segment(keyword.value)}")
            fix = ctx.fix(Applicability.SAFE, "Rename to `max_completion_tokens=`", edit)
        message = f'`{model}` is a reasoning model: the API answers 400 "{entry["error"]}"'
        ctx.report(self, keyword, message, fix)


class UnsupportedSamplingParam(Rule):
    """## What it does
    Checks chat completions calls that pass sampling parameters a reasoning model rejects:
    `temperature` other than 1, `top_p`, non-zero `presence_penalty`/`frequency_penalty`,
    `logprobs=True`, `top_logprobs`, `logit_bias` (o-series and the August 2025 GPT-5 models), and
    `stop` (o3, o4-mini). Only literal values are judged; a call with `reasoning_effort="none"` is
    not reported (GPT-5.1 and later accept these parameters then).

    ## Why is this bad?
    The API rejects the request with HTTP 400, e.g. "Unsupported value: 'temperature' does not support
    0.2 with this model. Only the default (1) value is supported." or "Unsupported parameter: 'top_p'
    is not supported with this model." Code that worked with gpt-4o breaks when the model name is
    upgraded. Later reasoning models' support depends on `reasoning_effort` and is not reported.

    ## Fix safety
    There is no fix: drop the parameter (or choose a non-reasoning model).
    """

    requires = (ModelReferences,)
    code = "OAI306"
    symbol = "unsupported-sampling-param"
    summary = "sampling parameter a reasoning model rejects"
    node_types = (ast.Call,)
    sources = (PARAMS_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="o3", messages=messages, temperature=0.2, top_p=0.9)
            """,
            (4, 71),
            (4, 88),
            today="2026-11-25",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="o3", messages=messages, temperature=1)
            other = client.chat.completions.create(model="gpt-4.1", messages=messages, temperature=0.2)
            newer = client.chat.completions.create(model="gpt-5.5", messages=messages, temperature=0.2)
            """,
            title="the default value; non-reasoning models; effort-dependent newer models",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope)
        if chat is None or not any(
            k.arg in knowledge.request_params().parameters for k in chat.call.keywords
        ):
            return
        effort = chat.keyword("reasoning_effort")
        if effort is not None and _constant(effort.value) in ("none", _NOT_LITERAL):
            return
        model = _call_model(ctx, chat, scope)
        if model is None:
            return
        reasoning = ctx.models.is_reasoning(model)
        for keyword in chat.call.keywords:
            if keyword.arg is None or keyword.arg == "max_tokens":
                continue
            entry = knowledge.request_params().rejected(keyword.arg, model, reasoning)
            value = _constant(keyword.value)
            if (
                entry is None
                or value is _NOT_LITERAL
                or value is None
                or value == {}
                or value in entry["allowed"]
            ):
                continue
            error = (entry["error"] or "").replace("{value}", repr(value))
            detail = f': the API answers 400 "{error}"' if error else " (HTTP 400)"
            ctx.report(self, keyword, f"`{model}` does not accept `{keyword.arg}={value!r}`{detail}")


RULES: List[Rule] = [
    PromptOnChatEndpoint(),
    MessagesNotAList(),
    MalformedMessage(),
    DeprecatedFunctionsParam(),
    MaxTokensOnReasoningModel(),
    UnsupportedSamplingParam(),
]
