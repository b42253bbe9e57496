"""Configuration files (``.env``, YAML, TOML, JSON, INI) as trees of keys and positioned string values.

Each format is read by a real parser (``tomllib``, ``json``, ``configparser``, PyYAML; ``.env`` by
python-dotenv's grammar) and every string value carries the exact position of its text, so a finding
points at the value. Errors never quote the file: configuration files hold secrets.
"""

from __future__ import annotations

import functools
from typing import Callable, Dict

from lint_openai.source.config_files.tree import ConfigNode
from lint_openai.source.file_names import ENV, INI, JSON, TOML, YAML


@functools.cache
def readers() -> Dict[str, Callable[[str], ConfigNode]]:
    """The reader of each format (their parsers load with the first configuration file read)."""
    from lint_openai.source.config_files import (  # noqa: PLC0415 - configparser, tomllib, PyYAML: when needed
        env,
        ini,
        json_file,
        toml_file,
        yaml_file,
    )

    return {
        ENV: env.read_env,
        YAML: yaml_file.read_yaml,
        TOML: toml_file.read_toml,
        JSON: json_file.read_json,
        INI: ini.read_ini,
    }


def read_config(text: str, kind: str) -> ConfigNode:
    """The tree of a configuration text of format ``kind``; raises ``ConfigFileError``."""
    return readers()[kind](text)
