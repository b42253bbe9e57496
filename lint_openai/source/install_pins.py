"""The ``openai`` release a notebook's own install commands pin below 1.0 (``%pip install openai==0.28``).

A notebook that installs its SDK runs on what it installs. The commands read are IPython's: line magics and
shell escapes (``%pip install``, ``!pip install``, ``!{sys.executable} -m pip install``, ``out = !pip ...``,
backslash-continued), one-line automagic cells (``pip install openai==0.28``) and the lines of ``%%bash`` and
``%%sh`` cells; the installers are pip (``uv pip install`` too) and conda, mamba and micromamba (``%conda
install openai=0.28``). A requirement of the ``openai`` distribution counts as a pin below 1.0 when one of
its clauses alone keeps every release below 1.0: ``==0.28.1``, ``==0.*``, ``<1``, ``<=0.28``, ``~=0.27``,
conda's ``=0.28`` (0.28.*). The notebook is judged as that release only if every ``openai`` it installs is
such a pin (an unpinned ``openai``, ``openai>=0.27``, a URL or ``openai=={VERSION}`` keeps the default).
Nothing is run.
"""

from __future__ import annotations

import re
import shlex
from typing import Iterable, Iterator, List, Optional

from lint_openai.source.ipython import split_lines
from lint_openai.source.notebook import Notebook

SHELL_CELL_MAGICS = frozenset({"bash", "sh"})
_PIP = re.compile(r"^pip(\d+(\.\d+)?)?$")  # ``pip``, ``pip3``, ``pip3.11`` (also the ``%pip`` magic)
_CONDA = re.compile(r"^(conda|mamba|micromamba)(\.exe)?$")  # also their magics
# conda's ``name=VERSION[=BUILD]``: ``=`` matches every release starting with VERSION (``=0.28``: 0.28.*).
_CONDA_FUZZY = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)=(?P<version>\d+(?:\.\d+)*)(?:\.\*)?(?:=\S*)?$")
_SEPARATORS = frozenset({"&&", "||", ";", "|", "&", ";;"})
# ``openai``, ``OpenAI[datalib]``, then what follows the name (PEP 508; names compare case-insensitively).
_OPENAI = re.compile(r"^openai(\[[^\]]*\])?(?=$|[\s<>=!~;@(])(.*)$", re.IGNORECASE | re.DOTALL)
_CLAUSE = re.compile(r"^\s*(===|==|~=|<=|<|!=|>=|>)\s*(\d+(?:\.\d+)*)(\.\*)?\s*$")


def pinned_sdk_version(notebook: Notebook) -> Optional[str]:
    """The release below 1.0 the notebook's install commands pin ``openai`` to (the last one), else ``None``."""
    found: Optional[str] = None
    for requirement in _openai_requirements(notebook):
        pin = v0_pin(requirement)
        if pin is None:
            return None  # this command installs what may be openai>=1.0: no single release below it
        found = pin
    return found


def v0_pin(requirement: str) -> Optional[str]:
    """The release a requirement of ``openai`` pins below 1.0, or ``None`` if it allows 1.0 or later.

    ``"openai==0.28.1"`` -> ``"0.28.1"``; ``"openai<1"`` -> ``"0"``; ``"openai~=0.27.0"`` -> ``"0.27.0"``.
    """
    match = _OPENAI.match(requirement.strip())
    if match is None:
        return None
    specifiers = match.group(2).split(";", 1)[0].strip()
    if not specifiers:
        return None
    found: Optional[str] = None
    for clause in specifiers.split(","):
        parsed = _CLAUSE.match(clause)
        if parsed is None:
            return None  # a URL (``@``), a template (``=={VERSION}``) or what this reader does not know
        operator, version, wildcard = parsed.groups()
        found = found or _below_v1(operator, version, bool(wildcard))
    return found


def _below_v1(operator: str, version: str, wildcard: bool) -> Optional[str]:
    """The release the clause ``<operator><version>`` keeps every release below 1.0 at, if it does."""
    parts = tuple(int(part) for part in version.split("."))
    if operator in ("==", "===", "<=") and parts[0] == 0:
        return version
    if operator == "~=" and parts[0] == 0 and len(parts) >= 2 and not wildcard:
        return version
    if operator == "<" and not wildcard and parts <= (1,) + (0,) * (len(parts) - 1):
        return "0"  # some release before the bound: 0.x
    return None


