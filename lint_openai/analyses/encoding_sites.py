"""The calls of a file that pick a tiktoken encoding, and which encoding each gets."""

from __future__ import annotations

import ast
import functools
from collections import Counter
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from lint_openai.analyses.base import Analysis
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.knowledge import tiktoken_tables
from lint_openai.records import record
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Str

BY_NAME = "tiktoken.get_encoding"


BY_MODEL = ("tiktoken.encoding_for_model", "tiktoken.encoding_name_for_model")


@record(frozen=False)
class EncodingSite:
    """A call that picks a tiktoken encoding, and which encoding it gets."""

    call: ast.Call
    scope: Scope
    encoding: str
    literal: Str  # the encoding name (get_encoding) or the model name (encoding_for_model)
    by_model: bool


class EncodingSites(Analysis):
    """The encoding-picking calls among the tiktoken calls the model-reference analysis saw."""

    requires = (ModelReferences,)

    def models_near(self, site: EncodingSite) -> Set[str]:
        """Known models named or sent in the site's function; else, in a method, those of its class; else
        those of the module (none if the module sends or names none besides the site's own)."""
        return self._near.models(site)

    @functools.cached_property
    def _near(self) -> _ModelsNear:
        references = self.ctx.analysis(ModelReferences)
        near = _ModelsNear()
        for other in self.sites:
            if other.by_model and self.ctx.models.get(other.literal.value):
                near.add(other.scope, other.literal.value, frozenset(other.literal.origins), mention=False)
        for entry in references.model_literals():
            near.add(entry.scope, entry.model, frozenset({entry.literal}), mention=True)
        for call in references.non_azure_calls():
            near.add(call.scope, call.model, frozenset(), mention=True)
        near.own_classes = {literal: _class_of(entry.scope) for literal, entry in references.literals.items()}
        return near

    @functools.cached_property
    def sites(self) -> List[EncodingSite]:
        references = self.ctx.analysis(ModelReferences)
        found = (self._site(call, scope, name) for call, scope, name in references.tiktoken_calls)
        return [site for site in found if site is not None]

    def _site(self, call: ast.Call, scope: Scope, name: str) -> Optional[EncodingSite]:
        if name not in (BY_NAME, *BY_MODEL) or not call.args:
            return None
        value = self.ctx.model.string_value(call.args[0], scope)
        if value is None:
            return None
        if name == BY_NAME:
            if value.value not in tiktoken_tables().encodings:
                return None
            return EncodingSite(call, scope, value.value, value, by_model=False)
        encoding = tiktoken_tables().encoding_for_model(value.value)
        return EncodingSite(call, scope, encoding or "", value, by_model=True)


_Item = Tuple[
    str, FrozenSet[ast.Constant], bool
]  # (model, literals it comes from, a mention or a tokenizer's)


class _ModelsNear:
    """The models of a file indexed by function, class and module, so that each site's question costs the
    size of its own function or class, not of the file (a literal of the site itself never counts)."""

    def __init__(self) -> None:
        self.by_function: Dict[ast.AST, List[_Item]] = {}
        self.by_class: Dict[ast.ClassDef, List[_Item]] = {}
        self.by_literal: Dict[ast.Constant, List[_Item]] = {}
        self.counts: Counter[str] = Counter()
        self.mentions = 0
        self.own_classes: Dict[ast.Constant, Optional[ast.ClassDef]] = {}

    def add(self, scope: Scope, model: str, origins: FrozenSet[ast.Constant], *, mention: bool) -> None:
        item = (model, origins, mention)
        self.by_function.setdefault(scope.function_scope().node, []).append(item)
        owner = _class_of(scope)
        if owner is not None:
            self.by_class.setdefault(owner, []).append(item)
        for literal in origins:
            self.by_literal.setdefault(literal, []).append(item)
        self.counts[model] += 1
        self.mentions += mention

    def models(self, site: EncodingSite) -> Set[str]:
        own = frozenset(site.literal.origins)
        local = _models(self.by_function.get(site.scope.function_scope().node, ()), own)
        excluded = {id(item): item for literal in own for item in self.by_literal.get(literal, ())}
        if local or self.mentions == sum(item[2] for item in excluded.values()):
            # Without a model sent or named anywhere, other functions' tokenizer calls prove nothing here.
            return local
        owner = _class_of(site.scope)
        if owner is not None:
            # A method: the models of its own class (its attributes and other methods) before the module's,
            # where other classes may be about other models (an ``OpenAIChat`` beside a completions ``OpenAI``).
            in_class = _models(self.by_class.get(owner, ()), own)
            if in_class:
                return in_class
            if any(self.own_classes.get(literal) is owner for literal in own):
                return set()  # the class names no model but the one its tokenizer is picked for
        counts = self.counts.copy()
        counts.subtract(item[0] for item in excluded.values())
        return {model for model, count in counts.items() if count > 0}


def _models(items: Iterable[_Item], own: FrozenSet[ast.Constant]) -> Set[str]:
    return {model for model, origins, _ in items if not origins & own}


def _class_of(scope: Scope) -> Optional[ast.ClassDef]:
    """The class whose body or method ``scope`` is (directly), if any."""
    scope = scope.function_scope()
    if isinstance(scope.node, ast.ClassDef):
        return scope.node
    if scope.self_class is not None:
        return scope.self_class
    if scope.parent is not None and isinstance(scope.parent.node, ast.ClassDef):
        return scope.parent.node
    return None
