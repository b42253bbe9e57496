"""The rule interface: a small class with its code, documentation, examples and a ``check`` method."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, ClassVar, Dict, NamedTuple, Optional, Sequence, Tuple, Type

from lint_openai import RULES_URL
from lint_openai.records import field, record

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


@record
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


def dedent(text: str) -> str:
    """``textwrap.dedent(text)``, without its regular expressions (compiled at import, for every example):
    lines of only blanks become empty, and the leading blanks all other lines share are removed."""
    lines = ["" if not line.strip(" \t") else line for line in text.split("\n")]
    margin: Optional[str] = None
    for line in lines:
        if not line:
            continue
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if margin is None or margin.startswith(indent):
            margin = indent
        elif not indent.startswith(margin):
            shared = 0
            while shared < len(margin) and margin[shared] == indent[shared]:
                shared += 1
            margin = margin[:shared]
    if not margin:
        return "\n".join(lines)
    return "\n".join(line[len(margin) :] if line.startswith(margin) else line for line in lines)


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
        dedent(source).lstrip("\n"),
        tuple(Expected(*finding) for finding in expect),
        dedent(fixed).lstrip("\n") if fixed is not None else None,
        applicability,
        today,
        title=title,
    )


def good(source: str, *, today: Optional[str] = None, title: str = "") -> Example:
    """An example the rule must not flag."""
    return Example(dedent(source).lstrip("\n"), (), None, None, today, title=title)


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
    # A claim about the openai>=1.0 package (its names, signatures, objects): off where the file's
    # ``openai`` is another one (a release before 1.0, a local module; ``config.sdk_target``).
    v1_sdk: ClassVar[bool] = False
    # For ``ast.Call`` nodes: the kinds of value (``lint_openai.semantic.values``) a callee must resolve to for
    # the rule to report on the call (``None``: any call). The engine resolves each callee once and calls
    # :meth:`check` with the calls whose callee is one of these only.
    callees: ClassVar[Optional[Tuple[type, ...]]] = None
    # For ``ast.Attribute`` nodes: the kinds of value the receiver (``x`` of ``x.name``) must resolve to for
    # the rule to report on the attribute (``None``: any receiver). The engine resolves each receiver once
    # and calls :meth:`check` with the attributes whose receiver is one of these only.
    receivers: ClassVar[Optional[Tuple[type, ...]]] = None
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
