"""Output formats, file discovery and integrations, each checked with the real tool (jsonschema,
git, pre-commit, ruff) rather than a mock."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple
from xml.etree import ElementTree

import jsonschema
import pytest

from lint_openai.diagnostic import Diagnostic, Location
from lint_openai.frontends.cli.main import main
from lint_openai.frontends.cli.output.github import format_github
from lint_openai.frontends.cli.output.report import Report

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BIN = Path(sys.executable).parent
V0_FILE = "import openai\nreply = openai.ChatCompletion.create(model='my-model', messages=[])\nopenai.proxy = 'http://p'\n"


def run(args: List[str], env: Optional[Dict[str, str]] = None) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    try:
        os.environ.update(env or {})
        for key, value in (env or {}).items():
            if value == "":
                os.environ.pop(key)
        return main(args, out=out, err=err), out.getvalue(), err.getvalue()
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture
def v0_file(tmp_path: Path) -> Path:
    path = tmp_path / "app.py"
    path.write_text(V0_FILE, encoding="utf-8")
    return path


def test_sarif_is_valid_and_carries_rule_metadata(v0_file: Path) -> None:
    code, out, _ = run(["check", str(v0_file), "--output-format", "sarif"])
    assert code == 1
    document = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    run_ = document["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= {"OAI101", "OAI103", "OAI601"}
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["OAI101"]["name"] == "removed-v0-resource"
    # Was "file://" (issue 14 item 8: a link that breaks outside an editable install); now an https URL.
    assert by_id["OAI101"]["helpUri"].startswith("https://") and by_id["OAI101"]["helpUri"].endswith(
        "rules.md#oai101-removed-v0-resource"
    )
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["OAI101", "OAI103"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 9,
        "endLine": 2,
        "endColumn": 37,
    }
    assert rules[results[0]["ruleIndex"]]["id"] == "OAI101"
    assert results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == (
        "openai.chat.completions.create"
    )


def test_sarif_schema_rejects_a_broken_document() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate({"version": "2.1.0", "runs": [{"results": []}]})


def test_github_annotations(v0_file: Path) -> None:
    _, out, _ = run(["check", str(v0_file), "--output-format", "github"])
    first = out.splitlines()[0]
    assert first.startswith(
        f"::error file={v0_file},line=2,col=9,endLine=2,endColumn=37,title=lint-openai (OAI101)::"
    )
    assert "OAI101 `openai.ChatCompletion.create` was removed" in first
    assert "Found" not in out


def test_github_escapes_newlines_and_property_separators(tmp_path: Path) -> None:

    diagnostic = Diagnostic("OAI101", "s", "a%b\nc", Location(1, 1), Location(1, 2), "dir,a:b.py")
    assert format_github(Report([diagnostic])) == (
        "::error file=dir%2Ca%3Ab.py,line=1,col=1,endLine=1,endColumn=2,title=lint-openai (OAI101)::OAI101 a%25b%0Ac\n"
    )


def test_pylint_and_junit_formats(v0_file: Path) -> None:
    _, out, _ = run(["check", str(v0_file), "--output-format", "pylint"])
    assert out.splitlines()[0].startswith(f"{v0_file}:2: [OAI101] ")
    _, out, _ = run(["check", str(v0_file), "--output-format", "junit"])
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    [suite] = root.findall("testsuite")
    assert suite.get("failures") == "2"
    assert [f.get("type") for f in suite.iter("failure")] == ["OAI101", "OAI103"]


@pytest.mark.parametrize(
    ("env", "colored"),
    [
        ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ({}, False),
    ],
)
def test_colors(v0_file: Path, env: Dict[str, str], colored: bool) -> None:
    base = {"FORCE_COLOR": "", "NO_COLOR": ""}
    _, out, _ = run(["check", str(v0_file), "--output-format", "full"], env={**base, **env})
    assert ("\033[" in out) is colored


def test_statistics_and_show_files(tmp_path: Path, v0_file: Path) -> None:
    (tmp_path / "other.py").write_text(V0_FILE + "y = openai.ChatCompletion\n", encoding="utf-8")
    _, out, _ = run(["check", str(tmp_path), "--statistics"])
    lines = out.splitlines()
    assert lines[0] == "3\tOAI101\t[-] removed-v0-resource"
    assert lines[1] == "2\tOAI103\t[ ] removed-module-setting"
    code, out, _ = run(["check", str(tmp_path), "--show-files"])
    assert code == 0 and out.splitlines() == [str(v0_file), str(tmp_path / "other.py")]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def init_repo(path: Path) -> None:
    git(path, "init", "-q")
    git(path, "config", "user.email", "test@example.com")
    git(path, "config", "user.name", "test")


def test_gitignore_is_honoured_in_a_repository(tmp_path: Path) -> None:
    init_repo(tmp_path)
    (tmp_path / ".gitignore").write_text("generated/\n*.gen.py\n!keep.gen.py\n", encoding="utf-8")
    for name in ("app.py", "generated/client.py", "x.gen.py", "keep.gen.py", "sub/y.gen.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(V0_FILE, encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("!y.gen.py\n", encoding="utf-8")
    _, out, _ = run(["check", str(tmp_path), "--show-files"])
    shown = sorted(Path(line).relative_to(tmp_path).as_posix() for line in out.splitlines())
    assert shown == ["app.py", "keep.gen.py", "sub/y.gen.py"]
    _, out, _ = run(["check", str(tmp_path), "--show-files", "--no-respect-gitignore"])
    assert len(out.splitlines()) == 5


def test_an_ignored_directory_named_explicitly_is_checked(tmp_path: Path) -> None:
    init_repo(tmp_path)
    (tmp_path / ".gitignore").write_text("cache/\n", encoding="utf-8")
    for name in ("cache/pkg/a.py", "cache/pkg/skip.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(V0_FILE, encoding="utf-8")
    (tmp_path / "cache" / "pkg" / ".gitignore").write_text("skip.py\n", encoding="utf-8")
    assert run(["check", str(tmp_path), "--show-files"])[1].strip() == ""
    _, out, _ = run(["check", str(tmp_path / "cache" / "pkg"), "--show-files"])
    assert out.strip() == str(tmp_path / "cache" / "pkg" / "a.py")  # its own .gitignore still applies
    _, out, _ = run(["check", str(tmp_path / "cache"), "--show-files", "--force-exclude"])
    assert out.strip() == ""


def test_gitignore_outside_a_repository_is_not_applied(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.py\n", encoding="utf-8")
    (tmp_path / "app.py").write_text(V0_FILE, encoding="utf-8")
    assert run(["check", str(tmp_path), "--show-files"])[1].strip() == str(tmp_path / "app.py")


def test_force_exclude_applies_to_explicit_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-openai]\nextend-exclude = ["legacy"]\n', encoding="utf-8"
    )
    path = tmp_path / "legacy" / "old.py"
    path.parent.mkdir()
    path.write_text(V0_FILE, encoding="utf-8")
    assert run(["check", str(path)])[0] == 1
    assert run(["check", str(path), "--force-exclude"])[0] == 0


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_hooks_with_the_real_pre_commit(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    init_repo(project)
    target = project / "app.py"
    target.write_text(
        "import openai\nfrom openai.error import RateLimitError\nx = openai.ChatCompletion\n",
        encoding="utf-8",
    )
    git(project, "add", "app.py")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    command = [str(BIN / "pre-commit"), "try-repo", str(snapshot_of_this_checkout(tmp_path / "hook-repo"))]

    check = subprocess.run(
        [*command, "lint-openai", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 1, check.stdout + check.stderr
    assert "OAI102" in check.stdout and "OAI101" in check.stdout

    fix = subprocess.run(
        [*command, "lint-openai-fix", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fix.returncode == 1, (
        fix.stdout + fix.stderr
    )  # files were modified, and OAI101 (no safe fix) remains
    assert target.read_text(encoding="utf-8").splitlines()[1] == "from openai import RateLimitError"


def snapshot_of_this_checkout(destination: Path) -> Path:
    """The working tree (tracked and untracked, not ignored) committed in a fresh repository.

    ``pre-commit try-repo`` only sees committed and tracked files; a snapshot makes the test check
    the hooks as they are now, committed or not.
    """
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    for name in listing:
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    init_repo(destination)
    git(destination, "add", "-A")
    git(destination, "commit", "-q", "-m", "snapshot")
    return destination


def test_ruff_keeps_our_noqa_codes_with_the_documented_setting(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(
        "import openai\nx = openai.ChatCompletion  # noqa: OAI101\ny = 1  # noqa: E501\n", encoding="utf-8"
    )
    command = [
        str(BIN / "ruff"),
        "check",
        "--isolated",
        "--select",
        "RUF100,RUF102",
        "--output-format",
        "concise",
        str(path),
    ]
    without = subprocess.run(command, capture_output=True, text=True, check=False)
    assert "RUF102" in without.stdout and "OAI101" in without.stdout  # ruff would delete our code with --fix
    assert "RUF100" in without.stdout  # and the check is live: a truly unused noqa is reported
    with_external = subprocess.run(
        [*command, "--config", 'lint.external = ["OAI"]'], capture_output=True, text=True, check=False
    )
    assert "OAI101" not in with_external.stdout
    assert "RUF100" in with_external.stdout
