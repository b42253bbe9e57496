"""The engine: ``check_source`` is the only entry point front-ends call.

Pure: no I/O, no global state beyond caches of immutable data (the cycle collector pauses while a module
is checked, and resumes as it was); safe to call from threads and processes. A front-end that already
holds the parsed tree (flake8) passes it in.
"""

from __future__ import annotations

import ast
import gc
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple, Type

from lint_openai.analyses.base import Analysis
from lint_openai.config.sdk_target import judged_on_v1_sdk
from lint_openai.config.selection import enabled_for_path
from lint_openai.config.settings import Settings
from lint_openai.context import Context
from lint_openai.diagnostic import Diagnostic, Location
from lint_openai.knowledge.model_lifecycle import ModelKnowledge, models_with_overrides
from lint_openai.rules.base import Rule
from lint_openai.rules.registry import parse_error_rule, rules_for_text
from lint_openai.semantic.binder import Binder
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.source.decoding import parse_quietly, too_deep_to_compile
from lint_openai.source.file_names import config_format
from lint_openai.source.lines import LineIndex
from lint_openai.source.noqa import file_is_exempt, filter_suppressed
from lint_openai.source.prefilter import may_have_findings

Checks = Tuple[Callable[..., None], ...]
Candidate = Tuple[Callable[..., None], Optional[Tuple[type, ...]]]  # a check, and the value kinds it takes
Candidates = Tuple[Candidate, ...]


class InternalError(Exception):
    """A rule failed on some input: a bug in lint-openai, reported with where it happened."""

    def __init__(self, path: str, rule: str, row: int, error: BaseException) -> None:
        super().__init__(f"{path}:{row}: internal error in {rule}: {type(error).__name__}: {error}")
        self.path = path
        self.rule = rule
        self.row = row
        self.error = error


def knowledge_for(settings: Settings) -> ModelKnowledge:
    """The model knowledge base with the settings' overrides applied."""
    return models_with_overrides(settings.model_shutdown_dates, settings.models_override_source)


def active_rules(settings: Settings, path: str, text: str) -> Tuple[Rule, ...]:
    """The rules enabled for ``path`` that can fire in ``text`` (only their modules are imported); those about
    the openai>=1.0 package only where the file imports it."""
    rules = rules_for_text(enabled_for_path(settings, path), text)
    if judged_on_v1_sdk(settings):
        return rules
    return tuple(rule for rule in rules if not rule.v1_sdk)


def check_source(
    text: str,
    path: str = "<stdin>",
    settings: Optional[Settings] = None,
    tree: Optional[ast.Module] = None,
    *,
    prefilter: bool = True,
    cells: bool = False,
) -> List[Diagnostic]:
    """Check one module's source text and return its diagnostics, sorted by position.

    A function of ``text``, ``path`` and ``settings`` only. ``settings.noqa=False`` keeps findings
    suppressed by inline ``# noqa`` comments (for hosts that apply them themselves); a file-level
    ``# lint-openai: noqa`` always exempts the file. ``prefilter=False`` checks the file even when
    :mod:`lint_openai.source.prefilter` says it cannot have findings (to test that claim). ``cells=True``:
    the text is a notebook's code cells as one module, which may run in any order (a read also sees the
    bindings of later cells).
    """
    settings = settings or Settings()
    if prefilter and not may_have_findings(text, settings.model_shutdown_dates):
        return []  # first: a file without OpenAI code needs no rule and no knowledge file
    rules = active_rules(settings, path, text)
    if not rules:
        return []
    if file_is_exempt(text):
        return []
    # The cycle collector pauses meanwhile: the check makes objects by the ten thousand and frees them by
    # reference counting (the model breaks its own cycles, see ``Context.release``), so the collector's
    # scans of them (and of every long-lived object, in each full collection they trigger) find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_module(text, path, settings, tree, rules, cells=cells)
    finally:
        if collecting:
            gc.enable()


def _check_module(
    text: str,
    path: str,
    settings: Settings,
    tree: Optional[ast.Module],
    rules: Sequence[Rule],
    *,
    cells: bool,
) -> List[Diagnostic]:
    if tree is None:
        parsed = _parse(text, path, settings)
        if isinstance(parsed, list):
            return parsed
        tree = parsed
    lines = LineIndex(text)
    diagnostics = _run_rules(tree, rules, lines, path, settings, cells=cells)
    if settings.noqa:
        diagnostics = filter_suppressed(diagnostics, lines, tree)
    return sorted(set(diagnostics), key=lambda d: d.sort_key)


