"""The results cache (issue 19): a warm run prints what a cold run prints, an entry is served only while
everything it depends on is unchanged (bytes, display path, settings, environment, date window), fixing and
stdin never use it, it stays one entry per existing file, and concurrent runs never corrupt it."""

from __future__ import annotations

import datetime
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest

from lint_openai.config.pyproject import forget_config_files
from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix, Location
from lint_openai.engine import check_source
from lint_openai.frontends.cli.cache.codec import MalformedEntryError, decode, encode
from lint_openai.frontends.cli.cache.validity import window
from lint_openai.frontends.cli.cache.writing import write_entries
from lint_openai.frontends.cli.main import main
from lint_openai.frontends.cli.results import FileResult
from lint_openai.frontends.documents import check_notebook
from lint_openai.knowledge.derived import lifecycle_dates
from lint_openai.rules.base import DEPRECATION
from lint_openai.rules.registry import all_rules

from . import notebook_builder
from .conftest import example_cases, fixture_files

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"
V0 = 'import openai\n\nopenai.ChatCompletion.create(model="gpt-4", messages=[])\n'
DEPRECATED = 'from openai import OpenAI\n\nOpenAI().chat.completions.create(model="gpt-5", messages=[])\n'
MARKER = "FROM THE CACHE"
CACHE = ".lint_openai_cache"


def lint(*args: str, today: str = TODAY) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--today", today, *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def results_file(root: Path) -> Dict[str, Any]:
    payload: Dict[str, Any] = json.loads((root / CACHE / "results.json").read_text(encoding="utf-8"))
    return payload


def edit_results(root: Path, change: Callable[[Dict[str, Any]], None]) -> None:
    payload = results_file(root)
    change(payload)
    (root / CACHE / "results.json").write_text(json.dumps(payload), encoding="utf-8")


