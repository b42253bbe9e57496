"""The analysis interface: per-file facts the engine builds once for the rules that ``require`` them."""

from __future__ import annotations

import ast
from typing import ClassVar, Tuple, Type

from lint_openai.context import Context
from lint_openai.semantic.scopes import Scope


class Analysis:
    """A per-file analysis.

    The engine builds one instance per file for every analysis an active rule lists in ``requires`` (and
    for the analyses those list in theirs, first), stores it in the context (``ctx.analysis(Kind)``), and
    calls :meth:`visit` with every node of ``node_types`` before any rule sees that node. An analysis
    without ``node_types`` computes what it is asked, once, from the semantic model. One that needs the
    whole file before it can answer lists in ``collects`` the node types it reads from ``ctx.walked`` (the
    binder's walk, which then includes them) instead of walking the tree again.
    """

    node_types: ClassVar[Tuple[type, ...]] = ()
    collects: ClassVar[Tuple[type, ...]] = ()
    requires: ClassVar[Tuple[Type[Analysis], ...]] = ()

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def visit(self, node: ast.AST, scope: Scope) -> None:
        """Record what ``node`` (evaluated in ``scope``) says."""
