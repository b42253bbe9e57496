"""The language a notebook cell's own metadata gives it: .NET Interactive (Polyglot Notebooks) cells.

A Polyglot notebook saved by VS Code may say ``kernelspec: python3`` while its cells are C#, F# or
PowerShell: each cell names its kernel (``polyglot_notebook.kernelName``, before that
``dotnet_interactive.language``), or is marked ``vscode.languageId: "polyglot-notebook"`` and runs on the
notebook's default kernel (``polyglot_notebook.kernelInfo.defaultKernelName``, else C#). Any other cell has
no language of its own: it is the notebook's (``vscode.languageId`` alone is only the editor's highlighting).
"""

from __future__ import annotations

from typing import Any, Dict, Optional

POLYGLOT_LANGUAGE_ID = "polyglot-notebook"
POLYGLOT_DEFAULT_KERNEL = "csharp"  # what .NET Interactive runs a cell on when nothing names a kernel


def cell_language(cell_metadata: object, notebook_metadata: object) -> Optional[str]:
    """The cell's kernel language in lower case, or ``None`` where the cell does not name one."""
    cell = cell_metadata if isinstance(cell_metadata, dict) else {}
    named = _text(_table(cell, "polyglot_notebook").get("kernelName")) or _text(
        _table(cell, "dotnet_interactive").get("language")
    )
    if named is not None:
        return named
    if _text(_table(cell, "vscode").get("languageId")) != POLYGLOT_LANGUAGE_ID:
        return None
    notebook = notebook_metadata if isinstance(notebook_metadata, dict) else {}
    kernel_info = _table(_table(notebook, "polyglot_notebook"), "kernelInfo")
    return _text(kernel_info.get("defaultKernelName")) or POLYGLOT_DEFAULT_KERNEL


def is_python_language(language: Optional[str]) -> bool:
    """No language of its own, or Python's (``python``, ``python3``, ``ipython``...)."""
    return language is None or language.startswith(("python", "ipython"))


def _table(data: object, key: str) -> Dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _text(value: object) -> Optional[str]:
    return value.strip().lower() if isinstance(value, str) and value.strip() else None
