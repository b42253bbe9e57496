"""Command-line features users expect from ruff (issue 14, item 9): options that override configuration,
``--isolated``, ``--output-file``, ``--show-settings``, ``--show-fixes``, ``--add-noqa`` and the ``gitlab`` and
``json-lines`` formats."""

from __future__ import annotations

import ast
import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import List, Set, Tuple

import pytest

from lint_openai.config.hosts import SettingsResolver, cli_options
from lint_openai.config.settings import ConfigError, Settings
from lint_openai.engine import check_source
from lint_openai.source.noqa_add import add_noqa

from .conftest import example_cases, fixture_files
from .test_cli import V0_CALL, run, write

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib


def shown_files(root: Path, *args: str) -> List[str]:
    code, out, err = run(["check", str(root), "--show-files", *args])
    assert code == 0, err
    return sorted(Path(line).relative_to(root).as_posix() for line in out.splitlines())


def findings(path: Path, *args: str) -> Set[Tuple[str, str]]:
    _, out, _ = run(["check", str(path), "--output-format", "json", *args])
    return {(Path(item["filename"]).name, item["code"]) for item in json.loads(out)}


# ----------------------------------------------------------------------------- options over configuration
def test_exclude_and_extend_exclude_on_the_command_line(tmp_path: Path) -> None:
    for name in ("app.py", "generated/client.py", "build/out.py", "legacy/old.py"):
        write(tmp_path / name, V0_CALL)
    assert shown_files(tmp_path) == ["app.py", "generated/client.py", "legacy/old.py"]
    assert shown_files(tmp_path, "--extend-exclude", "generated", "--extend-exclude", "legacy") == ["app.py"]
    # --exclude replaces the defaults (and the configuration's exclude): build/ is checked again.
    assert shown_files(tmp_path, "--exclude", "generated") == ["app.py", "build/out.py", "legacy/old.py"]
    configured = tmp_path / "configured"  # (a new directory: configuration lookups are cached per process)
    for name in ("app.py", "generated/client.py", "legacy/old.py"):
        write(configured / name, V0_CALL)
    write(configured / "pyproject.toml", '[tool.lint-openai]\nextend-exclude = ["legacy"]\n')
    assert shown_files(configured) == ["app.py", "generated/client.py"]
    assert shown_files(configured, "--extend-exclude", "generated") == ["app.py"]


def _legacy_project(root: Path) -> Path:
    write(root / "legacy" / "old.py", V0_CALL + "openai.api_base = 'x'\n")
    write(root / "new.py", V0_CALL)
    return root


def test_per_file_ignores_on_the_command_line(tmp_path: Path) -> None:
    plain = _legacy_project(tmp_path / "plain")
    everything = {("old.py", "OAI101"), ("old.py", "OAI103"), ("new.py", "OAI101")}
    assert findings(plain) == everything
    assert findings(plain, "--per-file-ignores", "old.py:OAI101") == everything - {("old.py", "OAI101")}
    assert findings(plain, "--per-file-ignores", "old.py:OAI101,OAI103,new.py:OAI1") == set()
    # Given on the command line, it replaces the configuration's table; --extend-per-file-ignores adds to it.
    configured = _legacy_project(tmp_path / "configured")
    write(
        configured / "pyproject.toml",
        '[tool.lint-openai]\nper-file-ignores = { "legacy/*.py" = ["OAI103"] }\n',
    )
    assert findings(configured) == everything - {("old.py", "OAI103")}
    assert findings(configured, "--per-file-ignores", "new.py:OAI101") == {
        ("old.py", "OAI101"),
        ("old.py", "OAI103"),
    }
    assert findings(configured, "--extend-per-file-ignores", "new.py:OAI101") == {("old.py", "OAI101")}
    assert findings(configured, "--per-file-ignores", "legacy/*.py:OAI101") == {
        ("old.py", "OAI103"),
        ("new.py", "OAI101"),
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("old.py", "expected PATTERN:CODES"),
        ("old.py:OAI9", "unknown rule code or prefix 'OAI9'"),
        (":OAI1", ""),
    ],
)
def test_bad_per_file_ignores_are_usage_errors(tmp_path: Path, value: str, message: str) -> None:
    path = write(tmp_path / "old.py", V0_CALL)
    code, _, err = run(["check", str(path), "--per-file-ignores", value])
    assert code == 2 and "--per-file-ignores" in err and message in err


