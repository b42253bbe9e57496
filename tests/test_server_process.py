"""The server process: a failing rule, exit without shutdown, and the linter without pygls."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_notebooks import ClientNotebook, open_notebook
from .lsp_session import config, initialize, open_document, published, span, wait_for_publish, wait_until

module_loop = pytest.mark.asyncio(loop_scope="module")

HERE = Path(__file__).parent
pytestmark = pytest.mark.slow  # language servers in subprocesses, some started by hand
V0_CALL = "import openai\n\nresp = openai.ChatCompletion.create(messages=[])\n"


@pytest_lsp.fixture(
    config=config([sys.executable, str(HERE / "server_with_failing_rule.py")]), scope="module"
)
async def failing(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):
    await initialize(lsp_client, tmp_path_factory.mktemp("failing"), notebooks=True)
    yield
    await lsp_client.shutdown_session()


@module_loop
async def test_a_failing_rule_is_logged_and_the_server_lives_on(
    failing: LanguageClient, tmp_path: Path
) -> None:
    uri = (tmp_path / "explode.py").as_uri()
    open_document(failing, uri, "# explode\n" + V0_CALL)
    params = await wait_for_publish(failing, uri, 1)
    assert list(params.diagnostics) == []
    await wait_until(
        lambda: any(m.type == types.MessageType.Error for m in failing.log_messages), "a log message"
    )
    (logged,) = [m.message for m in failing.log_messages if m.type == types.MessageType.Error]
    assert logged == (
        f"{tmp_path / 'explode.py'}:4: internal error in OAI101: RuntimeError: boom "
        "(this is a bug in lint-openai; please report it)"
    )
    assert failing.messages == []  # logged, not a pop-up
    start = types.Position(line=3, character=10)
    actions = await failing.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=start, end=start),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert list(actions) == []
    healthy = (tmp_path / "healthy.py").as_uri()
    open_document(failing, healthy, V0_CALL)
    assert [span(d) for d in (await wait_for_publish(failing, healthy, 1)).diagnostics] == [
        ("OAI101", 2, 7, 2, 35)
    ]


@module_loop
async def test_a_failing_rule_in_a_notebook_is_logged_and_the_cells_stay_clean(
    failing: LanguageClient, tmp_path: Path
) -> None:
    before = len(failing.log_messages)
    notebook = ClientNotebook.of(tmp_path / "explode.ipynb", ["import openai\n# explode", V0_CALL])
    open_notebook(failing, notebook)
    for cell in notebook.cells:
        assert list((await wait_for_publish(failing, cell.uri, 1)).diagnostics) == []
    logged = [m.message for m in failing.log_messages[before:] if m.type == types.MessageType.Error]
    # The engine's message, as `lint-openai check` prints it: the row is the module's (cell 2, line 3).
    assert logged == [
        f"{tmp_path / 'explode.ipynb'}:5: internal error in OAI101: RuntimeError: boom "
        "(this is a bug in lint-openai; please report it)"
    ]
    assert [len(published(failing, cell.uri)) for cell in notebook.cells] == [1, 1]


@pytest_lsp.fixture(config=config(), scope="module")
async def plain(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):
    await initialize(lsp_client, tmp_path_factory.mktemp("plain"))
    yield


@module_loop
async def test_exit_without_shutdown_ends_with_1(plain: LanguageClient) -> None:
    await wait_until(lambda: plain.registrations, "the end of initialization")
    plain.exit(None)
    assert await plain._server.wait() == 1


BLOCK_PYGLS = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pygls", "lsprotocol"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
from lint_openai.frontends.cli.main import main
code = main(sys.argv[1:])
print("pygls imported:", "pygls" in sys.modules)
sys.exit(code)
"""


def run_without_pygls(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_PYGLS, *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_server_without_pygls_says_how_to_install_it() -> None:
    result = run_without_pygls("server")
    assert result.returncode == 2
    assert result.stderr == (
        "lint-openai: error: the language server needs the 'server' extra (No module named 'lsprotocol'); "
        'install it with: pip install "lint-openai[server]"\n'
    )


def test_the_linter_runs_without_pygls(tmp_path: Path) -> None:
    source = tmp_path / "v0.py"
    source.write_text(V0_CALL, encoding="utf-8")
    result = run_without_pygls("check", "--quiet", str(source))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{source}:3:8: OAI101 [*] "
        + "`openai.ChatCompletion.create` was removed in openai>=1.0 and raises `APIRemovedInV1` when called; "
        "use `openai.chat.completions.create(...)` or the same method on an `OpenAI()` client",
        "pygls imported: False",
    ]
