"""Scopes and bindings: where each name is bound, and how to evaluate the binding."""

from __future__ import annotations

import ast
from typing import Dict, List, NamedTuple, Optional


class Binding(NamedTuple):
    """One place that binds a name. ``kind`` says how to evaluate it; ``scope`` is where ``expr`` lives."""

    kind: str  # value | annotated | iter | enter | param | import | from | def | class | opaque
    expr: Optional[ast.AST]
    scope: Scope
    extra: object = None


class Scope:
    """A Python scope: module, class, function, lambda or comprehension."""

    __slots__ = (
        "bindings",
        "global_names",
        "is_generator",
        "kind",
        "node",
        "nonlocal_names",
        "parent",
        "returns",
        "self_class",
        "self_name",
    )

    def __init__(self, kind: str, node: ast.AST, parent: Optional[Scope]) -> None:
        self.kind = kind
        self.node = node
        self.parent = parent
        self.bindings: Dict[str, List[Binding]] = {}
        self.global_names: set[str] = set()
        self.nonlocal_names: set[str] = set()
        self.self_name: Optional[str] = None  # first parameter of a method
        self.self_class: Optional[ast.ClassDef] = None
        self.returns: List[ast.AST] = []
        self.is_generator = False

    def function_scope(self) -> Scope:
        """The nearest enclosing function (or module) scope, skipping comprehensions."""
        scope = self
        while scope.kind == "comprehension" and scope.parent is not None:
            scope = scope.parent
        return scope

    def __repr__(self) -> str:
        return f"<Scope {self.kind} {getattr(self.node, 'name', '')}>"


class ClassInfo:
    """A class defined in the file, with the attributes its methods assign on ``self``."""

    __slots__ = ("attrs", "node", "outer", "scope")

    def __init__(self, node: ast.ClassDef, scope: Scope, outer: Scope) -> None:
        self.node = node
        self.scope = scope
        self.outer = outer
        self.attrs: Dict[str, List[Binding]] = {}


class AttributeAssignment(NamedTuple):
    """``base.attr = value`` where ``base`` is a plain name (recorded for module settings)."""

    target: ast.Attribute
    value: Optional[ast.AST]
    scope: Scope