def _openai_requirements(notebook: Notebook) -> Iterator[str]:
    """The ``openai`` requirements of the notebook's install commands, in cell order."""
    for command in install_commands(notebook):
        for requirement in _requirements(command):
            if _OPENAI.match(requirement):
                yield requirement


def install_commands(notebook: Notebook) -> Iterator[str]:
    """The shell and magic commands of the notebook's code cells (escapes removed), in order."""
    spans = {span.cell: span for span in notebook.spans}
    for cell in notebook.cells:
        if cell.kind != "code":
            continue
        lines = split_lines(cell.source)
        span = spans.get(cell.number)
        if span is None:
            if _shell_cell(lines):
                yield from (line.strip() for line in _joined(lines[1:]))
            continue
        replaced = [lines[row - 1] for row in sorted(span.python.replaced) if row <= len(lines)]
        yield from (_command(line) for line in _joined(replaced))


def _shell_cell(lines: List[str]) -> bool:
    """A ``%%bash``/``%%sh`` cell (or ``%%script bash``): each line is a shell command."""
    first = next((line.split() for line in lines if line.strip()), [])
    if not first or not first[0].startswith("%%"):
        return False
    magic = first[0][2:]
    return magic in SHELL_CELL_MAGICS or (
        magic == "script" and len(first) > 1 and first[1] in SHELL_CELL_MAGICS
    )


def _joined(lines: Iterable[str]) -> Iterator[str]:
    """Lines with their backslash continuations joined."""
    pending = ""
    for line in lines:
        body = line.rstrip("\r\n")
        if body.endswith("\\"):
            pending += body[:-1] + " "
            continue
        yield pending + body
        pending = ""
    if pending:
        yield pending


def _command(line: str) -> str:
    """An IPython line's command: ``%pip install x`` -> ``pip install x``; ``out = !pip ...`` -> ``pip ...``.

    The ``%conda``, ``%mamba`` and ``%micromamba`` magics split their line and join the words for the shell,
    so their quotes are gone by then (``%conda install "openai<1"`` redirects as if unquoted).
    """
    stripped = line.strip()
    if not stripped.startswith(("%", "!")):
        assigned = re.match(r"^[^=]*?=\s*([%!].*)$", stripped)
        stripped = assigned.group(1) if assigned is not None else stripped
    magic = stripped.startswith("%")
    stripped = stripped.lstrip("%!")
    if magic and _CONDA.match(stripped.split(None, 1)[0] if stripped.strip() else ""):
        try:
            return " ".join(shlex.split(stripped))
        except ValueError:
            return ""  # IPython's own split fails: nothing runs
    return stripped


def _requirements(command: str) -> Iterator[str]:
    """The words after ``pip install`` (``conda install``, ...) in each simple command of ``command``
    (options included), conda's match specs as the requirement allowing the same releases.

    Split as the shell splits them: an unquoted ``openai<1`` is ``openai`` read from the file ``1`` (and
    ``openai>=1`` writes to ``=1``), so only a quoted ``"openai<1"`` is a requirement with a bound.
    """
    try:
        lexer = shlex.shlex(command, posix=True, punctuation_chars=";&|<>")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words = list(lexer)
    except ValueError:
        return  # an unbalanced quote: not a command this reader can split
    installing = False
    installer: Optional[str] = None  # "pip" or "conda" after its executable, until the subcommand
    redirected = False
    for word in words:
        if redirected:
            redirected = False  # the file of a redirection
        elif word in _SEPARATORS:
            installing, installer = False, None
        elif word.strip("<>&") == "":
            redirected = True
        elif installing:
            yield conda_requirement(word) if installer == "conda" else word
        elif installer is not None and word == "install":
            installing = True
        elif _PIP.match(word.rsplit("/", 1)[-1]):
            installer = "pip"
        elif _CONDA.match(word.rsplit("/", 1)[-1]):
            installer = "conda"
        elif not word.startswith("-"):
            installer = None  # an installer followed by another subcommand, or a word that is not one


def conda_requirement(spec: str) -> str:
    """A conda match spec as the PEP 440 requirement allowing the same releases: ``openai=0.28`` ->
    ``openai==0.28.*`` (conda's ``=``), ``conda-forge::openai<1`` -> ``openai<1``; others as given."""
    spec = spec.split("::", 1)[-1]
    fuzzy = _CONDA_FUZZY.match(spec)
    return f"{fuzzy['name']}=={fuzzy['version']}.*" if fuzzy is not None else spec
