"""One iterative walk of the tree, in evaluation order: builds scopes and positioned bindings, records what
reaches every name that is read (:mod:`lint_openai.semantic.flow`), the scope where each scope's code
starts, the calls, and collects the nodes rules asked for.

The walk uses an explicit stack, so arbitrarily deep trees cannot overflow Python's recursion limit.
Bindings, and the forks and joins of :mod:`lint_openai.semantic.control_flow`, are :class:`Step` items on
the same stack, scheduled between the nodes they follow: ``x = f(x)`` reads the old ``x`` before the new
binding. A function body is its own flow, whose free names are resolved later against the enclosing
scope's final state; annotations are resolved against final states too, as typing does.
"""

from __future__ import annotations

import ast
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple, Union

from lint_openai.semantic import control_flow
from lint_openai.semantic.control_flow import Item, Step
from lint_openai.semantic.flow import Flow, Frame, Key
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import (
    EMPTY,
    AttributeAssignment,
    Binding,
    ClassInfo,
    Defs,
    Extra,
    ImportedName,
    Param,
    Scope,
)

Visit = Tuple[ast.AST, Scope]
_FIELDS: Dict[type, Tuple[str, ...]] = {}


# Fields that never hold nodes a rule or binding needs: contexts, operators, names and flags.
# (``names`` holds strings for global/nonlocal and aliases for imports, which the binder reads itself.)
_SKIPPED_FIELDS = frozenset(
    {"ctx", "op", "ops", "type_comment", "kind", "id", "attr", "arg", "module", "level", "names"}
)


def _child_fields(kind: type) -> Tuple[str, ...]:
    """The fields of a node class that can hold child nodes, in reverse order (for the stack)."""
    fields = _FIELDS.get(kind)
    if fields is None:
        names: Tuple[str, ...] = getattr(kind, "_fields", ())
        fields = tuple(reversed([f for f in names if f not in _SKIPPED_FIELDS]))
        _FIELDS[kind] = fields
    return fields


