"""The tree a configuration file is read into: tables of keys, lists, and positioned string values."""

from __future__ import annotations

from typing import Optional, Tuple, Union

from lint_openai.diagnostic import Location
from lint_openai.records import record


class ConfigFileError(Exception):
    """A configuration file that cannot be read; the message never quotes the file's content."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@record
class ConfigValue:
    """A string value: ``start``/``end`` span its text (quotes included); ``content`` is where the value's
    characters start when they appear verbatim in the file (no escapes, one line), else ``None``."""

    value: str
    start: Location
    end: Location
    content: Optional[Location] = None


@record
class ConfigTable:
    """A mapping (a YAML mapping, a TOML or INI table, a JSON object, a whole ``.env`` file), in file order."""

    entries: Tuple[Tuple[str, ConfigNode], ...] = ()


@record
class ConfigList:
    """A sequence of values (or of documents, for a multi-document YAML file)."""

    items: Tuple[ConfigNode, ...] = ()


@record
class OtherValue:
    """A number, boolean, date or null: never a model id."""


ConfigNode = Union[ConfigValue, ConfigTable, ConfigList, OtherValue]
