"""What kind of file a name is (a notebook, a configuration file), decided without reading it or loading a
reader: discovery and the prefilter ask this of every file."""

from __future__ import annotations

import os
from typing import Optional

NOTEBOOK_SUFFIX = ".ipynb"
ENV, YAML, TOML, JSON, INI = "env", "yaml", "toml", "json", "ini"
SUFFIXES = {".yaml": YAML, ".yml": YAML, ".toml": TOML, ".json": JSON, ".ini": INI, ".cfg": INI, ".env": ENV}


def is_notebook_path(path: str) -> bool:
    """Whether a file is read as a Jupyter notebook (by its name, as ruff decides)."""
    return path.lower().endswith(NOTEBOOK_SUFFIX)


def config_format(path: str) -> Optional[str]:
    """The configuration format of a file name: ``.env``, ``.env.*``, ``.envrc`` and ``*.env``,
    ``*.yaml``/``*.yml``, ``*.toml``, ``*.json``, ``*.ini``/``*.cfg``; ``None`` for anything else."""
    name = os.path.basename(path).lower()
    for suffix, kind in SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind
    if name in (".env", ".envrc") or name.startswith(".env."):
        return ENV
    return None
