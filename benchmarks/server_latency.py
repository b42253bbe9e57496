"""Latency and memory of ``lint-openai server`` on a 2,000-line SDK-dense buffer (issue 18).

    python benchmarks/server_latency.py                 # 1,000 edits
    python benchmarks/server_latency.py --edits 200

A real client (pygls) starts ``lint-openai server`` over stdio, opens the buffer of ``run.py``'s
latency benchmark (the test fixtures, each copy inside its own function) and sends one incremental
``didChange`` at a time (a comment line inserted at the top, then removed), each time waiting for the
``publishDiagnostics`` of that version. Reported: the time from sending ``didChange`` to receiving its
diagnostics (median and 90th percentile; target: median < 150 ms), ``check_source`` on the same buffer
in this process (the engine's share of it), and the server's RSS after opening the buffer and after every
quarter of the edits (flat memory: no growth with the number of edits). Nothing here is a unit test.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Dict, List

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import heavy_file

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source

SERVER = [str(Path(sys.executable).with_name("lint-openai")), "server"]
URI = "file:///benchmark/heavy.py"


def rss_mb(pid: int) -> float:
    """Resident set size of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def edit(version: int) -> types.TextDocumentContentChangePartial:
    """Odd versions insert a comment line at the top, even ones remove it again."""
    start = types.Position(line=0, character=0)
    if version % 2:
        return types.TextDocumentContentChangePartial(
            range=types.Range(start=start, end=start), text="# edit\n"
        )
    end = types.Position(line=1, character=0)
    return types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text="")


async def measure(text: str, edits: int) -> Dict[str, object]:
    client = LanguageClient("benchmark", "1")
    arrived: Dict[int, float] = {}
    counts: Dict[int, int] = {}
    waiters: Dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is None:
            return
        arrived[params.version] = time.perf_counter()
        counts[params.version] = len(params.diagnostics)
        waiter = waiters.get(params.version)
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    await client.start_io(*SERVER)
    pid = client._server.pid  # type: ignore[union-attr]
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    loop = asyncio.get_running_loop()

    async def send_and_wait(version: int, send: object) -> float:
        waiters[version] = loop.create_future()
        started = time.perf_counter()
        send()  # type: ignore[operator]
        await asyncio.wait_for(waiters[version], timeout=60)
        return arrived[version] - started

    item = types.TextDocumentItem(uri=URI, language_id="python", version=0, text=text)
    await send_and_wait(
        0, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    )
    memory: List[tuple] = [(0, rss_mb(pid))]
    latencies: List[float] = []
    for version in range(1, edits + 1):
        params = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[edit(version)],
        )
        latencies.append(await send_and_wait(version, lambda p=params: client.text_document_did_change(p)))
        if version % max(edits // 4, 1) == 0:
            memory.append((version, rss_mb(pid)))
    await client.shutdown_async(None)
    client.exit(None)
    code = await client._server.wait()  # type: ignore[union-attr]
    await client.stop()
    return {"latencies": latencies, "memory": memory, "findings": counts[edits], "exit": code}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    text = heavy_file()
    engine = []
    for _ in range(20):
        started = time.perf_counter()
        check_source(text, "heavy.py", Settings())
        engine.append(time.perf_counter() - started)
    result = asyncio.run(measure(text, args.edits))
    latencies = sorted(result["latencies"])  # type: ignore[arg-type]
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    print(f"buffer: {text.count(chr(10))} lines, {result['findings']} findings; {len(latencies)} edits")
    print(
        f"didChange -> publishDiagnostics: median {statistics.median(latencies) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms"
    )
    print(f"check_source in-process (20 runs): median {statistics.median(engine) * 1000:.0f} ms")
    print("server RSS: " + ", ".join(f"{mb:.1f} MB after {n} edits" for n, mb in result["memory"]))  # type: ignore[union-attr]
    print(f"server exit status after shutdown/exit: {result['exit']}")


if __name__ == "__main__":
    main()
