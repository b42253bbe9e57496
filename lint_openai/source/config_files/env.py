"""``.env`` files, read with python-dotenv's grammar: ``[export] KEY=value`` per line, ``#`` comments,
single- and double-quoted values (which may span lines), inline comments after unquoted values.

A line that is not an assignment is skipped, as python-dotenv skips it (with a warning there).
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from lint_openai.source.config_files.tree import ConfigNode, ConfigTable, ConfigValue
from lint_openai.source.lines import LineIndex
from lint_openai.source.patterns import match_end

_STATEMENT = re.compile(
    r"""[ \t]*(?:export[ \t]+)?
        (?:'(?P<quoted_key>[^']+)'|(?P<key>[^=\#\s]+))
        [ \t]*=[ \t]*""",
    re.VERBOSE,
)
_SINGLE_QUOTED = re.compile(r"'((?:\\'|[^'])*)'")
_DOUBLE_QUOTED = re.compile(r'"((?:\\"|[^"])*)"')
_UNQUOTED = re.compile(r"[^\r\n]*")
_INLINE_COMMENT = re.compile(r"\s+#.*")
_REST_OF_LINE = re.compile(r"[ \t]*(?:#[^\r\n]*)?(?:\r\n|\n|\r|$)")
_ANY_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_DOUBLE_ESCAPES = re.compile(r"\\([\\'\"abfnrtv])")
_ESCAPED = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def read_env(text: str) -> ConfigNode:
    """The assignments of a ``.env`` text, in order (a key set twice appears twice; the last one wins)."""
    lines = LineIndex(text)
    entries: List[Tuple[str, ConfigNode]] = []
    index = 0
    while index < len(text):
        statement = _STATEMENT.match(text, index)
        parsed = _value(text, statement.end(), lines) if statement else None
        if statement is None or parsed is None:
            index = match_end(_ANY_LINE, text, index)
            continue
        value, index = parsed
        entries.append((statement.group("quoted_key") or statement.group("key"), value))
    return ConfigTable(tuple(entries))


def _value(text: str, start: int, lines: LineIndex) -> Optional[Tuple[ConfigValue, int]]:
    """The value starting at ``start`` and the offset after its line; ``None`` if the line is malformed."""
    quote = text[start : start + 1]
    if quote in ("'", '"'):
        match = (_SINGLE_QUOTED if quote == "'" else _DOUBLE_QUOTED).match(text, start)
        rest = _REST_OF_LINE.match(text, match.end()) if match else None
        if match is None or rest is None:
            return None
        raw = match.group(1)
        value = _unescape_single(raw) if quote == "'" else _unescape_double(raw)
        verbatim = value == raw and "\n" not in raw and "\r" not in raw
        content = lines.location_at(start + 1) if verbatim else None
        located = ConfigValue(value, lines.location_at(start), lines.location_at(match.end()), content)
        return located, rest.end()
    line = text[start : match_end(_UNQUOTED, text, start)]
    value = _INLINE_COMMENT.sub("", line).rstrip()
    end = start + len(value)
    located = ConfigValue(value, lines.location_at(start), lines.location_at(end), lines.location_at(start))
    return located, match_end(_ANY_LINE, text, start)


def _unescape_single(raw: str) -> str:
    return re.sub(r"\\([\\'])", r"\1", raw)


def _unescape_double(raw: str) -> str:
    return _DOUBLE_ESCAPES.sub(lambda match: _ESCAPED.get(match.group(1), match.group(1)), raw)