def check_config_file(text: str, path: str, settings: Optional[Settings] = None) -> List[Diagnostic]:
    """Check a configuration file (``.env``, YAML, TOML, JSON, INI; by ``path``'s name) for model ids under
    model-named keys (OAI201/OAI202), sorted by position.

    Pure, like :func:`check_source`. Raises ``ConfigFileError`` (:mod:`lint_openai.source.config_files`),
    whose message quotes nothing from the file, when the file cannot be parsed.
    """
    # Loaded with the first configuration file: a run over Python modules never needs them.
    from lint_openai.rules.model_ids.config_values import MODEL_CODES, config_value_diagnostics  # noqa: PLC0415
    from lint_openai.source.config_files import read_config  # noqa: PLC0415

    settings = settings or Settings()
    codes = enabled_for_path(settings, path)
    kind = config_format(path)
    if kind is None or not codes & MODEL_CODES or file_is_exempt(text):
        return []
    root = read_config(text, kind)
    today = settings.effective_today()
    diagnostics = config_value_diagnostics(root, path, codes, knowledge_for(settings), today)
    if settings.noqa:
        diagnostics = filter_suppressed(diagnostics, LineIndex(text))
    return sorted(set(diagnostics), key=lambda d: d.sort_key)


def _parse(text: str, path: str, settings: Settings) -> ast.Module | List[Diagnostic]:
    null = text.find("\0")
    if null >= 0:
        row = text.count("\n", 0, null) + 1
        column = null - (text.rfind("\n", 0, null) + 1) + 1
        return parse_error_diagnostics(settings, path, "source contains a null byte", row, column)
    try:
        tree = parse_quietly(text)
        if too_deep_to_compile(tree):
            raise RecursionError("too deep for the compiler")
        return tree
    except SyntaxError as error:
        row = error.lineno or 1
        column = max(error.offset or 1, 1)
        return parse_error_diagnostics(settings, path, f"SyntaxError: {error.msg}", row, column)
    except (RecursionError, MemoryError):
        return parse_error_diagnostics(settings, path, "the source is nested too deeply to parse", 1, 1)
    except ValueError as error:
        return parse_error_diagnostics(settings, path, f"cannot parse: {error}", 1, 1)


def parse_error_diagnostics(
    settings: Settings, path: str, message: str, row: int, column: int
) -> List[Diagnostic]:
    rule = parse_error_rule()
    if rule.code not in enabled_for_path(settings, path):
        return []
    location = Location(row, column)
    return [Diagnostic(rule.code, rule.symbol, message, location, location, path)]


def _dispatch_table(rules: Sequence[Rule]) -> Dict[type, List[Rule]]:
    table: Dict[type, List[Rule]] = {}
    for rule in rules:
        for node_type in rule.node_types:
            table.setdefault(node_type, []).append(rule)
    return table


def _analysis_table(rules: Sequence[Rule], ctx: Context) -> Dict[type, Tuple[Analysis, ...]]:
    """Build the per-file analyses the rules require (and those they require, first), once each; return
    them by the node types each visits."""
    order: List[Type[Analysis]] = []
    for kind in sorted({kind for rule in rules for kind in rule.requires}, key=lambda c: c.__name__):
        _add_analysis(kind, order)
    table: Dict[type, Tuple[Analysis, ...]] = {}
    for kind in order:
        instance = ctx.analyses[kind] = kind(ctx)
        for node_type in kind.node_types:
            table[node_type] = (*table.get(node_type, ()), instance)
    return table


def _add_analysis(kind: Type[Analysis], order: List[Type[Analysis]]) -> None:
    """Append ``kind`` to ``order`` after the analyses it requires (a function, not a closure calling
    itself: that would be a reference cycle per file)."""
    if kind not in order:
        for requirement in kind.requires:
            _add_analysis(requirement, order)
        order.append(kind)


def _collected_types(ctx: Context) -> FrozenSet[type]:
    """The node types the file's analyses read from the binder's walk (``Analysis.collects``)."""
    built = ctx.analyses.values()
    return frozenset(kind for found in built if isinstance(found, Analysis) for kind in found.collects)


def _bound(owners: Sequence[object], method: str, labels: Dict[int, str]) -> Tuple[Callable[..., None], ...]:
    """The ``method`` of each owner, bound once; ``labels`` learns which rule or analysis each one is."""
    found = tuple(getattr(owner, method) for owner in owners)
    for owner, bound in zip(owners, found):
        labels[id(bound)] = str(getattr(owner, "code", type(owner).__name__))
    return found


