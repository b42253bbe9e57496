"""Issue 14 item 6: one Python floor everywhere it is stated, and code the floor can parse.

.ci/run proves the floor for real (it installs the [dev] extra and runs this suite on that Python); these
checks keep the places that state it from drifting apart.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FLOOR = (3, 10)


def test_requires_python_and_ruff_target_state_the_floor() -> None:
    assert PYPROJECT["project"]["requires-python"] == ">=3.10"
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py310"


def test_readme_quick_start_states_the_floor() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "On a fresh machine with Python 3.10 to 3.13" in readme
    assert not re.search(r"Python 3\.9\+", readme)


def test_ci_runs_the_suite_on_the_floor_it_reads_from_pyproject() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "requires-python" in script and "-m pytest" in script
    assert (
        'fresh_venv "$floor_python" "$floor_venv"' in script
        and '"$floor_venv/bin/python" -m pytest' in script
    )


def test_every_module_parses_with_the_floor_grammar() -> None:
    for path in sorted((ROOT / "lint_openai").rglob("*.py")):
        ast.parse(path.read_text(encoding="utf-8"), str(path), feature_version=FLOOR)
