"""Every rule's own examples: the findings, the fixes, and agreement of all front-ends."""

from __future__ import annotations

import ast
import datetime

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source
from lint_openai.fix import apply_fixes

from .conftest import example_cases, expected_markers, fixture_files
from .frontends import DEFAULT_TODAY, comparable

EXAMPLES = example_cases()
FRONTENDS = ("cli", "flake8", "pylint")


def _settings(rule, example) -> Settings:  # type: ignore[no-untyped-def]
    today = datetime.date.fromisoformat(example.today or "2026-11-25")
    return Settings(today=today, extend_select=() if rule.default_enabled else (rule.code,))


@pytest.mark.parametrize(("name", "rule", "example"), EXAMPLES, ids=[name for name, _, _ in EXAMPLES])
def test_example_findings(name, rule, example):  # type: ignore[no-untyped-def]
    """Each finding of the rule, in order: where it starts and ends, and what its message says."""
    diagnostics = check_source(example.source, f"{name}.py", _settings(rule, example))
    found = sorted((d for d in diagnostics if d.code == rule.code), key=lambda d: d.sort_key)
    ranges = [(d.start.row, d.start.column, d.end.row, d.end.column) for d in found]
    assert ranges == [tuple(expected[:4]) for expected in example.expect], [d.message for d in found]
    for diagnostic, expected in zip(found, example.expect):
        assert expected.message in diagnostic.message


@pytest.mark.parametrize(("name", "rule", "example"), EXAMPLES, ids=[name for name, _, _ in EXAMPLES])
def test_correct_code_is_clean_for_every_rule(name, rule, example):  # type: ignore[no-untyped-def]
    """Good examples and rules.md's "Use instead" (the first bad example's fixed source) have no finding
    of any rule enabled by default, nor of the example's own rule, on the example's date. Opt-in rules
    are stricter by choice: OAI105 reports every use of the legacy completions endpoint, which some
    correct examples (text completions, completion-only models) cannot avoid."""
    first_bad = next(e for e in rule.examples if e.expect)
    source = example.source if not example.expect else example.fixed if example is first_bad else None
    if source is None:
        return  # a later bad example (its fixed source may keep findings the fix cannot remove)
    found = check_source(source, f"{name}.py", _settings(rule, example))
    assert not [(d.code, d.start.row, d.start.column, d.message) for d in found]


@pytest.mark.parametrize(("name", "rule", "example"), EXAMPLES, ids=[name for name, _, _ in EXAMPLES])
def test_example_fix(name, rule, example):  # type: ignore[no-untyped-def]
    settings = _settings(rule, example)
    diagnostics = [d for d in check_source(example.source, f"{name}.py", settings) if d.code == rule.code]
    fixed, applied = apply_fixes(example.source, diagnostics, unsafe=True)
    if example.fixed is None:
        assert applied == 0, "a fix was produced but the example declares no fixed source"
        return
    assert applied > 0
    assert fixed == example.fixed
    ast.parse(fixed)
    again = [d for d in check_source(fixed, f"{name}.py", settings) if d.code == rule.code and d.fix]
    assert not again, "the fixed source still has fixes to apply (fix not idempotent)"
    if example.applicability is not None:
        assert {d.fix.applicability.value for d in diagnostics if d.fix} == {example.applicability}


@pytest.mark.slow
@pytest.mark.parametrize("frontend", FRONTENDS)
def test_frontends_agree(corpus, frontend):  # type: ignore[no-untyped-def]
    engine = corpus.by_frontend["engine"]
    other = corpus.by_frontend[frontend]
    mismatches = {
        name: (sorted(engine[name]), sorted(other[name]))
        for name in corpus.files
        if comparable(engine[name], "engine") != comparable(other[name], frontend)
    }
    assert not mismatches


@pytest.mark.slow
def test_corpus_is_not_empty(corpus):  # type: ignore[no-untyped-def]
    total = sum(len(findings) for findings in corpus.by_frontend["engine"].values())
    assert total >= len([e for _, _, e in EXAMPLES if e.expect])
    assert all(corpus.by_frontend[f] for f in FRONTENDS)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_fixture_markers(path):  # type: ignore[no-untyped-def]
    """The engine reports exactly the marked findings (test_frontends_agree: so does every host)."""
    source = path.read_text(encoding="utf-8")
    settings = Settings(today=datetime.date.fromisoformat(DEFAULT_TODAY))
    found = {(d.start.row, d.start.column, d.code) for d in check_source(source, str(path), settings)}
    assert found == expected_markers(source)
