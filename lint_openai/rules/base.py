"""The rule interface: a small class with its code, documentation, examples and a ``check`` method."""

from __future__ import annotations

import ast
import datetime
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Dict, List, Optional, Sequence, Tuple

from ..compat import in_compat_region
from ..diagnostic import Applicability, Diagnostic, Edit, Fix, Location
from ..knowledge.models import ModelKnowledge, models

if TYPE_CHECKING:
    from ..semantic import Scope, SemanticModel
    from ..source import LineIndex

DOCS_PAGE = "rules.md"  # the generated rule reference at the repository root


@dataclass(frozen=True)
class Example:
    """A code snippet a rule must flag (``expect`` non-empty) or leave alone (``expect`` empty).

    ``expect`` lists the 1-based (row, column) of each finding; ``fixed`` is the source after applying
    every fix of this rule (safe and unsafe); ``applicability`` is the expected fix applicability.
    """

    source: str
    expect: Tuple[Tuple[int, int], ...] = ()
    fixed: Optional[str] = None
    applicability: Optional[str] = None
    today: Optional[str] = None
    settings: Dict[str, object] = field(default_factory=dict)
    title: str = ""


def bad(
    source: str,
    *at: Tuple[int, int],
    fixed: Optional[str] = None,
    applicability: Optional[str] = None,
    today: Optional[str] = None,
    title: str = "",
) -> Example:
    """An example the rule flags at the given (row, column) positions."""
    if not at:
        raise ValueError("a bad example needs at least one expected position")
    return Example(
        textwrap.dedent(source).lstrip("\n"),
        tuple(at),
        textwrap.dedent(fixed).lstrip("\n") if fixed is not None else None,
        applicability,
        today,
        title=title,
    )


def good(source: str, *, today: Optional[str] = None, title: str = "") -> Example:
    """An example the rule must not flag."""
    return Example(textwrap.dedent(source).lstrip("\n"), (), None, None, today, title=title)


class Context:
    """Per-file state shared by the rules: the source, the semantic model and the findings."""

    def __init__(
        self,
        path: str,
        lines: LineIndex,
        model: SemanticModel,
        today: datetime.date,
    ) -> None:
        self.path = path
        self.lines = lines
        self.model = model
        self.today = today
        self.diagnostics: List[Diagnostic] = []
        self.memo: Dict[object, object] = {}
        self.scope: Optional[Scope] = None  # the scope of the node being checked (set by the engine)
        self.models: ModelKnowledge = models()  # with the project's models-override, if any

    def report(
        self,
        rule: Rule,
        node: ast.AST,
        message: str,
        fix: Optional[Fix] = None,
        end_node: Optional[ast.AST] = None,
    ) -> None:
        """Report ``rule`` over ``node`` (through ``end_node`` if given).

        Findings of rules about the removed v0 surface are dropped inside version-compatibility code.
        """
        if rule.v0_surface and self.in_compat_region(node):
            return
        start = self.lines.start(node)
        end = self.lines.end(end_node or node)
        self.diagnostics.append(Diagnostic(rule.code, rule.symbol, message, start, end, self.path, fix))

    def in_compat_region(self, node: ast.AST) -> bool:
        """Whether ``node`` only runs on one SDK version (a version check or an import fallback)."""
        return self.scope is not None and in_compat_region(self.model, node, self.scope)

    def replace(self, node: ast.AST, content: str, end_node: Optional[ast.AST] = None) -> Edit:
        """An edit replacing the source of ``node`` (through ``end_node``) with ``content``."""
        return Edit(self.lines.start(node), self.lines.end(end_node or node), content)

    def replace_range(self, start: Location, end: Location, content: str) -> Edit:
        return Edit(start, end, content)

    def segment(self, node: ast.AST) -> str:
        """The exact source text of ``node``."""
        return self.lines.segment(node)

    @staticmethod
    def fix(applicability: Applicability, message: str, *edits: Edit) -> Fix:
        return Fix(applicability, message, tuple(edits))


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
    # The rule can only fire in a file whose text contains one of these (empty: always runs).
    needs_text: ClassVar[Tuple[str, ...]] = ()
    # Per-file analyses the rule reads (each visits its node types once, before the rules see a node).
    requires: ClassVar[Tuple[type, ...]] = ()
    v0_surface: ClassVar[bool] = False  # about v0 names: silent in version-compatibility code
    # About something that still works today but is deprecated (a shutdown ahead, a deprecated
    # parameter): editors show it as a warning struck through, not as an error.
    deprecation: ClassVar[bool] = False
    fix_availability: ClassVar[str] = "none"  # none | sometimes | always
    sources: ClassVar[Sequence[str]] = ()
    examples: ClassVar[Sequence[Example]] = ()

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        raise NotImplementedError

    def finish(self, ctx: Context) -> None:
        """Called once after every node was checked, for rules that decide on the whole file."""

    @property
    def url(self) -> str:
        """Where the rule is documented (an anchor in ``rules.md``)."""
        return f"{DOCS_PAGE}#{self.code.lower()}-{self.symbol}"
