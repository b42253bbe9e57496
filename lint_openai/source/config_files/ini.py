"""INI files (``*.ini``, ``*.cfg``), read by ``configparser`` as tools read them (no interpolation, keys
keep their case); positions come from configparser's own section and option patterns, and a position is
kept only where the located text is the value configparser read.
"""

from __future__ import annotations

import configparser
from typing import Dict, List, Optional, Tuple

from lint_openai.source.config_files.tree import ConfigFileError, ConfigNode, ConfigTable, ConfigValue
from lint_openai.source.lines import LineIndex

_SECTION = configparser.RawConfigParser.SECTCRE
_OPTION = configparser.RawConfigParser.OPTCRE
_COMMENT_PREFIXES = ("#", ";")


class _CaseSensitiveParser(configparser.RawConfigParser):
    """Keeps option names as written (``RawConfigParser`` lower-cases them)."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def read_ini(text: str) -> ConfigNode:
    """A table per section (``DEFAULT`` included when written), each with its options in file order."""
    parser = _CaseSensitiveParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error as error:
        errors = getattr(error, "errors", None)
        line = getattr(error, "lineno", None) or (errors[0][0] if errors else None)
        where = f" (line {line})" if line else ""
        raise ConfigFileError(f"not a valid INI file: {_describe(error)}{where}") from None
    sections: Dict[str, List[Tuple[str, ConfigNode]]] = {}
    for (section, key), position in _locate(text).items():
        if section == parser.default_section:
            value = parser.defaults().get(key)
        else:
            value = parser.get(section, key, raw=True, fallback=None)
        if value == position.value:
            sections.setdefault(section, []).append((key, position))
    return ConfigTable(tuple((name, ConfigTable(tuple(entries))) for name, entries in sections.items()))


def _locate(text: str) -> Dict[Tuple[str, str], ConfigValue]:
    """Where each option's (first-line) value is written; the last occurrence wins, as in configparser."""
    lines = LineIndex(text)
    found: Dict[Tuple[str, str], ConfigValue] = {}
    section: Optional[str] = None
    offset = 0
    for line in lines.lines:
        body = line.rstrip("\r\n")
        stripped = body.strip()
        header = _SECTION.match(stripped)
        if header is not None and not body[:1].isspace():
            section = header.group("header")
        elif (
            section is not None
            and stripped
            and not stripped.startswith(_COMMENT_PREFIXES)
            and not body[:1].isspace()
        ):
            option = _OPTION.match(body)
            if option is not None and option.group("vi"):
                start = offset + option.start("value")
                value = option.group("value").strip()
                position = lines.location_at(start)
                found[(section, option.group("option").strip())] = ConfigValue(
                    value, position, lines.location_at(start + len(value)), position
                )
        offset += len(line)
    return found


def _describe(error: configparser.Error) -> str:
    """What is wrong, without the offending line (it may hold a secret)."""
    names = {
        "MissingSectionHeaderError": "an option before any [section] header",
        "DuplicateSectionError": "a section defined twice",
        "DuplicateOptionError": "an option defined twice in a section",
        "ParsingError": "a line that is neither a [section], an option nor a comment",
    }
    return names.get(type(error).__name__, type(error).__name__)
