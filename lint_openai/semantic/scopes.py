"""Scopes and bindings: where each name is bound, at which position, and how to evaluate the binding."""

from __future__ import annotations

import ast
from types import MappingProxyType
from typing import AbstractSet, Dict, FrozenSet, Hashable, List, Mapping, NamedTuple, Optional, Tuple, Union


class Param(NamedTuple):
    """What a ``param`` binding knows: the argument, its default, and ``self``/``cls`` for methods."""

    arg: ast.arg
    default: Optional[ast.AST]
    role: Optional[str]  # "self" | "cls" | None


class ImportedName(NamedTuple):
    """What ``from module import name`` binds."""

    module: str
    name: str


# What a binding carries beside its expression: the module of ``import m`` (``str``), the name of
# ``from m import name``, the annotation of ``x: T = v`` (an ``ast.AST``), a parameter (``Param``).
Extra = Union[None, str, ImportedName, ast.AST, Param]


class Binding(NamedTuple):
    """One place that binds a name: ``kind`` says how to evaluate it, ``expr`` is the bound expression
    (evaluated in ``scope``), ``node`` is the binding site (its position), ``seq`` its order in the walk
    (unique: no two bindings are equal)."""

    kind: str  # value | annotated | iter | enter | param | import | from | def | class | opaque
    name: str
    expr: Optional[ast.AST]
    scope: Scope
    node: Optional[ast.AST]
    extra: Extra
    seq: int

    @property
    def position(self) -> Tuple[int, int]:
        """``(line, column)`` of the binding site (``(0, 0)`` where the node has none)."""
        node = self.node
        return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))

    def __repr__(self) -> str:
        row, column = self.position
        return f"<Binding {self.kind} {self.name} at {row}:{column}>"


class LoopHead:
    """What reaches the head of a loop for one name: what reached the loop, and what each pass sends back
    (the end of the body and each ``continue``). A placeholder inside reaching sets, flattened on demand."""

    __slots__ = ("back", "entry", "own")

    def __init__(self, entry: Defs) -> None:
        self.entry = entry
        self.back: List[Defs] = []
        self.own: Defs = frozenset((self,))

    def release(self) -> None:
        """Drop the reaching sets (``own`` holds the head itself, back edges hold it too): see
        :meth:`Scope.release`."""
        self.entry = self.own = EMPTY
        self.back = []


# The definitions that reach a point, for one name: bindings, and loop heads still to be flattened.
Definition = Union[Binding, LoopHead]
Defs = FrozenSet[Definition]
EMPTY: Defs = frozenset()
NO_NAMES: FrozenSet[str] = frozenset()
NO_BINDINGS: Mapping[str, List[Binding]] = MappingProxyType({})


class Scope:
    """A Python scope: module, class, function, lambda or comprehension.

    ``owner`` is the scope whose code runs this one's: itself for modules, functions and lambdas (their
    bodies are separate flows), the enclosing owner for classes and comprehensions (they run inline).
    ``final`` holds what reaches the end of a module or class body, for code that runs later.
    """

    __slots__ = (
        "bindings",
        "calls",
        "final",
        "foreign",
        "global_names",
        "is_generator",
        "kind",
        "node",
        "nonlocal_names",
        "owner",
        "parent",
        "returns",
        "self_class",
        "self_name",
    )

    def __init__(self, kind: str, node: ast.AST, parent: Optional[Scope]) -> None:
        self.kind = kind
        self.node = node
        self.parent = parent
        self.owner: Scope = self if parent is None or kind in ("module", "function") else parent.owner
        self.bindings: Dict[str, List[Binding]] = {}
        # Bindings made from other flows (``global``/``nonlocal`` in a function): they may reach any read.
        self.foreign: Mapping[str, List[Binding]] = NO_BINDINGS  # replaced by a dict at the first one
        self.final: Optional[Mapping[Hashable, Defs]] = None
        self.global_names: AbstractSet[str] = NO_NAMES  # replaced by a set at the first declaration
        self.nonlocal_names: AbstractSet[str] = NO_NAMES
        self.self_name: Optional[str] = None  # first parameter of a method
        self.self_class: Optional[ast.ClassDef] = None
        self.returns: List[ast.AST] = []
        # The calls in this scope's code, in walk order (a function's decorators, defaults and annotations too).
        self.calls: List[ast.Call] = []
        self.is_generator = False

    def add_foreign(self, name: str, binding: Binding) -> None:
        foreign = self.foreign
        if not isinstance(foreign, dict):
            foreign = self.foreign = {}
        foreign.setdefault(name, []).append(binding)

    def declare(self, names: List[str], *, nonlocal_: bool = False) -> None:
        """``global names`` (or ``nonlocal names``) in this scope."""
        if nonlocal_:
            self.nonlocal_names = {*self.nonlocal_names, *names}
        else:
            self.global_names = {*self.global_names, *names}

    def release(self) -> None:
        """Once the file is checked: drop what ties scopes and bindings into reference cycles (a flow's own
        scope is its ``owner``, bindings point back at their scope), so that reference counting frees the
        file's objects at once instead of the cycle collector, after scanning them. The scope is unusable
        afterwards."""
        self.bindings = {}
        self.foreign = NO_BINDINGS
        self.final = None
        del self.owner

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