def test_isolated_ignores_every_configuration_file(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml", '[tool.lint-openai]\nignore = ["OAI101"]\nextend-exclude = ["legacy"]\n'
    )
    write(tmp_path / "legacy" / "old.py", V0_CALL)
    write(tmp_path / "app.py", V0_CALL)
    assert findings(tmp_path) == set()
    assert findings(tmp_path, "--isolated") == {("app.py", "OAI101"), ("old.py", "OAI101")}
    assert findings(tmp_path, "--isolated", "--ignore", "OAI1") == set()  # command-line options still apply
    # A broken configuration does not matter either.
    write(tmp_path / "broken" / "pyproject.toml", '[tool.lint-openai]\nselct = ["OAI101"]\n')
    write(tmp_path / "broken" / "app.py", V0_CALL)
    assert run(["check", str(tmp_path / "broken")])[0] == 2
    assert run(["check", str(tmp_path / "broken"), "--isolated"])[0] == 1


def test_isolated_and_config_together_are_a_usage_error(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", "[tool.lint-openai]\n")
    with pytest.raises(SystemExit) as raised:
        run(["check", str(tmp_path), "--isolated", "--config", str(config)])
    assert raised.value.code == 2


def test_every_discovery_option_reaches_settings_through_the_host_adapter(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml", "[tool.lint-openai]\nforce-exclude = false\nrespect-gitignore = true\n"
    )
    options = cli_options(
        select=None, extend_select=None, ignore=None, today=None, config_file=None,
        exclude=["gen"], extend_exclude=["old"], per_file_ignores=["a.py:OAI101"],
        extend_per_file_ignores=["b.py:OAI102"], force_exclude=True, respect_gitignore=False,
    )  # fmt: skip
    settings = SettingsResolver(options).for_path(tmp_path)
    assert settings.exclude == ("gen",) and settings.extend_exclude == ("old",)
    assert settings.per_file_ignores == (("a.py", ("OAI101",)), ("b.py", ("OAI102",)))
    assert settings.force_exclude is True and settings.respect_gitignore is False
    unset = SettingsResolver(
        cli_options(select=None, extend_select=None, ignore=None, today=None, config_file=None)
    )
    assert (
        unset.for_path(tmp_path).force_exclude is False and unset.for_path(tmp_path).respect_gitignore is True
    )
    with pytest.raises(ConfigError):
        cli_options(
            select=None, extend_select=None, ignore=None, today=None, config_file=None, per_file_ignores=["x"]
        )


# ------------------------------------------------------------------------------------------ --output-file
def test_output_file_receives_the_report(tmp_path: Path) -> None:
    path = write(tmp_path / "app.py", V0_CALL)
    report = tmp_path / "reports" / "lint.json"
    code, out, err = run(["check", str(path), "--output-format", "json", "--output-file", str(report)])
    assert (code, out, err) == (1, "", "")
    [item] = json.loads(report.read_text(encoding="utf-8"))
    assert item["code"] == "OAI101"
    code, out, _ = run(["check", str(path), "-o", str(report)])  # concise, with the summary, no colours
    text = report.read_text(encoding="utf-8")
    assert code == 1 and out == "" and "\033[" not in text
    assert text.startswith(f"{path}:2:9: OAI101") and "Found 1 error." in text


def test_output_file_with_fixes_on_stdin_keeps_the_source_on_stdout(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    command = [sys.executable, "-m", "lint_openai", "check", "-", "--fix", "-o", str(report)]
    source = "import openai\ntry:\n    pass\nexcept openai.error.RateLimitError:\n    pass\n"
    result = subprocess.run(command, input=source, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == source.replace("openai.error.RateLimitError", "openai.RateLimitError")
    assert report.read_text(encoding="utf-8") == "Found 1 error (1 fixed, 0 remaining).\n"


def test_unwritable_output_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path / "app.py", V0_CALL)
    blocker = write(tmp_path / "file", "")
    code, _, err = run(["check", str(path), "--output-file", str(blocker / "report.txt")])
    assert code == 2 and err.startswith("lint-openai: error: --output-file: cannot write")


# ---------------------------------------------------------------------------------------- --show-settings
def show_settings(*args: str) -> Tuple[str, dict]:  # type: ignore[type-arg]
    code, out, err = run(["check", "--show-settings", *args])
    assert code == 0, err
    return out, tomllib.loads(out)


def test_show_settings_prints_the_resolved_settings_of_the_first_file(tmp_path: Path) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        '[tool.lint-openai]\nignore = ["OAI103"]\ntoday = "2026-11-25"\nper-file-ignores = { "legacy/*.py" = ["OAI101"] }\n',
    )
    write(tmp_path / "legacy" / "old.py", V0_CALL)
    write(tmp_path / "app.py", V0_CALL)
    out, document = show_settings(str(tmp_path), "--extend-select", "OAI105", "--extend-exclude", "gen")
    assert out.startswith(f"# Resolved settings for: {tmp_path / 'app.py'}\n# Settings path: {config}\n")
    table = document["tool"]["lint-openai"]
    assert table["ignore"] == ["OAI103"] and table["extend-select"] == ["OAI105"]
    assert table["today"] == "2026-11-25" and table["extend-exclude"] == ["gen"]
    assert table["per-file-ignores"] == {"legacy/*.py": ["OAI101"]}
    assert (
        ".venv" in table["exclude"] and table["respect-gitignore"] is True and table["force-exclude"] is False
    )
    assert table["sdk-version"] == __import__("openai").__version__
    enabled = document["enabled-rules"]["codes"]
    assert "OAI105" in enabled and "OAI103" not in enabled and "OAI101" in enabled
    _, legacy = show_settings(str(tmp_path / "legacy" / "old.py"))
    assert "OAI101" not in legacy["enabled-rules"]["codes"]  # per-file-ignores apply to the file shown


def test_show_settings_isolated_and_unpinned_today(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lint-openai]\nignore = ["OAI103"]\n')
    write(tmp_path / "app.py", V0_CALL)
    out, document = show_settings(str(tmp_path), "--isolated")
    assert "# Settings path: none (--isolated)\n" in out
    assert document["tool"]["lint-openai"]["ignore"] == [] and "today" not in document["tool"]["lint-openai"]
    assert "# today is not pinned: model rules compare with the date of the run" in out


# ------------------------------------------------------------------------------------------- --show-fixes
FIXABLE = (
    "import openai\n"
    "from openai.error import RateLimitError\n"
    "reply = openai.ChatCompletion.create(model='m', messages=[])\n"
    "again = openai.ChatCompletion.create(model='m', messages=[])\n"
    "openai.proxy = 'http://p'\n"
)


def test_show_fixes_lists_the_fixes_applied_per_file(tmp_path: Path) -> None:
    first = write(tmp_path / "a.py", FIXABLE)
    write(tmp_path / "b.py", "import openai\nopenai.api_base = 'https://h/v1/'\n")
    write(tmp_path / "clean.py", "import openai\n")
    code, out, _ = run(["check", str(tmp_path), "--fix", "--show-fixes"])
    assert code == 1  # OAI103 on openai.proxy has no fix
    assert (
        "\nFixed 4 errors:\n"
        f"- {first}:\n"
        "    2 x OAI101 (removed-v0-resource)\n"
        "    1 x OAI102 (removed-error-module)\n"
        f"- {tmp_path / 'b.py'}:\n"
        "    1 x OAI103 (removed-module-setting)\n"
    ) in out
    assert out.endswith("Found 5 errors (4 fixed, 1 remaining).\n")
    assert "openai.chat.completions.create" in first.read_text(encoding="utf-8")


def test_show_fixes_without_fix_lists_the_fixes_available(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", FIXABLE)
    code, out, _ = run(["check", str(path), "--show-fixes"])
    assert code == 1 and path.read_text(encoding="utf-8") == FIXABLE
    assert (
        f"\n3 fixes available with --fix:\n- {path}:\n    2 x OAI101 (removed-v0-resource)\n    1 x OAI102"
        in out
    )
    # Machine formats stay parseable: the list goes to stderr.
    code, out, err = run(["check", str(path), "--show-fixes", "--output-format", "json"])
    assert code == 1 and len(json.loads(out)) == 4
    assert err.startswith("\n3 fixes available with --fix:\n")


def test_show_fixes_and_diff_together_are_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        run(["check", str(tmp_path), "--show-fixes", "--diff"])
    assert raised.value.code == 2


# ----------------------------------------------------------------------------------- gitlab and json-lines
TWO_ALIKE = (
    "import openai\n"
    "a = openai.ChatCompletion\n"
    "a = openai.ChatCompletion\n"
    "client = openai.OpenAI()\n"
    "client.chat.completions.create(model='gpt-4o', messages=[])\n"
)


def gitlab_issues(*args: str) -> List[dict]:  # type: ignore[type-arg]
    code, out, _ = run(["check", *args, "--output-format", "gitlab", "--today", "2026-11-25"])
    assert code == 1
    return json.loads(out)


def test_gitlab_code_quality_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "src" / "app.py", TWO_ALIKE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    issues = gitlab_issues(str(path))
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in issues] == [
        ("OAI101", "major", "src/app.py"),
        ("OAI101", "major", "src/app.py"),
        ("OAI202", "minor", "src/app.py"),  # a deprecation: the code works until 2027-01-14
    ]
    assert issues[0]["description"].startswith("OAI101: `openai.ChatCompletion`")
    assert issues[0]["location"]["positions"] == {
        "begin": {"line": 2, "column": 5},
        "end": {"line": 2, "column": 26},
    }
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == 3  # identical findings on identical lines still differ
    assert [i["fingerprint"] for i in gitlab_issues(str(path))] == fingerprints  # stable across runs
    path.write_text("# a new first line\n" + TWO_ALIKE, encoding="utf-8")
    assert [i["fingerprint"] for i in gitlab_issues(str(path))] == fingerprints  # and across unrelated edits
    # In GitLab CI paths are relative to the project directory, wherever the job runs.
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path / "src"))
    assert {i["location"]["path"] for i in gitlab_issues(str(path))} == {"app.py"}


