"""The command line: discovery, selection, noqa, formats, exit codes, configuration errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import List, Set, Tuple

import pytest

from lint_openai import __version__
from lint_openai.frontends.cli.main import main

V0_CALL = 'import openai\nreply = openai.ChatCompletion.create(model="my-model", messages=[])\n'


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes(tmp_path: Path) -> None:
    clean = write(tmp_path / "clean.py", "import openai\nclient = openai.OpenAI()\n")
    dirty = write(tmp_path / "dirty.py", V0_CALL)
    assert run(["check", str(clean)])[0] == 0
    assert run(["check", str(dirty)])[0] == 1
    assert run(["check", str(dirty), "--exit-zero"])[0] == 0
    assert run(["check", str(tmp_path / "missing.py")])[0] == 2
    assert run(["check", str(dirty), "--select", "OAI999"])[0] == 2


def test_concise_output_and_summary(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", V0_CALL)
    code, out, _ = run(["check", str(path)])
    assert code == 1
    assert out.splitlines()[0].startswith(f"{path}:2:9: OAI101 [*] `openai.ChatCompletion.create`")
    assert "Found 1 error." in out
    _, quiet, _ = run(["check", str(path), "--quiet"])
    assert "Found" not in quiet


def test_full_output_shows_source_and_caret(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", V0_CALL)
    _, out, _ = run(["check", str(path), "--output-format", "full"])
    assert '2 | reply = openai.ChatCompletion.create(model="my-model", messages=[])' in out
    assert "  |         " + "^" * len("openai.ChatCompletion.create") + " OAI101" in out
    assert "= help: Replace with `openai.chat.completions.create`" in out


def test_json_output_is_ruff_shaped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", V0_CALL)
    _, out, _ = run(["check", str(path), "--output-format", "json"])
    [item] = json.loads(out)
    assert item["code"] == "OAI101"
    assert item["symbol"] == "removed-v0-resource"
    assert item["filename"] == str(path.resolve())
    assert item["location"] == {"row": 2, "column": 9}
    assert item["end_location"] == {"row": 2, "column": 37}
    assert item["fix"]["applicability"] == "safe"
    assert item["fix"]["edits"] == [
        {
            "content": "openai.chat.completions.create",
            "location": {"row": 2, "column": 9},
            "end_location": {"row": 2, "column": 37},
        }
    ]
    assert item["url"].endswith("#oai101-removed-v0-resource")


def codes_for(path: Path, *extra: str) -> Set[str]:
    _, out, _ = run(["check", str(path), "--output-format", "json", *extra])
    return {item["code"] for item in json.loads(out)}


def test_select_and_ignore(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", V0_CALL + "openai.api_base = 'x'\n")
    assert codes_for(path) == {"OAI101", "OAI103"}
    assert codes_for(path, "--select", "OAI103") == {"OAI103"}
    assert codes_for(path, "--ignore", "OAI1") == set()
    assert codes_for(path, "--select", "OAI1", "--ignore", "OAI101") == {"OAI103"}
    assert codes_for(path, "--ignore", "OAI", "--extend-select", "OAI101") == {"OAI101"}


def test_opt_in_rule_needs_its_exact_code(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.py", "from openai import OpenAI\nOpenAI().completions.create(model='m', prompt='p')\n"
    )
    assert "OAI105" not in codes_for(path)
    assert "OAI105" not in codes_for(path, "--select", "OAI1")
    assert "OAI105" in codes_for(path, "--extend-select", "OAI105")


def test_noqa(tmp_path: Path) -> None:
    source = (
        "import openai\n"
        "a = openai.ChatCompletion  # noqa\n"
        "b = openai.ChatCompletion  # noqa: OAI101\n"
        "c = openai.ChatCompletion  # noqa:OAI1\n"
        "d = openai.ChatCompletion  # noqa: E501\n"
        "e = openai.ChatCompletion  # NOQA: E501, OAI101\n"
    )
    path = write(tmp_path / "a.py", source)
    rows = [i["location"]["row"] for i in json.loads(run(["check", str(path), "--output-format", "json"])[1])]
    assert rows == [5]


def test_file_level_noqa(tmp_path: Path) -> None:
    path = write(tmp_path / "a.py", "# lint-openai: noqa\n" + V0_CALL)
    assert run(["check", str(path)])[0] == 0


def test_discovery_skips_venvs_and_build_dirs(tmp_path: Path) -> None:
    write(tmp_path / "pkg" / "mod.py", V0_CALL)
    write(tmp_path / "pkg" / "stub.pyi", V0_CALL)
    write(tmp_path / ".venv" / "lib" / "x.py", V0_CALL)
    write(tmp_path / "build" / "x.py", V0_CALL)
    write(tmp_path / "node_modules" / "x.py", V0_CALL)
    write(tmp_path / "custom_env" / "pyvenv.cfg", "home = /usr\n")
    write(tmp_path / "custom_env" / "lib" / "x.py", V0_CALL)
    write(tmp_path / "notes.txt", V0_CALL)
    _, out, _ = run(["check", str(tmp_path), "--output-format", "json"])
    files = sorted(Path(i["filename"]).relative_to(tmp_path.resolve()).as_posix() for i in json.loads(out))
    assert files == ["pkg/mod.py", "pkg/stub.pyi"]


def test_config_from_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lint-openai]\nignore = ["OAI103"]\n')
    write(tmp_path / "sub" / "a.py", V0_CALL + "openai.api_base = 'x'\n")
    _, out, _ = run(["check", str(tmp_path), "--output-format", "json"])
    assert {i["code"] for i in json.loads(out)} == {"OAI101"}


def test_per_file_ignores(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml", '[tool.lint-openai]\nper-file-ignores = { "legacy/*.py" = ["OAI101"] }\n'
    )
    write(tmp_path / "legacy" / "old.py", V0_CALL)
    write(tmp_path / "new.py", V0_CALL)
    _, out, _ = run(["check", str(tmp_path), "--output-format", "json"])
    assert [Path(i["filename"]).name for i in json.loads(out)] == ["new.py"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('selct = ["OAI101"]', "unknown option 'selct'"),
        ('select = ["OAI9"]', "unknown rule code or prefix 'OAI9'"),
        ('today = "tomorrow"', "expected a date as YYYY-MM-DD"),
        ("select = 3", "expected a list of rule codes"),
    ],
)
def test_config_errors_are_clear(tmp_path: Path, table: str, message: str) -> None:
    write(tmp_path / "pyproject.toml", f"[tool.lint-openai]\n{table}\n")
    path = write(tmp_path / "a.py", V0_CALL)
    code, _, err = run(["check", str(path)])
    assert code == 2
    assert message in err


def test_explicit_config_file(tmp_path: Path) -> None:
    config = write(tmp_path / "conf" / "pyproject.toml", '[tool.lint-openai]\nselect = ["OAI103"]\n')
    path = write(tmp_path / "a.py", V0_CALL + "openai.api_base = 'x'\n")
    _, out, _ = run(["check", str(path), "--config", str(config), "--output-format", "json"])
    assert {i["code"] for i in json.loads(out)} == {"OAI103"}


def test_rule_command() -> None:
    code, out, _ = run(["rule", "OAI107"])
    assert code == 0 and out.startswith("## OAI107 `non-exception-in-except`")
    assert run(["rule", "removed-error-module"])[1].startswith("## OAI102")
    assert run(["rule", "OAI999"])[0] == 2
    assert "## OAI108" in run(["rule", "--all"])[1]


def test_stdin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "-", "--stdin-filename", "app/x.py"],
        input=V0_CALL,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("app/x.py:2:9: OAI101")


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lint_openai", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"lint-openai {__version__}"


def test_parallel_checking_gives_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    sources = [V0_CALL, "import openai\nclient = openai.OpenAI()\n", "def f(:\n  openai\n", "x = 1\n"]
    for index in range(60):
        write(tmp_path / f"pkg{index % 7}" / f"m{index:02}.py", sources[index % len(sources)])
    sequential = run(["check", str(tmp_path), "--jobs", "1", "--output-format", "json"])
    parallel = run(["check", str(tmp_path), "--jobs", "4", "--output-format", "json"])
    assert sequential == parallel
    rows = [(item["filename"], item["location"]["row"]) for item in json.loads(parallel[1])]
    assert len(rows) == 30 and rows == sorted(rows)
    fixed = run(["check", str(tmp_path), "--jobs", "4", "--fix", "--unsafe-fixes", "--quiet"])
    assert fixed[0] == 1  # the parse errors remain
    assert "ChatCompletion" not in (tmp_path / "pkg0" / "m00.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(value: str) -> None:
    with pytest.raises(SystemExit) as raised:
        run(["check", ".", "--jobs", value])
    assert raised.value.code == 2
