"""Start-up (issue 19): a run loads only what its files need, and the compact forms it reads instead of the full
data are what their generators derive now. Nothing here measures time: it checks what is imported and read."""

from __future__ import annotations

import fnmatch
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Set

import pytest

from lint_openai.frontends.cli.discovery import DEFAULT_EXCLUDES, is_excluded
from lint_openai.frontends.cli.output.formats import FORMAT_NAMES, formatter
from lint_openai.frontends.cli.output.report import Report
from lint_openai.frontends.cli.paths import resolved, resolved_all
from lint_openai.rules.catalogue import DEFAULT_ENABLED, NEEDS_TEXT, RULE_CLASSES
from lint_openai.rules.registry import all_rules

from .generators import load_script
from .test_layout import imports

ROOT = Path(__file__).resolve().parent.parent

# Runs the CLI in a fresh interpreter and reports the modules it imported and the knowledge files it opened.
PROBE = """
import json, sys
import lint_openai.knowledge.loading as loading
parsed = []
real_load_json = loading.load_json
def load_json(name):
    parsed.append(name)
    return real_load_json(name)
loading.load_json = load_json  # before anything imports it by name
from lint_openai.frontends.cli.main import main
code = main(sys.argv[1:])
sys.stdout.flush()
print("PROBE" + json.dumps({"code": code, "modules": sorted(sys.modules), "parsed": parsed}), file=sys.stderr)
"""
# What a run over code without the SDK never needs.
ENGINE = (
    "lint_openai.engine",
    "lint_openai.context",
    "lint_openai.semantic",
    "lint_openai.analyses",
    "lint_openai.frontends.documents",
    "lint_openai.frontends.cli.runner",
    "lint_openai.frontends.cli.workers",
)
RULE_CATALOGUE = {
    "lint_openai.rules",
    *(f"lint_openai.rules.{m}" for m in ("base", "catalogue", "docs", "registry")),
}
OPTIONAL = (
    "pygls",
    "lsprotocol",
    "concurrent.futures.process",
    "multiprocessing",
    "importlib.metadata",
    "yaml",
)
PLAIN = '"""A module without the SDK."""\n\nimport os\n\nmodel = 4  # says "model", quotes no model id\n'
V0 = 'import openai\n\nopenai.ChatCompletion.create(model="gpt-4", messages=[])\n'


def probe(args: List[str], cwd: Path) -> Dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "LINT_OPENAI_NO_CACHE"}  # the CLI's default: cached
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    line = next(line for line in run.stderr.splitlines() if line.startswith("PROBE"))
    report: Dict[str, Any] = json.loads(line[len("PROBE") :])
    report["stdout"] = run.stdout
    return report


def loaded(report: Dict[str, Any], prefixes: tuple) -> Set[str]:  # type: ignore[type-arg]
    return {m for m in report["modules"] if m.startswith(prefixes)}


def parsed_knowledge(report: Dict[str, Any]) -> Set[str]:
    """The knowledge files parsed (the cache's key reads their bytes, which is not parsing them)."""
    return set(report["parsed"])


def test_a_directory_without_sdk_code_loads_no_engine_rule_or_model_data(tmp_path: Path) -> None:
    for n in range(20):
        (tmp_path / f"module_{n}.py").write_text(PLAIN, encoding="utf-8")
    report = probe(["check", "."], tmp_path)
    assert report["code"] == 0
    assert not loaded(report, ENGINE)
    assert loaded(report, ("lint_openai.rules",)) <= RULE_CATALOGUE
    assert not loaded(
        report, (*OPTIONAL, "pathspec", "tomllib", "configparser", "xml", "lint_openai.source.notebook")
    )
    assert parsed_knowledge(report) <= {"derived.json"}  # the prefilter's model-id starts, not models.json
    assert not (tmp_path / ".lint_openai_cache").exists()  # nothing to keep, nothing written


def test_a_run_without_the_cache_loads_no_cache_store_diff_or_fix_listing(tmp_path: Path) -> None:
    for n in range(20):
        (tmp_path / f"module_{n}.py").write_text(PLAIN, encoding="utf-8")
    report = probe(["check", "--no-cache", "."], tmp_path)
    assert report["code"] == 0
    assert not loaded(
        report, ("lint_openai.frontends.cli.cache.store", "lint_openai.frontends.cli.output.fixes", "difflib")
    )


