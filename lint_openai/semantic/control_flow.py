"""How the walk schedules control flow: each statement or expression that branches, loops or jumps
pushes its parts with :class:`Step` items between them, which fork and join the definitions that reach
each read (:mod:`lint_openai.semantic.flow`).

The handlers take the binder (``walker``), the node and the scope it runs in, push what to walk next, and
return ``True`` (they scheduled the node's children themselves). Steps run when the walk reaches them:
after the parts pushed before them have been walked.
"""

from __future__ import annotations

import ast
from typing import Any, Callable, Dict, List, Optional, Protocol, Sequence, Tuple, Union

from lint_openai.semantic.flow import Finally, Flow, Frame, Key, Loop
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Defs, Extra, Scope


class Step:
    """An action scheduled between nodes of the walk (a binding, a fork or join of control flow):
    ``fn(*args)``."""

    __slots__ = ("args", "fn")

    def __init__(self, fn: Callable[..., None], *args: object) -> None:
        self.fn = fn
        self.args = args


Item = Union[ast.AST, Step, None]


class Walker(Protocol):
    """What the handlers need of the binder."""

    model: SemanticModel
    flows: Dict[Scope, Flow]
    stack: List[Tuple[Any, Scope]]

    def push_nodes(self, parent: ast.AST, scope: Scope, nodes: Sequence[ast.AST]) -> None: ...

    def schedule(self, parent: ast.AST, scope: Scope, items: Sequence[Item]) -> None: ...

    def bind(
        self,
        scope: Scope,
        name: str,
        kind: str,
        expr: Optional[ast.AST],
        node: Optional[ast.AST],
        *,
        extra: Extra = None,
    ) -> None: ...

    def unbind(self, scope: Scope, name: str) -> None: ...

    def bind_target(
        self, target: ast.AST, scope: Scope, kind: str, expr: Optional[ast.AST], extra: Extra = None
    ) -> None: ...

    def bind_iteration(self, target: ast.AST, iterable: ast.AST, scope: Scope) -> None: ...


# ---------------------------------------------------------------------------------------------- branches
def walk_if(walker: Walker, node: ast.If, scope: Scope) -> bool:
    return _walk_branches(walker, node, scope, (node.test, node.body, node.orelse))


def walk_if_exp(walker: Walker, node: ast.IfExp, scope: Scope) -> bool:
    return _walk_branches(walker, node, scope, (node.test, [node.body], [node.orelse]))


def _walk_branches(
    walker: Walker, node: ast.AST, scope: Scope, parts: Tuple[ast.AST, Sequence[ast.AST], Sequence[ast.AST]]
) -> bool:
    """``if``/conditional expression: the test, then one of two branches (pushed in reverse: a stack)."""
    test, body, orelse = parts
    flow = walker.flows[scope.owner]
    frames: List[Frame] = []
    push = walker.stack.append
    push((Step(_close, flow, frames), scope))
    walker.push_nodes(node, scope, orelse)
    push((Step(_fork, flow, frames), scope))
    walker.push_nodes(node, scope, body)
    push((Step(_open, flow, frames), scope))
    walker.push_nodes(node, scope, [test])
    return True


def walk_bool_op(walker: Walker, node: ast.BoolOp, scope: Scope) -> bool:
    """``a and b``: every operand after the first may not run (it matters for ``:=`` only)."""
    flow = walker.flows[scope.owner]
    frames: List[Frame] = []
    first, *rest = node.values
    push = walker.stack.append
    push((Step(_close_maybe, flow, frames), scope))
    walker.push_nodes(node, scope, rest)
    push((Step(_open_maybe, flow, frames), scope))
    walker.push_nodes(node, scope, [first])
    return True


def walk_match(walker: Walker, node: ast.AST, scope: Scope) -> bool:
    """Each case is an alternative; without an irrefutable case, no case may match at all."""
    flow = walker.flows[scope.owner]
    frames: List[Frame] = []
    cases: List[ast.AST] = getattr(node, "cases", [])
    items: List[Item] = [getattr(node, "subject", None), Step(_open, flow, frames)]
    exhaustive = False
    for case in cases:
        items += [case, Step(_fork, flow, frames)]
        if getattr(case, "guard", None) is None and _irrefutable(getattr(case, "pattern", None)):
            exhaustive = True
    items.append(Step(_end_match, flow, frames, exhaustive))
    walker.schedule(node, scope, items)
    return True


