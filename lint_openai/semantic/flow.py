"""Reaching definitions, computed during the binder's one walk of the tree.

A *flow* is code that runs as one sequence: a module body, or the body of a function or lambda (class
bodies run inline in their enclosing flow). The binder tells its flow, in evaluation order, where names
are bound (:meth:`Flow.write`) and read (:meth:`Flow.read`), and where control splits and joins:

- a :class:`Frame` holds alternatives (``if``/``else``, ``try`` handlers, ``match`` cases, a loop's
  normal exit and its ``break``s) or a region that may stop anywhere (the right operands of ``and``/``or``,
  a comprehension's body): writes inside it are logged once, undone between alternatives, and merged at
  its end; a path that ended in ``return``/``raise``/``break``/``continue`` takes no part in the merge;
- a :class:`Loop` gives each name touched inside it a :class:`~lint_openai.semantic.scopes.LoopHead`: a
  placeholder for what reaches the loop head, which includes what the end of the body and each
  ``continue`` send back (the back edge); placeholders are flattened when a rule asks (:func:`flatten`);
- a collector records every value written while it is active (what a ``try``'s handlers may see).

State keys are the names of the flow's owner scope, and ``(scope, name)`` for a class scope in it. The
cost is linear in the size of the code times its nesting depth: a frame's end touches only the names
written inside it, and a loop makes one placeholder per name touched inside it.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Hashable, List, NamedTuple, Optional, Sequence, Set, Tuple, Union, cast

from lint_openai.semantic.scopes import EMPTY, Binding, Defs, LoopHead

Key = Hashable
Path = Tuple[bool, Dict[Key, Defs]]  # (reachable, the values of the frame's logged names at its end)


class Frame:
    """Alternatives that join, or a region that may stop anywhere (``seen`` then holds what it wrote)."""

    __slots__ = ("entry_live", "log", "paths", "seen")

    def __init__(self, live: bool, seen: Optional[Dict[Key, Defs]] = None) -> None:
        self.entry_live = live
        self.log: Dict[Key, Defs] = {}  # the value each name had before its first write in the frame
        self.paths: List[Path] = []
        self.seen = seen


class Loop:
    """A loop being walked: the names touched inside it, their loop heads, and what each ``break`` saw."""

    __slots__ = ("breaks", "entry_live", "heads", "touched")

    def __init__(self, live: bool) -> None:
        self.entry_live = live
        self.touched: Dict[Key, Defs] = {}  # the value each name had when the loop was entered
        self.heads: Dict[Key, LoopHead] = {}
        self.breaks: List[Dict[Key, Defs]] = []


class Finally(NamedTuple):
    """A ``finally`` block being walked: its frame, what it binds, and whether the normal paths were live."""

    frame: Frame
    written: Dict[Key, Defs]
    live: bool


class Flow:
    """The definitions reaching the point of the walk, for every name of one flow."""

    __slots__ = ("collectors", "frames", "heads", "live", "loops", "state")

    def __init__(self) -> None:
        self.state: Dict[Key, Defs] = {}
        self.heads: List[LoopHead] = []  # every loop head made, to release with the model
        self.live = True  # False after return/raise/break/continue, until a join makes it reachable again
        self.frames: List[Union[Frame, Loop]] = []
        self.loops: List[Loop] = []
        self.collectors: List[Dict[Key, Defs]] = []  # only ever active inside a frame

    # ------------------------------------------------------------------ reads and writes
    def read(self, key: Key) -> Defs:
        """The definitions of ``key`` that reach this point."""
        loops = self.loops
        if loops and key not in loops[-1].touched:
            self._touch(key)
        return self.state.get(key, EMPTY)

    def write(self, key: Key, defs: Defs) -> None:
        """Bind ``key`` here: ``defs`` replaces what reached it (``EMPTY`` unbinds, as ``del`` does)."""
        if not self.frames:  # straight-line code outside any frame: no loop, no log, no collector
            self.state[key] = defs
            return
        loops = self.loops
        if loops and key not in loops[-1].touched:
            self._touch(key)
        state = self.state
        frames = self.frames
        if frames:
            frame = frames[-1]
            if type(frame) is Frame and key not in frame.log:
                frame.log[key] = state.get(key, EMPTY)
        state[key] = defs
        for seen in self.collectors:
            old = seen.get(key)
            seen[key] = defs if old is None or old is defs else old | defs

    def _touch(self, key: Key) -> None:
        """First use of ``key`` in the open loops: what it holds now is what reaches their heads."""
        state = self.state
        for loop in self.loops:  # outermost first: an inner loop's entry is the outer loop's head
            if key not in loop.touched:
                entry = state.get(key, EMPTY)
                loop.touched[key] = entry
                head = loop.heads[key] = LoopHead(entry)
                self.heads.append(head)
                state[key] = head.own

    def end_path(self) -> None:
        """``return``/``raise``: nothing after this point in the same block runs."""
        self.live = False

    # ------------------------------------------------------------------ alternatives
    def open(self) -> Frame:
        frame = Frame(self.live)
        self.frames.append(frame)
        return frame

    def fork(self, frame: Frame) -> None:
        """End one alternative of ``frame`` and go back to the state at the frame's start."""
        state = self.state
        frame.paths.append((self.live, {key: state.get(key, EMPTY) for key in frame.log}))
        for key, old in frame.log.items():
            state[key] = old
        self.live = frame.entry_live

    def save(self, frame: Frame) -> Path:
        """The current path of ``frame``, to :meth:`resume` later (``try``: the body, resumed by ``else``)."""
        state = self.state
        return (self.live, {key: state.get(key, EMPTY) for key in frame.log})

    def restart(self, frame: Frame) -> None:
        """Go back to the state at the start of ``frame`` without keeping the current path."""
        for key, old in frame.log.items():
            self.state[key] = old
        self.live = frame.entry_live

    def resume(self, frame: Frame, path: Path) -> None:
        live, values = path
        for key, old in frame.log.items():
            self.state[key] = values.get(key, old)
        self.live = live

    def close(self, frame: Frame, extra: Sequence[Path] = ()) -> None:
        """Join the alternatives of ``frame`` (its forks, ``extra`` paths, and the current path)."""
        popped = self.frames.pop()
        assert popped is frame
        state = self.state
        log = frame.log
        paths: List[Tuple[bool, Optional[Dict[Key, Defs]]]] = [*frame.paths, *extra, (self.live, None)]
        keys: Set[Key] = set(log)
        for _, values in extra:
            keys.update(values)
        joining = [path for path in paths if path[0]] or paths[-1:]
        merged: Dict[Key, Defs] = {}
        for key in keys:
            current = state.get(key, EMPTY)
            old = log.get(key, current)
            result: Optional[Defs] = None
            for _, path_values in joining:
                value = current if path_values is None else path_values.get(key, old)
                result = value if result is None or result is value else result | value
            merged[key] = result if result is not None else current
        for key, old in log.items():
            state[key] = old
        self.live = any(path[0] for path in paths)
        for key, value in merged.items():
            if value != state.get(key, EMPTY):
                self.write(key, value)

    # ------------------------------------------------------------------ regions that may stop anywhere
    def open_maybe(self) -> Frame:
        seen: Dict[Key, Defs] = {}
        frame = Frame(self.live, seen)
        self.frames.append(frame)
        self.collectors.append(seen)
        return frame

    def close_maybe(self, frame: Frame) -> None:
        """After a region that may have stopped anywhere: each name holds its old value or any written."""
        popped = self.frames.pop()
        assert popped is frame and frame.seen is not None
        self._drop_collector(frame.seen)
        state = self.state
        merged = {key: old | frame.seen.get(key, EMPTY) for key, old in frame.log.items()}
        for key, old in frame.log.items():
            state[key] = old
        self.live = frame.entry_live
        for key, value in merged.items():
            if value != state.get(key, EMPTY):
                self.write(key, value)

    def collect(self) -> Dict[Key, Defs]:
        """Start recording every value written (until :meth:`stop_collecting`)."""
        seen: Dict[Key, Defs] = {}
        self.collectors.append(seen)
        return seen

    def stop_collecting(self, seen: Dict[Key, Defs]) -> None:
        self._drop_collector(seen)

    def _drop_collector(self, seen: Dict[Key, Defs]) -> None:
        collectors = self.collectors
        for index in range(len(collectors) - 1, -1, -1):
            if collectors[index] is seen:  # by identity: two collectors may hold equal dicts
                del collectors[index]
                return

    def add_possible(self, seen: Dict[Key, Defs]) -> None:
        """Each name in ``seen`` may also hold any value written there (a handler's or ``finally``'s entry)."""
        state = self.state
        for key, values in seen.items():
            current = state.get(key, EMPTY)
            combined = current | values
            if combined != current:
                self.write(key, combined)

    def enter_finally(self, seen: Dict[Key, Defs]) -> Finally:
        """``finally`` runs after every path, the exceptional ones too: a name may hold anything the
        ``try`` statement wrote (``seen``)."""
        live = self.live
        frame = self.open()
        self.add_possible(seen)
        self.live = True
        return Finally(frame, self.collect(), live)

    def leave_finally(self, block: Finally) -> None:
        """After ``finally`` only the normal paths go on: a name the block did not bind holds what it
        held on them."""
        self.stop_collecting(block.written)
        for key, old in block.frame.log.items():
            if key not in block.written:
                self.state[key] = old
        self.live = self.live and block.live
        self.close(block.frame)

    # ------------------------------------------------------------------ loops
    def open_loop(self) -> Loop:
        loop = Loop(self.live)
        self.loops.append(loop)
        self.frames.append(loop)
        return loop

    def loop_back(self) -> None:
        """``continue`` (and the end of a loop body): the current values go back to the loop head."""
        if not self.live:
            return
        state = self.state
        for key, head in self.loops[-1].heads.items():
            value = state.get(key, EMPTY)
            if value is not head.own:
                head.back.append(value)

    def loop_break(self) -> None:
        loop = self.loops[-1]
        if self.live:
            loop.breaks.append({key: self.state.get(key, EMPTY) for key in loop.heads})
        self.live = False

    def end_loop_body(self, loop: Loop, infinite: bool) -> Frame:
        """Leave the body of ``loop``: the normal exit sees what reaches the head (``else`` runs there).

        Returns the frame that joins the normal exit with the ``break``s (close it with :meth:`close_loop`).
        """
        self.loop_back()
        popped = self.frames.pop()
        assert popped is loop
        self.loops.pop()
        state = self.state
        for key, entry in loop.touched.items():
            state[key] = entry  # undo the placeholders: the enclosing frame logs the real old values
        self.live = loop.entry_live and not infinite
        frame = self.open()
        for key, head in loop.heads.items():
            if head.back:
                self.write(key, head.own)
        return frame

    def close_loop(self, loop: Loop, frame: Frame) -> None:
        paths: List[Path] = []
        for values in loop.breaks:
            path: Dict[Key, Defs] = {}
            for key, head in loop.heads.items():
                value = values.get(key, head.own)
                path[key] = loop.touched[key] if value is head.own and not head.back else value
            paths.append((True, path))
        self.close(frame, paths)


