"""Every open document by URI, as the scheduler checks them: text documents and notebooks.

A notebook is checked as one document (its URI, its version); its cells' URIs lead to it through
:meth:`NotebookStore.owner`.
"""

from __future__ import annotations

from typing import List, Optional, Union

from lint_openai.frontends.server.documents import Document, DocumentStore
from lint_openai.frontends.server.notebooks import NotebookDocument, NotebookStore

Checked = Union[Document, NotebookDocument]


class OpenDocuments:
    """The text documents and the notebooks open in the client."""

    def __init__(self, texts: DocumentStore, notebooks: NotebookStore) -> None:
        self.texts = texts
        self.notebooks = notebooks

    def get(self, uri: str) -> Optional[Checked]:
        document = self.texts.get(uri)
        return document if document is not None else self.notebooks.get(uri)

    def all(self) -> List[Checked]:
        return [*self.texts.all(), *self.notebooks.all()]