# ---------------------------------------------------------------------------------------------- loops
def walk_for(walker: Walker, node: Union[ast.For, ast.AsyncFor], scope: Scope) -> bool:
    flow = walker.flows[scope.owner]
    loops: List[Loop] = []
    exits: List[Frame] = []
    push = walker.stack.append
    push((Step(_close_loop, flow, loops, exits), scope))
    walker.push_nodes(node, scope, node.orelse)
    push((Step(_end_loop_body, flow, loops, exits, False), scope))
    walker.push_nodes(node, scope, [node.target, *node.body])
    push((Step(_enter_for, walker, flow, loops, node, scope), scope))
    walker.push_nodes(node, scope, [node.iter])
    return True


def walk_while(walker: Walker, node: ast.While, scope: Scope) -> bool:
    flow = walker.flows[scope.owner]
    loops: List[Loop] = []
    exits: List[Frame] = []
    test = node.test
    infinite = isinstance(test, ast.Constant) and bool(test.value)
    push = walker.stack.append
    push((Step(_close_loop, flow, loops, exits), scope))
    walker.push_nodes(node, scope, node.orelse)
    push((Step(_end_loop_body, flow, loops, exits, infinite), scope))
    walker.push_nodes(node, scope, [test, *node.body])
    push((Step(_open_loop, flow, loops), scope))
    return True


def walk_break(walker: Walker, node: ast.AST, scope: Scope) -> bool:
    flow = walker.flows[scope.owner]
    if flow.loops:
        flow.loop_break()
    else:
        flow.end_path()
    return True


def walk_continue(walker: Walker, node: ast.AST, scope: Scope) -> bool:
    flow = walker.flows[scope.owner]
    if flow.loops:
        flow.loop_back()
    flow.end_path()
    return True


# ---------------------------------------------------------------------------------------------- jumps
def walk_return(walker: Walker, node: ast.Return, scope: Scope) -> bool:
    push = walker.stack.append
    push((Step(walker.flows[scope.owner].end_path), scope))
    value = node.value
    if value is not None:
        scope.function_scope().returns.append(value)
        walker.push_nodes(node, scope, [value])
    return True


def walk_raise(walker: Walker, node: ast.Raise, scope: Scope) -> bool:
    walker.stack.append((Step(walker.flows[scope.owner].end_path), scope))
    walker.push_nodes(node, scope, [part for part in (node.exc, node.cause) if part is not None])
    return True


# ---------------------------------------------------------------------------------------------- try, with
class _TryState:
    """What the steps of one ``try`` statement share."""

    __slots__ = ("all_writes", "body_writes", "final", "flow", "frame", "normal")

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.all_writes: Dict[Key, Defs] = {}  # everything the statement writes (for ``finally``)
        self.body_writes: Dict[Key, Defs] = {}  # what the body writes (for the handlers)
        self.frame: Optional[Frame] = None
        self.normal: Tuple[bool, Dict[Key, Defs]] = (True, {})
        self.final: Optional[Finally] = None

    def start(self) -> None:
        flow = self.flow
        self.all_writes = flow.collect()
        self.body_writes = flow.collect()
        self.frame = flow.open()

    def end_body(self) -> None:
        flow, frame = self.flow, self._frame()
        flow.stop_collecting(self.body_writes)
        self.normal = flow.save(frame)
        flow.restart(frame)

    def start_handler(self) -> None:
        self.flow.add_possible(self.body_writes)  # the body may have stopped anywhere

    def end_handler(self) -> None:
        self.flow.fork(self._frame())

    def start_else(self) -> None:
        self.flow.resume(self._frame(), self.normal)

    def end(self, has_finally: bool) -> None:
        flow = self.flow
        flow.stop_collecting(self.all_writes)  # before the join: collectors only live inside frames
        flow.close(self._frame())
        if has_finally:
            self.final = flow.enter_finally(self.all_writes)

    def end_finally(self) -> None:
        assert self.final is not None
        self.flow.leave_finally(self.final)

    def _frame(self) -> Frame:
        assert self.frame is not None
        return self.frame


def walk_try(walker: Walker, node: ast.AST, scope: Scope) -> bool:
    """``try``: a handler may start after any part of the body; ``else`` continues the body; ``finally``
    may follow anything (what it binds is seen after the statement)."""
    state = _TryState(walker.flows[scope.owner])
    body: List[ast.stmt] = getattr(node, "body", [])
    handlers: List[ast.ExceptHandler] = getattr(node, "handlers", [])
    orelse: List[ast.stmt] = getattr(node, "orelse", [])
    finalbody: List[ast.stmt] = getattr(node, "finalbody", [])
    items: List[Item] = [Step(state.start), *body, Step(state.end_body)]
    for handler in handlers:
        items += [Step(state.start_handler), handler, Step(state.end_handler)]
    items += [Step(state.start_else), *orelse, Step(state.end, bool(finalbody))]
    if finalbody:
        items += [*finalbody, Step(state.end_finally)]
    walker.schedule(node, scope, items)
    return True


