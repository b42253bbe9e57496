"""Configuration files (``.env``, YAML, TOML, JSON, INI) as trees of keys and positioned string values.

Each format is read by a real parser (``tomllib``, ``json``, ``configparser``, PyYAML; ``.env`` by
python-dotenv's grammar) and every string value carries the exact position of its text, so a finding
points at the value. Errors never quote the file: configuration files hold secrets.
"""

from __future__ import annotations

from typing import Callable, Dict

from lint_openai.source.config_files.env import read_env
from lint_openai.source.config_files.ini import read_ini
from lint_openai.source.config_files.json_file import read_json
from lint_openai.source.config_files.toml_file import read_toml
from lint_openai.source.config_files.tree import ConfigNode
from lint_openai.source.config_files.yaml_file import read_yaml
from lint_openai.source.file_names import ENV, INI, JSON, TOML, YAML

READERS: Dict[str, Callable[[str], ConfigNode]] = {
    ENV: read_env,
    YAML: read_yaml,
    TOML: read_toml,
    JSON: read_json,
    INI: read_ini,
}


def read_config(text: str, kind: str) -> ConfigNode:
    """The tree of a configuration text of format ``kind``; raises ``ConfigFileError``."""
    return READERS[kind](text)
