"""The package layout is the architecture: layers import only the layers below them, and no module
imports itself back through a cycle (checked on every ``import`` statement, function-level ones too)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

PACKAGE = Path(__file__).resolve().parent.parent / "lint_openai"

# What each layer may import from lint_openai (besides itself). Front-ends only translate: they reach the
# engine, configuration, fixes and output helpers, never a rule's or the semantic layer's internals.
ALLOWED = {
    "records": set(),  # the data-class helper (lint_openai/records.py), below everything
    "knowledge": set(),
    "source": {"knowledge", "diagnostic"},
    "diagnostic": set(),
    "semantic": {"knowledge", "source", "diagnostic"},
    "config": {"rules"},
    "context": {"semantic", "knowledge", "source", "diagnostic", "config"},
    "analyses": {"semantic", "knowledge", "source", "context", "diagnostic"},
    "rules": {"semantic", "analyses", "knowledge", "source", "context", "diagnostic"},
    "fix": {"diagnostic", "source"},
    "engine": {"semantic", "analyses", "rules", "knowledge", "source", "context", "diagnostic", "config"},
    "frontends": {"engine", "config", "fix", "diagnostic", "source", "knowledge", "rules"},
}
for _layer, _below in ALLOWED.items():
    if _layer != "records":
        _below.add("records")
SHIMS = {"flake8_plugin", "pylint_plugin", "__main__", "__init__"}
# Front-ends and configuration see the rules only as a catalogue: codes, symbols, documentation.
RULE_CATALOGUE = {
    "lint_openai.rules.registry",
    "lint_openai.rules.base",
    "lint_openai.rules.docs",
    "lint_openai.rules.catalogue",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports() -> Dict[str, Set[str]]:
    graph: Dict[str, Set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        found: Set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lint_openai"):
                assert node.level == 0, f"{path}: relative import"
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("lint_openai"))
        graph[module_name(path)] = found
    modules = set(graph)
    return {name: {target for target in targets if target in modules} for name, targets in graph.items()}


def layer(module: str) -> str:
    return module.split(".")[1] if "." in module else "__init__"


def test_layers_import_only_what_they_may() -> None:
    wrong: List[str] = []
    for module, targets in imports().items():
        own = layer(module)
        if own in SHIMS or own not in ALLOWED:
            assert own in SHIMS, f"{module}: a module outside the known layers"
            continue
        for target in targets:
            other = layer(target)
            if other != own and other not in ALLOWED[own] and target != "lint_openai":
                wrong.append(f"{module} -> {target}")
            elif other == "rules" and own in ("frontends", "config") and target not in RULE_CATALOGUE:
                wrong.append(f"{module} -> {target} (only the rule catalogue)")
    assert not wrong


def test_no_import_cycles() -> None:
    graph = {
        name: {t for t in targets if t != name and not name.startswith(t + ".")}
        for name, targets in imports().items()
    }
    # A package's __init__ importing its own submodules is not a cycle of meaning; drop those edges.
    graph = {name: {t for t in targets if not t.startswith(name + ".")} for name, targets in graph.items()}
    state: Dict[str, int] = {}
    cycles: List[List[str]] = []

    def visit(node: str, path: List[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target] if target in path else [node, target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles
