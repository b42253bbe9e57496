"""SARIF ``fixes`` for notebook findings: one replacement in the ``.ipynb`` file's JSON text, which applied to
the file gives the notebook with exactly that fix made in its cell (what the JSON format's cell-relative
edits say), every other byte kept."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any, Dict, List

import jsonschema
import pytest

from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix, Location
from lint_openai.fix import apply_fixes
from lint_openai.frontends.cli.main import main
from lint_openai.source.lines import LineIndex
from lint_openai.source.notebook import read_notebook

from .notebook_builder import V0_CELLS, build, code

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CELL_POSITION = re.compile(r"^cell (\d+):(\d+):(\d+): ")
ESCAPED = [
    code("import openai\nimport tiktoken"),
    # a one-string source (not a list of lines), non-ASCII escaped, quotes that JSON escapes
    code(
        'enc = tiktoken.get_encoding("cl100k_base")  # caf\u00e9\nr = openai.Completion.create(model="gpt-4o", prompt="\\"x\\"")'
    ),
]


def output(path: Path, fmt: str) -> List[Dict[str, Any]]:
    out = io.StringIO()
    status = main(
        ["check", str(path), "--output-format", fmt, "--today", "2026-11-25"], out=out, err=io.StringIO()
    )
    assert status == 1
    document = json.loads(out.getvalue())
    if fmt == "sarif":
        jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(document)
        return list(document["runs"][0]["results"])
    return list(document)


def replaced(text: str, replacement: Dict[str, Any]) -> str:
    region = replacement["deletedRegion"]
    lines = LineIndex(text)
    start = lines.offset(Location(region["startLine"], region["startColumn"]))
    end = lines.offset(Location(region["endLine"], region["endColumn"]))
    return text[:start] + replacement["insertedContent"]["text"] + text[end:]


def cell_fixed(source: str, fix: Dict[str, Any]) -> str:
    """The cell's source with the JSON format's cell-relative edits applied."""
    edits = tuple(
        Edit(Location(**e["location"]), Location(**e["end_location"]), e["content"]) for e in fix["edits"]
    )
    start = edits[0].start
    finding = Diagnostic("OAI999", "x", "m", start, start, "x.py", Fix(Applicability.SAFE, "f", edits))
    return apply_fixes(source, [finding])[0]


@pytest.mark.parametrize("cells", [V0_CELLS, ESCAPED], ids=["v0-cells", "escaped-one-string-source"])
def test_each_sarif_fix_makes_exactly_the_cell_fix(tmp_path: Path, cells: list) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(build(cells) if cells is V0_CELLS else _one_string(build(cells)), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    notebook = read_notebook(text)
    cell_fixes = {
        (f["cell"], f["location"]["row"], f["location"]["column"], f["code"]): f["fix"]
        for f in output(path, "json")
        if f["fix"] is not None
    }
    checked = 0
    for result in output(path, "sarif"):
        position = CELL_POSITION.match(result["message"]["text"])
        assert position is not None
        cell, row, column = (int(part) for part in position.groups())
        fix = cell_fixes.get((cell, row, column, result["ruleId"]))
        assert ("fixes" in result) == (fix is not None), result["message"]["text"]
        if fix is None:
            continue
        (change,) = result["fixes"][0]["artifactChanges"]
        (replacement,) = change["replacements"]
        after = read_notebook(replaced(text, replacement))
        expected = [c.source for c in notebook.cells]
        expected[cell - 1] = cell_fixed(expected[cell - 1], fix)
        assert [c.source for c in after.cells] == expected
        checked += 1
    assert checked >= 2


def _one_string(text: str) -> str:
    """The notebook with each cell's source one JSON string and non-ASCII escaped (``json.dumps``' default)."""
    document = json.loads(text)
    for cell in document["cells"]:
        cell["source"] = "".join(cell["source"])
    return json.dumps(document, indent=1)
