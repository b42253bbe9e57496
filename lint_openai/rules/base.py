"""The rule interface: a small class with its code, documentation, examples and a ``check`` method."""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Dict, NamedTuple, Optional, Sequence, Tuple, Type

from lint_openai import RULES_URL

if (
    TYPE_CHECKING
):  # annotations only: the rule catalogue (codes, symbols, docs) loads without the semantic model
    from lint_openai.analyses.base import Analysis
    from lint_openai.context import Context
    from lint_openai.semantic.scopes import Scope

# Severity: BREAKING code fails today (SARIF level "error"); a DEPRECATION still works, until a shutdown
# date or a removal the API has announced (SARIF level "warning").
BREAKING, DEPRECATION = "error", "warning"


class Expected(NamedTuple):
    """One finding a bad example must produce: its range (1-based rows and columns, as the CLI shows them;
    the end is exclusive) and a fragment of its message."""

    row: int
    column: int
    end_row: int
    end_column: int
    message: str


@dataclass(frozen=True)
class Example:
    """A code snippet a rule must flag (``expect`` non-empty) or leave alone (``expect`` empty).

    ``expect`` lists every finding of this rule, in source order; ``fixed`` is the source after applying
    every fix of this rule (safe and unsafe); ``applicability`` is the expected fix applicability. A good
    example (and the fixed source) must be clean for every rule enabled by default, on ``today``.
    """

    source: str
    expect: Tuple[Expected, ...] = ()
    fixed: Optional[str] = None
    applicability: Optional[str] = None
    today: Optional[str] = None
    settings: Dict[str, object] = field(default_factory=dict)
    title: str = ""


def bad(
    source: str,
    *expect: Tuple[int, int, int, int, str],
    fixed: Optional[str] = None,
    applicability: Optional[str] = None,
    today: Optional[str] = None,
    title: str = "",
) -> Example:
    """An example the rule flags: each ``(row, column, end_row, end_column, message fragment)``."""
    if not expect:
        raise ValueError("a bad example needs at least one expected finding")
    return Example(
        textwrap.dedent(source).lstrip("\n"),
        tuple(Expected(*finding) for finding in expect),
        textwrap.dedent(fixed).lstrip("\n") if fixed is not None else None,
        applicability,
        today,
        title=title,
    )


def good(source: str, *, today: Optional[str] = None, title: str = "") -> Example:
    """An example the rule must not flag."""
    return Example(textwrap.dedent(source).lstrip("\n"), (), None, None, today, title=title)


class Rule:
    """Base class of all rules.

    Subclasses set the class attributes and implement :meth:`check`, which is called once for every
    node of a type in ``node_types``. The docstring is the rule's documentation (ruff's sections:
    What it does / Why is this bad? / Fix safety); ``rules.md`` is generated from it and the examples.
    """

    code: ClassVar[str]
    symbol: ClassVar[str]
    summary: ClassVar[str]
    node_types: ClassVar[Tuple[type, ...]] = ()
    default_enabled: ClassVar[bool] = True
    severity: ClassVar[str] = BREAKING
    # The rule can only fire in a file whose text contains one of these (empty: always runs).
    needs_text: ClassVar[Tuple[str, ...]] = ()
    # Per-file analyses the rule reads (each visits its node types once, before the rules see a node).
    requires: ClassVar[Tuple[Type[Analysis], ...]] = ()
    v0_surface: ClassVar[bool] = False  # about v0 names: silent in version-compatibility code
    # For ``ast.Call`` nodes: the kinds of value (``lint_openai.semantic.values``) a callee must resolve to for
    # the rule to report on the call (``None``: any call). The engine resolves each callee once and calls
    # :meth:`check` with the calls whose callee is one of these only.
    callees: ClassVar[Optional[Tuple[type, ...]]] = None
    fix_availability: ClassVar[str] = "none"  # none | sometimes | always
    sources: ClassVar[Sequence[str]] = ()
    examples: ClassVar[Sequence[Example]] = ()

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        raise NotImplementedError

    def attribute_names(self) -> Optional[frozenset[str]]:
        """For ``ast.Attribute`` nodes: the only attribute names the rule can report on (``None``: any). The
        engine then calls :meth:`check` with just those attributes (most of a file's are others). A method,
        not a class attribute like :attr:`callees`: the names may come from a knowledge file, loaded on use."""
        return None

    def finish(self, ctx: Context) -> None:
        """Called once after every node was checked, for rules that decide on the whole file."""

    @property
    def url(self) -> str:
        """Where the rule is documented: its anchor in ``rules.md`` (an https URL)."""
        return f"{RULES_URL}#{self.code.lower()}-{self.symbol}"
