"""Shared fixtures: the corpus of every rule example and fixture file, run once through all front-ends."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

from lint_openai.rules.base import Example, Rule
from lint_openai.rules.registry import ALL_RULES

from .frontends import Case, CorpusResults, run_all_frontends

FIXTURES = Path(__file__).parent / "fixtures"
MARKER = re.compile(r"#\s*expect:\s*(?P<codes>[A-Z0-9:, ]+)\s*$")
MARKED_FINDING = re.compile(r"(?P<code>[A-Z]+[0-9]+):(?P<column>[0-9]+)")


@pytest.fixture(autouse=True)
def no_results_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run the CLI without the results cache (``LINT_OPENAI_NO_CACHE``), in this process and in the ones
    they start: a test that changes behaviour in-process (a monkeypatch) and checks the same file twice
    would otherwise be served what the first check found. ``tests/test_results_cache.py`` turns it on."""
    monkeypatch.setenv("LINT_OPENAI_NO_CACHE", "1")


def example_cases() -> List[Tuple[str, Rule, Example]]:
    cases = []
    for rule in ALL_RULES:
        for index, example in enumerate(rule.examples):
            cases.append((f"{rule.code.lower()}_{index:02d}", rule, example))
    return cases


def fixture_files() -> List[Path]:
    return sorted(FIXTURES.glob("*.py"))


def expected_markers(source: str) -> Set[Tuple[int, int, str]]:
    """``(row, column, code)`` for every ``# expect: CODE:COLUMN[, CODE:COLUMN]`` marker in a fixture
    (1-based columns, as the CLI reports them)."""
    expected = set()
    for row, line in enumerate(source.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            for entry in match["codes"].replace(",", " ").split():
                marked = MARKED_FINDING.fullmatch(entry)
                assert marked, f"line {row}: marker {entry!r} needs a column (`CODE:COLUMN`)"
                expected.add((row, int(marked["column"]), marked["code"]))
    return expected


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusResults:
    cases = [
        Case(
            name,
            example.source,
            today=example.today or "2026-11-25",
            extend_select=() if rule.default_enabled else (rule.code,),
        )
        for name, rule, example in example_cases()
    ]
    for path in fixture_files():
        cases.append(Case(f"fixture_{path.stem}", path.read_text(encoding="utf-8")))
    return run_all_frontends(tmp_path_factory.mktemp("corpus"), cases)


@pytest.fixture(scope="session")
def example_index() -> Dict[str, Tuple[Rule, Example]]:
    return {name: (rule, example) for name, rule, example in example_cases()}
