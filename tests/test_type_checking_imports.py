"""OAI110 under ``if TYPE_CHECKING:`` and in ``.pyi`` stubs: still reported (the type checker resolves the import
and finds the name missing; the fix is the same), but the message claims no run-time error, since the import
never runs there."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from typing import List, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import check_source
from lint_openai.frontends.cli.main import main

TYPE_CHECKER = "type checkers report it as unresolved; this import never runs"
SETTINGS = Settings(sdk_version="3.57.0")


def oai110(source: str, path: str = "app.py") -> List[Diagnostic]:
    found = check_source(textwrap.dedent(source), path, SETTINGS)
    return [d for d in found if d.code == "OAI110"]


def summary(found: List[Diagnostic]) -> List[Tuple[int, bool, bool]]:
    """(row, says it never runs, names a run-time error) of each finding."""
    return [
        (
            d.start.row,
            TYPE_CHECKER in d.message,
            "ModuleNotFoundError" in d.message or "ImportError" in d.message,
        )
        for d in found
    ]


@pytest.mark.parametrize(
    "block",
    [
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n",
        "import typing\n\nif typing.TYPE_CHECKING:\n",
        "import typing as t\n\nif t.TYPE_CHECKING:\n",
        "from typing_extensions import TYPE_CHECKING\n\nif TYPE_CHECKING:\n",
    ],
)
def test_imports_under_type_checking_are_reported_without_a_run_time_error(block: str) -> None:
    source = (
        block + "    from openai.types.beta.vector_store import VectorStore\n"
        "    from openai.types.chat import ChatCompletion, ChatCompletionFunction\n"
        "    import openai.lib._validators\n"
    )
    found = oai110(source)
    first = block.count("\n") + 1
    assert summary(found) == [(first, True, False), (first + 1, True, False), (first + 2, True, False)]
    assert "`VectorStore` is in `openai.types.vector_store`" in found[0].message
    assert found[0].fix is not None  # the fix is the same as at run time
    assert found[0].fix.edits[0].content == "openai.types.vector_store"


def test_the_same_imports_at_run_time_name_the_error() -> None:
    source = """\
        from typing import TYPE_CHECKING

        from openai.types.beta.vector_store import VectorStore
        from openai.types.chat import ChatCompletionFunction

        if TYPE_CHECKING:
            pass
        else:
            import openai.lib._validators

        if not TYPE_CHECKING:
            import openai.cli_helpers
        else:
            from openai.types.beta.threads.thread_message import ThreadMessage

        def later() -> None:
            if TYPE_CHECKING:
                from openai.types.beta.vector_store import VectorStoreFile
        """
    assert summary(oai110(source)) == [
        (3, False, True),
        (4, False, True),
        (9, False, True),  # the else of `if TYPE_CHECKING:` runs
        (12, False, True),
        (14, True, False),  # the else of `if not TYPE_CHECKING:` does not
        (18, True, False),
    ]


def test_a_stub_file_never_runs_its_imports(tmp_path: Path) -> None:
    stub = tmp_path / "store.pyi"
    stub.write_text(
        "from openai.types.beta.vector_store import VectorStore\ndef describe(store: VectorStore) -> str: ...\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["check", str(tmp_path), "--output-format", "json"], out=out, err=io.StringIO()) == 1
    (finding,) = json.loads(out.getvalue())
    assert finding["code"] == "OAI110" and finding["filename"].endswith("store.pyi")
    assert TYPE_CHECKER in finding["message"] and "ModuleNotFoundError" not in finding["message"]
    assert summary(oai110(stub.read_text(encoding="utf-8"), "store.py")) == [(1, False, True)]


V0_MODULE_IMPORTS = """
import openai.error
from openai.error import RateLimitError
from openai import error
import openai.embeddings_utils
from openai.embeddings_utils import get_embedding
"""


@pytest.mark.parametrize("code", ["OAI102", "OAI108"])
def test_removed_v0_modules_under_type_checking_claim_no_run_time_error(code: str) -> None:
    """OAI102 (``openai.error``) and OAI108 (``openai.embeddings_utils``...) word it as OAI110 does."""
    indented = textwrap.indent(V0_MODULE_IMPORTS, "    ")
    guarded = check_source(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:" + indented, "app.py", SETTINGS
    )
    plain = check_source(V0_MODULE_IMPORTS, "app.py", SETTINGS)
    stub = check_source(V0_MODULE_IMPORTS, "app.pyi", SETTINGS)
    for found, type_checkers_only in ((guarded, True), (stub, True), (plain, False)):
        mine = [d for d in found if d.code == code]
        assert mine, (code, type_checkers_only)
        for d in mine:
            runtime_error = "ModuleNotFoundError" in d.message or "ImportError" in d.message
            assert (TYPE_CHECKER in d.message, runtime_error) == (
                type_checkers_only,
                not type_checkers_only,
            ), d
