"""Command-line option declarations: the name an option's value is stored under, and its default.

``parser.add_argument("--model", default="gpt-4o")`` (argparse: ``dest=``, else the first long option,
else the first name) and ``@click.option("-m", "--model-name", default="gpt-4o")`` (click: a bare
identifier among the names, else the first long option) declare a value named ``model``/``model_name``
whose default is the literal. typer's ``typer.Option("gpt-4o")`` is a parameter default, resolved by the
semantic model itself (:data:`lint_openai.semantic.model.DEFAULT_CARRIERS`). A click option decorating a
function fills that function's parameter of the same name (:func:`option_parameter`), as typer's does.
"""

from __future__ import annotations

import ast
from typing import List, Optional, Tuple

from lint_openai.semantic.calls import callee_name, keyword_value
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import LibraryName

CLICK_DECLARATIONS = frozenset({"click.option", "click.argument"})


def option_default(model: SemanticModel, call: ast.Call, scope: Scope) -> Optional[Tuple[str, ast.AST]]:
    """``(name, default expression)`` of an argparse or click option declared by ``call``, if it is one."""
    default = keyword_value(call, "default")
    if default is None:
        return None
    names = _names(call)
    if not names:
        return None
    if callee_name(call) == "add_argument":
        destination = keyword_value(call, "dest")
        if isinstance(destination, ast.Constant) and isinstance(destination.value, str):
            return destination.value, default
        return _default_name(names), default
    callee = model.resolve(call.func, scope)
    if type(callee) is LibraryName and callee.name in CLICK_DECLARATIONS:
        bare = [name for name in names if name.isidentifier()]
        if bare:
            return bare[0], default
        return _default_name(names), default
    return None


def option_parameter(model: SemanticModel, call: ast.Call, name: str) -> Optional[Scope]:
    """The scope of the function whose decorator ``call`` is, if it has a parameter ``name`` (the one a click
    option fills): ``@click.option("--model", default=...)`` over ``def main(model): ...``."""
    function = model.parent(call)
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    if not any(decorator is call for decorator in function.decorator_list):
        return None
    arguments = function.args
    parameters = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
    if not any(parameter.arg == name for parameter in parameters):
        return None  # ``**kwargs`` or a parameter of another name: the value's way is not shown
    return model.scopes.get(function)


def _names(call: ast.Call) -> List[str]:
    """The option's names, as written (``"-m"``, ``"--model"``); none if any is not a string literal."""
    names = []
    for argument in call.args:
        if not isinstance(argument, ast.Constant) or not isinstance(argument.value, str):
            return []
        names.append(argument.value)
    return names


def _default_name(names: List[str]) -> str:
    """The name both libraries derive from the first long option, else the first one:
    ``("-m", "--model-name")`` -> ``model_name``."""
    option = next((name for name in names if name.startswith("--")), names[0])
    return option.lstrip("-").replace("-", "_")