class _NodeChecks:
    """The bound checks each collected node gets: those of its type; for an attribute, only the rules that
    can report on its name (:meth:`Rule.attribute_names`) and whose :attr:`Rule.receivers` admit what its
    receiver resolves to; for a call, only those whose :attr:`Rule.callees` admit what its callee resolves
    to. Every rule keeps its usual order."""

    def __init__(self, table: Dict[type, List[Rule]], labels: Dict[int, str], model: SemanticModel) -> None:
        self.by_type = {kind: _bound(found, "check", labels) for kind, found in table.items()}
        self.model = model
        attributes = zip(table.get(ast.Attribute, ()), self.by_type.get(ast.Attribute, ()))
        self.attribute_rules = [(check, rule.attribute_names(), rule.receivers) for rule, check in attributes]
        calls = zip(table.get(ast.Call, ()), self.by_type.get(ast.Call, ()))
        self.call_rules = [(check, rule.callees) for rule, check in calls]
        self.filter_attributes = any(
            names is not None or kinds is not None for _, names, kinds in self.attribute_rules
        )
        self.filter_calls = any(kinds is not None for _, kinds in self.call_rules)
        self.by_name: Dict[str, Checks] = {}  # attribute names whose rules take any receiver
        self.by_name_and_receiver: Dict[Tuple[str, type], Checks] = {}
        self.receiver_candidates: Dict[str, Candidates] = {}  # the other names: their rules and receivers
        self.by_callee: Dict[type, Checks] = {}

    def of(self, node: ast.AST, scope: Scope) -> Checks:
        if self.filter_attributes and isinstance(node, ast.Attribute):
            return self._attribute_checks(node, scope)
        if self.filter_calls and isinstance(node, ast.Call):
            kind = self._kind_of(node.func, scope)
            if kind is None:
                return self.by_type[ast.Call]
            found = self.by_callee.get(kind)
            if found is None:
                found = self.by_callee[kind] = _admitting(self.call_rules, kind)
            return found
        return self.by_type.get(type(node), ())

    def _attribute_checks(self, node: ast.Attribute, scope: Scope) -> Checks:
        name = node.attr
        found = self.by_name.get(name)
        if found is not None:
            return found
        candidates = self.receiver_candidates.get(name)
        if candidates is None:
            candidates = tuple(
                (check, kinds)
                for check, names, kinds in self.attribute_rules
                if names is None or name in names
            )
            if all(kinds is None for _, kinds in candidates):
                found = self.by_name[name] = tuple(check for check, _ in candidates)
                return found
            self.receiver_candidates[name] = candidates
        receiver = self._kind_of(node.value, scope)
        if receiver is None:
            return tuple(check for check, _ in candidates)
        key = (name, receiver)
        found = self.by_name_and_receiver.get(key)
        if found is None:
            found = self.by_name_and_receiver[key] = _admitting(candidates, receiver)
        return found

    def _kind_of(self, expr: ast.AST, scope: Scope) -> Optional[type]:
        """The kind of value ``expr`` resolves to (``None``: too deep to resolve here; each rule finds out
        for itself)."""
        try:
            return type(self.model.resolve(expr, scope))
        except RecursionError:
            return None


def _admitting(candidates: Sequence[Candidate], kind: type) -> Checks:
    """The checks whose value kinds (``None``: any) admit a value of ``kind``, in their order."""
    return tuple(check for check, kinds in candidates if kinds is None or issubclass(kind, kinds))


def _run_rules(
    tree: ast.Module, rules: Sequence[Rule], lines: LineIndex, path: str, settings: Settings, *, cells: bool
) -> List[Diagnostic]:
    table = _dispatch_table(rules)
    model = SemanticModel(tree, cells=cells, sdk_imports=not settings.sdk_shadowed)
    ctx = Context(path, lines, model, settings)
    ctx.models = knowledge_for(settings)
    analyses = _analysis_table(rules, ctx)
    wanted: FrozenSet[type] = frozenset(table) | frozenset(analyses) | _collected_types(ctx)
    collected = ctx.walked = Binder(model, wanted).run()
    # Bound methods, looked up once per file; ``labels`` names the one that fails.
    labels: Dict[int, str] = {}
    visits = {kind: _bound(found, "visit", labels) for kind, found in analyses.items()}
    checks = _NodeChecks(table, labels, model)
    no_visits: Checks = ()
    for node, scope in collected:
        ctx.scope = scope
        kind = type(node)
        visit = check = None
        try:
            for visit in visits.get(kind, no_visits):
                visit(node, scope)
            visit = None
            for check in checks.of(node, scope):
                check(node, scope, ctx)
        except RecursionError:
            continue  # an expression nested too deeply to resolve: nothing is proven about it
        except Exception as error:
            label = labels.get(id(visit if visit is not None else check), "?")
            raise InternalError(path, label, getattr(node, "lineno", 0), error) from error
    ctx.scope = None
    for rule in rules:
        try:
            rule.finish(ctx)
        except RecursionError:
            continue
        except Exception as error:
            raise InternalError(path, rule.code, 0, error) from error
    found = ctx.diagnostics
    ctx.release()
    return found
