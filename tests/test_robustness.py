"""Any input gives a diagnostic or is skipped with a message: never a traceback."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path
from typing import List

import pytest

from lint_openai.engine import check_source
from lint_openai.frontends.cli.main import main

V0_CALL = "import openai\nreply = openai.ChatCompletion.create(model='my-model', messages=[])\n"


def check(paths: List[Path]) -> tuple:  # type: ignore[type-arg]
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *map(str, paths), "--output-format", "json"], out=out, err=err)
    return code, json.loads(out.getvalue()), err.getvalue()


def test_syntax_error_is_oai001_and_other_files_still_checked(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("import openai\ndef f(:\n", encoding="utf-8")
    (tmp_path / "good.py").write_text(V0_CALL, encoding="utf-8")
    code, items, err = check([tmp_path])
    assert code == 1 and not err
    by_file = {Path(i["filename"]).name: i for i in items}
    assert by_file["broken.py"]["code"] == "OAI001"
    assert by_file["broken.py"]["location"]["row"] == 2
    assert "SyntaxError" in by_file["broken.py"]["message"]
    assert by_file["good.py"]["code"] == "OAI101"


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("null.py", b"import openai\nx = 1\x00\n", "null byte"),
        ("latin.py", b"import openai\nx = '\xff\xfe'\n", "cannot decode"),
        ("binary.py", bytes(range(256)) * 4, ""),
        ("badcookie.py", b"# -*- coding: no-such-codec -*-\nimport openai\n", ""),
    ],
)
def test_undecodable_or_binary_files(tmp_path: Path, name: str, data: bytes, fragment: str) -> None:
    (tmp_path / name).write_bytes(data)
    code, items, err = check([tmp_path / name])
    assert not err
    if items:
        assert [i["code"] for i in items] == ["OAI001"]
        assert fragment in items[0]["message"]
    assert code in (0, 1)


def test_pep263_cookie_and_bom_and_crlf(tmp_path: Path) -> None:
    latin = "# -*- coding: latin-1 -*-\nimport openai\nname = 'café'\nx = openai.ChatCompletion\n"
    (tmp_path / "latin.py").write_bytes(latin.encode("latin-1"))
    (tmp_path / "bom.py").write_bytes(codecs.BOM_UTF8 + V0_CALL.encode())
    (tmp_path / "crlf.py").write_bytes(V0_CALL.replace("\n", "\r\n").encode())
    code, items, _ = check([tmp_path])
    assert code == 1
    assert sorted((Path(i["filename"]).name, i["location"]["row"], i["code"]) for i in items) == [
        ("bom.py", 2, "OAI101"),
        ("crlf.py", 2, "OAI101"),
        ("latin.py", 4, "OAI101"),
    ]


def test_non_ascii_columns_are_characters() -> None:
    source = "import openai\nnom_é = openai.ChatCompletion\n"
    [diagnostic] = check_source(source, "x.py")
    assert (diagnostic.start.row, diagnostic.start.column) == (2, 9)


def test_deep_nesting_does_not_crash() -> None:
    # 990 chained additions parse, but a recursive ast.NodeVisitor would overflow on them.
    chain = "import openai\nx = openai.ChatCompletion + " + "+".join(["openai.api_key"] * 990) + "\n"
    assert [d.code for d in check_source(chain, "chain.py")] == ["OAI101"]
    too_long = "import openai\nx = " + "+".join(["openai.api_key"] * 20000) + "\n"
    [error] = check_source(too_long, "deep.py")
    assert error.code == "OAI001" and "nested too deeply" in error.message
    nested_calls = "import openai\nx = " + "f(" * 150 + "openai.ChatCompletion" + ")" * 150 + "\n"
    assert [d.code for d in check_source(nested_calls, "calls.py")] == ["OAI101"]
    too_deep = "import openai\nx = " + "(" * 5000 + "1" + ")" * 5000 + "\n"
    assert [d.code for d in check_source(too_deep, "parens.py")] == ["OAI001"]
    attributes = "import openai\nx = openai.chat" + ".a" * 900 + "\n"
    assert [d.code for d in check_source(attributes, "attrs.py")] == ["OAI104"]  # only `openai.chat.a`


@pytest.mark.slow
def test_huge_single_line_file(tmp_path: Path) -> None:
    line = "x = [" + "1, " * 400_000 + "]; import openai; y = openai.ChatCompletion\n"
    (tmp_path / "huge.py").write_text(line, encoding="utf-8")
    code, items, _ = check([tmp_path / "huge.py"])
    assert code == 1 and [i["code"] for i in items] == ["OAI101"]


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.py").write_bytes(b"")
    (tmp_path / "blank.py").write_bytes(b"\n\n   \n")
    assert check([tmp_path])[:2] == (0, [])


def test_directory_named_like_a_module_and_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "pkg.py").mkdir()
    (tmp_path / "pkg.py" / "inner.py").write_text(V0_CALL, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.py").symlink_to(tmp_path / "does-not-exist.py")
    code, items, err = check([tmp_path])
    assert not err
    names = sorted((Path(i["filename"]).name, i["code"]) for i in items)
    assert names == [("dangling.py", "OAI001"), ("inner.py", "OAI101")]
    assert code == 1


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.py"
    path.write_text(V0_CALL, encoding="utf-8")
    original = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.py":
            raise PermissionError(13, "Permission denied")
        return original(self)

    # chmod 0 is no obstacle to root (CI runs as root), so the OS refusal is simulated.
    monkeypatch.setattr(Path, "read_bytes", deny)
    code, items, err = check([path])
    assert code == 1 and not err
    assert [i["code"] for i in items] == ["OAI001"]
    assert items[0]["message"] == "cannot read file: Permission denied"


def test_files_that_never_mention_the_sdk_are_skipped_unparsed() -> None:
    assert check_source("def f(:\n", "x.py") == []  # no parse, so no OAI001 either


def test_the_linted_code_is_never_imported_or_run(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    source = f"import openai\nopen({str(marker)!r}, 'w').write('ran')\nx = openai.ChatCompletion\n"
    (tmp_path / "side_effect.py").write_text(source, encoding="utf-8")
    code, _, _ = check([tmp_path / "side_effect.py"])
    assert code == 1 and not marker.exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # A BOM with a matching cookie is fine; with a conflicting one Python refuses the file.
        (codecs.BOM_UTF8 + b"# -*- coding: utf-8 -*-\n" + V0_CALL.encode(), ["OAI101"]),
        (codecs.BOM_UTF8 + b"# coding: latin-1\n" + V0_CALL.encode(), ["OAI001"]),
        # Non-UTF-8 PEP 263 encodings, tabs for indentation, a form feed before code.
        (
            "# coding: cp1252\nimport openai\ns = '\u20ac'\nx = openai.Completion\n".encode("cp1252"),
            ["OAI101"],
        ),
        (
            "# coding: shift_jis\nimport openai\ns = '\u65e5\u672c'\nx = openai.Completion\n".encode(
                "shift_jis"
            ),
            ["OAI101"],
        ),
        (b"import openai\nif True:\n\tx = openai.Completion\n", ["OAI101"]),
        (b"import openai\n\x0cx = openai.Completion\n", ["OAI101"]),
    ],
)
def test_encodings_boms_and_whitespace(tmp_path: Path, data: bytes, expected: List[str]) -> None:
    (tmp_path / "case.py").write_bytes(data)
    code, items, err = check([tmp_path / "case.py"])
    assert not err and code == 1
    assert [i["code"] for i in items] == expected
    if expected == ["OAI001"]:
        assert "encoding" in items[0]["message"]
