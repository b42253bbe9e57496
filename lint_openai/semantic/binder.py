"""One iterative walk of the tree: builds scopes and bindings, and collects the nodes rules asked for.

The walk uses an explicit stack, so arbitrarily deep trees cannot overflow Python's recursion limit.
"""

from __future__ import annotations

import ast
from typing import Callable, Dict, FrozenSet, List, Optional, Tuple

from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import AttributeAssignment, Binding, ClassInfo, Scope

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
        fields = tuple(reversed([f for f in kind._fields if f not in _SKIPPED_FIELDS]))  # type: ignore[attr-defined]
        _FIELDS[kind] = fields
    return fields


class Binder:
    """Walks a module once, filling a :class:`SemanticModel` and collecting nodes of ``wanted`` types."""

    def __init__(self, model: SemanticModel, wanted: FrozenSet[type]) -> None:
        self.model = model
        self.wanted = wanted
        self.collected: List[Visit] = []
        self.stack: List[Tuple[ast.AST, Scope]] = []
        self.handlers: Dict[type, Callable[[ast.AST, Scope], bool]] = {
            ast.Import: self._import,
            ast.ImportFrom: self._import_from,
            ast.Assign: self._assign,
            ast.AnnAssign: self._ann_assign,
            ast.AugAssign: self._aug_assign,
            ast.For: self._for,
            ast.AsyncFor: self._for,
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
            ast.Yield: self._yield,
            ast.YieldFrom: self._yield,
        }
        for name in ("MatchAs", "MatchStar"):
            if hasattr(ast, name):
                self.handlers[getattr(ast, name)] = self._match_capture
        if hasattr(ast, "MatchMapping"):
            self.handlers[ast.MatchMapping] = self._match_mapping

    def run(self) -> List[Visit]:
        """Walk the whole tree (pre-order, source order) and return the collected nodes."""
        model = self.model
        parents = model.parents
        wanted = self.wanted
        handlers = self.handlers
        collected = self.collected
        stack = self.stack
        push = stack.append
        node_type = ast.AST
        name_type, constant_type = ast.Name, ast.Constant
        stack.append((model.tree, model.module_scope))
        while stack:
            node, scope = stack.pop()
            kind = type(node)
            if kind in wanted:
                collected.append((node, scope))
            handler = handlers.get(kind)
            if handler is not None and handler(node, scope):
                continue  # the handler pushed the children itself
            if kind is name_type or kind is constant_type:
                continue  # leaves: nothing below a name or a constant
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
        model.resolve_nonlocal_bindings()
        return collected

    # ------------------------------------------------------------------ helpers
    def _push(self, parent: ast.AST, nodes: List[Optional[ast.AST]], scope: Scope) -> None:
        """Schedule ``nodes`` (in source order) to be walked in ``scope``."""
        parents = self.model.parents
        for node in reversed(nodes):
            if node is not None:
                parents[node] = parent
                self.stack.append((node, scope))

    def _bind(
        self, scope: Scope, name: str, kind: str, expr: Optional[ast.AST], extra: object = None
    ) -> None:
        self.model.bind(scope, name, Binding(kind, expr, scope, extra))

    def _bind_target(
        self, target: ast.AST, scope: Scope, kind: str, expr: Optional[ast.AST], extra: object = None
    ) -> None:
        """Bind every name in an assignment target; unpacking pairs literals element-wise."""
        target_kind = type(target)
        if target_kind is ast.Name:
            self._bind(scope, target.id, kind, expr, extra)  # type: ignore[attr-defined]
        elif target_kind is ast.Tuple or target_kind is ast.List:
            elements = target.elts  # type: ignore[attr-defined]
            if (
                kind == "value"
                and type(expr) in (ast.Tuple, ast.List)
                and len(expr.elts) == len(elements)  # type: ignore[union-attr]
                and not any(isinstance(e, ast.Starred) for e in (*elements, *expr.elts))  # type: ignore[union-attr]
            ):
                for element, value in zip(elements, expr.elts):  # type: ignore[union-attr]
                    self._bind_target(element, scope, "value", value)
            else:
                for element in elements:
                    self._bind_target(element, scope, "opaque", None)
        elif target_kind is ast.Starred:
            self._bind_target(target.value, scope, "opaque", None)  # type: ignore[attr-defined]
        elif target_kind is ast.Attribute:
            base = target.value  # type: ignore[attr-defined]
            if type(base) is ast.Name and base.id == scope.self_name and scope.self_class is not None:
                info = self.model.classes[scope.self_class]
                info.attrs.setdefault(target.attr, []).append(Binding(kind, expr, scope, extra))  # type: ignore[attr-defined]
            self.model.attribute_assignments.append(AttributeAssignment(target, expr, scope))  # type: ignore[arg-type]

    # ------------------------------------------------------------------ statements
    def _import(self, node: ast.Import, scope: Scope) -> bool:
        for alias in node.names:
            self.model.parents[alias] = node  # rules report at aliases; compat checks walk up from them
            if alias.asname:
                self._bind(scope, alias.asname, "import", alias, alias.name)
            else:
                top = alias.name.split(".", 1)[0]
                self._bind(scope, top, "import", alias, top)
        return False

    def _import_from(self, node: ast.ImportFrom, scope: Scope) -> bool:
        module = node.module or ""
        for alias in node.names:
            self.model.parents[alias] = node
            if alias.name == "*":
                continue
            name = alias.asname or alias.name
            if node.level:
                self._bind(scope, name, "opaque", alias)
            else:
                self._bind(scope, name, "from", alias, (module, alias.name))
        return False

    def _assign(self, node: ast.Assign, scope: Scope) -> bool:
        for target in node.targets:
            self._bind_target(target, scope, "value", node.value)
        return False

    def _ann_assign(self, node: ast.AnnAssign, scope: Scope) -> bool:
        self._bind_target(node.target, scope, "annotated", node.value, node.annotation)
        return False

    def _aug_assign(self, node: ast.AugAssign, scope: Scope) -> bool:
        self._bind_target(node.target, scope, "opaque", None)
        return False

    def _for(self, node: ast.AST, scope: Scope) -> bool:
        target, iterable = node.target, node.iter  # type: ignore[attr-defined]
        self._bind_iteration(target, iterable, scope)
        return False

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

    def _with(self, node: ast.AST, scope: Scope) -> bool:
        for item in node.items:  # type: ignore[attr-defined]
            if item.optional_vars is not None:
                self._bind_target(item.optional_vars, scope, "enter", item.context_expr)
        return False

    def _named_expr(self, node: ast.NamedExpr, scope: Scope) -> bool:
        self._bind_target(node.target, scope.function_scope(), "value", node.value)
        return False

    def _except_handler(self, node: ast.ExceptHandler, scope: Scope) -> bool:
        if node.name:
            self._bind(scope, node.name, "opaque", node)
        return False

    def _global(self, node: ast.Global, scope: Scope) -> bool:
        scope.global_names.update(node.names)
        return False

    def _nonlocal(self, node: ast.Nonlocal, scope: Scope) -> bool:
        scope.nonlocal_names.update(node.names)
        return False

    def _return(self, node: ast.Return, scope: Scope) -> bool:
        if node.value is not None:
            scope.function_scope().returns.append(node.value)
        return False

    def _yield(self, node: ast.AST, scope: Scope) -> bool:
        scope.function_scope().is_generator = True
        return False

    def _match_capture(self, node: ast.AST, scope: Scope) -> bool:
        if getattr(node, "name", None):
            self._bind(scope, node.name, "opaque", node)  # type: ignore[attr-defined]
        return False

    def _match_mapping(self, node: ast.AST, scope: Scope) -> bool:
        if getattr(node, "rest", None):
            self._bind(scope, node.rest, "opaque", node)  # type: ignore[attr-defined]
        return False

    # ------------------------------------------------------------------ scopes
    def _function(self, node: ast.AST, scope: Scope) -> bool:
        self._bind(scope, node.name, "def", node)  # type: ignore[attr-defined]
        args: ast.arguments = node.args  # type: ignore[attr-defined]
        outer_nodes: List[Optional[ast.AST]] = [*node.decorator_list]  # type: ignore[attr-defined]
        outer_nodes += [*args.defaults, *args.kw_defaults]
        all_args = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        for extra in (args.vararg, args.kwarg):
            if extra is not None:
                all_args.append(extra)
        outer_nodes += [arg.annotation for arg in all_args]
        outer_nodes.append(node.returns)  # type: ignore[attr-defined]
        inner = Scope("function", node, scope)
        self.model.scopes[node] = inner
        role_of_first = self._method_role(node, scope)
        if role_of_first:
            inner.self_class = scope.node  # type: ignore[assignment]
        positional = [*args.posonlyargs, *args.args]
        defaults = _defaults_by_arg(args)
        for index, arg in enumerate(all_args):
            if arg is args.vararg or arg is args.kwarg:
                self._bind(inner, arg.arg, "opaque", arg)  # a tuple/dict of values, whatever the annotation
                continue
            role = role_of_first if index == 0 and positional and arg is positional[0] else None
            if role == "self":
                inner.self_name = arg.arg
            self._bind(inner, arg.arg, "param", arg, (arg, defaults.get(id(arg)), role))
        self._push(node, outer_nodes, scope)
        self._push(node, list(node.body), inner)  # type: ignore[attr-defined]
        return True

    def _method_role(self, node: ast.AST, scope: Scope) -> Optional[str]:
        if scope.kind != "class":
            return None
        decorators = {_decorator_name(d) for d in node.decorator_list}  # type: ignore[attr-defined]
        if "staticmethod" in decorators:
            return None
        return "cls" if "classmethod" in decorators else "self"

    def _lambda(self, node: ast.Lambda, scope: Scope) -> bool:
        args = node.args
        inner = Scope("function", node, scope)
        self.model.scopes[node] = inner
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None:
                self._bind(inner, arg.arg, "opaque", arg)
        self._push(node, [*args.defaults, *args.kw_defaults], scope)
        self._push(node, [node.body], inner)
        return True

    def _class(self, node: ast.ClassDef, scope: Scope) -> bool:
        self._bind(scope, node.name, "class", node)
        inner = Scope("class", node, scope)
        self.model.scopes[node] = inner
        self.model.classes[node] = ClassInfo(node, inner, scope)
        self._push(node, [*node.decorator_list, *node.bases, *node.keywords], scope)
        self._push(node, list(node.body), inner)
        return True

    def _comprehension(self, node: ast.AST, scope: Scope) -> bool:
        inner = Scope("comprehension", node, scope)
        self.model.scopes[node] = inner
        generators: List[ast.comprehension] = node.generators  # type: ignore[attr-defined]
        for index, generator in enumerate(generators):
            self._bind_iteration(generator.target, generator.iter, inner)
            if index == 0:
                # The first iterable is evaluated in the enclosing scope.
                self.model.parents[generator] = node
                self._push(generator, [generator.iter], scope)
                self._push(generator, [generator.target, *generator.ifs], inner)
            else:
                self._push(node, [generator], inner)
        if isinstance(node, ast.DictComp):
            self._push(node, [node.key, node.value], inner)
        else:
            self._push(node, [node.elt], inner)  # type: ignore[attr-defined]
        return True


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
