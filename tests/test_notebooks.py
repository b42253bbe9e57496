"""Jupyter notebooks: findings at the right cell and line in every format, fixes written back into the cells
(every other byte kept), per-cell diffs, stdin, discovery, kernels, invalid notebooks, ``# noqa``."""

from __future__ import annotations

import datetime
import difflib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple
from xml.etree import ElementTree

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix, Location
from lint_openai.frontends.cli.main import main
from lint_openai.frontends.cli.runner import FixMode, check_data
from lint_openai.source.lines import LineIndex
from lint_openai.source.notebook import read_notebook
from lint_openai.source.notebook_json import NotebookText

from .notebook_builder import V0_CELLS, Cell, build, code, expected_findings, markdown, raw

TODAY = "2026-11-25"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", *args, "--today", TODAY], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def v0(tmp_path: Path) -> Path:
    return write(tmp_path / "summaries.ipynb", build(V0_CELLS))


def json_findings(path: Path, *extra: str) -> List[Dict[str, Any]]:
    status, out, _ = run([str(path), "--output-format", "json", *extra])
    assert status in (0, 1)
    return json.loads(out)


# ------------------------------------------------------------------------------------------ findings
def test_v0_notebook_findings_are_at_their_cell_and_line(v0: Path) -> None:
    found = json_findings(v0)
    assert {(f["cell"], f["location"]["row"], f["code"]) for f in found} == expected_findings(V0_CELLS)
    first = next(f for f in found if f["code"] == "OAI101")
    assert (first["cell"], first["location"], first["end_location"], first["noqa_row"]) == (
        5,
        {"row": 1, "column": 12},
        {"row": 1, "column": 40},
        1,
    )
    assert first["fix"]["edits"][0]["location"] == {"row": 1, "column": 12}  # edits are cell-relative too


def test_concise_and_full_output_name_the_cell(v0: Path) -> None:
    status, out, _ = run([str(v0)])
    assert status == 1
    assert f"{v0}:cell 5:1:12: OAI101 [*] `openai.ChatCompletion.create` was removed" in out
    assert f"{v0}:cell 3:5:1: OAI103" in out
    assert "Found 8 errors." in out
    _, full, _ = run([str(v0), "--output-format", "full"])
    assert f"{v0}:cell 6:4:8: OAI102" in full
    assert "4 | except openai.error.RateLimitError:  # expect: OAI102" in full  # the cell's own line 4
    assert "  |        " + "^" * len("openai.error.RateLimitError") + " OAI102" in full


def raw_text_at(text: str, location: Location) -> str:
    return text[LineIndex(text).offset(location) :]


def test_formats_located_by_file_lines_point_into_the_json(v0: Path) -> None:
    """SARIF, GitHub and pylint positions are lines of the .ipynb file itself: the cell's line is there."""
    text = v0.read_text(encoding="utf-8")
    _, sarif, _ = run([str(v0), "--output-format", "sarif"])
    document = json.loads(sarif)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(document)
    results = document["runs"][0]["results"]
    by_code = {(int(r["message"]["text"].split(":")[0][5:]), r["ruleId"]): r for r in results}
    oai101 = by_code[(5, "OAI101")]
    region = oai101["locations"][0]["physicalLocation"]["region"]
    assert raw_text_at(text, Location(region["startLine"], region["startColumn"])).startswith(
        "openai.ChatCompletion.create(  # expect: OAI101\\n"
    )
    assert region["endLine"] == region["startLine"]
    assert region["endColumn"] - region["startColumn"] == len("openai.ChatCompletion.create")
    assert oai101["message"]["text"].startswith("cell 5:1:12: `openai.ChatCompletion.create`")
    # A fix is offered as an edit of the JSON text (tests/test_sarif_notebook_fixes.py applies them).
    assert oai101["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "chat.completions"
    }
    oai102 = by_code[(6, "OAI102")]["locations"][0]["physicalLocation"]["region"]
    assert raw_text_at(text, Location(oai102["startLine"], oai102["startColumn"])).startswith("openai.error.")

    _, github, _ = run([str(v0), "--output-format", "github"])
    line = next(x for x in github.splitlines() if "(OAI103)" in x)
    match = re.search(r"line=(\d+),col=(\d+)", line)
    assert match is not None
    assert raw_text_at(text, Location(int(match[1]), int(match[2]))).startswith("openai.api_base = ")
    assert "::OAI103 cell 3:5:1: assigning `openai.api_base`" in line

    _, gitlab, _ = run([str(v0), "--output-format", "gitlab"])
    issue = next(i for i in json.loads(gitlab) if i["check_name"] == "OAI102")
    begin = issue["location"]["positions"]["begin"]
    assert raw_text_at(text, Location(begin["line"], begin["column"])).startswith(
        "openai.error.RateLimitError"
    )
    assert issue["description"].startswith("OAI102: cell 6:4:8: ")

    _, lines, _ = run([str(v0), "--output-format", "json-lines"])
    assert {(json.loads(line)["cell"], json.loads(line)["code"]) for line in lines.splitlines()} >= {
        (6, "OAI102")
    }

    _, pylint, _ = run([str(v0), "--output-format", "pylint"])
    row = int(re.search(rf"{re.escape(str(v0))}:(\d+): \[OAI201\] cell 6:3:37: ", pylint)[1])  # type: ignore[index]
    assert '\\"text-davinci-003\\"' in text.splitlines()[row - 1]