def test_json_lines_is_one_json_object_per_finding(tmp_path: Path) -> None:
    path = write(tmp_path / "app.py", TWO_ALIKE)
    _, out, _ = run(["check", str(path), "--output-format", "json-lines", "--today", "2026-11-25"])
    _, whole, _ = run(["check", str(path), "--output-format", "json", "--today", "2026-11-25"])
    lines = out.splitlines()
    assert [json.loads(line) for line in lines] == json.loads(whole)
    assert len(lines) == 3 and all("\n" not in line for line in lines)
    assert [json.loads(line)["severity"] for line in lines] == ["error", "error", "warning"]
    clean = write(tmp_path / "clean.py", "x = 1\n")
    assert run(["check", str(clean), "--output-format", "json-lines"]) == (0, "", "")


# --------------------------------------------------------------------------------------------- --add-noqa
LEGACY = '''import openai
from openai.error import RateLimitError  # noqa: E501 keep this reason
reply = openai.ChatCompletion.create(model="my-model", prompt=f"""
{openai.api_base} is read inside the string
""")
x = openai.ChatCompletion  # type: ignore
y = openai.Completion \\
    .create
'''
WITH_NOQA = '''import openai
from openai.error import RateLimitError  # noqa: E501, OAI102 keep this reason
reply = openai.ChatCompletion.create(model="my-model", prompt=f"""
{openai.api_base} is read inside the string
""")  # noqa: OAI101, OAI103, OAI301
x = openai.ChatCompletion  # type: ignore  # noqa: OAI101
y = openai.Completion \\
    .create  # noqa: OAI101
'''


