"""Whether ``import openai`` in a directory's files finds a local module rather than the SDK.

A script's directory comes first on ``sys.path`` (``python app.py``; a notebook's kernel starts in its own), so
``import openai`` there imports a sibling ``openai.py`` or ``openai/__init__.py`` when one exists. The directory
is taken for such a top-level directory only when neither it nor a directory above it is a package (has an
``__init__.py``): in a package, or a namespace package inside one (``litellm/llms/openai/``), its modules are
``pkg.sub.x`` and ``import openai`` is absolute, so the sibling is ``pkg.sub.openai`` (a provider adapter, often)
and the import reaches the SDK. A namespace package with no regular package above it cannot be told from a
directory of scripts, and counts as one. A sibling ``openai.py`` that itself imports ``openai`` is such an adapter too (a
module cannot take ``OpenAI`` from itself). Nothing is imported or run: a few names are looked up and the
sibling module's text is searched.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SDK_PACKAGE = "openai"
MODULE_FILE = f"{SDK_PACKAGE}.py"
MAX_MODULE_BYTES = 1024 * 1024  # a module this large is not a small local wrapper: not read
_IMPORTS_SDK = re.compile(rb"^[ \t]*(?:import[ \t]+openai\b|from[ \t]+openai(?:\.\w+)*[ \t]+import\b)", re.M)


def shadows_sdk(directory: Path) -> bool:
    """Whether ``import openai`` in the top-level files of ``directory`` finds a local module (see above)."""
    try:
        package = (directory / SDK_PACKAGE / "__init__.py").is_file()
        module = (directory / MODULE_FILE).is_file()
        if not (package or module) or _in_package(directory):
            return False
        names = os.listdir(directory)  # the exact name: a case-insensitive file system also finds OpenAI.py
        if package and SDK_PACKAGE in names:
            return True
        return module and MODULE_FILE in names and not _imports_sdk(directory / MODULE_FILE)
    except OSError:
        return False


def _in_package(directory: Path) -> bool:
    """Whether ``directory`` or a directory above it has an ``__init__.py``."""
    return any((folder / "__init__.py").is_file() for folder in (directory, *directory.parents))


def _imports_sdk(module: Path) -> bool:
    """Whether the module's text has an absolute ``import openai`` / ``from openai... import`` line."""
    with module.open("rb") as handle:
        text = handle.read(MAX_MODULE_BYTES + 1)
    return len(text) > MAX_MODULE_BYTES or _IMPORTS_SDK.search(text) is not None