def flatten(defs: Defs, memo: Dict[LoopHead, FrozenSet[Binding]]) -> FrozenSet[Binding]:
    """The bindings in ``defs``, with each loop head replaced by everything that reaches it."""
    for item in defs:
        if isinstance(item, LoopHead):
            break
    else:
        return cast(FrozenSet[Binding], defs)  # no loop heads: the bindings themselves
    found: Set[Binding] = set()
    for item in defs:
        if isinstance(item, LoopHead):
            found.update(_head_bindings(item, memo))
        else:
            found.add(item)
    return frozenset(found)


def _head_bindings(start: LoopHead, memo: Dict[LoopHead, FrozenSet[Binding]]) -> FrozenSet[Binding]:
    """Everything reachable from a loop head through entries and back edges (cycles included)."""
    known = memo.get(start)
    if known is not None:
        return known
    found: Set[Binding] = set()
    visited = {start}
    pending = [start]
    while pending:
        head = pending.pop()
        for defs in (head.entry, *head.back):
            for item in defs:
                if isinstance(item, LoopHead):
                    if item not in visited:
                        done = memo.get(item)
                        if done is not None:
                            found.update(done)
                        else:
                            visited.add(item)
                            pending.append(item)
                else:
                    found.add(item)
    result = memo[start] = frozenset(found)
    return result
