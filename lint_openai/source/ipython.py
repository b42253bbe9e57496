"""IPython syntax in a notebook cell, replaced so the cell parses as Python with the same lines.

What IPython accepts and Python does not, at the start of a logical line (IPython's
``inputtransformer2`` rules): line magics (``%pip install x``, ``%timeit f()``), shell escapes
(``!ls``, ``!!ls``), help (``?obj``, ``obj?``, ``obj??``), auto-call escapes (``/f x``, ``,f x``,
``;f x``), their assignment forms (``files = !ls``, ``t = %timeit -o f()``, ``files: list = !ls``) and backslash-continued
magic lines. A line magic is replaced by ``pass`` at its indentation (a block may consist of it), an
assignment keeps its target (``files = None``), continuation lines become empty. A cell magic
(``%%bash``, ``%%writefile``) makes the whole cell another language, except the few whose body is
Python (``%%time``, ``%%capture``, ...), where only the magic line is blanked. A one-line cell that is
an automagic command (``pip install openai``, ``cd ..``) and not valid Python is neutralised too. A cell
whose first line is indented loses that indentation on every line starting with it (IPython's
``leading_indent``): those rows' columns are shifted by its width, which :meth:`PythonCell.cell_column`
undoes. Every other line keeps its exact text, so rows and columns in the result are those of the cell.
"""

from __future__ import annotations

import io
import re
from typing import FrozenSet, List, Optional, Tuple

from lint_openai.records import record
from lint_openai.source.decoding import parse_quietly

# Cell magics whose body is Python code that IPython runs (timed, captured, profiled...).
PYTHON_CELL_MAGICS = frozenset(
    {"time", "timeit", "capture", "prun", "debug", "python", "python3", "memit", "px"}
)
# IPython's built-in line magics, which automagic runs without the % (from IPython's `%lsmagic`).
AUTOMAGICS = frozenset(
    {
        "alias", "alias_magic", "autoawait", "autocall", "automagic", "autosave", "bookmark", "cat", "cd",
        "clear", "colors", "conda", "config", "connect_info", "cp", "debug", "dhist", "dirs", "doctest_mode",
        "ed", "edit", "env", "gui", "hist", "history", "killbgscripts", "ldir", "less", "lf", "lk", "ll",
        "load", "load_ext", "loadpy", "logoff", "logon", "logstart", "logstate", "logstop", "ls", "lsmagic",
        "lx", "macro", "magic", "mamba", "man", "matplotlib", "micromamba", "mkdir", "more", "mv", "notebook",
        "page", "pastebin", "pdb", "pdef", "pdoc", "pfile", "pinfo", "pinfo2", "pip", "popd", "pprint",
        "precision", "prun", "psearch", "psource", "pushd", "pwd", "pycat", "pylab", "qtconsole", "quickref",
        "recall", "rehashx", "reload_ext", "rep", "rerun", "reset", "reset_selective", "rm", "rmdir", "run",
        "save", "sc", "set_env", "store", "sx", "system", "tb", "time", "timeit", "unalias", "unload_ext",
        "uv", "who", "who_ls", "whos", "xdel", "xmode",
    }
)  # fmt: skip
ESCAPES = ("%", "!", "?", "/", ",", ";")  # no Python logical line starts with one of these
# ``files = !ls``, ``a, b = %timeit -o f()``, and annotated: ``files: list[str] = !ls`` (IPython 8.12+).
_ASSIGNED_ESCAPE = re.compile(
    r"^(\s*[A-Za-z_][\w.]*(?:(?:\s*,\s*[A-Za-z_][\w.]*)*|\s*:[^=!%#]+?)\s*=\s*)[%!]"
)
_HELP_TARGET = re.compile(r"^[%!]*[A-Za-z_*][\w.*\[\]]*\?{1,2}$")
_CELL_MAGIC = re.compile(r"^%%([A-Za-z_][\w]*)")
_LEADING_INDENT = re.compile(r"[ \t]+")  # IPython's ``_indent_re``


@record
class PythonCell:
    """A cell as Python source: the same lines, IPython syntax replaced; ``replaced`` are 1-based rows, and
    ``dedented`` the rows that lost the cell's leading ``indent``."""

    text: str
    replaced: FrozenSet[int]
    indent: str = ""
    dedented: FrozenSet[int] = frozenset()

    def cell_column(self, row: int, column: int) -> int:
        """The cell's column of ``column`` on row ``row`` of :attr:`text`."""
        return column + len(self.indent) if row in self.dedented else column


def split_lines(text: str) -> List[str]:
    """Lines with their endings, split where Python splits them (``\\n``, ``\\r\\n``, ``\\r``)."""
    return io.StringIO(text, newline="").readlines()


