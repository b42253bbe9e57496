"""Helpers shared by rule families: locations inside nodes, call inspection, message fragments."""

from __future__ import annotations

import ast
import functools
import re
import sys
from importlib import metadata
from typing import Optional, Sequence, Set, Tuple

from .. import knowledge
from ..diagnostic import Edit, Location
from ..semantic import Scope, SemanticModel
from ..values import Method
from .base import Context


def attribute_name_start(ctx: Context, node: ast.Attribute) -> Location:
    """Where the attribute name of ``a.b`` (the ``b``) starts; identifiers never span lines."""
    end = ctx.lines.end(node)
    return Location(end.row, end.column - len(node.attr))


def alias_anchor(alias: ast.alias, statement: ast.AST) -> ast.AST:
    """The node to report an imported name at (``alias`` has a position from Python 3.10 on)."""
    return alias if getattr(alias, "lineno", None) is not None else statement


def has_position(node: ast.AST) -> bool:
    return getattr(node, "lineno", None) is not None


def called_method(model: SemanticModel, call: ast.Call, scope: Scope) -> Optional[Method]:
    """The SDK method ``call`` invokes, if proven."""
    value = model.resolve(call.func, scope)
    return value if isinstance(value, Method) else None


def parent_attribute(model: SemanticModel, node: ast.AST) -> Optional[ast.Attribute]:
    """``node.<attr>`` if ``node`` is the object of an enclosing attribute access."""
    parent = model.parent(node)
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return parent
    return None


def enclosing_call(model: SemanticModel, func: ast.AST) -> Optional[ast.Call]:
    """The call whose callee is ``func``, if ``func`` is called."""
    parent = model.parent(func)
    if isinstance(parent, ast.Call) and parent.func is func:
        return parent
    return None


_ATOMS = (ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Constant, ast.List, ast.Tuple, ast.Dict)


def replace_chain(ctx: Context, base: ast.AST, outer: ast.AST, new_path: str) -> Edit:
    """An edit rewriting ``<base>.<a>.<b>...`` (``outer`` is the last link) to ``<base>.<new_path>``.

    The whole chain is replaced, so parentheses inside it (``(openai.ChatCompletion).create``) cannot
    end up unbalanced; ``base`` keeps its text, parenthesised if it is not an atom.
    """
    base_text = ctx.segment(base)
    if not isinstance(base, _ATOMS):
        base_text = f"({base_text})"
    return ctx.replace(outer, f"{base_text}.{new_path}")


_STRING_PREFIX = re.compile(r"^([rRuU]?)(['\"])(?!\2\2)")


def literal_with(ctx: Context, literal: ast.Constant, value: str) -> Optional[Edit]:
    """An edit giving a plain one-part string literal a new value, keeping its prefix and quotes."""
    text = ctx.segment(literal)
    match = _STRING_PREFIX.match(text)
    if match is None or not text.endswith(match.group(2)) or match.group(2) in value or "\\" in value:
        return None
    return ctx.replace(literal, f"{match.group(1)}{match.group(2)}{value}{match.group(2)}")


def append_to_literal(ctx: Context, literal: ast.Constant, suffix: str) -> Optional[Edit]:
    """An edit inserting ``suffix`` before the closing quote of a plain string literal."""
    text = ctx.segment(literal)
    quote = text[-3:] if text[-3:] in ('"""', "'''") else text[-1:]
    if quote not in ('"', "'", '"""', "'''") or "\\" in suffix:
        return None
    end = ctx.lines.end(literal)
    at = Location(end.row, end.column - len(quote))
    return Edit(at, at, suffix)


def url_lacks_trailing_slash(url: str) -> bool:
    """Whether a URL's path (before any query) does not end with ``/``."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    return bool(path) and not path.endswith("/")


def assigned_value(model: SemanticModel, target: ast.AST) -> Optional[ast.AST]:
    """The value assigned to ``target`` by a plain ``target = value`` statement."""
    parent = model.parent(target)
    if isinstance(parent, ast.Assign) and target in parent.targets:
        return parent.value
    if isinstance(parent, ast.AnnAssign) and parent.target is target:
        return parent.value
    return None


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
    passed = {k.arg for k in call.keywords}
    for keyword in call.keywords:
        if keyword.arg is None or signature.accepts_keyword(keyword.arg):
            continue
        if safe_keyword_rename(signature, keyword, passed) is None:
            return True, False
    return True, not unpacked


def safe_keyword_rename(
    signature: knowledge.MethodSignature, keyword: ast.keyword, passed: Set[Optional[str]]
) -> Optional[str]:
    """The v1 name a v0 keyword can be renamed to without changing behaviour, if any."""
    entry = knowledge.v0().call_arguments.get(keyword.arg or "")
    replacement = entry.get("replacement") if entry else None
    if (
        replacement
        and signature.accepts_keyword(replacement)
        and replacement not in passed
        and not isinstance(keyword.value, ast.Tuple)
    ):
        return replacement
    return None


@functools.cache
def installed_sdk_is_newer() -> bool:
    """Whether the ``openai`` installed here is newer than the SDK the knowledge was generated from.

    Read from package metadata (the SDK is never imported). When it is newer, names the knowledge does
    not know may simply be new, so rules report unknown names only with positive evidence.
    """
    try:
        installed = metadata.version("openai")
    except metadata.PackageNotFoundError:
        return False
    return _version_key(installed) > _version_key(knowledge.sdk().version)


def _version_key(version: str) -> Tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
        if not piece.isdigit():
            break
    return tuple(parts)


PY310 = sys.version_info >= (3, 10)
