"""SDK methods the file replaces: after a patch, calls of the method take what the replacement takes.

``client.chat.completions.create = create_with_retries`` (or ``setattr(client.chat.completions, "create",
...)``) replaces the method on that object: recorded by the attribute names of the target, so
``self.client.chat.completions.create = ...`` counts too. ``instructor.patch(client)`` and
``instructor.apatch(client)`` assign ``client.chat.completions.create`` in place (whether or not their
result is used), adding ``response_model=``, ``max_retries=``, ``validation_context=``...; so does
langsmith's ``wrap_openai`` (``langsmith_extra=``). A patched client is known by its value (its class), an
unresolved one patches every client.
"""

from __future__ import annotations

import ast
import functools
from typing import FrozenSet, Optional, Set, Tuple

from lint_openai.analyses.base import Analysis
from lint_openai.semantic.calls import setattr_target
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Client, LibraryName, Method

# Library functions that assign the methods of the client they are given, in place.
IN_PLACE_PATCHERS = frozenset({"instructor.patch", "instructor.apatch", "langsmith.wrappers.wrap_openai"})
EVERY_CLIENT = Client("*")


class PatchedMethods(Analysis):
    """Which SDK method calls may reach a replacement defined by the code, not the SDK's method."""

    collects = (ast.Assign, ast.AnnAssign, ast.Call)  # a patch may follow the call: the whole file is read

    def patched(self, method: Method) -> bool:
        """Whether ``method`` (a callee) may have been replaced somewhere in the file."""
        names, clients = self._patches
        if method.client in clients or EVERY_CLIENT in clients:
            return True
        return method.path[-2:] in names

    @functools.cached_property
    def _patches(self) -> Tuple[FrozenSet[Tuple[str, ...]], FrozenSet[Client]]:
        names: Set[Tuple[str, ...]] = set()
        clients: Set[Client] = set()
        for node, scope in self.ctx.walked:
            if isinstance(node, ast.Call):
                self._patching_call(node, scope, names, clients)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    chain = _attribute_names(target)
                    if len(chain) >= 2:
                        names.add(chain[-2:])
        return frozenset(names), frozenset(clients)

    def _patching_call(
        self, call: ast.Call, scope: Scope, names: Set[Tuple[str, ...]], clients: Set[Client]
    ) -> None:
        model = self.ctx.model
        func = call.func
        target = setattr_target(call)
        if target is not None:
            chain = (*_attribute_names(target[0]), target[1])
            if len(chain) >= 2:
                names.add(chain[-2:])
            return
        if isinstance(func, ast.Name) and func.id == "setattr":
            return
        callee = model.resolve(func, scope)
        if type(callee) is not LibraryName or callee.name not in IN_PLACE_PATCHERS:
            return
        given = _first_argument(call)
        value = model.resolve(given, scope) if given is not None else None
        clients.add(value if isinstance(value, Client) else EVERY_CLIENT)


def _attribute_names(node: ast.AST) -> Tuple[str, ...]:
    """``("client", "chat", "completions", "create")`` for ``client.chat.completions.create``."""
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return tuple(reversed(names))


def _first_argument(call: ast.Call) -> Optional[ast.AST]:
    if call.args and not isinstance(call.args[0], ast.Starred):
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == "client"), None)