class Binder:
    """Walks a module once, filling a :class:`SemanticModel` and collecting nodes of ``wanted`` types."""

    def __init__(self, model: SemanticModel, wanted: FrozenSet[type]) -> None:
        self.model = model
        self.wanted = wanted
        self.collected: List[Visit] = []
        # AST nodes and Steps. ``Any``: the hot loop tells them apart by exact type through local aliases,
        # which a type checker cannot follow (an isinstance per node would cost the walk several percent).
        self.stack: List[Tuple[Any, Scope]] = []
        self.flows: Dict[Scope, Flow] = {model.module_scope: Flow()}
        self.comprehension_state: Dict[Scope, Dict[str, Defs]] = {}
        self.seq = 0
        self.quiet = 0  # > 0 inside annotations: reads there resolve against final states, as typing does
        self.quiet_steps: Tuple[Step, ...] = (Step(self._enter_annotation), Step(self._leave_annotation))
        self.pending_headers: List[Scope] = []
        self.read_plans: Dict[Scope, Tuple[Tuple[Scope, int], ...]] = {}
        self.header_steps: Tuple[Step, ...] = (Step(self._start_header),)
        self.header_of: List[Scope] = []  # the function whose decorators, defaults and annotations are walked
        self.handlers = _CELL_HANDLERS if model.cells else _HANDLERS

    def run(self) -> List[Visit]:
        """Walk the whole tree (in evaluation order) and return the collected nodes."""
        self.stack.append((self.model.tree, self.model.module_scope))
        self._walk()
        self._finish()
        for flow in self.flows.values():
            self.model.loop_heads.extend(flow.heads)
        self.quiet_steps = self.header_steps = ()  # bound methods of the binder: a cycle otherwise
        return self.collected

    def _walk(self) -> None:
        """Pop and visit until the stack is empty (the hot loop: locals, and the common cases inline)."""
        model = self.model
        parents, loads = model.parents, model.loads
        flows, wanted, handlers, collected = self.flows, self.wanted, self.handlers, self.collected
        stack = self.stack
        push = stack.append
        node_type = ast.AST
        name_type, constant_type, load_type, step_type = ast.Name, ast.Constant, ast.Load, Step
        attribute_type, keyword_type, names_wanted = ast.Attribute, ast.keyword, ast.Name in wanted
        load_inline = self._load_inline
        while stack:
            node, scope = stack.pop()
            kind = type(node)
            if kind is name_type:  # the commonest node first
                if names_wanted:
                    collected.append((node, scope))
                if type(node.ctx) is load_type and not self.quiet:
                    if scope.owner is scope:
                        flow = flows[scope]
                        name = node.id
                        loads[node] = flow.read(name) if flow.loops else flow.state.get(name, EMPTY)
                    else:
                        load_inline(node, scope)
                continue  # annotations are quiet: their names resolve as typing does, once the code has run
            if kind is step_type:
                node.fn(*node.args)  # a Step
                continue
            if kind in wanted:
                collected.append((node, scope))
            if kind is constant_type:
                continue  # leaves: nothing below a constant
            if kind is attribute_type or kind is keyword_type:  # no handler, one child: ``value``
                value = node.value
                parents[value] = node
                push((value, scope))
                continue
            handler = handlers.get(kind)
            if handler is not None and handler(self, node, scope):
                continue  # the handler pushed the children itself
            fields = _FIELDS.get(kind) or _child_fields(kind)
            for field in fields:
                value = getattr(node, field, None)
                if value is None:
                    continue
                if type(value) is list:
                    for item in reversed(value):
                        if isinstance(item, node_type):
                            parents[item] = node
                            push((item, scope))
                elif isinstance(value, node_type):
                    parents[value] = node
                    push((value, scope))

    def _finish(self) -> None:
        model = self.model
        module = model.module_scope
        module.final = self.flows[module].state  # its names are strings: ``(scope, name)`` keys never match
        model.resolve_nonlocal_bindings()

    # ------------------------------------------------------------------ scheduling
    def schedule(self, parent: ast.AST, scope: Scope, items: Sequence[Item]) -> None:
        """Schedule ``items`` (nodes walked in ``scope``, and steps) to run in this order, after what
        is already scheduled to run first (``None`` items are skipped)."""
        parents = self.model.parents
        push = self.stack.append
        step = Step
        for item in reversed(items):
            if item is None:
                continue
            if not isinstance(item, step):
                parents[item] = parent
            push((item, scope))

    def _enter_annotation(self) -> None:
        self.quiet += 1

    def _leave_annotation(self) -> None:
        self.quiet -= 1

    def push_nodes(self, parent: ast.AST, scope: Scope, nodes: Sequence[ast.AST]) -> None:
        """Schedule ``nodes`` to be walked in ``scope``, in this order, before what is scheduled already."""
        parents = self.model.parents
        push = self.stack.append
        for node in reversed(nodes):
            parents[node] = parent
            push((node, scope))

    def _push_roots(self, parent: ast.AST, scope: Scope, nodes: Sequence[ast.AST]) -> None:
        """:meth:`_push_nodes` for nodes that start a new scope's code (a body, a comprehension's parts):
        the model records their scope, and finds any node's by going up to such a root."""
        node_scopes = self.model.node_scopes
        for node in nodes:
            node_scopes[node] = scope
        self.push_nodes(parent, scope, nodes)

    def _flow(self, scope: Scope) -> Flow:
        return self.flows[scope.owner]

    # ------------------------------------------------------------------ names
    def _key(self, scope: Scope, name: str) -> Key:
        return name if scope is scope.owner else (scope, name)

    def _load_inline(self, node: ast.Name, scope: Scope) -> None:
        """Record what reaches a read of a name in a class body or a comprehension, in every scope of
        the flow it could come from (reads in the owner's own scope are recorded by :meth:`_walk`)."""
        plan = self.read_plans.get(scope)
        if plan is None:
            plan = self.read_plans[scope] = _read_plan(scope)
        name = node.id
        flow = self.flows[scope.owner]
        chain: List[Tuple[Scope, Defs]] = []
        for visible, how in plan:
            if how == _COMPREHENSION:
                state = self.comprehension_state.get(visible)
                chain.append((visible, state.get(name, EMPTY) if state is not None else EMPTY))
            elif how == _OWNER:
                chain.append((visible, flow.read(name)))
            else:
                chain.append((visible, flow.read((visible, name))))
        self.model.loads[node] = tuple(chain)

    def _write(self, scope: Scope, name: str, defs: Defs) -> None:
        if scope.kind == "comprehension":
            self.comprehension_state.setdefault(scope, {})[name] = defs
            return
        self.flows[scope.owner].write(self._key(scope, name), defs)

    def bind(
        self,
        scope: Scope,
        name: str,
        kind: str,
        expr: Optional[ast.AST],
        node: Optional[ast.AST],
        *,
        extra: Extra = None,
    ) -> None:
        self.seq += 1
        binding = Binding(kind, name, expr, scope, node, extra, self.seq)
        home = self.model.bind(scope, name, binding)
        if home is None:
            return
        owner = home.owner
        if home is owner:
            self.flows[owner].write(name, frozenset((binding,)))
        else:
            self._write(home, name, frozenset((binding,)))

    def unbind(self, scope: Scope, name: str) -> None:
        """``del name`` (and the end of ``except ... as name``): nothing reaches later reads."""
        if name in scope.global_names or name in scope.nonlocal_names:
            return
        self._write(scope, name, EMPTY)

    def bind_target(
        self, target: ast.AST, scope: Scope, kind: str, expr: Optional[ast.AST], extra: Extra = None
    ) -> None:
        """Bind every name in an assignment target; unpacking pairs literals element-wise."""
        if isinstance(target, ast.Name):
            self.bind(scope, target.id, kind, expr, target, extra=extra)
        elif isinstance(target, (ast.Tuple, ast.List)):
            elements = target.elts
            if (
                kind == "value"
                and isinstance(expr, (ast.Tuple, ast.List))
                and len(expr.elts) == len(elements)
                and not any(isinstance(e, ast.Starred) for e in (*elements, *expr.elts))
            ):
                for element, value in zip(elements, expr.elts):
                    self.bind_target(element, scope, "value", value)
            else:
                for element in elements:
                    self.bind_target(element, scope, "opaque", None)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value, scope, "opaque", None)
        elif isinstance(target, ast.Attribute):
            base = target.value
            if isinstance(base, ast.Name) and base.id == scope.self_name and scope.self_class is not None:
                info = self.model.classes[scope.self_class]
                self.seq += 1
                binding = Binding(kind, target.attr, expr, scope, target, extra, self.seq)
                info.attrs.setdefault(target.attr, []).append(binding)
            self.model.attribute_assignments.append(AttributeAssignment(target, expr, scope))

    # ------------------------------------------------------------------ expressions
    def _call(self, node: ast.Call, scope: Scope) -> bool:
        (self.header_of[-1] if self.header_of else scope).calls.append(node)
        func = node.func
        if type(func) is ast.Name:
            self.model.called_names.add(func.id)
        return False

    def _named_expr(self, node: ast.NamedExpr, scope: Scope) -> bool:
        target_scope = scope.function_scope()
        self.schedule(
            node,
            scope,
            [
                node.value,
                node.target,
                Step(lambda: self.bind_target(node.target, target_scope, "value", node.value)),
            ],
        )
        return True

    # ------------------------------------------------------------------ statements
    def _import(self, node: ast.Import, scope: Scope) -> bool:
        for alias in node.names:
            self.model.parents[alias] = node  # rules report at aliases; compat checks walk up from them
            if alias.asname:
                self.bind(scope, alias.asname, "import", alias, alias, extra=alias.name)
            else:
                top = alias.name.split(".", 1)[0]
                self.bind(scope, top, "import", alias, alias, extra=top)
        return False

    def _import_from(self, node: ast.ImportFrom, scope: Scope) -> bool:
        module = node.module or ""
        for alias in node.names:
            self.model.parents[alias] = node
            if alias.name == "*":
                continue
            name = alias.asname or alias.name
            if node.level:
                self.bind(scope, name, "opaque", alias, alias)
            else:
                self.bind(scope, name, "from", alias, alias, extra=ImportedName(module, alias.name))
        return False

    def _assign(self, node: ast.Assign, scope: Scope) -> bool:
        """The value, then the targets' own parts (``self`` in ``self.x``), then the names are bound."""
        push = self.stack.append
        parents = self.model.parents
        push((Step(self._bind_targets, node.targets, scope, node.value), scope))
        for target in reversed(node.targets):
            parents[target] = node
            push((target, scope))
        parents[node.value] = node
        push((node.value, scope))
        return True

    def _bind_targets(self, targets: List[ast.expr], scope: Scope, value: ast.AST) -> None:
        for target in targets:
            self.bind_target(target, scope, "value", value)

    def _ann_assign(self, node: ast.AnnAssign, scope: Scope) -> bool:
        """The annotation (quiet: names in it resolve as typing does, once the code has run), the value,
        the target; then the name is bound."""
        push = self.stack.append
        parents = self.model.parents
        quiet, loud = self.quiet_steps
        push((Step(self.bind_target, node.target, scope, "annotated", node.value, node.annotation), scope))
        parents[node.target] = node
        push((node.target, scope))
        if node.value is not None:
            parents[node.value] = node
            push((node.value, scope))
        push((loud, scope))
        parents[node.annotation] = node
        push((node.annotation, scope))
        push((quiet, scope))
        return True

    def _aug_assign(self, node: ast.AugAssign, scope: Scope) -> bool:
        self.schedule(
            node,
            scope,
            [node.value, node.target, Step(self.bind_target, node.target, scope, "opaque", None)],
        )
        return True

    def _delete(self, node: ast.Delete, scope: Scope) -> bool:
        def unbind() -> None:
            for target in node.targets:
                for name in _target_names(target):
                    self.unbind(scope, name)

        self.schedule(node, scope, [*node.targets, Step(unbind)])
        return True

    def _global(self, node: ast.Global, scope: Scope) -> bool:
        scope.declare(node.names)
        return False

    def _nonlocal(self, node: ast.Nonlocal, scope: Scope) -> bool:
        scope.declare(node.names, nonlocal_=True)
        return False

    def _yield(self, node: ast.AST, scope: Scope) -> bool:
        scope.function_scope().is_generator = True
        return False

    # ------------------------------------------------------------------ match
    def _match_capture(self, node: ast.AST, scope: Scope) -> bool:
        name = getattr(node, "name", None)
        if name:
            self.bind(scope, name, "opaque", node, node)
        return False

    def _match_mapping(self, node: ast.AST, scope: Scope) -> bool:
        rest = getattr(node, "rest", None)
        if rest:
            self.bind(scope, rest, "opaque", node, node)
        return False

    # ------------------------------------------------------------------ scopes
    def _function(self, node: Union[ast.FunctionDef, ast.AsyncFunctionDef], scope: Scope) -> bool:
        """Decorators, defaults and annotations run where the ``def`` is, then the name is bound; the body
        is a flow of its own, which starts with the parameters bound."""
        args = node.args
        annotations: List[Optional[ast.expr]] = [
            arg.annotation for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs)
        ]
        for extra in (args.vararg, args.kwarg):
            annotations.append(extra.annotation if extra is not None else None)
        annotations.append(node.returns)
        inner = self._new_scope("function", node, scope)
        role = self._method_role(node, scope)
        if role and isinstance(scope.node, ast.ClassDef):
            inner.self_class = scope.node
        self._push_roots(node, inner, node.body)
        self.stack.append((Step(self._bind_parameters, inner, args, role), inner))
        # The header, pushed in reverse: decorators, defaults, annotations (quiet), then the name is bound.
        push = self.stack.append
        push((Step(self._end_header, scope, node), scope))
        annotated = [annotation for annotation in annotations if annotation is not None]
        if annotated:
            quiet, loud = self.quiet_steps
            push((loud, scope))
            self.push_nodes(node, scope, annotated)
            push((quiet, scope))
        defaults = [default for default in args.kw_defaults if default is not None]
        self.push_nodes(node, scope, [*node.decorator_list, *args.defaults, *defaults])
        self.pending_headers.append(inner)  # taken by the header's first step, which runs next
        push((self.header_steps[0], scope))
        return True

    def _start_header(self) -> None:
        self.header_of.append(self.pending_headers.pop())

    def _end_header(self, scope: Scope, node: Union[ast.FunctionDef, ast.AsyncFunctionDef]) -> None:
        self.header_of.pop()
        self.bind(scope, node.name, "def", node, node)

    def _bind_parameters(self, inner: Scope, args: ast.arguments, role_of_first: Optional[str]) -> None:
        positional = [*args.posonlyargs, *args.args]
        defaults = _defaults_by_arg(args)
        for index, arg in enumerate((*positional, *args.kwonlyargs)):
            role = role_of_first if index == 0 and positional else None
            if role == "self":
                inner.self_name = arg.arg
            param = Param(arg, defaults.get(id(arg)), role)
            self.bind(inner, arg.arg, "param", arg, arg, extra=param)
        for extra in (args.vararg, args.kwarg):
            if extra is not None:
                self.bind(inner, extra.arg, "opaque", extra, extra)  # a tuple/dict of values

    def _method_role(self, node: Union[ast.FunctionDef, ast.AsyncFunctionDef], scope: Scope) -> Optional[str]:
        if scope.kind != "class":
            return None
        decorators = {_decorator_name(d) for d in node.decorator_list}
        if "staticmethod" in decorators:
            return None
        return "cls" if "classmethod" in decorators else "self"

    def _lambda(self, node: ast.Lambda, scope: Scope) -> bool:
        args = node.args
        inner = self._new_scope("function", node, scope)

        def bind_parameters() -> None:
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if arg is not None:
                    self.bind(inner, arg.arg, "opaque", arg, arg)

        self._push_roots(node, inner, [node.body])
        self.stack.append((Step(bind_parameters), inner))
        self.schedule(node, scope, [*args.defaults, *args.kw_defaults])
        return True

    def _class(self, node: ast.ClassDef, scope: Scope) -> bool:
        inner = self._new_scope("class", node, scope)
        self.model.classes[node] = ClassInfo(node, inner, scope)
        flow = self._flow(scope)

        def end() -> None:
            inner.final = {name: flow.state.get((inner, name), EMPTY) for name in inner.bindings}
            self.bind(scope, node.name, "class", node, node)

        # Pushed in reverse: the header runs first, then the body (inline), then the name is bound.
        self.stack.append((Step(end), inner))
        self._push_roots(node, inner, node.body)
        self.push_nodes(node, scope, [*node.decorator_list, *node.bases, *node.keywords])
        return True

    def _comprehension(self, node: ast.AST, scope: Scope) -> bool:
        inner = self._new_scope("comprehension", node, scope)
        flow = self._flow(scope)
        generators: List[ast.comprehension] = getattr(node, "generators", [])
        frames: List[Frame] = []
        parents = self.model.parents
        items: List[Tuple[Item, Scope]] = []
        for index, generator in enumerate(generators):
            parents[generator] = node
            parents[generator.iter] = generator
            parents[generator.target] = generator
            for condition in generator.ifs:
                parents[condition] = generator
            # The first iterable is evaluated in the enclosing scope; the rest may run any number of times.
            items.append((generator.iter, scope if index == 0 else inner))
            if index == 0:
                items.append((Step(lambda: frames.append(flow.open_maybe())), inner))
            target, iterable = generator.target, generator.iter
            items.append((Step(self.bind_iteration, target, iterable, inner), inner))
            items.append((generator.target, inner))
            items += [(condition, inner) for condition in generator.ifs]
        if isinstance(node, ast.DictComp):
            parents[node.key] = node
            parents[node.value] = node
            items += [(node.key, inner), (node.value, inner)]
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            element = node.elt
            parents[element] = node
            items.append((element, inner))
        items.append((Step(lambda: flow.close_maybe(frames.pop())), inner))
        push = self.stack.append
        node_scopes = self.model.node_scopes
        for item, item_scope in reversed(items):
            if item is None:
                continue
            if item_scope is inner and not isinstance(item, Step):
                node_scopes[item] = inner  # the comprehension's own code starts here
            push((item, item_scope))
        return True

    def _new_scope(self, kind: str, node: ast.AST, parent: Scope) -> Scope:
        scope = Scope(kind, node, parent)
        self.model.scopes[node] = scope
        if scope.owner is scope:
            self.flows[scope] = Flow()
        return scope

    def bind_iteration(self, target: ast.AST, iterable: ast.AST, scope: Scope) -> None:
        """``for x in it`` binds ``x`` to an item of ``it``; ``for i, x in enumerate(it)`` too."""
        if (
            isinstance(target, ast.Tuple)
            and len(target.elts) == 2
            and isinstance(iterable, ast.Call)
            and isinstance(iterable.func, ast.Name)
            and iterable.func.id == "enumerate"
            and iterable.args
            and self.model.lookup_scope("enumerate", scope) is None
        ):
            self.bind_target(target.elts[0], scope, "opaque", None)
            self.bind_target(target.elts[1], scope, "iter", iterable.args[0])
        elif isinstance(target, ast.Name):
            self.bind_target(target, scope, "iter", iterable)
        else:
            self.bind_target(target, scope, "opaque", None)


