"""One iterative walk of the tree, in evaluation order: builds scopes and positioned bindings, records what
reaches every name that is read (:mod:`lint_openai.semantic.flow`), each node's scope, the calls and
attribute reads, and collects the nodes rules asked for.

The walk uses an explicit stack, so arbitrarily deep trees cannot overflow Python's recursion limit.
Joins, bindings and loop ends are :class:`Step` items on the same stack, scheduled between the nodes
they follow: ``x = f(x)`` reads the old ``x`` before the new binding; ``if``/``else`` branches fork and
join; a function body is its own flow, whose free names are resolved later against the enclosing
scope's final state.
"""

from __future__ import annotations

import ast
import functools
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple, Union

from lint_openai.semantic.flow import Finally, Flow, Frame, Key, Loop
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import (
    EMPTY,
    AttributeAssignment,
    Binding,
    ClassInfo,
    Defs,
    Extra,
    Param,
    Scope,
)

Visit = Tuple[ast.AST, Scope]
_FIELDS: Dict[type, Tuple[str, ...]] = {}
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


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


class Step:
    """An action scheduled between nodes of the walk (a binding, a fork or join of control flow)."""

    __slots__ = ("run",)

    def __init__(self, run: Callable[[], None]) -> None:
        self.run = run


Item = Union[ast.AST, Step, None]


