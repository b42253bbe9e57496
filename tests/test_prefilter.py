"""The prefilter skips files without parsing them: it must never skip a file that has a finding."""

from __future__ import annotations

import datetime
import random
import sysconfig
import textwrap
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source, knowledge_for
from lint_openai.rules.registry import ALL_RULES
from lint_openai.source.prefilter import bytes_may_have_findings, id_prefixes, may_have_findings

from .conftest import example_cases
from .test_triage_regressions import CASES as TRIAGE_CASES

ROOT = Path(__file__).resolve().parent.parent
EVERY_RULE = Settings(today=datetime.date(2026, 11, 25), extend_select=tuple(r.code for r in ALL_RULES))


def corpus() -> Iterator[Tuple[str, str]]:
    """Every source the test suite knows findings for: fixtures, examples, rule examples, regressions."""
    for folder in ("tests/fixtures", "examples"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for name, _, example in example_cases():
        yield name, example.source
    for name, (source, _) in TRIAGE_CASES.items():
        yield name, textwrap.dedent(source)


CORPUS = list(corpus())


@pytest.mark.parametrize(("name", "source"), CORPUS, ids=[name for name, _ in CORPUS])
def test_the_prefilter_loses_no_finding(name: str, source: str) -> None:
    unfiltered = check_source(source, "case.py", EVERY_RULE, prefilter=False)
    assert check_source(source, "case.py", EVERY_RULE) == unfiltered
    if unfiltered:
        assert may_have_findings(source)
        assert bytes_may_have_findings(source.encode("utf-8"))


def test_the_corpus_has_files_with_findings_that_never_say_openai() -> None:
    """Otherwise the test above would not exercise the model-id half of the prefilter."""
    without_sdk_words = [
        name
        for name, source in CORPUS
        if "openai" not in source.lower()
        and "tiktoken" not in source
        and check_source(source, "case.py", EVERY_RULE, prefilter=False)
    ]
    assert without_sdk_words


@pytest.mark.parametrize(
    "source",
    [
        'DEFAULT_MODEL = "gpt-4"\n',
        "llm_model: str = 'text-davinci-003'\n",
        'MODEL = u"gpt-3.5-turbo"\n',
        'def ask(model=r"gpt-4-0314"):\n    return send(model)\n',
        'CONFIG = {"model": """gpt-4"""}\n',
    ],
)
def test_files_that_only_quote_a_model_id_are_checked(source: str) -> None:
    assert [d.code for d in check_source(source, "settings.py", EVERY_RULE)] == ["OAI201"]


def test_unrelated_files_are_skipped() -> None:
    assert not may_have_findings('content_type = "text/plain"\ncode = "gpt"\nmodel = 4\n')
    assert not bytes_may_have_findings(b"print('textual')\n")


def test_ids_a_models_override_adds_count_too() -> None:
    """``models-override`` may name ids the knowledge lacks (GET /v1/models): a file quoting one is checked."""
    source = 'MODEL = "zeta-9-preview"\n'
    overrides = (("zeta-9-preview", "2026-01-01"),)
    assert not may_have_findings(source)
    assert may_have_findings(source, overrides)
    assert bytes_may_have_findings(source.encode(), overrides)
    settings = EVERY_RULE.merged(model_shutdown_dates=overrides, models_override_source="test")
    assert [d.code for d in check_source(source, "settings.py", settings)] == ["OAI201"]


def test_id_prefixes_cover_every_known_id() -> None:
    knowledge = knowledge_for(EVERY_RULE)
    prefixes = id_prefixes(knowledge.all_ids())
    assert len(prefixes) < 60  # short enough to be a cheap regex
    for model_id in knowledge.all_ids():
        if "-" in model_id or any(ch.isdigit() for ch in model_id):
            assert model_id.startswith(prefixes), model_id


def stdlib_sample(count: int) -> list:  # type: ignore[type-arg]
    """A deterministic sample of the standard library's modules (seeded, sorted first)."""
    files = sorted(Path(sysconfig.get_paths()["stdlib"]).rglob("*.py"))
    return sorted(random.Random(20261125).sample(files, min(count, len(files))))


@pytest.mark.slow
def test_engine_never_raises_on_a_stdlib_sample_with_the_prefilter_bypassed() -> None:
    """Every rule sees every node of real code that mostly has nothing to do with the SDK."""
    checked = 0
    for path in stdlib_sample(250):
        try:
            source = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        check_source(source, str(path), EVERY_RULE, prefilter=False)  # an InternalError fails the test
        checked += 1
    assert checked > 200
