"""Writes of an environment variable by a module's top-level statements, in statement order.

``os.environ["OPENAI_BASE_URL"] = url``, ``os.environ.setdefault(...)``, ``os.environ.update(...)``,
``del os.environ[...]`` and ``os.environ.pop(...)``, written as statements of the module body: code that
runs unconditionally, before every later statement. Syntax only: the caller checks that the object
written is ``os.environ`` (``os.putenv`` does not change ``os.environ``, which is what Python code reads).
"""

from __future__ import annotations

import ast
from typing import List, NamedTuple, Optional, Tuple


class EnvironmentWrite(NamedTuple):
    """One top-level write: ``kind`` is ``set``, ``default`` (``setdefault``: only if unset) or ``unset``."""

    position: int  # of the statement in the module body
    environ: ast.AST  # the object written (``os.environ``, if the caller proves it)
    kind: str
    value: Optional[ast.AST]


def environment_writes(module: ast.Module, name: str) -> List[EnvironmentWrite]:
    """Every top-level statement of ``module`` that writes the variable ``name``, in order."""
    found: List[EnvironmentWrite] = []
    for index, statement in enumerate(module.body):
        write = _write(statement, name)
        if write is not None:
            found.append(EnvironmentWrite(index, *write))
    return found


def _write(statement: ast.stmt, name: str) -> Optional[Tuple[ast.AST, str, Optional[ast.AST]]]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        environ = _subscript_of(statement.targets[0], name)
        return (environ, "set", statement.value) if environ is not None else None
    if isinstance(statement, ast.Delete) and len(statement.targets) == 1:
        environ = _subscript_of(statement.targets[0], name)
        return (environ, "unset", None) if environ is not None else None
    if not isinstance(statement, ast.Expr) or not isinstance(statement.value, ast.Call):
        return None
    call = statement.value
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr in ("setdefault", "pop") and call.args and _is_text(call.args[0], name):
        if func.attr == "pop":
            return func.value, "unset", None
        return (func.value, "default", call.args[1]) if len(call.args) == 2 else None
    if func.attr == "update" and not call.args:
        value = next((keyword.value for keyword in call.keywords if keyword.arg == name), None)
        return (func.value, "set", value) if value is not None else None
    if func.attr == "update" and len(call.args) == 1 and isinstance(call.args[0], ast.Dict):
        mapping = call.args[0]
        value = next(
            (v for k, v in zip(mapping.keys, mapping.values) if k is not None and _is_text(k, name)), None
        )
        return (func.value, "set", value) if value is not None else None
    return None


def _subscript_of(target: ast.AST, name: str) -> Optional[ast.AST]:
    """``E`` when ``target`` is ``E["<name>"]``."""
    if isinstance(target, ast.Subscript) and _is_text(target.slice, name):
        return target.value
    return None


def _is_text(node: ast.AST, text: str) -> bool:
    return isinstance(node, ast.Constant) and node.value == text