def test_add_noqa_suppresses_every_finding_without_breaking_strings_or_continuations(tmp_path: Path) -> None:
    path = write(tmp_path / "legacy.py", LEGACY)
    assert {code for _, code in findings(path)} == {"OAI101", "OAI102", "OAI103", "OAI301"}
    code, out, err = run(["check", str(path), "--add-noqa"])
    assert (code, out, err) == (0, "", "Added 4 noqa directives.\n")
    assert path.read_text(encoding="utf-8") == WITH_NOQA
    assert run(["check", str(path)])[0] == 0
    assert run(["check", str(path), "--add-noqa"]) == (0, "", "Added 0 noqa directives.\n")  # idempotent
    assert path.read_text(encoding="utf-8") == WITH_NOQA
    # flake8 reads the directives the same way (it applies noqa comments itself).
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "OAI", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (flake8.returncode, flake8.stdout) == (0, ""), flake8.stdout + flake8.stderr


def test_add_noqa_then_new_findings_fail_the_check(tmp_path: Path) -> None:
    """Adopting lint-openai on a large codebase: today's findings are suppressed, a new one fails CI."""
    for index in range(20):
        write(tmp_path / f"pkg{index % 3}" / f"m{index}.py", LEGACY)
    assert run(["check", str(tmp_path), "--add-noqa", "--jobs", "2", "--quiet"])[0] == 0
    assert run(["check", str(tmp_path)])[0] == 0
    with (tmp_path / "pkg0" / "m0.py").open("a", encoding="utf-8") as handle:
        handle.write("z = openai.Embedding.create(input='x', model='m')\n")
    code, out, _ = run(["check", str(tmp_path), "--output-format", "json"])
    assert code == 1 and [(Path(i["filename"]).name, i["location"]["row"]) for i in json.loads(out)] == [
        ("m0.py", 9)
    ]


