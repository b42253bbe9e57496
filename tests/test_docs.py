"""Documentation is generated from the rules and must be complete and current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint_openai.rules.docs import doc_sections, render_rules_markdown
from lint_openai.rules.registry import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_CODE = re.compile(r"^OAI\d{3}$")


def test_rules_md_is_current() -> None:
    committed = (ROOT / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), (
        "rules.md is stale: run `python -m lint_openai.rules.docs > rules.md`"
    )


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_fully_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert CATALOGUE_CODE.match(rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.symbol)
    sections = doc_sections(rule)
    for heading in ("What it does", "Why is this bad?", "Fix safety"):
        assert sections.get(heading), f"{rule.code} lacks '{heading}'"
    assert rule.sources, f"{rule.code} names no source for its facts"
    assert any(e.expect for e in rule.examples), f"{rule.code} has no bad example"
    if rule.code != "OAI001":
        assert any(not e.expect for e in rule.examples), f"{rule.code} has no good example"
    if rule.fix_availability != "none":
        assert any(e.fixed for e in rule.examples), f"{rule.code} has a fix but no example shows it"


def test_codes_and_symbols_are_unique() -> None:
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.symbol for r in ALL_RULES}) == len(ALL_RULES)


def test_readme_test_command_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "python -m pytest"
    assert command in readme and command in ci


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_use_instead_differs_from_the_example(rule) -> None:  # type: ignore[no-untyped-def]
    """rules.md shows the first bad example and, as "Use instead", its fix or the first good example."""
    bad = [e for e in rule.examples if e.expect]
    good = [e for e in rule.examples if not e.expect]
    replacement = bad[0].fixed or (good[0].source if good else None)
    if replacement is not None:
        assert replacement.strip() != bad[0].source.strip()