def test_junit_names_the_cell(v0: Path) -> None:
    _, out, _ = run([str(v0), "--output-format", "junit"])
    root = ElementTree.fromstring(out)
    names = {case.get("name") for case in root.iter("testcase")}
    assert "OAI101 at cell 5:1:12" in names
    failure = next(case for case in root.iter("testcase") if case.get("name") == "OAI102 at cell 6:4:8")
    assert failure.find("failure").text.startswith(f"{v0}:cell 6:4:8: OAI102")  # type: ignore[union-attr]


def test_cells_form_one_module_in_order(tmp_path: Path) -> None:
    cells = [
        code("from openai import OpenAI\nclient = OpenAI()"),
        markdown("A client made above is used below."),
        code('client.chat.completion.create(model="gpt-5.6-sol", messages=[])'),
    ]
    found = json_findings(write(tmp_path / "nb.ipynb", build(cells)))
    assert [(f["cell"], f["location"]["row"], f["code"]) for f in found] == [(3, 1, "OAI104")]


def test_a_client_rebound_to_another_server_in_a_later_cell(tmp_path: Path) -> None:
    """Cells run top to bottom: a call after the cell that rebinds the client goes to the local server
    (fp review 7), one before it to OpenAI; so do the setter and ``OPENAI_BASE_URL`` set in a cell."""
    cells = [
        code("import os\nfrom openai import OpenAI\nclient = OpenAI()"),
        code('r = client.chat.completions.create(model="gpt-4", messages=[])'),
        code(
            '# switch to local server for this section\nclient = OpenAI(base_url="http://localhost:11434/v1")'
        ),
        code('r = client.chat.completions.create(model="gpt-4", messages=[])'),
        code('hosted = OpenAI()\nhosted.base_url = "http://localhost:11434/v1"'),
        code('r = hosted.chat.completions.create(model="gpt-4", messages=[])'),
        code('os.environ["OPENAI_BASE_URL"] = "http://localhost:11434/v1"\nenv = OpenAI()'),
        code('r = env.chat.completions.create(model="gpt-4", messages=[])'),
    ]
    found = json_findings(write(tmp_path / "nb.ipynb", build(cells)))
    assert [(f["cell"], f["location"]["row"], f["code"]) for f in found] == [(2, 1, "OAI201")]


def test_noqa_and_file_exemption_inside_cells(tmp_path: Path) -> None:
    cells = [
        code("import openai"),
        code("openai.ChatCompletion.create()  # noqa: OAI101\nopenai.Completion.create()"),
    ]
    found = json_findings(write(tmp_path / "a.ipynb", build(cells)))
    assert [(f["cell"], f["location"]["row"]) for f in found] == [(2, 2)]
    exempt = [*cells, markdown("# lint-openai: noqa"), code("# lint-openai: noqa")]
    assert json_findings(write(tmp_path / "b.ipynb", build(exempt))) == []


def test_a_broken_cell_is_oai001_in_that_cell_and_the_rest_is_checked(tmp_path: Path) -> None:
    cells = [
        code("import openai"),
        code("def broken(:\n    pass"),
        code("x = (\n"),
        code("openai.Completion.create()"),
    ]
    found = json_findings(write(tmp_path / "nb.ipynb", build(cells)))
    assert [(f["cell"], f["location"]["row"], f["code"]) for f in found] == [
        (2, 1, "OAI001"),
        (3, 1, "OAI001"),
        (4, 1, "OAI101"),
    ]
    assert found[0]["message"].startswith("SyntaxError:")


