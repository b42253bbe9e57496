"""A notebook's findings published per cell: each cell's URI and version, ranges in the cell's own lines.

The findings of one check of the notebook (each located in its cell by the CLI's notebook code) are split
by cell. Every code cell gets its list (empty when clean, so a client knows the version was checked);
markup cells get none. A cell is published again only when its version or its findings changed (a change in
cell 1 can change the findings of cell 3), and a cell that had findings and left the notebook is cleared.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from lsprotocol import types

from lint_openai.frontends.server.diagnostics import to_lsp
from lint_openai.frontends.server.linter import Diagnostic, by_cell
from lint_openai.frontends.server.notebooks import NotebookDocument

Published = Tuple[Optional[int], List[types.Diagnostic]]


class CellPublisher:
    """What each open notebook's cells were last published with, and what to publish next."""

    def __init__(self) -> None:
        self._published: Dict[str, Dict[str, Published]] = {}

    def updates(
        self, notebook: NotebookDocument, diagnostics: Sequence[Diagnostic], encoding: str
    ) -> List[types.PublishDiagnosticsParams]:
        """The notifications that bring the client to the findings of this version of the notebook."""
        found = by_cell(diagnostics)
        before = self._published.get(notebook.uri, {})
        now: Dict[str, Published] = {}
        updates: List[types.PublishDiagnosticsParams] = []
        for number, cell in enumerate(notebook.cells, start=1):
            document = cell.document
            if cell.kind != types.NotebookCellKind.Code and document.uri not in before:
                continue
            mapper = document.mapper(encoding)
            now[document.uri] = (document.version, [to_lsp(d, mapper) for d in found.get(number, [])])
            if before.get(document.uri) != now[document.uri]:
                updates.append(
                    types.PublishDiagnosticsParams(
                        uri=document.uri, version=document.version, diagnostics=now[document.uri][1]
                    )
                )
        updates += [_cleared(uri) for uri in sorted(before.keys() - now.keys())]
        self._published[notebook.uri] = now
        return updates

    def closed(self, uri: str) -> List[types.PublishDiagnosticsParams]:
        """The notifications clearing every cell of a closed notebook."""
        return [_cleared(cell) for cell in self._published.pop(uri, {})]


def _cleared(uri: str) -> types.PublishDiagnosticsParams:
    return types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
