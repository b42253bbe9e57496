"""The per-file context rules report into: the source, the semantic model, the judged date, the findings."""

from __future__ import annotations

import ast
import datetime
import functools
from typing import ClassVar, Dict, List, Optional, Protocol, Tuple, Type, TypeVar, cast

from lint_openai.config.environment import version_key
from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix, Location
from lint_openai.knowledge.model_lifecycle import ModelKnowledge, models
from lint_openai.semantic.compat import in_compat_region
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.source.lines import LineIndex

T = TypeVar("T")


class Reporter(Protocol):
    """What :meth:`Context.report` needs of a rule."""

    code: ClassVar[str]
    symbol: ClassVar[str]
    v0_surface: ClassVar[bool]


class Context:
    """Per-file state shared by the rules: the source, the semantic model and the findings."""

    def __init__(self, path: str, lines: LineIndex, model: SemanticModel, settings: Settings) -> None:
        self.path = path
        self.lines = lines
        self.model = model
        self.settings = settings
        self.today: datetime.date = settings.effective_today()
        self.diagnostics: List[Diagnostic] = []
        self.analyses: Dict[type, object] = {}  # the per-file analyses the engine built, by class
        self.scope: Optional[Scope] = None  # the scope of the node being checked (set by the engine)
        # The binder's walk: (node, scope) in evaluation order, of the node types the rules and analyses
        # visit or collect (set by the engine before any rule runs).
        self.walked: List[Tuple[ast.AST, Scope]] = []
        self.models: ModelKnowledge = models()  # with the project's models-override, if any

    def release(self) -> None:
        """Once the file is checked: drop the analyses (each holds this context) and break the semantic
        model's reference cycles, so reference counting frees the file's objects at once."""
        self.analyses.clear()
        self.model.release()

    def analysis(self, kind: Type[T]) -> T:
        """The file's analysis of class ``kind`` (the engine builds those the active rules require)."""
        try:
            found = self.analyses[kind]
        except KeyError:
            raise LookupError(f"{kind.__name__} was not built: add it to the rule's `requires`") from None
        return cast(T, found)  # stored under its own class by the engine

    @functools.cached_property
    def sdk_is_newer(self) -> bool:
        """Whether the code runs against a newer ``openai`` than the knowledge was generated from.

        Names the knowledge does not know may then simply be new, so rules report unknown names only
        with positive evidence (a v0 name, a close typo).
        """
        version = self.settings.sdk_version
        return version is not None and version_key(version) > version_key(self.model.sdk.version)

    def report(
        self,
        rule: Reporter,
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
