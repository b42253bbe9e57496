"""Host conventions (issue 14, item 8): each output format prints what the tool it imitates prints, checked
against the real tool where one is installed (ruff, pylint, jsonschema)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple
from urllib.parse import urljoin

import jsonschema
import pytest

from lint_openai import RULES_URL
from lint_openai.frontends.cli.main import main
from lint_openai.rules.base import BREAKING, DEPRECATION
from lint_openai.rules.registry import ALL_RULES, RULES_BY_CODE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
# A v0 call with a safe fix (OAI101), a removed setting without one (OAI103), a model with months left.
V0_FILE = (
    "import openai\n"
    "reply = openai.ChatCompletion.create(model='my-model', messages=[])\n"
    "openai.proxy = 'http://p'\n"
    "client = openai.OpenAI()\n"
    "client.chat.completions.create(model='gpt-4o', messages=[])\n"
)
# ``path:row: [CODE] message`` and nothing else: the line ruff's `pylint` format prints.
PYLINT_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<row>\d+): \[(?P<code>[A-Z]+[0-9]+)\] (?P<message>\S.*)$")


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(args, out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def v0_file(tmp_path: Path) -> Path:
    path = tmp_path / "app.py"
    path.write_text(V0_FILE, encoding="utf-8")
    return path


def _ruff(*args: str, cwd: Path) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [str(BIN / "ruff"), "check", "--isolated", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_pylint_format_prints_only_what_ruffs_pylint_format_prints(tmp_path: Path, v0_file: Path) -> None:
    ruff_target = tmp_path / "unused.py"
    ruff_target.write_text("import os\nimport sys\n", encoding="utf-8")
    ruff = _ruff("--select", "F401", "--output-format", "pylint", "unused.py", cwd=tmp_path)
    assert ruff.returncode == 1 and ruff.stderr == ""
    assert all(PYLINT_LINE.match(line) for line in ruff.stdout.splitlines()), ruff.stdout  # the reference

    for extra in ([], ["--fix"], ["--unsafe-fixes"]):
        v0_file.write_text(V0_FILE, encoding="utf-8")
        code, out, err = run(
            ["check", str(v0_file), "--output-format", "pylint", "--today", "2026-11-25", *extra]
        )
        assert code == 1
        lines = out.splitlines()
        assert lines and all(PYLINT_LINE.match(line) for line in lines), out  # no summary, no fix hints
        assert "Found" not in out + err and "fixable" not in out + err and "[*]" not in out
    clean = tmp_path / "clean.py"
    clean.write_text("x = 1\n", encoding="utf-8")
    ruff_clean = _ruff("--output-format", "pylint", "clean.py", cwd=tmp_path)
    assert (ruff_clean.returncode, ruff_clean.stdout) == (0, "")
    assert run(["check", str(clean), "--output-format", "pylint"]) == (0, "", "")


def test_pylint_format_lines_parse_like_pylints_parseable_output(tmp_path: Path, v0_file: Path) -> None:
    """pylint's own ``parseable`` lines start ``path:row: [`` too; tools that read one read the other."""
    target = tmp_path / "unused.py"
    target.write_text("import os\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--output-format=parseable", "--disable=all", "--enable=unused-import",
         "--persistent=n", "--score=n", "unused.py"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    messages = [line for line in result.stdout.splitlines() if not line.startswith("*")]
    assert messages and all(re.match(r"^unused\.py:1: \[W0611", line) for line in messages), result.stdout
    _, out, _ = run(["check", str(v0_file), "--output-format", "pylint", "--today", "2026-11-25"])
    assert [PYLINT_LINE.match(line)["code"] for line in out.splitlines()] == ["OAI101", "OAI103", "OAI202"]  # type: ignore[index]


def _sarif(args: List[str]) -> dict:  # type: ignore[type-arg]
    code, out, _ = run(["check", *args, "--output-format", "sarif", "--today", "2026-11-25"])
    assert code == 1
    document = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    return document


def test_sarif_level_follows_the_rule_severity(v0_file: Path) -> None:
    run_ = _sarif([str(v0_file)])["runs"][0]
    levels = {result["ruleId"]: result["level"] for result in run_["results"]}
    assert levels == {"OAI101": "error", "OAI103": "error", "OAI202": "warning"}
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert rules["OAI202"]["defaultConfiguration"]["level"] == "warning"
    assert rules["OAI304"]["defaultConfiguration"]["level"] == "warning"
    assert rules["OAI201"]["defaultConfiguration"]["level"] == "error"


def test_severity_is_a_rule_attribute_the_formatter_reads(
    v0_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert {rule.severity for rule in ALL_RULES} == {BREAKING, DEPRECATION}
    # Deprecations: the code works today (a shutdown date ahead, a parameter the API still accepts).
    assert {rule.code for rule in ALL_RULES if rule.severity == DEPRECATION} == {
        "OAI111",
        "OAI112",
        "OAI202",
        "OAI304",
        "OAI702",
    }
    monkeypatch.setattr(type(RULES_BY_CODE["OAI103"]), "severity", DEPRECATION)
    levels = {r["ruleId"]: r["level"] for r in _sarif([str(v0_file)])["runs"][0]["results"]}
    assert levels["OAI103"] == "warning"


def test_sarif_uris_are_relative_to_a_declared_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "my project"
    target = project / "src" / "app v0.py"
    target.parent.mkdir(parents=True)
    target.write_text(V0_FILE, encoding="utf-8")
    monkeypatch.chdir(project)
    document = _sarif(["src"])
    run_ = document["runs"][0]
    base = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == project.resolve().as_uri() + "/"
    for result in run_["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": "src/app%20v0.py", "uriBaseId": "%SRCROOT%"}
        assert urljoin(base, artifact["uri"]) == target.resolve().as_uri()
    fixed = [r for r in run_["results"] if "fixes" in r]
    assert fixed[0]["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    # A file outside the base directory keeps an absolute URI.
    outside = tmp_path / "elsewhere.py"
    outside.write_text(V0_FILE, encoding="utf-8")
    [first, *_] = _sarif([str(outside)])["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": outside.resolve().as_uri()
    }


def _pyproject() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_docs_links_are_https_urls_from_project_urls_and_their_anchors_exist(v0_file: Path) -> None:
    assert _pyproject()["project"]["urls"]["Documentation"] == RULES_URL
    assert RULES_URL.startswith("https://") and RULES_URL.endswith("/rules.md")
    anchors = {
        _github_anchor(line[3:]) for line in (ROOT / "rules.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    }  # fmt: skip
    for rule in ALL_RULES:
        page, anchor = rule.url.split("#")
        assert page == RULES_URL and anchor in anchors, rule.url
    _, out, _ = run(["check", str(v0_file), "--output-format", "json"])
    assert {item["url"] for item in json.loads(out)} <= {rule.url for rule in ALL_RULES}
    rules = _sarif([str(v0_file)])["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].startswith(RULES_URL + "#") for rule in rules)


def test_docs_links_do_not_depend_on_files_beside_the_package(tmp_path: Path, v0_file: Path) -> None:
    """As from a wheel: the package alone, without the repository's rules.md next to it."""
    shutil.copytree(ROOT / "lint_openai", tmp_path / "site" / "lint_openai")
    result = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", str(v0_file), "--output-format", "sarif"],
        capture_output=True, text=True, check=False, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].startswith("https://") for rule in rules)


def test_models_prints_no_negative_day_counts() -> None:
    code, out, _ = run(["models", "--today", "2026-11-25"])
    assert code == 0
    rows = [line.split() for line in out.splitlines()[1:]]
    days = {row[0]: row[4] for row in rows}
    assert not any(cell.startswith("-") and cell != "-" for cell in days.values()), out
    assert days["gpt-4o"] == "50"
    assert " ".join(next(r for r in rows if r[0] == "ada")[2:6]) == "retired 2024-01-04 1056 ago"
    _, out, _ = run(["models", "--today", "2026-11-25", "--output-format", "json"])
    by_id = {row["model"]: row for row in json.loads(out)}
    assert all(row["days"] is None or row["days"] >= 0 for row in by_id.values())
    assert (by_id["ada"]["days"], by_id["ada"]["days_since_shutdown"]) == (None, 1056)
    assert (by_id["gpt-4o"]["days"], by_id["gpt-4o"]["days_since_shutdown"]) == (50, None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gpt-nonexistent-9"], "no known model id contains 'gpt-nonexistent-9'"),
        (["--kind", "chats"], "unknown kind 'chats'"),
    ],
)
def test_models_with_a_filter_that_matches_nothing_exits_2(args: List[str], message: str) -> None:
    code, out, err = run(["models", *args])
    assert (code, out) == (2, "")
    assert message in err
    assert (
        run(["models", "gpt-4o", "--status", "active", "--today", "2026-11-25"])[0] == 0
    )  # filtered empty: fine


README = ROOT / "README.md"
# Files the README tells users about that their own runs create, not files of this repository.
# Files in the user's project or editor configuration that the README tells them to write.
# Files users or the tool write (results.json: in the results cache), not files of this repository.
USER_FILES = {  # files and directories in a user's project, made by the user or by lint-openai
    ".lint-openai-models.json",
    ".lint_openai_cache/",
    "extension.toml",
    "languages.toml",
    "openai.py",  # a project's own module named openai (README: a local module named `openai`)
    "openai/__init__.py",
    "results.json",
    "settings.json",
    "src/lib.rs",
}
LSP_METHODS = ("window/", "workspace/", "textDocument/", "notebookDocument/")  # protocol names, not paths


def readme_pointers_to_missing_files(text: str) -> List[str]:
    """Paths the README names (links, inline code that looks like a path) that do not exist in the checkout.

    Short module names in the architecture table (``binder.py``, ``rules/``) count when a file or directory of
    that name is in the package.
    """
    tokens = set(re.findall(r"`([^`\s]+)`", text)) | set(re.findall(r"\]\(([^)#\s]+)", text))
    paths = {
        t for t in tokens if re.fullmatch(r"[\w.\-/]+\.(md|py|pyi|json|toml|yaml|csv)|[\w.\-]+/[\w.\-/]*", t)
    }
    package_names = {path.name for path in (ROOT / "lint_openai").rglob("*")}
    return sorted(
        path
        for path in paths - USER_FILES
        if not path.startswith(("http:", "https:", *LSP_METHODS))
        and not (ROOT / path).exists()
        and not ("/" not in path.rstrip("/") and path.rstrip("/") in package_names)
    )


def test_readme_points_only_to_files_that_exist() -> None:
    assert readme_pointers_to_missing_files(README.read_text(encoding="utf-8")) == []
    # The check is live: the README before the layout change pointed to a design.md the repository lacks.
    assert "design.md" in readme_pointers_to_missing_files("The architecture follows `design.md`: ...")


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{title}\n")
    end = text.find("\n### ", start + 1)
    return text[start : end if end >= 0 else None]


def _pre_commit(args: List[str], cwd: Path, home: Path) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # `language: system` finds lint-openai here
        "PRE_COMMIT_HOME": str(home),
    }
    return subprocess.run(
        [str(BIN / "pre-commit"), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
@pytest.mark.slow
def test_readme_pre_commit_snippets_work_with_the_real_pre_commit(tmp_path: Path) -> None:
    snippets = re.findall(r"```yaml\n(.*?)```", readme_section("### pre-commit"), re.DOTALL)
    assert len(snippets) == 2
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / "app.py").write_text("from openai.error import RateLimitError\n", encoding="utf-8")
    subprocess.run(["git", "add", "app.py"], cwd=project, check=True)
    remote, local = snippets
    # The remote snippet as a user fills it in for a clone on disk: its path and one of its commits.
    remote = re.sub(r"repo: \S+", f"repo: {ROOT}", remote).replace("<commit or tag>", "HEAD")
    for name, snippet in (("remote.yaml", remote), ("local.yaml", local)):
        (project / name).write_text(snippet, encoding="utf-8")
        validated = _pre_commit(["validate-config", name], project, tmp_path / "home")
        assert validated.returncode == 0, validated.stdout + validated.stderr
    ran = _pre_commit(["run", "--all-files", "--config", "local.yaml"], project, tmp_path / "home")
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "app.py:1:1: OAI102" in ran.stdout
    # The old text: "repo: local" in place of the URL, with only `rev` and `id`, is not a valid config.
    (project / "old.yaml").write_text(remote.replace(f"repo: {ROOT}", "repo: local"), encoding="utf-8")
    old = _pre_commit(["validate-config", "old.yaml"], project, tmp_path / "home")
    assert old.returncode == 1 and "Missing required key: name" in old.stdout
