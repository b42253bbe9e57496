"""Which API method a callee is: the one mapping of SDK paths and v0 methods to v1 endpoint methods."""

from __future__ import annotations

from typing import Optional, Tuple, Union

from lint_openai import knowledge
from lint_openai.knowledge.api import canonical_path
from lint_openai.semantic.values import Method, V0Method

CHAT = "chat.completions.create"


def plain_path(method: Method) -> Tuple[str, ...]:
    """The method's path without raw/streaming-response wrappers (``with_raw_response``)."""
    return canonical_path(method.path)


def is_wrapped(method_path: Tuple[str, ...]) -> bool:
    """Whether the path goes through a wrapper (whose methods return other objects than the API's)."""
    return any(part in knowledge.WRAPPER_ATTRIBUTES for part in method_path)


def endpoint(callee: Union[Method, V0Method]) -> Optional[str]:
    """The v1 method a callee calls, dotted (``chat.completions.create``).

    Wrappers are skipped; a v0 method (``openai.ChatCompletion.acreate``) maps to the v1 method its
    endpoint has now (``chat.completions.create``; ``a``-prefixed methods are their sync twin's).
    """
    if isinstance(callee, V0Method):
        return knowledge.v0().v1_method(callee.symbol, callee.method)
    return dotted_endpoint(plain_path(callee))


def dotted_endpoint(path: Tuple[str, ...]) -> str:
    """``chat.completions.create`` for any path ending there (``beta.chat.completions.create`` too)."""
    return CHAT if path[-3:] == ("chat", "completions", "create") else ".".join(path)