def test_a_cell_indented_as_a_whole_is_dedented_as_in_the_kernel(tmp_path: Path) -> None:
    # IPython's leading_indent: the cell runs as `openai.Completion.create()`, not inside cell 1's `if`.
    cells = [code("import openai\nif True:\n    x = 1"), code("    openai.Completion.create()")]
    found = json_findings(write(tmp_path / "nb.ipynb", build(cells)))
    assert [(f["cell"], f["code"], f["location"]["column"]) for f in found] == [(2, "OAI101", 5)]


def test_shapes_without_findings(tmp_path: Path) -> None:
    empty = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    only_markdown = build(
        [markdown("import openai\nopenai.ChatCompletion.create()"), raw("openai.Completion")]
    )
    for name, text in (("empty", json.dumps(empty)), ("markdown", only_markdown)):
        status, out, err = run([str(write(tmp_path / f"{name}.ipynb", text + " openai"[:0]))])
        assert (status, err) == (0, ""), name
        assert "All checks passed!" in out


def test_very_long_cells_and_crlf_sources(tmp_path: Path) -> None:
    long_source = "import openai\n" + "x = 1\n" * 5000 + "openai.Completion.create()"
    crlf = "import openai\r\n\r\nopenai.api_base = 'https://x/v1'\r\nprint('é')\r\n"
    cells = [markdown("intro"), code(long_source), code(crlf)]
    path = write(tmp_path / "nb.ipynb", build(cells))
    found = json_findings(path)
    assert [(f["cell"], f["location"]["row"], f["code"]) for f in found] == [
        (2, 5002, "OAI101"),
        (3, 3, "OAI103"),
    ]
    assert run([str(path), "--fix"])[0] == 0
    fixed = read_notebook(path.read_text(encoding="utf-8")).cells
    assert fixed[1].source.endswith("x = 1\nopenai.completions.create()")
    assert fixed[2].source == "import openai\r\n\r\nopenai.base_url = 'https://x/v1/'\r\nprint('é')\r\n"


def test_top_level_await_and_async_for_are_python(tmp_path: Path) -> None:
    cells = [code("from openai import AsyncOpenAI\nclient = AsyncOpenAI()"), code(
        'stream = await client.chat.completions.create(model="gpt-5.6-sol", messages=[], stream=True)\n'
        "async for chunk in stream:\n"
        "    print(chunk.choices[0].message)"
    )]  # fmt: skip
    found = json_findings(write(tmp_path / "nb.ipynb", build(cells)))
    assert [(f["cell"], f["location"]["row"], f["code"]) for f in found] == [(2, 3, "OAI501")]


# ------------------------------------------------------------------------------------------ fixes
STYLES = [
    pytest.param({}, id="jupyter"),
    pytest.param({"indent": 2, "sort_keys": False}, id="indent2-insertion-order"),
    pytest.param({"indent": 4, "ensure_ascii": True}, id="indent4-ascii"),
    pytest.param({"indent": "\t"}, id="tabs"),
    pytest.param({"indent": None}, id="one-line"),
    pytest.param({"sources": "string"}, id="string-sources"),
    pytest.param({"nbformat_minor": 0, "ids": False, "trailing_newline": False}, id="4.0-no-ids-no-newline"),
    pytest.param({"nbformat_minor": 4, "ids": False, "ensure_ascii": True}, id="4.4-ascii"),
    pytest.param({"nbformat_minor": 5, "ids": False}, id="4.5-without-ids"),
]


