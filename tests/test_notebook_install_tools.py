"""Pins read from the other installers a notebook runs: conda, mamba and micromamba (their ``=`` spec, their
magics' quote removal) and ``uv pip``."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import pytest

from lint_openai.source.install_pins import conda_requirement, pinned_sdk_version
from lint_openai.source.notebook import notebook_from_cells

from .test_notebook_sdk_pins import V1_FINDINGS, cli_findings, fixture_cells, marked, with_pin


@pytest.mark.parametrize(
    ("spec", "requirement"),
    [
        ("openai=0.28", "openai==0.28.*"),
        ("openai=0.28.1", "openai==0.28.1.*"),
        ("openai=0.28.*", "openai==0.28.*"),
        ("openai=0.28.1=pyhd8ed1ab_0", "openai==0.28.1.*"),
        ("conda-forge::openai=0", "openai==0.*"),
        ("conda-forge::openai<1", "openai<1"),
        ("openai==0.28.1", "openai==0.28.1"),
        ("openai", "openai"),
    ],
)
def test_conda_specs_as_requirements(spec: str, requirement: str) -> None:
    assert conda_requirement(spec) == requirement


@pytest.mark.parametrize(
    ("cells", "pinned"),
    [
        (["%conda install openai=0.28"], "0.28"),
        (["%conda install -y -c conda-forge openai=0.28.1"], "0.28.1"),
        (["!conda install -y conda-forge::openai==0.27.8"], "0.27.8"),
        (["!/opt/conda/bin/conda install openai=0.28"], "0.28"),
        (["%micromamba install openai=0.28=pyhd8ed1ab_0"], "0.28"),
        (['!mamba install "openai<1"'], "0"),  # the shell gets the quotes
        (["%%bash\nconda install -y openai=0.28\n"], "0.28"),
        (["!uv pip install openai==0.28.1"], "0.28.1"),
        (["!uv pip install --system openai==0.28.1"], "0.28.1"),
        (['%uv pip install "openai<1"'], "0"),
        # Not a pin below 1.0:
        (['%mamba install "openai<1"'], None),  # the magic drops the quotes: the shell redirects
        (['%conda install "openai 0.28"'], None),  # two words for the shell: an unpinned openai
        (["!conda install openai=1.2"], None),
        (["%conda install openai"], None),
        (["%conda create -n other openai=0.28"], None),  # another environment, not an install here
        (["!conda install openai=0.28 && pip install -U openai"], None),
        (["%conda install 'openai=0.28"], None),  # an unbalanced quote: IPython's split fails
        (["!pip install openai=0.28"], None),  # pip refuses conda's spec
        (["!uv add openai==0.28"], None),  # a project's dependency, not the kernel's install
    ],
)
def test_other_installers(cells: List[str], pinned: Optional[str]) -> None:
    notebook = notebook_from_cells([("code", source) for source in cells])
    assert pinned_sdk_version(notebook) == pinned


@pytest.mark.parametrize("line", ["%conda install -y openai=0.28", "!uv pip install openai==0.28.1"])
def test_a_conda_or_uv_pin_silences_the_v1_rules(tmp_path: Path, line: str) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(with_pin(line), encoding="utf-8")
    assert cli_findings(path) == marked(fixture_cells())
    path.write_text(with_pin(line.replace("0.28", "1.2")), encoding="utf-8")
    assert cli_findings(path) == marked(fixture_cells()) | V1_FINDINGS
