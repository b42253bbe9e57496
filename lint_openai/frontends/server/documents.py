"""Open documents: text and version as the client last sent them, with incremental changes applied.

The server keeps its own copy instead of pygls's workspace documents (see ``app.DocumentProtocol``),
whose lines come from ``str.splitlines``: it also splits at form feeds, ``\\x1c``-``\\x1e``, ``\\x85`` and
``\\u2028``, which are no line ends in LSP or Python, and would shift every position after one.
"""

from __future__ import annotations

import functools
from typing import Dict, List, Optional, Sequence, Union

from lsprotocol import types
from pygls import uris

from lint_openai.frontends.server.linter import LineIndex
from lint_openai.frontends.server.positions import PositionMapper
from lint_openai.records import field, record

Change = Union[types.TextDocumentContentChangePartial, types.TextDocumentContentChangeWholeDocument]
PYTHON_SUFFIXES = (".py", ".pyi")


def path_of(uri: str) -> str:
    """The file-system path of a ``file:`` URI; ``""`` for other schemes (``untitled:``...)."""
    return (uris.to_fs_path(uri) or "") if uri.startswith("file:") else ""


@record
class Document:
    """One version of one text document (immutable: a change makes a new one)."""

    uri: str
    text: str
    version: Optional[int]
    language_id: str = "python"
    path: str = field(default="")

    @functools.cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def is_python(self) -> bool:
        return self.language_id == "python" or self.path.endswith(PYTHON_SUFFIXES)

    def mapper(self, encoding: str) -> PositionMapper:
        return PositionMapper(self.lines, encoding)

    def changed(self, version: Optional[int], changes: Sequence[Change], encoding: str) -> Document:
        """The document after ``changes`` (applied in order, each to the result of the previous one)."""
        text = self.text
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                mapper = PositionMapper(LineIndex(text), encoding)
                start, end = mapper.offset(change.range.start), mapper.offset(change.range.end)
                text = text[:start] + change.text + text[max(start, end) :]
            else:
                text = change.text
        return Document(self.uri, text, version, self.language_id, self.path)


class DocumentStore:
    """The open documents by URI."""

    def __init__(self) -> None:
        self._documents: Dict[str, Document] = {}

    def open(self, item: types.TextDocumentItem) -> Document:
        document = Document(item.uri, item.text, item.version, item.language_id, path_of(item.uri))
        self._documents[item.uri] = document
        return document

    def change(self, uri: str, version: Optional[int], changes: Sequence[Change], encoding: str) -> Document:
        document = self._documents[uri].changed(version, changes, encoding)
        self._documents[uri] = document
        return document

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)

    def get(self, uri: str) -> Optional[Document]:
        return self._documents.get(uri)

    def all(self) -> List[Document]:
        return list(self._documents.values())
