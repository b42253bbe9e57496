"""The open documents the scheduler checks, by URI: Python text documents and notebooks.

A text document of another language (markdown, JSON...) is kept (it may be requested) but never checked,
not even when every document is checked again after a settings change. A notebook is checked as one
document (its URI, its version); its cells' URIs lead to it through :meth:`NotebookStore.owner`.
"""

from __future__ import annotations

from typing import List, Optional, Union

from lint_openai.frontends.server.documents import Document, DocumentStore
from lint_openai.frontends.server.notebooks import NotebookDocument, NotebookStore

Checked = Union[Document, NotebookDocument]


class OpenDocuments:
    """The Python text documents and the notebooks open in the client."""

    def __init__(self, texts: DocumentStore, notebooks: NotebookStore) -> None:
        self.texts = texts
        self.notebooks = notebooks

    def get(self, uri: str) -> Optional[Checked]:
        document = self.texts.get(uri)
        return document if document is not None and document.is_python else self.notebooks.get(uri)

    def all(self) -> List[Checked]:
        return [*(document for document in self.texts.all() if document.is_python), *self.notebooks.all()]
