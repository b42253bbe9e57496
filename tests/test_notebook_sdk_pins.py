"""A notebook whose own install command pins ``openai`` below 1.0 is judged as that release: the rules about
the openai>=1.0 package (``Rule.v1_sdk``) are silent, the model, request, tokenizer and platform rules stay on.
The same code without the pin, a Python file, or a ``requirements.txt`` pin beside it gets the v1 rules."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import List, Optional, Set, Tuple

import pytest

from lint_openai.config.sdk_target import before_v1, judged_on_v1_sdk
from lint_openai.config.settings import Settings
from lint_openai.engine import check_source
from lint_openai.frontends.cli.main import main
from lint_openai.rules.registry import ALL_RULES
from lint_openai.source.install_pins import pinned_sdk_version, v0_pin
from lint_openai.source.notebook import notebook_from_cells, read_notebook

from .notebook_builder import expected_findings

TODAY = "2026-11-25"
FIXTURE = Path(__file__).parent / "fixtures" / "notebooks" / "pinned_v0.ipynb"
PIN_LINE = "%pip install -q openai==0.28.1 tiktoken"
# What the v1 rules say about the fixture's code when it runs on openai>=1.0.
V1_FINDINGS = {(3, 2, "OAI102"), (3, 5, "OAI103"), (4, 2, "OAI101"), (4, 7, "OAI102"), (5, 1, "OAI101")}


def fixture_cells() -> List[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["cells"]


def marked(cells: List[dict]) -> Set[Tuple[int, int, str]]:
    """The ``# expect:`` markers of the fixture: the findings that hold whatever the SDK."""
    return expected_findings([{**cell, "source": "".join(cell["source"])} for cell in cells])


