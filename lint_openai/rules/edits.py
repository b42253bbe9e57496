"""Building fixes: locations inside nodes, rewriting attribute chains and string literals."""

from __future__ import annotations

import ast
import re
from typing import Optional

from lint_openai.context import Context
from lint_openai.diagnostic import Edit, Location


def attribute_name_start(ctx: Context, node: ast.Attribute) -> Location:
    """Where the attribute name of ``a.b`` (the ``b``) starts; identifiers never span lines."""
    end = ctx.lines.end(node)
    return Location(end.row, end.column - len(node.attr))


def alias_anchor(alias: ast.alias, statement: ast.AST) -> ast.AST:
    """The node to report an imported name at (``alias`` has a position from Python 3.10 on)."""
    return alias if getattr(alias, "lineno", None) is not None else statement


def has_position(node: ast.AST) -> bool:
    return getattr(node, "lineno", None) is not None


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
