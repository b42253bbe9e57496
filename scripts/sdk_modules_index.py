"""The module tree of the installed ``openai`` and what each module lets you import (``sdk_modules.json``).

For every module found by walking the package with ``pkgutil`` (``openai.types.*``, ``openai.lib.*``,
``openai.resources.*`` and the rest): the public names ``from openai.X import Name`` can import (module
globals and lazily exported names not starting with ``_``, plus sub-modules), split by where they are bound:
``unique`` (defined here and in no other module: a rule can point to this module when the name is imported
from the wrong one), ``defined`` (defined here and elsewhere too) and ``imported``. Modules that cannot be
imported without an optional dependency keep their sub-modules and the missing dependency instead of names.
"""

from __future__ import annotations

import ast
import functools
import importlib
import json
import pkgutil
from typing import Any, Optional

import sdk_introspect as sdk


@functools.cache
def module_names() -> tuple[str, ...]:
    """Every module of the ``openai`` package, sorted (``__main__`` modules are listed, never imported)."""
    openai = importlib.import_module("openai")
    names = {"openai"}
    names.update(
        info.name for info in pkgutil.walk_packages(openai.__path__, "openai.", onerror=lambda _: None)
    )
    return tuple(sorted(names))


def _submodules(name: str) -> list[str]:
    prefix = name + "."
    return sorted({m[len(prefix) :].split(".")[0] for m in module_names() if m.startswith(prefix)})


def _missing_dependency(name: str) -> Optional[str]:
    """``None`` if the module imports, else what it needs (``ModuleNotFoundError`` or the SDK's own error)."""
    if name.rpartition(".")[2] == "__main__":
        return "not imported: a __main__ module runs on import"
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as error:
        return f"ModuleNotFoundError: {error.name}"
    except Exception as error:  # the SDK raises its own MissingDependencyError for optional extras
        return f"{type(error).__name__}: {' '.join(str(error).split())[:160]}"
    return None


def _bound_names(name: str) -> set[str]:
    """Names a module's own top-level statements bind (classes, functions, assignments), not imports."""
    module = importlib.import_module(name)
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return set()
    bound: set[str] = set()
    for statement in sdk.parse(sdk.relative(path)).body:
        if isinstance(statement, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            bound.add(statement.name)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            bound.update(t.id for t in targets if isinstance(t, ast.Name))
    return {n for n in bound if not n.startswith("_")}


def _public_names(name: str) -> set[str]:
    module = importlib.import_module(name)
    names = set(dir(module)) | set(getattr(module, "__all__", ()))
    # pydantic puts parametrised generic models in the module namespace under names like "BasePage[~_T]",
    # spelled differently by each Python version; they are not identifiers, so no import can name them.
    return {n for n in names if not n.startswith("_") and n.isidentifier()}


def build() -> dict[str, Any]:
    """Import every module and record its names."""
    raw: dict[str, dict[str, Any]] = {}
    definitions: dict[str, list[str]] = {}
    for name in module_names():
        submodules = _submodules(name)
        missing = _missing_dependency(name)
        entry: dict[str, Any] = {"submodules": submodules}
        if missing is not None:
            entry["unimportable"] = missing
        else:
            module = importlib.import_module(name)
            entry["lazy"] = "__getattr__" in vars(module)
            entry["names"] = _public_names(name) - set(submodules)
            entry["bound"] = _bound_names(name) & entry["names"]
            for bound in entry["bound"]:
                definitions.setdefault(bound, []).append(name)
        raw[name] = entry
    modules = {}
    for name, entry in raw.items():
        if "names" not in entry:
            modules[name] = entry
            continue
        bound, names = entry.pop("bound"), entry.pop("names")
        unique = {n for n in bound if len(definitions[n]) == 1}
        modules[name] = {
            **entry,
            "unique": sorted(unique),
            "defined": sorted(bound - unique),
            "imported": sorted(names - bound),
        }
    return {
        "generated_by": "scripts/gen_api_knowledge.py (sdk_modules_index.py)",
        "openai_version": importlib.import_module("openai").__version__,
        "about": (
            "Every module of the installed openai package. A module's importable public names are its "
            "submodules plus unique + defined + imported: 'unique' names are defined (class, def or "
            "assignment) in this module and in no other, 'defined' ones also elsewhere, 'imported' ones come "
            "from elsewhere. 'lazy' modules resolve the listed names through a module __getattr__. "
            "'unimportable' modules need an optional dependency; their names are not recorded."
        ),
        "modules": modules,
    }


def render(document: dict[str, Any]) -> str:
    """JSON with one module per line, sorted, so a diff shows which modules changed."""
    head = {k: v for k, v in document.items() if k != "modules"}
    lines = [json.dumps(head, indent=1, sort_keys=True)[:-2] + ',\n "modules": {']
    items = sorted(document["modules"].items())
    for index, (name, entry) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        lines.append(
            f"  {json.dumps(name)}: {json.dumps(entry, sort_keys=True, separators=(',', ':'))}{comma}"
        )
    lines.append(" }\n}\n")
    return "\n".join(lines)