def walk_except_handler(walker: Walker, node: ast.ExceptHandler, scope: Scope) -> bool:
    """The handler's type, then its name bound for the body and unbound after it (as Python does)."""
    items: List[Item] = [node.type]
    name = node.name
    if name:
        items.append(Step(walker.bind, scope, name, "opaque", node, node))
    items += node.body
    if name:
        items.append(Step(walker.unbind, scope, name))
    walker.schedule(node, scope, items)
    return True


def walk_with(walker: Walker, node: Union[ast.With, ast.AsyncWith], scope: Scope) -> bool:
    """Each context manager, then what it binds (``as``), then the body."""
    parents = walker.model.parents
    items: List[Item] = []
    for item in node.items:
        parents[item] = node
        items.append(item.context_expr)
        if item.optional_vars is not None:
            target, value = item.optional_vars, item.context_expr
            items += [Step(walker.bind_target, target, scope, "enter", value), target]
    walker.schedule(node, scope, [*items, *node.body])
    for item in node.items:  # a with-item's parts hang below the item, as ast.walk shows them
        parents[item.context_expr] = item
        if item.optional_vars is not None:
            parents[item.optional_vars] = item
    return True


HANDLERS: Dict[type, Callable[..., bool]] = {
    ast.If: walk_if,
    ast.IfExp: walk_if_exp,
    ast.BoolOp: walk_bool_op,
    ast.For: walk_for,
    ast.AsyncFor: walk_for,
    ast.While: walk_while,
    ast.Break: walk_break,
    ast.Continue: walk_continue,
    ast.Return: walk_return,
    ast.Raise: walk_raise,
    ast.Try: walk_try,
    ast.ExceptHandler: walk_except_handler,
    ast.With: walk_with,
    ast.AsyncWith: walk_with,
}
for _name, _handler in (("TryStar", walk_try), ("Match", walk_match)):
    if hasattr(ast, _name):  # Python 3.11+ (except*) and 3.10+ (match)
        HANDLERS[getattr(ast, _name)] = _handler


# ---------------------------------------------------------------------------------------------- steps
# ``frames``/``loops``/``exits`` carry a frame from one step of a statement to the next.
def _open(flow: Flow, frames: List[Frame]) -> None:
    frames.append(flow.open())


def _fork(flow: Flow, frames: List[Frame]) -> None:
    flow.fork(frames[0])


def _close(flow: Flow, frames: List[Frame]) -> None:
    flow.close(frames.pop())


def _open_maybe(flow: Flow, frames: List[Frame]) -> None:
    frames.append(flow.open_maybe())


def _close_maybe(flow: Flow, frames: List[Frame]) -> None:
    flow.close_maybe(frames.pop())


def _end_match(flow: Flow, frames: List[Frame], exhaustive: bool) -> None:
    if exhaustive:
        flow.end_path()  # no case left unmatched: only the cases' paths continue
    flow.close(frames.pop())


def walk_cells(walker: Walker, node: ast.Module, scope: Scope) -> bool:
    """A notebook's cells as one module: they may run in any order, and again, so the module body is a
    loop body (a read also sees the bindings of later cells, as at the back edge of a loop)."""
    flow = walker.flows[scope.owner]
    loops: List[Loop] = []
    exits: List[Frame] = []
    push = walker.stack.append
    push((Step(_close_loop, flow, loops, exits), scope))
    push((Step(_end_loop_body, flow, loops, exits, False), scope))
    walker.push_nodes(node, scope, node.body)
    push((Step(_open_loop, flow, loops), scope))
    return True


def _open_loop(flow: Flow, loops: List[Loop]) -> None:
    loops.append(flow.open_loop())


def _enter_for(
    walker: Walker, flow: Flow, loops: List[Loop], node: Union[ast.For, ast.AsyncFor], scope: Scope
) -> None:
    loops.append(flow.open_loop())
    walker.bind_iteration(node.target, node.iter, scope)


def _end_loop_body(flow: Flow, loops: List[Loop], exits: List[Frame], infinite: bool) -> None:
    exits.append(flow.end_loop_body(loops[0], infinite))


def _close_loop(flow: Flow, loops: List[Loop], exits: List[Frame]) -> None:
    flow.close_loop(loops[0], exits[0])


def _irrefutable(pattern: Optional[ast.AST]) -> bool:
    """``case _:`` and ``case name:`` match anything (an or-pattern with one of them too)."""
    if pattern is None:
        return False
    if type(pattern).__name__ == "MatchAs":
        return getattr(pattern, "pattern", None) is None
    if type(pattern).__name__ == "MatchOr":
        return any(_irrefutable(p) for p in getattr(pattern, "patterns", []))
    return False
