"""A project's own ``openai.py`` (or ``openai/`` package) beside a top-level file shadows the SDK there: what the
file calls on ``openai`` is the project's code. Every front-end notices the sibling from the file's path
(``config/shadowing.py``, through ``SettingsResolver``) and the engine treats ``import openai`` as a local
module; a package's ``openai.py`` (``pkg.openai``, a provider adapter) does not shadow anything."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

from lint_openai.config.hosts import HostOptions, SettingsResolver
from lint_openai.config.shadowing import shadows_sdk
from lint_openai.frontends.cli.main import main

from .frontends import flake8_findings, pylint_findings

TODAY = "2026-11-25"
WRAPPER = '"""Our own thin wrapper, named openai.py."""\nclass ChatCompletion:\n    @staticmethod\n    def create(**kw):\n        return kw\napi_base = None\n'
ADAPTER = "import openai\n\n\nclass OpenAIProvider:\n    client = openai.OpenAI()\n"
APP = (
    "import openai\n"
    "import tiktoken\n"
    "from openai.error import RateLimitError\n"
    'openai.api_base = "http://x"\n'
    'reply = openai.ChatCompletion.create(model="gpt-5.6-sol", messages=[])\n'
    'print(reply["choices"][0]["message"]["content"])\n'
    'encoding = tiktoken.encoding_for_model("gpt-6-luna")\n'
)
SDK_FINDINGS = {(3, "OAI102"), (4, "OAI103"), (5, "OAI101")}
TIKTOKEN_FINDING = (7, "OAI403")  # tiktoken is tiktoken, whatever openai is here


def project(root: Path, files: Dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def cli(*args: str, stdin: str = "") -> Set[Tuple[int, str]]:
    out = io.StringIO()
    old, sys.stdin = sys.stdin, io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
    try:
        status = main(
            ["check", *args, "--output-format", "json", "--today", TODAY], out=out, err=io.StringIO()
        )
    finally:
        sys.stdin = old
    assert status in (0, 1)
    return {(f["location"]["row"], f["code"]) for f in json.loads(out.getvalue())}


# ------------------------------------------------------------------------------------------ the sibling
@pytest.mark.parametrize(
    ("files", "directory", "shadowed"),
    [
        ({"openai.py": WRAPPER}, ".", True),
        ({"openai/__init__.py": "", "openai/chat.py": ""}, ".", True),
        ({"openai/__init__.py": "from openai.chat import x\n"}, ".", True),  # a local package's own imports
        ({"openai.py": WRAPPER, "scripts/run.py": ""}, "scripts", False),  # the sibling of another directory
        ({}, ".", False),
        ({"openai/chat.py": ""}, ".", False),  # a namespace portion: a later regular package (the SDK) wins
        ({"openai.py": ADAPTER}, ".", False),  # imports openai itself: an adapter imported as pkg.openai
        ({"openai.py": "from openai import OpenAI\n"}, ".", False),
        ({"__init__.py": "", "openai.py": WRAPPER}, ".", False),  # a package: `import openai` is absolute
        ({"pkg/__init__.py": "", "pkg/llms/openai.py": WRAPPER}, "pkg/llms", False),  # namespace in a package
        ({"pkg/__init__.py": "", "pkg/a/b/openai/__init__.py": ""}, "pkg/a/b", False),
        ({"OpenAI.py": WRAPPER}, ".", False),  # another name (the import system compares case)
    ],
)
def test_which_directories_shadow_the_sdk(
    tmp_path: Path, files: Dict[str, str], directory: str, shadowed: bool
) -> None:
    project(tmp_path, files)
    assert shadows_sdk(tmp_path / directory) is shadowed


def test_the_settings_of_every_front_end_carry_the_fact(tmp_path: Path) -> None:
    project(tmp_path, {"openai.py": WRAPPER, "app.py": APP, "sub/app.py": APP})
    resolver = SettingsResolver(HostOptions(isolated=True))
    assert resolver.for_path(tmp_path / "app.py").sdk_shadowed
    assert not resolver.for_path(tmp_path / "sub" / "app.py").sdk_shadowed


# ------------------------------------------------------------------------------------------ the CLI
def test_findings_on_the_local_module_are_not_the_sdks(tmp_path: Path) -> None:
    project(tmp_path, {"local/openai.py": WRAPPER, "local/app.py": APP, "sdk/app.py": APP})
    assert cli(str(tmp_path / "local")) == {TIKTOKEN_FINDING}
    assert cli(str(tmp_path / "sdk")) == SDK_FINDINGS | {TIKTOKEN_FINDING}
    assert cli("-", "--stdin-filename", str(tmp_path / "local" / "app.py"), stdin=APP) == {TIKTOKEN_FINDING}
    out = io.StringIO()
    main(["check", str(tmp_path / "local" / "app.py"), "--show-settings"], out=out, err=io.StringIO())
    assert "finds the local openai.py" in out.getvalue()


def test_a_package_with_its_own_openai_module_still_imports_the_sdk(tmp_path: Path) -> None:
    """``providers/openai.py`` in a package is ``providers.openai``: the SDK calls beside it (and in it) count."""
    project(tmp_path, {"providers/__init__.py": "", "providers/openai.py": APP, "providers/base.py": APP})
    found = cli(str(tmp_path / "providers"))
    assert found == SDK_FINDINGS | {TIKTOKEN_FINDING}
    out = io.StringIO()
    main(
        ["check", str(tmp_path / "providers"), "--output-format", "json", "--today", TODAY],
        out=out,
        err=io.StringIO(),
    )
    assert {Path(f["filename"]).name for f in json.loads(out.getvalue())} == {"openai.py", "base.py"}


def test_a_model_id_given_to_the_local_module_is_judged_as_another_librarys(tmp_path: Path) -> None:
    app = 'import openai\nreply = openai.ChatCompletion.create(model="gpt-4", messages=[])\n'
    project(tmp_path, {"openai.py": WRAPPER, "app.py": app})
    assert cli(str(tmp_path / "app.py")) == {(2, "OAI201")}


def test_a_notebook_beside_a_local_openai_module(tmp_path: Path) -> None:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": APP}]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    project(tmp_path, {"openai.py": WRAPPER, "nb.ipynb": notebook, "other/nb.ipynb": notebook})
    assert cli(str(tmp_path / "nb.ipynb")) == {TIKTOKEN_FINDING}
    assert cli(str(tmp_path / "other" / "nb.ipynb")) == SDK_FINDINGS | {TIKTOKEN_FINDING}


# ------------------------------------------------------------------------------------------ flake8, pylint
@pytest.mark.slow
def test_flake8_and_pylint_read_the_same_fact_from_the_path(tmp_path: Path) -> None:
    project(tmp_path, {"local/openai.py": WRAPPER, "local/app.py": APP, "sdk/app.py": APP})
    files = {"local": tmp_path / "local" / "app.py", "sdk": tmp_path / "sdk" / "app.py"}
    for found in (flake8_findings(tmp_path, files), pylint_findings(tmp_path, files)):
        codes: Dict[str, List[str]] = {
            name: sorted(code for _, _, code in items) for name, items in found.items()
        }
        assert codes["local"] == ["OAI403"]
        assert codes["sdk"] == ["OAI101", "OAI102", "OAI103", "OAI403"]


def test_nothing_is_imported_or_run(tmp_path: Path) -> None:
    """The local module is read as text at most: one that would fail on import changes nothing."""
    project(tmp_path, {"openai.py": 'raise SystemExit("imported!")\n', "app.py": APP})
    assert cli(str(tmp_path / "app.py")) == {TIKTOKEN_FINDING}
    result = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "app.py", "--today", TODAY],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "imported!" not in result.stdout + result.stderr
