"""The server's pure parts, without a client: positions, noqa edits, fix-all edits, the severity map."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from lint_openai.diagnostic import Diagnostic, Location
from lint_openai.engine import check_source
from lint_openai.frontends.server.actions import fix_all_edit, kind_wanted
from lint_openai.frontends.server.diagnostics import is_deprecation
from lint_openai.frontends.server.documents import Document
from lint_openai.frontends.server.positions import UTF8, UTF16, UTF32, PositionMapper, char_index, code_units
from lint_openai.frontends.server.suppress import noqa_edit
from lint_openai.rules.registry import ALL_RULES
from lint_openai.source.lines import LineIndex

from .lsp_session import SERVER_COMMAND


@pytest.mark.parametrize(("encoding", "units"), [(UTF8, 7), (UTF16, 5), (UTF32, 4)])
def test_code_units_and_back(encoding: str, units: int) -> None:
    line = 'x="😋"'  # the closing quote is at 7 UTF-8 bytes, 5 UTF-16 units, 4 code points
    assert code_units(line[:4], encoding) == units
    assert char_index(line, units, encoding) == 4
    assert char_index(line, 1000, encoding) == len(line)  # past the end: the end of the line


def test_mapper_lines_end_only_at_newlines() -> None:
    mapper = PositionMapper(LineIndex("a\x0cb\r\nc\u2028d\re"), UTF16)
    assert mapper.position(Location(2, 4)) == types.Position(line=1, character=3)  # after "c\u2028d"
    assert mapper.location(types.Position(line=2, character=0)) == Location(3, 1)
    assert mapper.offset(types.Position(line=2, character=1)) == len("a\x0cb\r\nc\u2028d\re")
    assert mapper.offset(types.Position(line=9, character=0)) == len("a\x0cb\r\nc\u2028d\re")


def test_document_changes_apply_in_order() -> None:
    document = Document("file:///x.py", "ab\ncd\n", 1)
    first = types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=0, character=1), end=types.Position(line=1, character=1)),
        text="X",
    )
    second = types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        text="> ",
    )
    assert document.changed(2, [first, second], UTF16).text == "> aXd\n"


def finding(row: int, code: str = "OAI101") -> Diagnostic:
    return Diagnostic(code, "s", "m", Location(row, 1), Location(row, 2), "x.py")


def applied(text: str, row: int) -> str:
    lines = LineIndex(text)
    edit = noqa_edit(lines, finding(row))
    assert edit is not None
    start, end = lines.offset(edit.start), lines.offset(edit.end)
    return text[:start] + edit.content + text[end:]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("x = 1", "x = 1  # noqa: OAI101"),
        ("x = 1   ", "x = 1  # noqa: OAI101"),
        ("x = 1  # why", "x = 1  # why  # noqa: OAI101"),
        ("x = 1  # noqa: E501", "x = 1  # noqa: E501, OAI101"),
        ("x = 1  # noqa:E501,W291 because", "x = 1  # noqa:E501,W291, OAI101 because"),
        ("x = 1  # NOQA: e501", "x = 1  # NOQA: e501, OAI101"),
    ],
)
def test_noqa_edit(line: str, expected: str) -> None:
    assert applied(line + "\n", 1) == expected + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'x = f("""a\nb""")\n',
            'x = f("""a\nb""")  # noqa: OAI101\n',
        ),  # after the string that joins the rows
        ("x = 1 + \\\n    2\n", "x = 1 + \\\n    2  # noqa: OAI101\n"),  # on the continuation's last row
    ],
)
def test_noqa_edit_goes_where_the_engine_looks_for_it(text: str, expected: str) -> None:
    assert applied(text, 1) == expected


@pytest.mark.parametrize(
    "text",
    [
        'x = "# noqa: E501"\n',  # the engine would read the string's noqa first
        'x = """never closed\n',  # untokenizable: no place for a comment is known
    ],
)
def test_no_noqa_edit_where_a_comment_cannot_suppress(text: str) -> None:
    assert noqa_edit(LineIndex(text), finding(1)) is None


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_fix_all_edit_covers_the_changed_lines(ending: str) -> None:
    text = f"import openai{ending or chr(10)}r = openai.ChatCompletion.create(messages=[]){ending}"
    document = Document("file:///x.py", text, 1)
    edit = fix_all_edit(document, lambda source: check_source(source, "x.py"), unsafe=False)
    assert edit is not None
    lines = document.lines
    fixed = text[: lines.offset(edit.start)] + edit.content + text[lines.offset(edit.end) :]
    assert fixed == text.replace("openai.ChatCompletion.create", "openai.chat.completions.create")
    assert edit.start == Location(2, 1)
    assert edit.end == (Location(3, 1) if ending else Location(2, len(text.splitlines()[1]) + 1))


def test_kind_wanted_follows_the_kind_hierarchy() -> None:
    kind = "source.fixAll.lint-openai"
    assert kind_wanted(kind, None) and kind_wanted(kind, ["source"]) and kind_wanted(kind, ["source.fixAll"])
    assert not kind_wanted(kind, ["quickfix"]) and not kind_wanted(kind, ["source.fix"])


def test_deprecation_rules_are_named_so() -> None:
    """The severity map comes from the registry: every "deprecated-..." rule is a deprecation, no other."""
    marked = {rule.code for rule in ALL_RULES if is_deprecation(rule)}
    named = {rule.code for rule in ALL_RULES if "deprecated" in rule.symbol}
    assert marked == named
    assert {"OAI202", "OAI304"} <= marked


def test_readme_snippets_run_what_the_tests_run() -> None:
    """Every editor snippet in the README starts the server with the command line the tests use."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Language server", 1)[1].split("\n### ", 1)[0]
    assert [Path(SERVER_COMMAND[0]).name, *SERVER_COMMAND[1:]] == ["lint-openai", "server"]
    for snippet in (
        'cmd = { "lint-openai", "server" }',  # Neovim
        'command = "lint-openai"\nargs = ["server"]',  # Helix
        'worktree.which("lint-openai")',  # Zed
        'args: vec!["server".into()]',
        '("lint-openai" "server")',  # Emacs
        '"glspc.server.command": "lint-openai",\n  "glspc.server.commandArguments": ["server"],',  # VS Code
    ):
        assert snippet in section