def plant_marker(root: Path, file: Path) -> None:
    """Rewrite the first cached message of ``file``: the output then shows whether the entry was served."""

    def change(payload: Dict[str, Any]) -> None:
        payload["entries"][str(file.resolve())]["diagnostics"][0][2] = MARKER

    edit_results(root, change)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with SDK code of every kind the suite knows (fixtures, examples, a notebook), the cwd."""
    root = tmp_path / "project"
    (root / "src").mkdir(parents=True)
    for path in [*fixture_files(), *sorted((ROOT / "examples").glob("*.py"))]:
        shutil.copyfile(path, root / "src" / path.name)
    (root / "src" / "app.py").write_text(V0, encoding="utf-8")
    (root / "src" / "going.py").write_text(DEPRECATED, encoding="utf-8")
    (root / "src" / "plain.py").write_text("print('no SDK here')\n", encoding="utf-8")
    (root / "src" / "notes.ipynb").write_text(
        notebook_builder.build(notebook_builder.V0_CELLS), encoding="utf-8"
    )
    monkeypatch.chdir(root)
    monkeypatch.delenv("LINT_OPENAI_CACHE_DIR", raising=False)
    monkeypatch.delenv(
        "LINT_OPENAI_NO_CACHE"
    )  # the suite's default (tests/conftest.py): the cache is under test
    return root


@pytest.mark.parametrize("output_format", ["concise", "full", "json", "sarif", "gitlab"])
def test_a_warm_run_prints_what_a_cold_run_prints(project: Path, output_format: str) -> None:
    uncached = lint("src", "--output-format", output_format, "--no-cache")
    assert not (project / CACHE).exists()
    cold = lint("src", "--output-format", output_format)
    warm = lint("src", "--output-format", output_format)
    assert uncached == cold == warm
    assert uncached[0] == 1 and "OAI101" in uncached[1]
    assert (project / CACHE / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (
        (project / CACHE / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172")
    )
    entries = results_file(project)["entries"]
    assert str((project / "src" / "app.py").resolve()) in entries
    assert str((project / "src" / "plain.py").resolve()) not in entries  # the prefilter answers for it


def test_an_entry_is_served_while_nothing_changes(project: Path) -> None:
    app = project / "src" / "app.py"
    lint("src")
    plant_marker(project, app)
    code, out, _ = lint("src")
    assert MARKER in out and code == 1
    assert lint("src/app.py")[1].count(MARKER) == 1  # the same file, named alone, shown the same


def _edited_file(root: Path) -> None:
    with open(root / "src" / "app.py", "a", encoding="utf-8") as handle:
        handle.write("# edited\n")


def _other_environment(root: Path) -> None:
    edit_results(root, lambda payload: payload.update(environment="0" * 64))


def _other_schema(root: Path) -> None:
    edit_results(root, lambda payload: payload.update(schema=0))


def _corrupt_file(root: Path) -> None:
    path = root / CACHE / "results.json"
    path.write_bytes(path.read_bytes()[:-100])


def _malformed_entry(root: Path) -> None:
    def change(payload: Dict[str, Any]) -> None:
        entry = payload["entries"][str((root / "src" / "app.py").resolve())]
        entry["diagnostics"] = [[MARKER, 1, 2]]

    edit_results(root, change)


def _entry_of_wrong_types(root: Path) -> None:
    def change(payload: Dict[str, Any]) -> None:
        entry = payload["entries"][str((root / "src" / "app.py").resolve())]
        entry["diagnostics"][0][3] = ["1", "1"]
        entry["until"] = 20270101

    edit_results(root, change)


def _unchanged(root: Path) -> None:
    """Nothing on disk changes: the command line does."""


APP = "src/app.py"
CHANGES: Dict[str, Tuple[Callable[[Path], None], List[str]]] = {
    "the file's bytes": (_edited_file, [APP]),
    "the settings": (_unchanged, ["--extend-select", "OAI105", APP]),
    "the display path": (_unchanged, ["__ABSOLUTE__"]),
    "lint-openai or its knowledge": (_other_environment, [APP]),
    "the schema": (_other_schema, [APP]),
    "a corrupt results file": (_corrupt_file, [APP]),
    "a malformed entry": (_malformed_entry, [APP]),
    "an entry of the wrong types": (_entry_of_wrong_types, [APP]),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_an_entry_is_not_served_when(project: Path, change: str) -> None:
    app = project / APP
    lint(APP)
    plant_marker(project, app)
    alter, args = CHANGES[change]
    alter(project)
    args = [str(app.resolve()) if arg == "__ABSOLUTE__" else arg for arg in args]
    expected = lint(*args, "--no-cache")
    assert MARKER not in expected[1] and expected[0] == 1
    assert lint(*args) == expected
    assert lint(*args) == expected  # and the entry written instead is served from now on
    payload = results_file(project)
    assert payload["schema"] == 1 and len(payload["environment"]) == 64
    assert MARKER not in json.dumps(payload)


def test_an_entry_holds_between_lifecycle_dates(project: Path) -> None:
    """Judged on 2026-11-25 (gpt-4 shut down on 2026-10-23): the same until the next lifecycle date."""
    app = project / "src" / "app.py"
    dates = [d.isoformat() for d in lifecycle_dates()]
    assert (
        "2026-10-23" in dates
        and "2026-11-30" in dates
        and not any("2026-10-23" < d < "2026-11-30" for d in dates)
    )
    lint("src/app.py", today="2026-11-25")
    plant_marker(project, app)
    for day in ("2026-10-23", "2026-11-01", "2026-11-29"):
        assert MARKER in lint("src/app.py", today=day)[1], day
    for day in ("2026-10-22", "2026-11-30", "2027-06-01"):
        code, out, _ = lint("src/app.py", today=day)
        assert MARKER not in out, day
        assert (code, out) == lint("src/app.py", "--no-cache", today=day)[:2]
        lint("src/app.py", today="2026-11-25")
        plant_marker(project, app)


def test_a_finding_that_counts_days_holds_for_its_day_only(project: Path) -> None:
    going = project / "src" / "going.py"
    code, out, _ = lint("src/going.py", today="2026-12-02")
    assert code == 1 and "OAI202" in out and "in 9 days" in out
    plant_marker(project, going)
    assert MARKER in lint("src/going.py", today="2026-12-02")[1]
    tomorrow = lint("src/going.py", today="2026-12-03")
    assert MARKER not in tomorrow[1] and "in 8 days" in tomorrow[1]
    assert tomorrow == lint("src/going.py", "--no-cache", today="2026-12-03")


@pytest.mark.parametrize(
    "mode",
    [["--diff"], ["--fix"], ["--fix-only"], ["--add-noqa"], ["--fix", "--unsafe-fixes"]],
    ids=" ".join,
)
def test_fixing_neither_reads_nor_writes_the_cache(project: Path, mode: List[str]) -> None:
    app = project / "src" / "app.py"
    lint("src")
    plant_marker(project, app)
    before = (project / CACHE / "results.json").read_bytes()
    shutil.copytree(project / "src", project / "copy")
    code, out, err = lint("src", *mode)
    assert MARKER not in out + err
    assert (project / CACHE / "results.json").read_bytes() == before
    # What the same command does on an identical tree without any cache.
    shutil.rmtree(project / CACHE)
    shutil.rmtree(project / "src")
    (project / "copy").rename(project / "src")
    assert lint("src", *mode, "--no-cache") == (code, out, err)


def test_stdin_neither_reads_nor_writes_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = project / "src" / "app.py"
    lint("src/app.py")
    plant_marker(project, app)
    before = (project / CACHE / "results.json").read_bytes()

    class Stdin:
        buffer = io.BytesIO(app.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    code, out, _ = lint("-", "--stdin-filename", "src/app.py")
    assert code == 1 and "OAI101" in out and MARKER not in out
    assert (project / CACHE / "results.json").read_bytes() == before


def test_entries_of_deleted_files_are_dropped(project: Path) -> None:
    lint("src")
    entries = results_file(project)["entries"]
    app = str((project / "src" / "app.py").resolve())
    assert app in entries
    (project / "src" / "app.py").unlink()
    lint("src")  # nothing new to store: the deleted file's entry goes all the same
    assert set(results_file(project)["entries"]) == set(entries) - {app}


def test_entries_do_not_pile_up(project: Path) -> None:
    """One entry per existing file, however many settings, edits and runs."""
    lint("src")
    count = len(results_file(project)["entries"])
    for args in (["--select", "OAI1"], ["--extend-select", "OAI105"], ["--ignore", "OAI201"], []):
        _edited_file(project)
        lint("src", *args)
        lint("src", *args, "--today", "2027-03-01")
    assert len(results_file(project)["entries"]) == count


def test_where_the_cache_is(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    lint("src", "--cache-dir", str(tmp_path / "elsewhere"))
    assert (tmp_path / "elsewhere" / "results.json").is_file() and not (project / CACHE).exists()
    monkeypatch.setenv("LINT_OPENAI_CACHE_DIR", str(tmp_path / "from-env"))
    lint("src")
    assert (tmp_path / "from-env" / "results.json").is_file() and not (project / CACHE).exists()
    monkeypatch.delenv("LINT_OPENAI_CACHE_DIR")
    # The project root: the directory of the pyproject.toml that configures the current directory.
    (project / "pyproject.toml").write_text('[tool.lint-openai]\nignore = ["OAI203"]\n', encoding="utf-8")
    forget_config_files()  # this process looked for one before it existed
    monkeypatch.chdir(project / "src")
    lint(".")
    assert (project / CACHE / "results.json").is_file() and not (project / "src" / CACHE).exists()


def test_no_cache_writes_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lint("src", "--no-cache")
    assert not (project / CACHE).exists()
    for value in ("0", "false", ""):
        monkeypatch.setenv("LINT_OPENAI_NO_CACHE", value)
        assert not lint("src", "--no-cache")[2] and not (project / CACHE).exists()
    monkeypatch.setenv("LINT_OPENAI_NO_CACHE", "1")
    lint("src")
    assert not (project / CACHE).exists()
    monkeypatch.setenv("LINT_OPENAI_NO_CACHE", "0")
    lint("src")
    assert (project / CACHE / "results.json").is_file()


def test_clean_removes_the_cache_and_only_its_files(project: Path, tmp_path: Path) -> None:
    lint("src")
    out, err = io.StringIO(), io.StringIO()
    assert main(["clean"], out=out, err=err) == 0
    assert not (project / CACHE).exists() and "Removed" in err.getvalue()
    assert main(["clean"], out=out, err=err) == 0 and "No results cache" in err.getvalue()
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "notes.txt").write_text("keep me\n", encoding="utf-8")
    lint("src", "--cache-dir", str(shared))
    assert main(["clean", "--cache-dir", str(shared)], out=out, err=err) == 0
    assert sorted(p.name for p in shared.iterdir()) == ["notes.txt"]


def test_a_cache_that_cannot_be_written_is_a_warning(project: Path) -> None:
    (project / CACHE).write_text("a file where the directory would be\n", encoding="utf-8")
    code, out, err = lint("src")
    assert (code, out) == lint("src", "--no-cache")[:2]
    assert "warning: cannot write the results cache" in err


CONCURRENT_RUN = [sys.executable, "-m", "lint_openai", "check", "--today", TODAY, "--exit-zero", "-q", "src"]


def test_two_runs_at_once_leave_a_valid_cache(project: Path) -> None:
    for round_ in range(3):
        runs = [
            subprocess.Popen(
                [*CONCURRENT_RUN, *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for args in ([], ["--select", "OAI1"] if round_ % 2 else ["-j1"])
        ]
        for run in runs:
            _, err = run.communicate(timeout=300)
            assert run.returncode == 0 and b"warning" not in err
        assert results_file(project)["schema"] == 1  # whole, never half written
        assert not [p for p in (project / CACHE).iterdir() if p.suffix == ".tmp"]
    assert lint("src") == lint("src", "--no-cache")


def _write_concurrently(arguments: Tuple[str, int]) -> None:
    directory, worker = arguments
    file = Path(directory) / f"source_{worker}.py"
    for attempt in range(15):
        result = FileResult(str(file), [_diagnostic(str(file), f"worker {worker} attempt {attempt}")])
        write_entries(Path(directory) / CACHE, {}, [(str(file), "0" * 64, str(file), Settings(), result)])


def test_writers_racing_never_leave_half_a_file(tmp_path: Path) -> None:
    """Four processes write the same cache at once, fifteen times each."""
    for worker in range(4):
        (tmp_path / f"source_{worker}.py").write_text("", encoding="utf-8")
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_write_concurrently, [(str(tmp_path), worker) for worker in range(4)])
    payload = results_file(tmp_path)
    assert payload["schema"] == 1 and len(payload["entries"]) == 1  # the last writer's entries, whole
    assert sorted(os.listdir(tmp_path / CACHE)) == [".gitignore", "CACHEDIR.TAG", "results.json"]


def _diagnostic(path: str, message: str) -> Diagnostic:
    return Diagnostic("OAI101", "removed-v0-resource", message, Location(1, 1), Location(1, 5), path)


def _every_finding() -> List[Diagnostic]:
    """Findings of every rule, with fixes of every applicability, notebook cells among them."""
    found: List[Diagnostic] = []
    for _, rule, example in example_cases():
        select = () if rule.default_enabled else (rule.code,)
        today = datetime.date.fromisoformat(example.today or TODAY)
        found += check_source(example.source, "case.py", Settings(today=today, extend_select=select))
    notebook = notebook_builder.build(notebook_builder.V0_CELLS)
    found += check_notebook(notebook, "notes.ipynb", Settings(today=datetime.date(2026, 11, 25)))
    return found


def test_findings_survive_the_cache_exactly() -> None:
    found = _every_finding()
    assert {d.code for d in found} >= {rule.code for rule in all_rules()} - {"OAI001"}
    assert any(d.cell for d in found) and {d.fix.applicability for d in found if d.fix} == set(Applicability)
    for diagnostic in found:
        back = decode(json.loads(json.dumps(encode(diagnostic))), diagnostic.path)
        assert back == diagnostic and back.fix == diagnostic.fix


@pytest.mark.parametrize(
    "item",
    [
        "not a list",
        ["OAI101", "removed-v0-resource", "message", [1, 1], [1, 2], None],  # one field short
        ["OAI101", "removed-v0-resource", "message", [1, 1], [1, True], None, None],  # a bool is no number
        ["OAI101", "removed-v0-resource", "message", [1, 1], [1, 2], "3", None],
        ["OAI101", "removed-v0-resource", "message", [1, 1], [1, 2], None, ["safe", "m", [[1, 1, 1, 2]]]],
        ["OAI101", "removed-v0-resource", "message", [1, 1], [1, 2], None, ["maybe", "m", []]],
    ],
)
def test_what_this_version_did_not_write_is_rejected(item: Any) -> None:
    with pytest.raises(MalformedEntryError):
        decode(item, "app.py")


def test_a_fix_is_kept_with_its_edits() -> None:
    fix = Fix(Applicability.UNSAFE, "Replace", (Edit(Location(1, 1), Location(2, 3), "x\ny"),))
    diagnostic = Diagnostic("OAI201", "retired-model", "m", Location(1, 1), Location(1, 2), "a.py", fix, 4)
    back = decode(encode(diagnostic), "a.py")
    assert back == diagnostic and back.fix == fix and back.cell == 4


def _corpus() -> List[Tuple[str, str, Settings]]:
    cases = []
    for name, rule, example in example_cases():
        cases.append((name, example.source, Settings(extend_select=(rule.code,))))
    for path in fixture_files():
        cases.append((path.name, path.read_text(encoding="utf-8"), Settings()))
    return cases


def test_between_lifecycle_dates_only_deprecation_findings_change() -> None:
    """What the windows rely on: on two days with no lifecycle date between them, every finding is the same
    but those of deprecation rules (which may count the days)."""
    dates = lifecycle_dates()
    days = datetime.timedelta(days=1)
    windows = [
        (dates[0] - 400 * days, dates[0] - days),  # before every recorded date
        (datetime.date(2026, 10, 23), datetime.date(2026, 11, 29)),  # the suite's usual date, 2026-11-25
        (datetime.date(2026, 12, 1), datetime.date(2026, 12, 10)),
        (dates[-1], dates[-1] + 400 * days),  # after every recorded date
    ]
    for start, end in windows:
        assert not any(start < day <= end for day in dates), (start, end)
        assert window(start, Settings(), []) == window(end, Settings(), [])
    deprecation = {rule.code for rule in all_rules() if rule.severity == DEPRECATION}
    counted_days = False
    for name, source, settings in _corpus():
        for start, end in windows:
            first = check_source(source, "case.py", settings.merged(today=start))
            last = check_source(source, "case.py", settings.merged(today=end))
            steady = [(d.code, d.start, d.message) for d in first if d.code not in deprecation]
            assert steady == [(d.code, d.start, d.message) for d in last if d.code not in deprecation], name
            later = {d.message for d in last}
            counted_days |= any(d.code in deprecation and d.message not in later for d in first)
    assert counted_days  # and deprecation findings do change between such days: those hold for a day only
