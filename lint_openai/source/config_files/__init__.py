"""Configuration files (``.env``, YAML, TOML, JSON, INI) as trees of keys and positioned string values.

Each format is read by a real parser (``tomllib``, ``json``, ``configparser``, PyYAML; ``.env`` by
python-dotenv's grammar) and every string value carries the exact position of its text, so a finding
points at the value. Errors never quote the file: configuration files hold secrets.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable, Dict, Optional

from lint_openai.source.config_files.env import read_env
from lint_openai.source.config_files.ini import read_ini
from lint_openai.source.config_files.json_file import read_json
from lint_openai.source.config_files.toml_file import read_toml
from lint_openai.source.config_files.tree import ConfigNode
from lint_openai.source.config_files.yaml_file import read_yaml

ENV, YAML, TOML, JSON, INI = "env", "yaml", "toml", "json", "ini"
SUFFIXES = {".yaml": YAML, ".yml": YAML, ".toml": TOML, ".json": JSON, ".ini": INI, ".cfg": INI, ".env": ENV}
READERS: Dict[str, Callable[[str], ConfigNode]] = {
    ENV: read_env,
    YAML: read_yaml,
    TOML: read_toml,
    JSON: read_json,
    INI: read_ini,
}


def config_format(path: str) -> Optional[str]:
    """The configuration format of a file name: ``.env``, ``.env.*``, ``.envrc`` and ``*.env``,
    ``*.yaml``/``*.yml``, ``*.toml``, ``*.json``, ``*.ini``/``*.cfg``; ``None`` for anything else."""
    name = PurePath(path).name.lower()
    for suffix, kind in SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind
    if name in (".env", ".envrc") or name.startswith(".env."):
        return ENV
    return None


def read_config(text: str, kind: str) -> ConfigNode:
    """The tree of a configuration text of format ``kind``; raises ``ConfigFileError``."""
    return READERS[kind](text)