def test_add_noqa_keeps_bytes_encoding_and_line_endings(tmp_path: Path) -> None:
    source = "# -*- coding: latin-1 -*-\r\nimport openai\r\nname = 'caf\xe9'\r\nx = openai.ChatCompletion"
    path = tmp_path / "old.py"
    path.write_bytes(source.encode("latin-1"))
    path.chmod(0o640)
    assert run(["check", str(path), "--add-noqa"])[0] == 0
    assert path.read_bytes() == (source + "  # noqa: OAI101").encode("latin-1")
    assert path.stat().st_mode & 0o777 == 0o640


def test_add_noqa_leaves_files_that_do_not_parse_and_reports_them(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.py", "import openai\nx = openai.ChatCompletion(\n")
    code, out, err = run(["check", str(broken), "--add-noqa"])
    assert code == 1 and "OAI001" in out and err == "Added 0 noqa directives.\n"
    assert broken.read_text(encoding="utf-8") == "import openai\nx = openai.ChatCompletion(\n"


@pytest.mark.parametrize("extra", [["--fix"], ["--diff"], ["--fix-only"]])
def test_add_noqa_with_fixes_is_a_usage_error(tmp_path: Path, extra: List[str]) -> None:
    path = write(tmp_path / "a.py", V0_CALL)
    code, _, err = run(["check", str(path), "--add-noqa", *extra])
    assert code == 2 and "--add-noqa" in err and path.read_text(encoding="utf-8") == V0_CALL


def test_a_noqa_after_a_multi_line_string_applies_to_the_lines_it_joins(tmp_path: Path) -> None:
    """As in flake8: the comment can only follow the string, so it covers the lines the string spans."""
    path = write(
        tmp_path / "a.py",
        'import openai\nr = openai.ChatCompletion.create(prompt="""\nhi\n""")  # noqa: OAI101,OAI301\n'
        "s = openai.Completion  # noqa: OAI101\nt = (\n    openai.Completion\n)  # noqa: OAI101\n",
    )
    assert findings(path) == {("a.py", "OAI101")}  # only row 7: inside brackets, lines stay on their own
    _, out, _ = run(["check", str(path), "--output-format", "json"])
    assert [item["location"]["row"] for item in json.loads(out)] == [7]


def _corpus() -> List[Tuple[str, str]]:
    sources = [(name, example.source) for name, _, example in example_cases()]
    sources += [(path.stem, path.read_text(encoding="utf-8")) for path in fixture_files()]
    programs = Path(__file__).parent / "fixtures" / "programs"
    return sources + [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(programs.glob("*.py"))]


def test_add_noqa_on_every_example_and_fixture_changes_comments_only() -> None:
    """The tree is the same before and after (comments are not in it): no string, continuation or statement
    was touched; every finding but a parse error is suppressed; a second pass changes nothing."""
    settings = Settings(today=datetime.date(2026, 11, 25), extend_select=("OAI105",))
    directives = 0
    for name, source in _corpus():
        diagnostics = check_source(source, f"{name}.py", settings)
        outcome = add_noqa(source, diagnostics, unsuppressible={"OAI001"})
        directives += outcome.added
        left = check_source(outcome.text, f"{name}.py", settings)
        assert left == outcome.unsuppressed and {d.code for d in left} <= {"OAI001"}, (name, left)
        if outcome.text != source:
            assert ast.dump(ast.parse(outcome.text)) == ast.dump(ast.parse(source)), name
        assert add_noqa(outcome.text, left, unsuppressible={"OAI001"}).text == outcome.text, name
    assert directives > 100  # the corpus has findings on that many lines