class Binder:
    """Walks a module once, filling a :class:`SemanticModel` and collecting nodes of ``wanted`` types."""

    def __init__(self, model: SemanticModel, wanted: FrozenSet[type]) -> None:
        self.model = model
        self.wanted = wanted
        self.collected: List[Visit] = []
        self.stack: List[Tuple[Union[ast.AST, Step], Scope]] = []
        self.flows: Dict[Scope, Flow] = {model.module_scope: Flow()}
        self.comprehension_state: Dict[Scope, Dict[str, Defs]] = {}
        self.seq = 0
        self.header_of: List[Scope] = []  # the function whose decorators, defaults and annotations are walked
        self.handlers: Dict[type, Callable[[ast.AST, Scope], bool]] = {
            ast.Import: self._import,
            ast.ImportFrom: self._import_from,
            ast.Assign: self._assign,
            ast.AnnAssign: self._ann_assign,
            ast.AugAssign: self._aug_assign,
            ast.Delete: self._delete,
            ast.For: self._for,
            ast.AsyncFor: self._for,
            ast.While: self._while,
            ast.If: self._if,
            ast.IfExp: self._if_exp,
            ast.BoolOp: self._bool_op,
            ast.Try: self._try,
            ast.With: self._with,
            ast.AsyncWith: self._with,
            ast.NamedExpr: self._named_expr,
            ast.FunctionDef: self._function,
            ast.AsyncFunctionDef: self._function,
            ast.Lambda: self._lambda,
            ast.ClassDef: self._class,
            ast.ListComp: self._comprehension,
            ast.SetComp: self._comprehension,
            ast.GeneratorExp: self._comprehension,
            ast.DictComp: self._comprehension,
            ast.Global: self._global,
            ast.Nonlocal: self._nonlocal,
            ast.ExceptHandler: self._except_handler,
            ast.Return: self._return,
            ast.Raise: self._raise,
            ast.Break: self._break,
            ast.Continue: self._continue,
            ast.Yield: self._yield,
            ast.YieldFrom: self._yield,
            ast.Attribute: self._attribute,
            ast.Call: self._call,
        }
        try_star = getattr(ast, "TryStar", None)
        if try_star is not None:
            self.handlers[try_star] = self._try
        match = getattr(ast, "Match", None)
        if match is not None:
            self.handlers[match] = self._match
            self.handlers[ast.MatchAs] = self._match_capture  # type: ignore[attr-defined]
            self.handlers[ast.MatchStar] = self._match_capture  # type: ignore[attr-defined]
            self.handlers[ast.MatchMapping] = self._match_mapping  # type: ignore[attr-defined]

    def run(self) -> List[Visit]:
        """Walk the whole tree (in evaluation order) and return the collected nodes."""
        model = self.model
        parents = model.parents
        node_scopes = model.node_scopes
        wanted = self.wanted
        handlers = self.handlers
        collected = self.collected
        stack = self.stack
        push = stack.append
        node_type = ast.AST
        name_type, constant_type, load_type, step_type = ast.Name, ast.Constant, ast.Load, Step
        load = self._load
        stack.append((model.tree, model.module_scope))
        while stack:
            node, scope = stack.pop()
            kind = type(node)
            if kind is step_type:
                node.run()  # type: ignore[union-attr]  # a Step
                continue
            node_scopes[node] = scope  # type: ignore[index]  # an AST node
            if kind in wanted:
                collected.append((node, scope))  # type: ignore[arg-type]
            if kind is name_type:
                if type(node.ctx) is load_type:  # type: ignore[union-attr]
                    load(node, scope)  # type: ignore[arg-type]
                continue
            if kind is constant_type:
                continue  # leaves: nothing below a constant
            handler = handlers.get(kind)
            if handler is not None and handler(node, scope):  # type: ignore[arg-type]
                continue  # the handler pushed the children itself
            fields = _FIELDS.get(kind) or _child_fields(kind)
            for field in fields:
                value = getattr(node, field, None)
                if value is None:
                    continue
                if type(value) is list:
                    for item in reversed(value):
                        if isinstance(item, node_type):
                            parents[item] = node  # type: ignore[assignment]
                            push((item, scope))
                elif isinstance(value, node_type):
                    parents[value] = node  # type: ignore[assignment]
                    push((value, scope))
        self._finish()
        return collected

    def _finish(self) -> None:
        model = self.model
        module = model.module_scope
        module.final = {key: defs for key, defs in self.flows[module].state.items() if isinstance(key, str)}
        model.resolve_nonlocal_bindings()

    # ------------------------------------------------------------------ scheduling
    def _seq(self, parent: ast.AST, scope: Scope, items: Sequence[Item]) -> None:
        """Schedule ``items`` (nodes walked in ``scope``, and steps) to run in this order."""
        self._schedule(parent, [(item, scope) for item in items])

    def _schedule(self, parent: ast.AST, items: Sequence[Tuple[Item, Scope]]) -> None:
        """Schedule ``(item, scope)`` pairs to run in this order (``None`` items are skipped)."""
        parents = self.model.parents
        push = self.stack.append
        for item, scope in reversed(items):
            if item is None:
                continue
            if not isinstance(item, Step):
                parents[item] = parent
            push((item, scope))

    def _flow(self, scope: Scope) -> Flow:
        return self.flows[scope.owner]

    # ------------------------------------------------------------------ names
    def _key(self, scope: Scope, name: str) -> Key:
        return name if scope is scope.owner else (scope, name)

    def _load(self, node: ast.Name, scope: Scope) -> None:
        """Record what reaches this read of a name, in every scope of the flow it could come from."""
        model = self.model
        name = node.id
        model.references.setdefault(name, []).append(node)
        owner = scope.owner
        if scope is owner:
            model.loads[node] = self.flows[owner].read(name)
            return
        flow = self.flows[owner]
        chain: List[Tuple[Scope, Defs]] = []
        current: Optional[Scope] = scope
        while current is not None:
            if current.kind == "class" and current is not scope:
                current = current.parent  # names of an enclosing class are invisible here
                continue
            if current.kind == "comprehension":
                state = self.comprehension_state.get(current)
                chain.append((current, state.get(name, EMPTY) if state is not None else EMPTY))
            elif current is owner:
                chain.append((current, flow.read(name)))
                break
            else:
                chain.append((current, flow.read((current, name))))
            current = current.parent
        model.loads[node] = tuple(chain)

    def _write(self, scope: Scope, name: str, defs: Defs) -> None:
        if scope.kind == "comprehension":
            self.comprehension_state.setdefault(scope, {})[name] = defs
            return
        self.flows[scope.owner].write(self._key(scope, name), defs)

    def _bind(
        self,
        scope: Scope,
        name: str,
        kind: str,
        expr: Optional[ast.AST],
        *,
        node: Optional[ast.AST],
        extra: Extra = None,
    ) -> None:
        self.seq += 1
        binding = Binding(kind, name, expr, scope, node=node, extra=extra, seq=self.seq)
        home = self.model.bind(scope, name, binding)
        if home is not None:
            self._write(home, name, frozenset((binding,)))

    def _unbind(self, scope: Scope, name: str) -> None:
        """``del name`` (and the end of ``except ... as name``): nothing reaches later reads."""
        if name in scope.global_names or name in scope.nonlocal_names:
            return
        self._write(scope, name, EMPTY)

    def _bind_target(
        self, target: ast.AST, scope: Scope, kind: str, expr: Optional[ast.AST], extra: Extra = None
    ) -> None:
        """Bind every name in an assignment target; unpacking pairs literals element-wise."""
        if isinstance(target, ast.Name):
            self._bind(scope, target.id, kind, expr, node=target, extra=extra)
        elif isinstance(target, (ast.Tuple, ast.List)):
            elements = target.elts
            if (
                kind == "value"
                and isinstance(expr, (ast.Tuple, ast.List))
                and len(expr.elts) == len(elements)
                and not any(isinstance(e, ast.Starred) for e in (*elements, *expr.elts))
            ):
                for element, value in zip(elements, expr.elts):
                    self._bind_target(element, scope, "value", value)
            else:
                for element in elements:
                    self._bind_target(element, scope, "opaque", None)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, scope, "opaque", None)
        elif isinstance(target, ast.Attribute):
            base = target.value
            if isinstance(base, ast.Name) and base.id == scope.self_name and scope.self_class is not None:
                info = self.model.classes[scope.self_class]
                self.seq += 1
                binding = Binding(kind, target.attr, expr, scope, node=target, extra=extra, seq=self.seq)
                info.attrs.setdefault(target.attr, []).append(binding)
            self.model.attribute_assignments.append(AttributeAssignment(target, expr, scope))

    # ------------------------------------------------------------------ expressions
    def _attribute(self, node: ast.Attribute, scope: Scope) -> bool:
        if type(node.ctx) is ast.Load:
            self.model.attribute_loads.setdefault(node.attr, []).append(node)
        return False

    def _call(self, node: ast.Call, scope: Scope) -> bool:
        (self.header_of[-1] if self.header_of else scope).calls.append(node)
        func = node.func
        if type(func) is ast.Name:
            self.model.called_names.add(func.id)
        return False

    def _named_expr(self, node: ast.NamedExpr, scope: Scope) -> bool:
        target_scope = scope.function_scope()
        self._seq(
            node,
            scope,
            [
                node.value,
                node.target,
                Step(lambda: self._bind_target(node.target, target_scope, "value", node.value)),
            ],
        )
        return True

    def _bool_op(self, node: ast.BoolOp, scope: Scope) -> bool:
        """``a and b``: every operand after the first may not run (it matters for ``:=`` only)."""
        first, *rest = node.values
        flow = self._flow(scope)
        frames: List[Frame] = []
        self._seq(
            node,
            scope,
            [
                first,
                Step(lambda: frames.append(flow.open_maybe())),
                *rest,
                Step(lambda: flow.close_maybe(frames.pop())),
            ],
        )
        return True

    def _if_exp(self, node: ast.IfExp, scope: Scope) -> bool:
        flow = self._flow(scope)
        frames: List[Frame] = []
        self._seq(
            node,
            scope,
            [
                node.test,
                Step(lambda: frames.append(flow.open())),
                node.body,
                Step(lambda: flow.fork(frames[0])),
                node.orelse,
                Step(lambda: flow.close(frames.pop())),
            ],
        )
        return True

    # ------------------------------------------------------------------ statements
    def _import(self, node: ast.Import, scope: Scope) -> bool:
        for alias in node.names:
            self.model.parents[alias] = node  # rules report at aliases; compat checks walk up from them
            self.model.node_scopes[alias] = scope
            if alias.asname:
                self._bind(scope, alias.asname, "import", alias, node=alias, extra=alias.name)
            else:
                top = alias.name.split(".", 1)[0]
                self._bind(scope, top, "import", alias, node=alias, extra=top)
        return False

    def _import_from(self, node: ast.ImportFrom, scope: Scope) -> bool:
        module = node.module or ""
        for alias in node.names:
            self.model.parents[alias] = node
            self.model.node_scopes[alias] = scope
            if alias.name == "*":
                continue
            name = alias.asname or alias.name
            if node.level:
                self._bind(scope, name, "opaque", alias, node=alias)
            else:
                self._bind(scope, name, "from", alias, node=alias, extra=(module, alias.name))
        return False

    def _assign(self, node: ast.Assign, scope: Scope) -> bool:
        def bind() -> None:
            for target in node.targets:
                self._bind_target(target, scope, "value", node.value)

        self._seq(node, scope, [node.value, *node.targets, Step(bind)])
        return True

    def _ann_assign(self, node: ast.AnnAssign, scope: Scope) -> bool:
        def bind() -> None:
            self._bind_target(node.target, scope, "annotated", node.value, node.annotation)

        self._seq(node, scope, [node.annotation, node.value, node.target, Step(bind)])
        return True

    def _aug_assign(self, node: ast.AugAssign, scope: Scope) -> bool:
        self._seq(
            node,
            scope,
            [node.value, node.target, Step(lambda: self._bind_target(node.target, scope, "opaque", None))],
        )
        return True

    def _delete(self, node: ast.Delete, scope: Scope) -> bool:
        def unbind() -> None:
            for target in node.targets:
                for name in _target_names(target):
                    self._unbind(scope, name)

        self._seq(node, scope, [*node.targets, Step(unbind)])
        return True

    def _return(self, node: ast.Return, scope: Scope) -> bool:
        if node.value is not None:
            scope.function_scope().returns.append(node.value)
        self._seq(node, scope, [node.value, Step(self._flow(scope).end_path)])
        return True

    def _raise(self, node: ast.Raise, scope: Scope) -> bool:
        self._seq(node, scope, [node.exc, node.cause, Step(self._flow(scope).end_path)])
        return True

    def _break(self, node: ast.AST, scope: Scope) -> bool:
        flow = self._flow(scope)
        if flow.loops:
            flow.loop_break()
        else:
            flow.end_path()
        return True

    def _continue(self, node: ast.AST, scope: Scope) -> bool:
        flow = self._flow(scope)
        if flow.loops:
            flow.loop_back()
        flow.end_path()
        return True

    def _if(self, node: ast.If, scope: Scope) -> bool:
        flow = self._flow(scope)
        frames: List[Frame] = []
        self._seq(
            node,
            scope,
            [
                node.test,
                Step(lambda: frames.append(flow.open())),
                *node.body,
                Step(lambda: flow.fork(frames[0])),
                *node.orelse,
                Step(lambda: flow.close(frames.pop())),
            ],
        )
        return True

    def _for(self, node: Union[ast.For, ast.AsyncFor], scope: Scope) -> bool:
        flow = self._flow(scope)
        loops: List[Loop] = []
        exits: List[Frame] = []

        def enter() -> None:
            loops.append(flow.open_loop())
            self._bind_iteration(node.target, node.iter, scope)

        self._seq(
            node,
            scope,
            [
                node.iter,
                Step(enter),
                node.target,
                *node.body,
                Step(lambda: exits.append(flow.end_loop_body(loops[0], infinite=False))),
                *node.orelse,
                Step(lambda: flow.close_loop(loops[0], exits[0])),
            ],
        )
        return True

    def _while(self, node: ast.While, scope: Scope) -> bool:
        flow = self._flow(scope)
        loops: List[Loop] = []
        exits: List[Frame] = []
        test = node.test
        infinite = isinstance(test, ast.Constant) and bool(test.value)
        self._seq(
            node,
            scope,
            [
                Step(lambda: loops.append(flow.open_loop())),
                test,
                *node.body,
                Step(lambda: exits.append(flow.end_loop_body(loops[0], infinite))),
                *node.orelse,
                Step(lambda: flow.close_loop(loops[0], exits[0])),
            ],
        )
        return True

    def _try(self, node: ast.AST, scope: Scope) -> bool:
        """``try``: a handler may start after any part of the body; ``else`` continues the body; ``finally``
        may follow anything (what it binds is seen after the statement)."""
        flow = self._flow(scope)
        body: List[ast.stmt] = getattr(node, "body", [])
        handlers: List[ast.ExceptHandler] = getattr(node, "handlers", [])
        orelse: List[ast.stmt] = getattr(node, "orelse", [])
        finalbody: List[ast.stmt] = getattr(node, "finalbody", [])
        frames: List[Frame] = []
        seen: List[Dict[Key, Defs]] = []
        normal: List[Tuple[bool, Dict[Key, Defs]]] = []

        def start() -> None:
            seen.append(flow.collect())  # everything the statement writes (for ``finally``)
            seen.append(flow.collect())  # what the body writes (for the handlers)
            frames.append(flow.open())

        def end_body() -> None:
            flow.stop_collecting(seen[1])
            normal.append(flow.save(frames[0]))
            flow.restart(frames[0])

        def start_handler() -> None:
            flow.add_possible(seen[1])

        def end() -> None:
            flow.close(frames[0])
            flow.stop_collecting(seen[0])
            if finalbody:
                final.append(flow.enter_finally(seen[0]))

        final: List[Finally] = []
        items: List[Item] = [Step(start), *body, Step(end_body)]
        for handler in handlers:
            items += [Step(start_handler), handler, Step(lambda: flow.fork(frames[0]))]
        items += [Step(lambda: flow.resume(frames[0], normal[0])), *orelse, Step(end)]
        if finalbody:
            items += [*finalbody, Step(lambda: flow.leave_finally(final[0]))]
        self._seq(node, scope, items)
        return True

    def _except_handler(self, node: ast.ExceptHandler, scope: Scope) -> bool:
        """The handler's type, then its name bound for the body and unbound after it (as Python does)."""
        items: List[Item] = [node.type]
        name = node.name
        if name:
            items.append(Step(functools.partial(self._bind, scope, name, "opaque", node, node=node)))
        items += node.body
        if name:
            items.append(Step(functools.partial(self._unbind, scope, name)))
        self._seq(node, scope, items)
        return True

    def _with(self, node: Union[ast.With, ast.AsyncWith], scope: Scope) -> bool:
        parents = self.model.parents
        items: List[Tuple[Item, Scope]] = []
        for item in node.items:
            parents[item] = node
            self.model.node_scopes[item] = scope
            items.append((item.context_expr, scope))
            if item.optional_vars is not None:
                bind = functools.partial(
                    self._bind_target, item.optional_vars, scope, "enter", item.context_expr
                )
                items += [(Step(bind), scope), (item.optional_vars, scope)]
        self._schedule(node, [*items, *((statement, scope) for statement in node.body)])
        for item in node.items:  # a with-item's parts hang below the item, as ast.walk shows them
            parents[item.context_expr] = item
            if item.optional_vars is not None:
                parents[item.optional_vars] = item
        return True

    def _global(self, node: ast.Global, scope: Scope) -> bool:
        scope.global_names.update(node.names)
        return False

    def _nonlocal(self, node: ast.Nonlocal, scope: Scope) -> bool:
        scope.nonlocal_names.update(node.names)
        return False

    def _yield(self, node: ast.AST, scope: Scope) -> bool:
        scope.function_scope().is_generator = True
        return False

    # ------------------------------------------------------------------ match
    def _match(self, node: ast.AST, scope: Scope) -> bool:
        flow = self._flow(scope)
        frames: List[Frame] = []
        cases: List[ast.AST] = getattr(node, "cases", [])
        items: List[Item] = [getattr(node, "subject", None), Step(lambda: frames.append(flow.open()))]
        exhaustive = False
        for case in cases:
            items += [case, Step(lambda: flow.fork(frames[0]))]
            pattern = getattr(case, "pattern", None)
            if getattr(case, "guard", None) is None and _irrefutable(pattern):
                exhaustive = True

        def end() -> None:
            if exhaustive:
                flow.end_path()  # no case left unmatched: only the cases' paths continue
            flow.close(frames.pop())

        items.append(Step(end))
        self._seq(node, scope, items)
        return True

    def _match_capture(self, node: ast.AST, scope: Scope) -> bool:
        name = getattr(node, "name", None)
        if name:
            self._bind(scope, name, "opaque", node, node=node)
        return False

    def _match_mapping(self, node: ast.AST, scope: Scope) -> bool:
        rest = getattr(node, "rest", None)
        if rest:
            self._bind(scope, rest, "opaque", node, node=node)
        return False

    # ------------------------------------------------------------------ scopes
    def _function(self, node: Union[ast.FunctionDef, ast.AsyncFunctionDef], scope: Scope) -> bool:
        args = node.args
        outer_nodes: List[Item] = [*node.decorator_list, *args.defaults, *args.kw_defaults]
        all_args = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        for extra in (args.vararg, args.kwarg):
            if extra is not None:
                all_args.append(extra)
        outer_nodes += [arg.annotation for arg in all_args]
        outer_nodes.append(node.returns)
        inner = self._new_scope("function", node, scope)
        role_of_first = self._method_role(node, scope)
        if role_of_first and isinstance(scope.node, ast.ClassDef):
            inner.self_class = scope.node
        positional = [*args.posonlyargs, *args.args]
        defaults = _defaults_by_arg(args)

        def bind_parameters() -> None:
            for index, arg in enumerate(all_args):
                if arg is args.vararg or arg is args.kwarg:
                    self._bind(inner, arg.arg, "opaque", arg, node=arg)  # a tuple/dict of values
                    continue
                role = role_of_first if index == 0 and positional and arg is positional[0] else None
                if role == "self":
                    inner.self_name = arg.arg
                self._bind(
                    inner, arg.arg, "param", arg, node=arg, extra=Param(arg, defaults.get(id(arg)), role)
                )

        bind_name = Step(functools.partial(self._bind, scope, node.name, "def", node, node=node))
        body: List[Item] = [Step(bind_parameters), *node.body]
        self._schedule(
            node, [*((item, scope) for item in [*outer_nodes, bind_name]), *((item, inner) for item in body)]
        )
        return True

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
                    self._bind(inner, arg.arg, "opaque", arg, node=arg)

        defaults: List[Item] = [*args.defaults, *args.kw_defaults]
        self._schedule(
            node, [*((item, scope) for item in defaults), (Step(bind_parameters), inner), (node.body, inner)]
        )
        return True

    def _class(self, node: ast.ClassDef, scope: Scope) -> bool:
        inner = self._new_scope("class", node, scope)
        self.model.classes[node] = ClassInfo(node, inner, scope)
        flow = self._flow(scope)

        def end() -> None:
            inner.final = {name: flow.state.get((inner, name), EMPTY) for name in inner.bindings}
            self._bind(scope, node.name, "class", node, node=node)

        header: List[Item] = [*node.decorator_list, *node.bases, *node.keywords]
        body: List[Item] = [*node.body, Step(end)]  # the body runs inline, after the header
        self._schedule(node, [*((item, scope) for item in header), *((item, inner) for item in body)])
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
            self.model.node_scopes[generator] = inner
            parents[generator.iter] = generator
            parents[generator.target] = generator
            for condition in generator.ifs:
                parents[condition] = generator
            # The first iterable is evaluated in the enclosing scope; the rest may run any number of times.
            items.append((generator.iter, scope if index == 0 else inner))
            if index == 0:
                items.append((Step(lambda: frames.append(flow.open_maybe())), inner))
            target, iterable = generator.target, generator.iter
            items.append((Step(functools.partial(self._bind_iteration, target, iterable, inner)), inner))
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
        for item, item_scope in reversed(items):
            if item is not None:
                push((item, item_scope))
        return True

    def _new_scope(self, kind: str, node: ast.AST, parent: Scope) -> Scope:
        scope = Scope(kind, node, parent)
        self.model.scopes[node] = scope
        if scope.owner is scope:
            self.flows[scope] = Flow()
        return scope

    def _bind_iteration(self, target: ast.AST, iterable: ast.AST, scope: Scope) -> None:
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
            self._bind_target(target.elts[0], scope, "opaque", None)
            self._bind_target(target.elts[1], scope, "iter", iterable.args[0])
        elif isinstance(target, ast.Name):
            self._bind_target(target, scope, "iter", iterable)
        else:
            self._bind_target(target, scope, "opaque", None)


def _target_names(target: ast.AST) -> List[str]:
    """The plain names a ``del`` target unbinds."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    return []


def _irrefutable(pattern: Optional[ast.AST]) -> bool:
    """``case _:`` and ``case name:`` match anything (an or-pattern with one of them too)."""
    if pattern is None:
        return False
    if type(pattern).__name__ == "MatchAs":
        return getattr(pattern, "pattern", None) is None
    if type(pattern).__name__ == "MatchOr":
        return any(_irrefutable(p) for p in getattr(pattern, "patterns", []))
    return False


def _defaults_by_arg(args: ast.arguments) -> Dict[int, ast.AST]:
    positional = [*args.posonlyargs, *args.args]
    defaults: Dict[int, ast.AST] = {}
    for arg, default in zip(positional[len(positional) - len(args.defaults) :], args.defaults):
        defaults[id(arg)] = default
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        if default is not None:
            defaults[id(arg)] = default
    return defaults


def _decorator_name(decorator: ast.AST) -> str:
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Attribute):
        return decorator.attr
    return getattr(decorator, "id", "")