def python_cell(source: str) -> Optional[PythonCell]:
    """The code cell ``source`` as Python, or ``None`` when a cell magic makes it another language."""
    lines = split_lines(source)
    replaced: List[int] = []
    indent, dedented = "", frozenset[int]()
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        magic = _CELL_MAGIC.match(lines[first].lstrip())
        if magic is not None:
            if magic.group(1) not in PYTHON_CELL_MAGICS:
                return None
            lines[first] = _line_ending(lines[first])
            replaced.append(first + 1)
        else:
            indent, dedented = _dedent(lines, first)
            if _is_automagic(lines, first, "".join(lines)):
                lines[first] = _neutral(lines[first])
                replaced.append(first + 1)
    replaced.extend(_replace_escapes(lines, set(replaced)))
    return PythonCell("".join(lines), frozenset(replaced), indent, dedented)


def _dedent(lines: List[str], first: int) -> Tuple[str, FrozenSet[int]]:
    """IPython's ``leading_indent``: the first line's indentation removed from every line starting with it
    (in place); that indentation and the rows it was removed from."""
    match = _LEADING_INDENT.match(lines[first])
    if match is None:
        return "", frozenset()
    indent = match.group(0)
    rows = []
    for index in range(first, len(lines)):
        if lines[index].startswith(indent):
            lines[index] = lines[index][len(indent) :]
            rows.append(index + 1)
    return indent, frozenset(rows)


def _is_automagic(lines: List[str], first: int, source: str) -> bool:
    """A one-line cell such as ``pip install openai``: IPython runs single-line cells' automagic."""
    if sum(1 for line in lines if line.strip()) != 1:
        return False
    words = lines[first].split(None, 1)
    if not words or words[0] not in AUTOMAGICS or lines[first][:1].isspace():
        return False
    try:
        parse_quietly(source)
    except (SyntaxError, ValueError):
        return True
    return False


def _replace_escapes(lines: List[str], skip: set[int]) -> List[int]:
    """Replace IPython escapes at logical line starts in ``lines`` (in place); the rows replaced."""
    replaced: List[int] = []
    state = _LexState()
    continuing_magic = False
    for index, line in enumerate(lines):
        row = index + 1
        if continuing_magic:
            continuing_magic = _body(line).endswith("\\")
            lines[index] = _line_ending(line)
            replaced.append(row)
            continue
        if row not in skip and state.at_logical_start():
            new = _escape_replacement(line, state)
            if new is not None:
                continuing_magic = _body(line).endswith("\\")
                lines[index] = new
                replaced.append(row)
                continue
        state.scan(line)
    return replaced


def _escape_replacement(line: str, state: _LexState) -> Optional[str]:
    stripped = line.lstrip()
    if stripped.startswith(ESCAPES):
        return _neutral(line)
    assigned = _ASSIGNED_ESCAPE.match(line)
    if assigned is not None:
        return assigned.group(1) + "None" + _line_ending(line)
    code = _code_part(line)
    if code.endswith("?") and _HELP_TARGET.match(code.strip()):
        return _neutral(line)
    return None


def _code_part(line: str) -> str:
    """The line without its comment and line ending (the line starts outside any string)."""
    probe = _LexState()
    comment = probe.scan(line)
    body = _body(line)
    return body[:comment] if comment is not None else body


def _neutral(line: str) -> str:
    indent = line[: len(line) - len(line.lstrip())]
    return f"{indent}pass{_line_ending(line)}"


def _body(line: str) -> str:
    return line.rstrip("\r\n")


def _line_ending(line: str) -> str:
    return line[len(_body(line)) :]


class _LexState:
    """Just enough of Python's tokenizer to know where logical lines start: brackets, strings, ``\\``."""

    def __init__(self) -> None:
        self.depth = 0
        self.string: Optional[str] = None  # the open string's delimiter (' " ''' or \"\"\")
        self.continued = False

    def at_logical_start(self) -> bool:
        return self.depth == 0 and self.string is None and not self.continued

    def scan(self, line: str) -> Optional[int]:
        """Advance over one line; returns the column of a comment on it, if any."""
        body = _body(line)
        index, length, comment = 0, len(body), None
        while index < length:
            if self.string is not None:
                index = self._in_string(body, index)
                continue
            char = body[index]
            if char == "#":
                comment = index
                break
            if char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(self.depth - 1, 0)
            elif char in "\"'":
                delimiter = char * 3 if body.startswith(char * 3, index) else char
                self.string = delimiter
                index += len(delimiter)
                continue
            index += 1
        ends_with_backslash = comment is None and body.endswith("\\") and not _escaped_end(body)
        if self.string is not None and len(self.string) == 1 and not ends_with_backslash:
            self.string = None  # an unterminated one-line string: Python reports it; resynchronise
        self.continued = self.string is None and ends_with_backslash
        return comment

    def _in_string(self, body: str, index: int) -> int:
        delimiter = self.string or ""
        while index < len(body):
            if body[index] == "\\":
                index += 2
                continue
            if body.startswith(delimiter, index):
                self.string = None
                return index + len(delimiter)
            index += 1
        return len(body)


def _escaped_end(body: str) -> bool:
    """Whether the final backslash of ``body`` is itself escaped (an even run of backslashes)."""
    run = len(body) - len(body.rstrip("\\"))
    return run % 2 == 0