# What the walk does at each node type (``True``: the handler scheduled the children itself). Each handler
# takes the node type it is registered for: ``Callable[..., bool]``, the dispatch is by exact type.
_HANDLERS: Dict[type, Callable[..., bool]] = {
    ast.Import: Binder._import,
    ast.ImportFrom: Binder._import_from,
    ast.Assign: Binder._assign,
    ast.AnnAssign: Binder._ann_assign,
    ast.AugAssign: Binder._aug_assign,
    ast.Delete: Binder._delete,
    ast.NamedExpr: Binder._named_expr,
    ast.FunctionDef: Binder._function,
    ast.AsyncFunctionDef: Binder._function,
    ast.Lambda: Binder._lambda,
    ast.ClassDef: Binder._class,
    ast.ListComp: Binder._comprehension,
    ast.SetComp: Binder._comprehension,
    ast.GeneratorExp: Binder._comprehension,
    ast.DictComp: Binder._comprehension,
    ast.Global: Binder._global,
    ast.Nonlocal: Binder._nonlocal,
    ast.Yield: Binder._yield,
    ast.YieldFrom: Binder._yield,
    ast.Call: Binder._call,
    **control_flow.HANDLERS,  # branches, loops, jumps, try and with
}
for _name, _handler in (
    ("MatchAs", Binder._match_capture),
    ("MatchStar", Binder._match_capture),
    ("MatchMapping", Binder._match_mapping),
):
    if hasattr(ast, _name):  # Python 3.10+
        _HANDLERS[getattr(ast, _name)] = _handler
