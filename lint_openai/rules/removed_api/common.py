"""Helpers shared by the OAI1xx rules: v0 -> v1 rewrites, call signatures, message fragments."""

from __future__ import annotations

import ast
from typing import AbstractSet, Optional, Sequence, Tuple

from lint_openai import knowledge
from lint_openai.diagnostic import Applicability


def url_lacks_trailing_slash(url: str) -> bool:
    """Whether a URL's path (before any query) does not end with ``/``."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    return bool(path) and not path.endswith("/")


def dotted(path: Sequence[str]) -> str:
    return ".".join(path)


def call_fits(signature: Optional[knowledge.MethodSignature], call: ast.Call) -> Tuple[bool, bool]:
    """``(possible, proven)``: whether ``call``'s arguments can fit ``signature``, and whether they provably do.

    ``**kwargs``/``*args`` in the call make a fit possible but unproven. A v0 keyword with a safe v1
    rename (``request_timeout=`` -> ``timeout=``, fixed by OAI106 on the next pass) still fits.
    """
    if signature is None:
        return False, False
    unpacked = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
    positional = [a for a in call.args if not isinstance(a, ast.Starred)]
    if signature.max_positional is not None and len(positional) > signature.max_positional:
        return False, False
    passed = {k.arg for k in call.keywords if k.arg is not None}
    for keyword in call.keywords:
        if keyword.arg is None or signature.accepts_keyword(keyword.arg):
            continue
        if safe_keyword_rename(signature, keyword, passed) is None:
            return True, False
    return True, not unpacked


def safe_keyword_rename(
    signature: knowledge.MethodSignature, keyword: ast.keyword, passed: AbstractSet[str]
) -> Optional[str]:
    """The v1 name a v0 keyword can be renamed to without changing behaviour, if any."""
    entry = knowledge.v0().call_arguments.get(keyword.arg or "")
    replacement: Optional[str] = entry.get("replacement") if entry else None
    if (
        replacement
        and signature.accepts_keyword(replacement)
        and replacement not in passed
        and not isinstance(keyword.value, ast.Tuple)
    ):
        return replacement
    return None


def v1_rewrite(
    symbol: str, method: str, call: Optional[ast.Call]
) -> Tuple[Optional[str], Optional[Applicability]]:
    """The v1 path replacing ``<symbol>.<method>`` and how safely the call can be rewritten."""
    if knowledge.v0().is_async_method(symbol, method):
        return None, None  # ``acreate`` becomes an ``await`` on an AsyncOpenAI client: not mechanical
    target = knowledge.v0().v1_method(symbol, method)
    if target is None:
        return None, None
    if call is None:
        return target, Applicability.UNSAFE
    signature = knowledge.sdk().signature(tuple(target.split(".")))
    possible, proven = call_fits(signature, call)
    if not possible:
        return target, None
    changed = knowledge.v0().changed_call_arguments
    if any(keyword.arg in changed for keyword in call.keywords):
        proven = False  # e.g. v0's timeout= was a retry deadline, v1's is the HTTP timeout
    return target, Applicability.SAFE if proven else Applicability.UNSAFE


def positional_as_keywords(symbol: str, method: str, call: ast.Call) -> Optional[Tuple[str, ...]]:
    """v1 keyword names for a v0 call's positional arguments, when the v1 method does not take them by position.

    ``openai.Moderation.create(text)``: v0's first parameter is ``input``; ``moderations.create`` is keyword-only,
    so the call must become ``moderations.create(input=text)``. ``None`` when nothing needs renaming or it
    cannot be done (starred arguments, a name v1 does not accept or that is passed already).
    """
    target = knowledge.v0().v1_method(symbol, method)
    signature = knowledge.sdk().signature(tuple(target.split("."))) if target else None
    if signature is None or not call.args or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    if signature.max_positional is None or len(call.args) <= signature.max_positional:
        return None
    names = tuple(knowledge.v0().resources[symbol].get("positional", {}).get(method, ())[: len(call.args)])
    passed = {k.arg for k in call.keywords}
    if len(names) < len(call.args) or any(not signature.accepts_keyword(n) or n in passed for n in names):
        return None
    return names


def with_keywords(call: ast.Call, names: Tuple[str, ...]) -> ast.Call:
    """A view of ``call`` with its positional arguments passed by these names (for signature checks)."""
    keywords = [ast.keyword(arg=name, value=value) for name, value in zip(names, call.args)]
    return ast.Call(func=call.func, args=[], keywords=[*keywords, *call.keywords])


def v0_advice(symbol: str, method: Optional[str], base: str) -> str:
    """What to write instead of ``<base>.<symbol>[.<method>]``."""
    v0 = knowledge.v0()
    info = v0.resources.get(symbol, {})
    if method is not None:
        target = v0.v1_method(symbol, method)
        if target is not None and v0.is_async_method(symbol, method):
            return f"use `await AsyncOpenAI().{target}(...)`"
        if target is not None:
            return f"use `{base}.{target}(...)` or the same method on an `OpenAI()` client"
        note: Optional[str] = info.get("notes", {}).get(method)
        if note:
            return note
    if info.get("twin"):
        return f"use `{base}.{info['twin']}` or `client.{info['twin']}` on an `OpenAI()` client"
    advice: Optional[str] = info.get("advice")
    return advice or "see the v1 migration guide"
