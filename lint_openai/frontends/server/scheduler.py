"""Linting off the event loop: debounced, one result per document version, stale results dropped.

A change to an idle document is checked at once; changes arriving within ``debounce`` seconds of each
other (typing) are checked once the document has been quiet that long. Checks run one at a time on a
worker thread, so the server keeps reading messages meanwhile; a result whose document changed (or
whose settings changed) while it was computed is dropped, and the newest version is checked instead.
"""

from __future__ import annotations

import asyncio
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Dict, List, Optional, Tuple, TypeVar

from lint_openai.frontends.server.linter import Diagnostic, InternalError
from lint_openai.frontends.server.open_documents import Checked, OpenDocuments
from lint_openai.records import record

DEBOUNCE = 0.05
T = TypeVar("T")


@record
class Result:
    """The findings of one version of a document or notebook (or why there are none)."""

    document: Checked
    generation: int
    diagnostics: Tuple[Diagnostic, ...] = ()
    error: Optional[str] = None


Job = Callable[[], List[Diagnostic]]


def _run(job: Job, document: Checked, generation: int) -> Result:
    try:
        return Result(document, generation, tuple(job()))
    except InternalError as error:
        return Result(document, generation, error=f"{error} (this is a bug in lint-openai; please report it)")
    except Exception:  # a bug anywhere in the engine must not end the server
        return Result(
            document, generation, error=f"lint-openai failed on {document.uri}:\n{traceback.format_exc()}"
        )


class Scheduler:
    """Checks open documents and hands each new result to ``publish`` (on the event loop)."""

    def __init__(
        self,
        documents: OpenDocuments,
        prepare: Callable[[Checked], Job],
        publish: Callable[[Result], None],
        debounce: float = DEBOUNCE,
    ) -> None:
        self.documents = documents
        self.prepare = prepare  # runs on the event loop (reads settings, may report), returns the job
        self.publish = publish
        self.debounce = debounce
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lint-openai")
        self.generation = 0  # bumped when settings change: older results are stale
        self.started = False  # nothing is checked before the client's settings are known
        self._results: Dict[str, Result] = {}
        self._published: Dict[str, Result] = {}
        self._running: Dict[str, Tuple[Checked, int, asyncio.Future[Result]]] = {}
        self._workers: Dict[str, asyncio.Future[None]] = {}
        self._changed_at: Dict[str, float] = {}
        self._burst: Dict[str, bool] = {}

    def start(self) -> None:
        self.started = True
        for document in self.documents.all():
            self._wake(document.uri)

    def changed(self, uri: str) -> None:
        """A document was opened or changed."""
        now = time.monotonic()
        previous = self._changed_at.get(uri)
        self._changed_at[uri] = now
        self._burst[uri] = previous is not None and now - previous < self.debounce
        self._wake(uri)

    def recheck(self, uri: Optional[str] = None) -> None:
        """Check one document (saved: the date may have moved on) or all (settings changed) again."""
        if uri is None:
            self.generation += 1
            self._results.clear()
            self._published.clear()
            uris = [document.uri for document in self.documents.all()]
        else:
            self._results.pop(uri, None)
            self._published.pop(uri, None)
            uris = [uri]
        for each in uris:
            self._wake(each)

    def closed(self, uri: str) -> None:
        self._results.pop(uri, None)
        self._published.pop(uri, None)
        self._running.pop(uri, None)
        self._changed_at.pop(uri, None)
        self._burst.pop(uri, None)
        worker = self._workers.pop(uri, None)
        if worker is not None:
            worker.cancel()

    def is_current(self, result: Result) -> bool:
        """Whether ``result`` is of the document's present version and settings."""
        return (
            self.documents.get(result.document.uri) is result.document
            and result.generation == self.generation
        )

    async def result_for(self, document: Checked) -> Optional[Result]:
        """The findings of this version (computed once); None if it was superseded meanwhile."""
        cached = self._results.get(document.uri)
        if cached is not None and cached.document is document and cached.generation == self.generation:
            return cached
        running = self._running.get(document.uri)
        if running is None or running[0] is not document or running[1] != self.generation:
            job = self.in_worker(_run, self.prepare(document), document, self.generation)
            running = (document, self.generation, asyncio.ensure_future(job))
            self._running[document.uri] = running
        try:
            result = await asyncio.shield(running[2])  # shared by every caller asking for this version
        finally:
            if self._running.get(document.uri) is running:
                del self._running[document.uri]
        if not self.is_current(result):
            return None
        self._results[document.uri] = result
        return result

    async def in_worker(self, function: Callable[..., T], *args: object) -> T:
        """Run ``function`` on the checking thread (one check at a time)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    def stop(self) -> None:
        for worker in self._workers.values():
            worker.cancel()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def _wake(self, uri: str) -> None:
        if not self.started:
            return
        worker = self._workers.get(uri)
        if worker is None or worker.done():
            self._workers[uri] = asyncio.ensure_future(self._work(uri))

    async def _work(self, uri: str) -> None:
        while True:
            while self._burst.get(uri):
                wait = self._changed_at[uri] + self.debounce - time.monotonic()
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            document = self.documents.get(uri)
            if document is None:
                return
            result = await self.result_for(document)
            if result is None:
                continue  # the document changed while it was checked: check the newest version
            if self._published.get(uri) is not result:
                self._published[uri] = result
                self.publish(result)
            return