# A notebook's module: its cells may run in any order (:func:`control_flow.walk_cells`).
_CELL_HANDLERS = {**_HANDLERS, ast.Module: control_flow.walk_cells}


_COMPREHENSION, _OWNER, _CLASS = 0, 1, 2


def _read_plan(scope: Scope) -> Tuple[Tuple[Scope, int], ...]:
    """The scopes of the same flow a read in ``scope`` may see, innermost first, and how each is read."""
    plan: List[Tuple[Scope, int]] = []
    current: Optional[Scope] = scope
    owner = scope.owner
    while current is not None:
        if current.kind == "class" and current is not scope:
            current = current.parent  # names of an enclosing class are invisible here
            continue
        if current.kind == "comprehension":
            plan.append((current, _COMPREHENSION))
        elif current is owner:
            plan.append((current, _OWNER))
            break
        else:
            plan.append((current, _CLASS))
        current = current.parent
    return tuple(plan)


def _target_names(target: ast.AST) -> List[str]:
    """The plain names a ``del`` target unbinds."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    return []


def _defaults_by_arg(args: ast.arguments) -> Dict[int, ast.AST]:
    positional = [*args.posonlyargs, *args.args]
    defaults: Dict[int, ast.AST] = {}
    for arg, default in zip(positional[len(positional) - len(args.defaults) :], args.defaults):
        defaults[id(arg)] = default
    for keyword_arg, keyword_default in zip(args.kwonlyargs, args.kw_defaults):
        if keyword_default is not None:
            defaults[id(keyword_arg)] = keyword_default
    return defaults


def _decorator_name(decorator: ast.AST) -> str:
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Attribute):
        return decorator.attr
    return getattr(decorator, "id", "")