def changed_lines(before: str, after: str) -> Tuple[List[str], List[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def common_length(a: str, b: str) -> int:
    """How many leading characters two texts share."""
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


@pytest.mark.parametrize("style", STYLES)
def test_fix_round_trips_keeping_every_byte_outside_the_changed_source_lines(
    tmp_path: Path, style: dict
) -> None:
    original = build(V0_CELLS, **style)
    path = write(tmp_path / "nb.ipynb", original)
    os.chmod(path, 0o640)
    status, out, _ = run([str(path), "--fix"])
    assert (
        status == 1 and "Found 9 errors (4 fixed, 5 remaining)." in out
    )  # OAI103, then OAI109 on its result
    fixed = path.read_text(encoding="utf-8")
    assert oct(path.stat().st_mode & 0o777) == "0o640"

    before, after = json.loads(original), json.loads(fixed)
    changed = {i for i, (a, b) in enumerate(zip(before["cells"], after["cells"])) if a != b}
    assert changed == {2, 4, 5}  # cells 3, 5 and 6: outputs, metadata, ids, markdown, magics untouched
    for index in changed:
        assert {k: v for k, v in before["cells"][index].items() if k != "source"} == {
            k: v for k, v in after["cells"][index].items() if k != "source"
        }
    assert {k: v for k, v in before.items() if k != "cells"} == {
        k: v for k, v in after.items() if k != "cells"
    }
    cells = read_notebook(fixed).cells
    assert cells[2].source.endswith('openai.base_url = "https://api.openai.com/v1/"  # expect: OAI103')
    assert cells[4].source.startswith("response = openai.chat.completions.create(  # expect: OAI101\n")
    assert cells[5].source.startswith("%%time\ntry:\n")
    assert "except openai.RateLimitError:" in cells[5].source

    if style.get("indent", 1) is not None:
        removed, added = changed_lines(original, fixed)
        if style.get("sources") == "string":  # one JSON line per changed cell
            assert len(removed) == len(added) == 3 and all('"source": "' in line for line in removed + added)
        else:  # one JSON line per changed source line (OAI103, OAI101, the OAI601 it enables, OAI102)
            old_lines = {line for i in changed for line in before["cells"][i]["source"]}
            new_lines = {line for i in changed for line in after["cells"][i]["source"]}
            assert len(removed) == len(added) == 4
            assert {json.loads(line.strip().rstrip(",")) for line in removed} <= old_lines
            assert {json.loads(line.strip().rstrip(",")) for line in added} <= new_lines
    else:
        prefix = common_length(original, fixed)
        suffix = common_length(original[::-1], fixed[::-1])
        spans = NotebookText(original).sources
        assert spans[2] is not None and spans[5] is not None
        assert prefix >= spans[2].value.start and len(original) - suffix <= spans[5].value.end

    if style.get("ensure_ascii"):
        assert "\\u00e7a va" in fixed and "ça va" not in fixed  # the changed line keeps the file's escapes
    else:
        assert "ça va" in fixed
    assert fixed.endswith("\n") is style.get("trailing_newline", True)

    again = run([str(path), "--fix"])
    assert again[0] == 1 and "Found 5 errors." in again[1]
    assert path.read_text(encoding="utf-8") == fixed  # idempotent


def test_a_long_cell_of_repeated_lines_changes_only_its_fixed_lines() -> None:
    source = "openai.Completion.create()\n" + "x = 1\n" * 3000 + "openai.Completion.create()"
    data = build([code("import openai"), code(source)]).encode("utf-8")
    result = check_data(data, "nb.ipynb", Settings(), FixMode())
    assert result.fixed == 2 and result.fixed_source is not None
    before, after = data.decode("utf-8").splitlines(), result.fixed_source.splitlines()
    changed = [(a.strip(), b.strip()) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [
        ('"openai.Completion.create()\\n",', '"openai.completions.create()\\n",'),
        ('"openai.Completion.create()"', '"openai.completions.create()"'),
    ]


def test_unsafe_fixes_and_diff_per_cell(v0: Path) -> None:
    before = v0.read_bytes()
    status, out, err = run([str(v0), "--diff", "--unsafe-fixes"])
    assert status == 1 and v0.read_bytes() == before
    shown = v0.relative_to(v0.anchor).as_posix()  # outside the working directory: no leading /
    assert f"--- a/{shown}:cell 5\n+++ b/{shown}:cell 5\n" in out
    assert '-    model="gpt-3.5-turbo",  # expect: OAI201\n' in out
    assert '+    model="gpt-5.6-terra",  # expect: OAI201\n' in out
    assert "+except openai.RateLimitError:  # expect: OAI102\n" in out
    assert " %%time\n" in out  # context lines of the cell
    assert "cell 2" not in out and "nvidia" not in out
    assert "Would fix" in err


def test_add_noqa_writes_into_cells_around_ipython_lines(v0: Path) -> None:
    original = v0.read_text(encoding="utf-8")
    status, _, err = run([str(v0), "--add-noqa"])
    assert status == 0 and "Added 6 noqa directives." in err
    assert run([str(v0)])[1].strip() == "All checks passed!"
    cells = read_notebook(v0.read_text(encoding="utf-8")).cells
    assert cells[5].source.startswith("%%time\ntry:\n")  # the magic line is back, untouched
    assert cells[10].source.startswith("files = !ls\nfor name in files:\n    !echo $name\n")
    assert cells[10].source.endswith("# expect: OAI101, OAI201  # noqa: OAI101, OAI201")
    removed, added = changed_lines(original, v0.read_text(encoding="utf-8"))
    assert len(removed) == len(added) == 6 and all("# noqa: OAI" in line for line in added)
    assert run([str(v0), "--add-noqa"])[2].startswith("Added 0 noqa directives.")


def test_stdin_notebook(v0: Path, tmp_path: Path) -> None:
    text = v0.read_text(encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "lint_openai",
        "check",
        "-",
        "--stdin-filename",
        "nb.ipynb",
        "--today",
        TODAY,
    ]
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("nb.ipynb:cell 3:5:1: OAI103")
    fixed = subprocess.run(
        [*command, "--fix"], input=text, capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert "openai.chat.completions.create(" in read_notebook(fixed.stdout).cells[4].source
    assert "Found 9 errors (4 fixed, 5 remaining)." in fixed.stderr


def test_fixes_never_touch_ipython_lines_or_leave_their_cell() -> None:
    notebook = read_notebook(build([code("x = 1"), code("%time f()\nimport openai")]))
    span = notebook.spans[1]
    safe = Fix(
        Applicability.SAFE,
        "m",
        (Edit(Location(span.first_row + 1, 1), Location(span.first_row + 1, 7), "y"),),
    )
    on_magic = Fix(
        Applicability.SAFE, "m", (Edit(Location(span.first_row, 1), Location(span.first_row, 5), "y"),)
    )
    leaving = Fix(Applicability.SAFE, "m", (Edit(Location(1, 1), Location(span.first_row, 1), ""),))
    at = Location(span.first_row + 1, 1)
    mapped = [
        notebook.to_cell(Diagnostic("OAI101", "s", "m", at, at, "nb.ipynb", fix))
        for fix in (safe, on_magic, leaving)
    ]
    assert (
        mapped[0].cell == 2 and mapped[0].fix is not None and mapped[0].fix.edits[0].start == Location(2, 1)
    )
    assert mapped[1].fix is None and mapped[2].fix is None


# ------------------------------------------------------------------------------------------ positions
@pytest.mark.parametrize("style", STYLES)
def test_every_cell_character_maps_to_its_place_in_the_json(style: dict) -> None:
    cells = [code('s = "tab\\t", \'q"\'\r\nprint("€ 😀 \\\\")\n\nlast'), markdown("x"), code("é\n"), code("")]
    text = build(cells, **style)
    notebook, positions = read_notebook(text), NotebookText(text)
    lines = LineIndex(text)
    for cell in notebook.cells:
        if cell.kind != "code" or not cell.source:
            continue
        source_lines = LineIndex(cell.source)
        for offset, char in enumerate(cell.source):
            location = positions.physical(cell.number, source_lines.location_at(offset), cell.source)
            assert location is not None
            raw = text[lines.offset(location) :]
            decoded = json.decoder.scanstring('"' + raw, 1)[0]  # type: ignore[attr-defined]
            assert decoded.startswith(char), (cell.number, offset, char)


# ------------------------------------------------------------------------------------------ discovery and kinds
def test_directories_find_notebooks_unless_turned_off(tmp_path: Path) -> None:
    write(tmp_path / "a.py", "import openai\n")
    write(tmp_path / "nb" / "b.ipynb", build([code("import openai")]))
    write(tmp_path / ".ipynb_checkpoints" / "b-checkpoint.ipynb", build([code("import openai")]))
    shown = run([str(tmp_path), "--show-files"])[1].splitlines()
    assert shown == [str(tmp_path / "a.py"), str(tmp_path / "nb" / "b.ipynb")]
    assert run([str(tmp_path), "--show-files", "--no-notebooks"])[1].splitlines() == [str(tmp_path / "a.py")]
    configured = tmp_path / "configured"
    write(configured / "pyproject.toml", "[tool.lint-openai]\nnotebooks = false\n")
    write(configured / "c.ipynb", build([code("import openai")]))
    assert run([str(configured), "--show-files"])[1] == ""
    assert run([str(configured), "--show-files", "--notebooks"])[1].splitlines() == [
        str(configured / "c.ipynb")
    ]
    named = run([str(configured / "c.ipynb"), "--show-files"])[1]
    assert named.strip() == str(configured / "c.ipynb")  # named files are always checked
    invalid = tmp_path / "invalid"
    write(invalid / "pyproject.toml", "[tool.lint-openai]\nnotebooks = 1\n")
    status, _, err = run([str(invalid)])
    assert status == 2 and "notebooks: expected true or false" in err


def test_a_v0_notebook_in_a_directory_fails_the_run(tmp_path: Path) -> None:
    write(tmp_path / "nb.ipynb", build(V0_CELLS))
    status, out, _ = run([str(tmp_path)])
    assert status == 1 and "Found 8 errors." in out


@pytest.mark.parametrize(
    ("language_info", "kernelspec", "note"),
    [
        ({"name": "R"}, {"language": "R"}, "kernel language: r"),
        ({}, {"language": "julia", "name": "julia-1.10"}, "kernel language: julia"),
        ({"name": "scala"}, None, "kernel language: scala"),
    ],
)
def test_non_python_kernels_are_skipped_with_a_note(
    tmp_path: Path, language_info: dict, kernelspec: Any, note: str
) -> None:
    metadata: Dict[str, Any] = {"language_info": language_info}
    if kernelspec is not None:
        metadata["kernelspec"] = kernelspec
    path = write(
        tmp_path / "r.ipynb", build([code("library(openai)\nopenai.ChatCompletion <- 1")], metadata=metadata)
    )
    status, out, err = run([str(path)])
    assert status == 0 and "All checks passed!" in out
    assert f"note: {path}: not a Python notebook ({note}): skipped" in err
    assert run([str(path), "--quiet"])[2] == ""


@pytest.mark.parametrize(
    ("text", "message", "row", "column"),
    [
        (
            '{"cells": [{"cell_type": "code", "source": "import openai"',
            "not a Jupyter notebook: invalid JSON: ",
            1,
            59,
        ),
        (
            '{\n "nbformat": 3, "worksheets": [], "openai": 1}',
            "nbformat 3 notebooks are not supported, only nbformat 4",
            1,
            1,
        ),
        (
            '{"nbformat": "4", "cells": [], "x": "openai"}',
            'invalid notebook: "nbformat" must be the number 4, not a string',
            1,
            1,
        ),
        ('{"cells": [], "x": "openai"}', 'not a Jupyter notebook: it has no "nbformat" version', 1, 1),
        ('["openai"]', "not a Jupyter notebook: the JSON is a list, not an object with cells", 1, 1),
        (
            '{"nbformat": 4, "cells": {"openai": 1}}',
            'invalid notebook: "cells" must be a list, not an object',
            1,
            1,
        ),
        (
            '{"nbformat": 4,\n "cells": [\n  {"cell_type": "code", "source": 1, "x": "openai"}]}',
            'invalid notebook: code cell 1 "source" must be a string or a list of strings',
            3,
            3,
        ),
        (
            '{"nbformat": 4, "cells": [{"source": "openai"}]}',
            'invalid notebook: cell 1 has no "cell_type"',
            1,
            27,
        ),
    ],
)
def test_invalid_notebooks_are_oai001_saying_what_is_wrong(
    tmp_path: Path, text: str, message: str, row: int, column: int
) -> None:
    found = json_findings(write(tmp_path / "bad.ipynb", text))
    assert len(found) == 1 and found[0]["code"] == "OAI001" and found[0]["cell"] is None
    assert found[0]["message"].startswith(message)
    assert (found[0]["location"]["row"], found[0]["location"]["column"]) == (row, column)


def test_undecodable_notebook_is_oai001(tmp_path: Path) -> None:
    path = tmp_path / "bad.ipynb"
    path.write_bytes(b'{"cells": ["import openai \xff"]}')
    found = json_findings(path)
    assert [f["code"] for f in found] == ["OAI001"] and "cannot decode" in found[0]["message"]


def test_prefilter_sees_through_json_escapes() -> None:
    text = build(
        [code("import \\u006fpenai\nopenai.Completion.create()".replace("\\u006f", "o"))], ensure_ascii=True
    )
    escaped = text.replace('"import openai', '"import \\u006fpenai').replace(
        "openai.Completion", "\\u006fpenai.Completion"
    )
    assert "openai" not in escaped.split('"cells"')[1].split('"metadata"')[0]
    result = check_data(escaped.encode(), "nb.ipynb", Settings())
    assert [d.code for d in result.diagnostics] == ["OAI101"]


def test_readme_says_flake8_and_pylint_do_not_read_notebooks() -> None:
    """They do not read notebooks (README says so); the CLI and the language server do."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "flake8 and pylint do not read notebooks" in readme


# ------------------------------------------------------------------------------------------ properties
V0_CODE = 'openai.ChatCompletion.create(model="gpt-4", messages=[])'
LINE_MAGICS = st.sampled_from(
    [
        "%pip install openai==0.28.1",
        "!pip install -q openai tiktoken",
        "!!ls -la",
        f"%timeit {V0_CODE}",
        f"%time {V0_CODE}",
        "files = !ls *.ipynb",
        "key = %env OPENAI_API_KEY",
        "%env OPENAI_MODEL=gpt-4",
        "openai.ChatCompletion.create?",
        "?openai.Completion",
        "openai.Completion.create??",
        "%load_ext autoreload",
        "%autoreload 2",
        "%matplotlib inline",
        '!curl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"',
        "%run legacy_v0_script.py",
        "!echo 'unbalanced (quote",
        "%config InlineBackend.figure_format = 'retina'",
        "/print openai.Completion",
    ]
)
CELL_MAGICS = st.sampled_from(
    ["%%bash", "%%writefile v0.py", "%%html", "%%javascript", "%%sql", "%%script bash"]
)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@st.composite
def magic_cell(draw: st.DrawFn) -> Dict[str, Any]:
    kind = draw(st.sampled_from(["line", "cell", "automagic", "markdown", "raw"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    if kind == "line":
        lines = draw(st.lists(LINE_MAGICS | st.just(""), min_size=1, max_size=6))
        if lines[0].startswith(("%", "!")) and draw(st.booleans()):
            lines[0] += " \\" + newline + "    --upgrade"  # a continued magic line
        return code(newline.join(lines) + draw(st.sampled_from(["", newline])))
    if kind == "cell":
        body = draw(st.lists(st.just(V0_CODE) | ANY_TEXT.map(lambda t: t.replace("\r", "")), max_size=4))
        return code(newline.join([draw(CELL_MAGICS), *body]))
    if kind == "automagic":
        return code(
            draw(st.sampled_from(["pip install openai==0.28", "cd ..", "ls -la", "env OPENAI_MODEL=gpt-4"]))
        )
    text = draw(ANY_TEXT) + newline + V0_CODE
    return markdown(text) if kind == "markdown" else raw(text)


NOTEBOOK_STYLES = st.fixed_dictionaries(
    {
        "indent": st.sampled_from([1, 2, None]),
        "ensure_ascii": st.booleans(),
        "sources": st.sampled_from(["list", "string"]),
        "nbformat_minor": st.integers(0, 5),
    }
)


@settings(max_examples=150, deadline=None)
@given(st.lists(magic_cell(), max_size=8), NOTEBOOK_STYLES)
def test_cells_of_only_magics_and_markdown_never_give_a_finding_or_a_crash(
    cells: List[Cell], style: dict
) -> None:
    data = build(cells, **style).encode("utf-8")
    result = check_data(data, "magics.ipynb", Settings(today=datetime.date(2026, 11, 25)))
    assert result.internal_error is None
    assert result.diagnostics == [], [(d.cell, d.start, d.code, d.message) for d in result.diagnostics]
    fixed = check_data(
        data, "magics.ipynb", Settings(today=datetime.date(2026, 11, 25)), FixMode(unsafe=True)
    )
    assert fixed.fixed == 0 and fixed.fixed_source == fixed.source


@settings(max_examples=100, deadline=None)
@given(st.lists(ANY_TEXT | st.just(V0_CODE), max_size=5), NOTEBOOK_STYLES)
def test_any_cell_text_gives_findings_or_oai001_never_a_crash(sources: List[str], style: dict) -> None:
    cells = [code("import openai"), *(code(source) for source in sources)]
    result = check_data(build(cells, **style).encode("utf-8"), "nb.ipynb", Settings(), FixMode(unsafe=True))
    assert result.internal_error is None and result.fix_error is None
    assert all(d.cell is not None and d.cell >= 2 for d in result.diagnostics)
