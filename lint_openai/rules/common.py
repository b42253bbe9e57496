"""Helpers shared by rule families: locations inside nodes, call inspection, message fragments."""

from __future__ import annotations

import ast
import functools
import sys
from importlib import metadata
from typing import Optional, Sequence, Tuple

from .. import knowledge
from ..diagnostic import Location
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


def dotted(path: Sequence[str]) -> str:
    return ".".join(path)


def call_fits(signature: Optional[knowledge.MethodSignature], call: ast.Call) -> Tuple[bool, bool]:
    """``(possible, proven)``: whether ``call``'s arguments can fit ``signature``, and whether they provably do.

    ``**kwargs``/``*args`` in the call make a fit possible but unproven.
    """
    if signature is None:
        return False, False
    unpacked = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
    positional = [a for a in call.args if not isinstance(a, ast.Starred)]
    if signature.max_positional is not None and len(positional) > signature.max_positional:
        return False, False
    for keyword in call.keywords:
        if keyword.arg is not None and not signature.accepts_keyword(keyword.arg):
            return True, False
    return True, not unpacked


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