def with_pin(line: str) -> str:
    """The fixture notebook with its install line replaced by ``line``."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert json.dumps(PIN_LINE) in text
    return text.replace(json.dumps(PIN_LINE), json.dumps(line))


def cli_findings(path: Path, *extra: str) -> Set[Tuple[int, int, str]]:
    out = io.StringIO()
    status = main(
        ["check", str(path), "--output-format", "json", "--today", TODAY, *extra], out=out, err=io.StringIO()
    )
    assert status in (0, 1)
    return {(f["cell"], f["location"]["row"], f["code"]) for f in json.loads(out.getvalue())}


# ------------------------------------------------------------------------------------------ the pins
@pytest.mark.parametrize(
    ("requirement", "pinned"),
    [
        ("openai==0.28", "0.28"),
        ("openai==0.27.8", "0.27.8"),
        ("openai===0.28.1", "0.28.1"),
        ("openai<1", "0"),
        ("openai<1.0.0", "0"),
        ("openai<=0.28.1", "0.28.1"),
        ("openai~=0.27.0", "0.27.0"),
        ("openai==0.*", "0"),
        ("openai>=0.27,<1", "0"),
        ("OpenAI[datalib]==0.28.1", "0.28.1"),
        ("openai==0.28.1; python_version >= '3.8'", "0.28.1"),
        ("openai", None),
        ("openai>=0.27", None),
        ("openai<1.0.1", None),
        ("openai==1.3.0", None),
        ("openai==1.*", None),
        ("openai~=1.0", None),
        ("openai!=0.28", None),
        ("openai=={VERSION}", None),
        ("openai @ git+https://github.com/openai/openai-python@v0.28.1", None),
        ("openai-whisper==0.1", None),
    ],
)
def test_a_requirement_pins_below_1_0_only_when_every_release_it_allows_is(
    requirement: str, pinned: Optional[str]
) -> None:
    assert v0_pin(requirement) == pinned


@pytest.mark.parametrize(
    ("cells", "pinned"),
    [
        (["%pip install openai==0.28"], "0.28"),
        (['!pip install "openai<1"'], "0"),
        (["!pip install openai==0.27.8"], "0.27.8"),
        ([PIN_LINE], "0.28.1"),
        (["pip install openai==0.28"], "0.28"),  # a one-line automagic cell
        (["!{sys.executable} -m pip install --upgrade openai==0.28.1"], "0.28.1"),
        (["out = !pip install openai==0.28"], "0.28"),
        (["%pip install \\\n    tiktoken \\\n    openai==0.28"], "0.28"),
        (["%%bash\npip install openai==0.28.1\n"], "0.28.1"),
        (["%%capture\n%pip install openai==0.28.1"], "0.28.1"),
        (["!pip install -q openai==0.28 > /dev/null 2>&1 && echo done"], "0.28"),
        (["%pip install openai==0.27.8", "!pip install openai==0.28.1"], "0.28.1"),  # the last one runs last
        # Not a pin below 1.0 of this notebook's openai:
        (["!pip install openai<1"], None),  # unquoted: the shell reads stdin from a file named 1
        (["!pip install -U openai"], None),
        (["%pip install openai==0.28", "!pip install --upgrade openai"], None),
        (["!pip install openai==0.28 && pip install -U openai"], None),
        (["!pip install langchain-openai==0.0.2 openai-whisper"], None),
        (["!pip download openai==0.28", "!pip uninstall -y openai"], None),
        (["!pip install -r requirements.txt"], None),
        (["# %pip install openai==0.28\nimport openai"], None),  # a comment
        (['print("pip install openai==0.28")'], None),
        (["%%writefile requirements.txt\nopenai==0.28\n"], None),
        (["!pip install 'openai==0.28"], None),  # an unbalanced quote
    ],
)
def test_the_notebooks_install_commands(cells: List[str], pinned: Optional[str]) -> None:
    notebook = notebook_from_cells(
        [("code", source) for source in cells] + [("markdown", "pip install openai==0.28")]
    )
    assert pinned_sdk_version(notebook) == pinned


def test_what_is_judged_on_the_v1_package() -> None:
    assert before_v1("0.28.1") and before_v1("0") and not before_v1("1.0.0") and not before_v1(None)
    assert judged_on_v1_sdk(Settings(sdk_version="3.57.0")) and judged_on_v1_sdk(Settings())
    assert not judged_on_v1_sdk(Settings(sdk_version="0.28.1"))
    assert not judged_on_v1_sdk(Settings(sdk_shadowed=True))  # a local openai module
    v1_only = {rule.code for rule in ALL_RULES if rule.v1_sdk}
    assert {"OAI101", "OAI102", "OAI103", "OAI110", "OAI601"} <= v1_only
    assert not v1_only & {"OAI105", "OAI201", "OAI202", "OAI203", "OAI204", "OAI301", "OAI305", "OAI402"}
    assert not v1_only & {"OAI501", "OAI504", "OAI602", "OAI701", "OAI702"}  # true on 0.28.1 too


# ------------------------------------------------------------------------------------------ front-ends
def test_the_fixture_notebook_is_judged_as_the_release_it_installs() -> None:
    cells = fixture_cells()
    assert "".join(cells[1]["source"]) == PIN_LINE
    assert marked(cells) == {(3, 6, "OAI402"), (4, 3, "OAI201"), (5, 1, "OAI202")}
    assert cli_findings(FIXTURE) == marked(cells)


@pytest.mark.parametrize(
    "line",
    ["%pip install openai==0.28", '!pip install "openai<1"', "!pip install openai==0.27.8", PIN_LINE],
)
def test_each_pin_of_the_review_silences_the_v1_rules(tmp_path: Path, line: str) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(with_pin(line), encoding="utf-8")
    assert cli_findings(path) == marked(fixture_cells())


@pytest.mark.parametrize(
    "line", ["%pip install -q openai tiktoken", "!pip install -U 'openai>=0.27'", "import os"]
)
def test_without_a_pin_below_1_0_the_same_cells_get_the_v1_rules(tmp_path: Path, line: str) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(with_pin(line), encoding="utf-8")
    assert cli_findings(path) == marked(fixture_cells()) | V1_FINDINGS


def test_fix_leaves_the_v0_calls_of_a_pinned_notebook_alone(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_bytes(FIXTURE.read_bytes())
    out = io.StringIO()
    main(["check", str(path), "--fix", "--today", TODAY], out=out, err=io.StringIO())
    # The tokenizer's fix (safe) is applied; the v0 calls stay as the SDK the notebook installs needs them.
    expected = FIXTURE.read_text(encoding="utf-8").replace("cl100k_base", "o200k_base")
    assert path.read_text(encoding="utf-8") == expected != FIXTURE.read_text(encoding="utf-8")


def test_a_requirements_pin_and_python_files_are_not_read_as_the_notebooks(tmp_path: Path) -> None:
    """Only the notebook's own install line counts: a project's ``requirements.txt`` or a script does not."""
    (tmp_path / "requirements.txt").write_text("openai==0.28.1\n", encoding="utf-8")
    script = tmp_path / "app.py"
    cells = read_notebook(FIXTURE.read_text(encoding="utf-8")).spans
    script.write_text("".join(span.python.text + "\n" for span in cells), encoding="utf-8")
    codes = {code for _, _, code in cli_findings(script)}
    assert {"OAI101", "OAI102", "OAI103"} <= codes
    path = tmp_path / "nb.ipynb"
    path.write_text(with_pin("%pip install -r requirements.txt"), encoding="utf-8")
    assert cli_findings(path) == marked(fixture_cells()) | V1_FINDINGS


def test_the_sdk_version_setting_below_1_0_judges_python_files_the_same_way() -> None:
    source = (
        'import openai\nopenai.api_base = "x"\nr = openai.ChatCompletion.create(model="gpt-4", messages=[])\n'
    )
    today = datetime.date(2026, 11, 25)
    v1 = {d.code for d in check_source(source, "a.py", Settings(today=today, sdk_version="3.57.0"))}
    v0 = {d.code for d in check_source(source, "a.py", Settings(today=today, sdk_version="0.28.1"))}
    assert v1 == {"OAI101", "OAI103", "OAI201"} and v0 == {"OAI201"}
