"""Applying fixes: overlap handling, convergence, parse guard, byte preservation, atomic writes, CLI."""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
from pathlib import Path
from typing import List

import pytest

from lint_openai import fix as fix_module
from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix, Location
from lint_openai.engine import check_source
from lint_openai.fix import apply_fixes, fix_source
from lint_openai.frontends.cli.main import main

V0_PROGRAM = (
    "import openai\n"
    "from openai.error import RateLimitError\n"
    "openai.api_base = 'https://proxy/v1'\n"
    "try:\n"
    "    r = openai.ChatCompletion.create(model='m', messages=[], request_timeout=5)\n"
    "except RateLimitError:\n"
    "    r = None\n"
)
V0_FIXED = (
    "import openai\n"
    "from openai import RateLimitError\n"
    "openai.base_url = 'https://proxy/v1/'\n"
    "try:\n"
    "    r = openai.chat.completions.create(model='m', messages=[], timeout=5)\n"
    "except RateLimitError:\n"
    "    r = None\n"
)


def diagnostic(row: int, start: int, end: int, content: str, safe: bool = True) -> Diagnostic:
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    edit = Edit(Location(row, start), Location(row, end), content)
    location = Location(row, start)
    return Diagnostic("OAI999", "test", "m", location, location, "x.py", Fix(applicability, "fix", (edit,)))


def run(args: List[str]) -> tuple:  # type: ignore[type-arg]
    out, err = io.StringIO(), io.StringIO()
    return main(args, out=out, err=err), out.getvalue(), err.getvalue()


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "abcdef\n"
    first, second = diagnostic(1, 1, 4, "X"), diagnostic(1, 3, 6, "Y")
    assert apply_fixes(text, [first, second]) == ("Xdef\n", 1)


def test_unsafe_fixes_need_opt_in() -> None:
    unsafe = diagnostic(1, 1, 2, "Z", safe=False)
    assert apply_fixes("ab\n", [unsafe]) == ("ab\n", 0)
    assert apply_fixes("ab\n", [unsafe], unsafe=True) == ("Zb\n", 1)


def test_fix_source_converges_and_is_idempotent() -> None:
    outcome = fix_source(V0_PROGRAM, lambda text: check_source(text, "x.py"))
    assert outcome.text == V0_FIXED
    assert outcome.applied == 4 and outcome.error is None and outcome.remaining == []
    again = fix_source(outcome.text, lambda text: check_source(text, "x.py"))
    assert again.applied == 0 and again.text == V0_FIXED


def test_a_fix_that_breaks_syntax_is_discarded() -> None:
    outcome = fix_source("x = 1\n", lambda text: [diagnostic(1, 5, 6, "(")])
    assert outcome.text == "x = 1\n" and outcome.applied == 0
    assert "invalid code" in (outcome.error or "")


def test_fixes_that_never_settle_stop_after_a_bound() -> None:
    outcome = fix_source("x = 1\n", lambda text: [diagnostic(1, 1, 2, "x")])
    assert outcome.applied == fix_module.MAX_PASSES
    assert "did not converge" in (outcome.error or "")


@pytest.mark.parametrize(
    ("name", "prefix", "newline", "encoding"),
    [
        ("plain.py", b"", "\n", "utf-8"),
        ("bom.py", codecs.BOM_UTF8, "\n", "utf-8"),
        ("crlf.py", b"", "\r\n", "utf-8"),
        ("latin.py", b"# -*- coding: latin-1 -*-\n", "\n", "latin-1"),
    ],
)
def test_fix_keeps_bytes_outside_the_edits(
    tmp_path: Path, name: str, prefix: bytes, newline: str, encoding: str
) -> None:
    body = "import openai\nx = openai.error.Timeout  # café\ny = 'naïve'"  # no trailing newline on purpose
    path = tmp_path / name
    path.write_bytes(prefix + body.replace("\n", newline).encode(encoding))
    path.chmod(0o640)
    code, _, err = run(["check", str(path), "--fix"])
    assert code == 0 and not err
    expected = body.replace("openai.error.Timeout", "openai.APITimeoutError").replace("\n", newline)
    assert path.read_bytes() == prefix + expected.encode(encoding)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fix_through_a_symlink_edits_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real.py"
    target.write_text("import openai\nx = openai.error.Timeout\n", encoding="utf-8")
    link = tmp_path / "link.py"
    link.symlink_to(target)
    run(["check", str(link), "--fix"])
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "import openai\nx = openai.APITimeoutError\n"


def test_failed_write_leaves_file_and_directory_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.py"
    path.write_text(V0_PROGRAM, encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, out, err = run(["check", str(path), "--fix"])
    assert path.read_text(encoding="utf-8") == V0_PROGRAM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]
    assert "fixes not written" in err and code == 1
    assert "OAI101" in out  # the unchanged file's findings are reported


def test_diff_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(V0_PROGRAM, encoding="utf-8")
    code, out, err = run(["check", str(path), "--diff"])
    assert code == 1
    assert path.read_text(encoding="utf-8") == V0_PROGRAM
    assert (
        f"--- a/{path.relative_to(path.anchor).as_posix()}\n" in out
        and "+from openai import RateLimitError" in out
    )
    assert "Would fix 4 errors." in err
    clean = tmp_path / "clean.py"
    clean.write_text(V0_FIXED, encoding="utf-8")
    assert run(["check", str(clean), "--diff"])[:2] == (0, "")


def test_fix_reports_what_remains_and_fix_only_reports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(V0_PROGRAM + "e = openai.Edit.create(input='x')\n", encoding="utf-8")
    code, out, _ = run(["check", str(path), "--fix"])
    assert code == 1
    assert "OAI101" in out and "Found 5 errors (4 fixed, 1 remaining)." in out
    path.write_text(V0_PROGRAM, encoding="utf-8")
    code, out, _ = run(["check", str(path), "--fix-only"])
    assert (code, out) == (0, "Fixed 4 errors.\n")


def test_unsafe_fixes_flag(tmp_path: Path) -> None:
    source = "import openai\nr = openai.ChatCompletion.create(**params)\n"
    path = tmp_path / "a.py"
    path.write_text(source, encoding="utf-8")
    code, out, _ = run(["check", str(path), "--fix"])
    assert code == 1 and "1 hidden fix can be enabled with the `--unsafe-fixes` option." in out
    code, _, _ = run(["check", str(path), "--fix", "--unsafe-fixes"])
    assert code == 0
    assert path.read_text(encoding="utf-8") == "import openai\nr = openai.chat.completions.create(**params)\n"


def test_display_only_suggestions_are_not_counted_as_hidden_fixes(tmp_path: Path) -> None:
    """A model rewrite outside SDK requests is a suggestion (display-only): no option applies it."""
    source = (
        'from openai import OpenAI\n\n\nclass Wrapper:\n    model = "gpt-4"\n    TABLE = {"gpt-4": 8192}\n'
    )
    path = tmp_path / "a.py"
    path.write_text(source, encoding="utf-8")
    code, out, _ = run(["check", str(path), "--output-format", "json", "--today", "2026-12-01"])
    fixes = [item["fix"] for item in json.loads(out) if item["code"] == "OAI201"]
    assert fixes and all(fix["applicability"] == "display-only" for fix in fixes)
    code, out, _ = run(["check", str(path), "--today", "2026-12-01"])
    assert code == 1 and "Found 1 error." in out and "hidden fix" not in out