def test_one_v0_file_loads_neither_a_pool_nor_optional_parts(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(V0, encoding="utf-8")
    report = probe(["check", "--no-cache", "app.py"], tmp_path)
    assert report["code"] == 1 and "OAI101" in report["stdout"] and "OAI201" in report["stdout"]
    assert not loaded(report, (*OPTIONAL, "pathspec", "lint_openai.frontends.cli.output.sarif"))
    # Nor the notebook readers, the results cache (--no-cache) or difflib (no typo to suggest a name for).
    assert not loaded(
        report,
        (
            "lint_openai.source.notebook",
            "lint_openai.source.ipython",
            "lint_openai.frontends.cli.cache.store",
        ),
    )
    assert not loaded(report, ("difflib", "lint_openai.source.json_positions"))
    # Nor the configuration-file readers and their rule (only a configuration file needs them).
    assert not loaded(
        report, ("lint_openai.source.config_files", "lint_openai.rules.model_ids.config_values")
    )
    assert not loaded(report, ("lint_openai.frontends.cli.writing", "tempfile", "signal"))  # no file is fixed
    assert "sdk_modules.json" not in parsed_knowledge(report)  # no import of an SDK module to look up
    assert not loaded(report, ("dataclasses", "inspect"))  # records are built without them
    # Only the rules that can fire in the file: it never says "stream" or "tiktoken".
    assert loaded(report, ("lint_openai.rules.removed_api.removed_v0_resource",))
    unneeded = tuple(
        module for code, (module, _) in RULE_CLASSES.items() if code.startswith(("OAI4", "OAI5"))
    )
    assert len(unneeded) == 9 and not loaded(report, unneeded)


def test_a_warm_run_loads_no_engine_and_parses_no_knowledge(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(V0, encoding="utf-8")
    cold = probe(["check", "--today", "2026-11-25", "app.py"], tmp_path)
    warm = probe(["check", "--today", "2026-11-25", "app.py"], tmp_path)
    assert cold["code"] == warm["code"] == 1 and cold["stdout"] == warm["stdout"]
    assert loaded(cold, ENGINE) and not loaded(warm, ENGINE)
    assert loaded(warm, ("lint_openai.rules",)) <= RULE_CATALOGUE
    assert parsed_knowledge(warm) <= {"derived.json"}


def test_the_rule_catalogue_is_current() -> None:
    generator = load_script("gen_rule_catalogue")
    committed = (ROOT / "lint_openai" / "rules" / "catalogue.py").read_text(encoding="utf-8")
    assert committed == generator.render(), "stale: run python scripts/gen_rule_catalogue.py"
    assert {rule.code: rule.default_enabled for rule in all_rules()} == DEFAULT_ENABLED
    assert {rule.code: rule.needs_text for rule in all_rules() if rule.needs_text} == NEEDS_TEXT


def test_compiled_excludes_match_as_fnmatch_does() -> None:
    """``is_excluded`` tests one expression per kind; the answer is fnmatch's, pattern by pattern."""

    def by_fnmatch(path: Path, patterns: tuple, root: Path) -> bool:  # type: ignore[type-arg]
        relative = path.relative_to(root).as_posix()
        return any(
            fnmatch.fnmatchcase(path.name, p) or fnmatch.fnmatchcase(relative, p.strip("/")) for p in patterns
        )

    rng = random.Random(19)
    root = Path("/project")
    for _ in range(5000):
        patterns = tuple(
            "".join(rng.choice("ab/._-*?[]!c") for _ in range(rng.randint(1, 6))) for _ in range(3)
        )
        if rng.random() < 0.2:
            patterns = DEFAULT_EXCLUDES
        parts = [
            "".join(rng.choice("ab._-c") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 3))
        ]
        path = root.joinpath(*parts)
        assert is_excluded(path, patterns, root) == by_fnmatch(path, patterns, root), (patterns, path)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_every_output_format_has_its_formatter(name: str) -> None:
    assert isinstance(formatter(name)(Report([])), str)


def test_the_language_server_never_reaches_the_results_cache() -> None:
    graph = imports()
    seen: Set[str] = set()
    pending = [module for module in graph if module.startswith("lint_openai.frontends.server")]
    while pending:
        module = pending.pop()
        if module not in seen:
            seen.add(module)
            pending.extend(graph.get(module, ()))
    assert pending == [] and not {m for m in seen if m.startswith("lint_openai.frontends.cli.cache")}


def test_resolving_a_walk_once_per_directory_is_resolving_each_file(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.py").write_text("", encoding="utf-8")
    (tmp_path / "linked").symlink_to("real")
    (tmp_path / "real" / "alias.py").symlink_to("a.py")
    (tmp_path / "real" / "dangling.py").symlink_to("missing.py")
    (tmp_path / "loop.py").symlink_to("loop.py")
    names = [
        "real/a.py",
        "linked/a.py",
        "linked/alias.py",
        "real/dangling.py",
        "loop.py",
        "real/../real/a.py",
    ]
    paths = [tmp_path / name for name in names] + [Path("relative.py"), Path(".")]
    assert resolved_all(paths) == [resolved(path) for path in paths]


def test_the_help_formatter_finds_the_width_shutil_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil  # noqa: PLC0415 - the reference, imported by this test only

    from lint_openai.frontends.cli.parser import HelpFormatter  # noqa: PLC0415

    for columns in ("", "0", "abc", "40", "132"):
        monkeypatch.setenv("COLUMNS", columns)
        assert HelpFormatter("p")._width == shutil.get_terminal_size().columns - 2, columns
    monkeypatch.delenv("COLUMNS")
    assert HelpFormatter("p")._width == shutil.get_terminal_size().columns - 2


@pytest.mark.parametrize("argv", [["check", "--help"], ["--help"], ["rule", "--help"], ["models", "-h"]])
def test_a_parser_for_one_command_parses_as_the_whole_one(argv: List[str]) -> None:
    from lint_openai.frontends.cli.parser import build_parser, command_of  # noqa: PLC0415

    lines = [
        ["check", "-q", "--select", "OAI1", "a.py"],
        ["rule", "OAI101"],
        ["models", "gpt", "--kind", "chat"],
    ]
    for words in lines:
        assert vars(build_parser(command_of(words)).parse_args(words)) == vars(
            build_parser().parse_args(words)
        )
    if command_of(argv) is not None:  # the one command's help is the whole parser's
        whole, one = build_parser(), build_parser(command_of(argv))
        helps = [_help_of(parser, argv) for parser in (whole, one)]
        assert helps[0] == helps[1]


def _help_of(parser: Any, argv: List[str]) -> str:
    import contextlib  # noqa: PLC0415
    import io  # noqa: PLC0415

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        parser.parse_args(argv)
    return out.getvalue()
