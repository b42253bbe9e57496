"""Read the installed ``openai`` package: its resource tree, deprecation markers and docstrings.

Helpers for ``gen_api_knowledge.py`` (and its tests). Importing the SDK is fine here: it is the
reference the knowledge is generated from, not code being linted. Nothing here knows any fact by name.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

WRAPPER_ATTRIBUTES = ("with_raw_response", "with_streaming_response")
DEPRECATED_DECORATORS = frozenset({"deprecated", "typing_extensions.deprecated", "warnings.deprecated"})


@functools.cache
def sdk_root() -> Path:
    """The directory that holds the ``openai`` package (so relative paths start with ``openai/``)."""
    return Path(importlib.import_module("openai").__file__).resolve().parent.parent


@functools.cache
def relative(path: str) -> str:
    """``openai/resources/files.py`` for an absolute path inside the SDK."""
    return Path(path).resolve().relative_to(sdk_root()).as_posix()


@dataclass
class Method:
    """One method of the client resource tree, reached without wrappers."""

    path: tuple[str, ...]
    function: Any
    wrappers: dict[str, Any] = field(default_factory=dict)

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @functools.cached_property
    def source(self) -> tuple[str, str]:
        """(SDK-relative file, qualified name) of the function's definition."""
        original = inspect.unwrap(self.function)
        return relative(inspect.getsourcefile(original)), original.__qualname__

    @property
    def returns(self) -> Optional[str]:
        annotation = inspect.signature(self.function).return_annotation
        return None if annotation is inspect.Signature.empty else str(annotation)


def walk_tree(client: Any) -> dict[tuple[str, ...], Method]:
    """Every method of ``client``'s resource tree, with its ``with_raw_response``/``with_streaming_response``
    counterparts where the resource offers them."""
    methods: dict[tuple[str, ...], Method] = {}

    def visit(instance: Any, path: tuple[str, ...]) -> None:
        names = {n for n in dir(type(instance)) if not n.startswith("_")}
        names |= {n for n in vars(instance) if not n.startswith("_")}
        for name in sorted(names - set(WRAPPER_ATTRIBUTES)):
            static = inspect.getattr_static(instance, name)
            if isinstance(static, functools.cached_property):
                visit(getattr(instance, name), (*path, name))
            elif inspect.isfunction(static):
                method = Method((*path, name), static)
                for wrapper in WRAPPER_ATTRIBUTES:
                    holder = getattr(instance, wrapper, None) if path else None
                    if holder is not None and name in vars(holder):
                        method.wrappers[wrapper] = vars(holder)[name]
                methods[method.path] = method

    visit(client, ())
    return methods


def deprecation_of(function: Any) -> Optional[str]:
    """The ``__deprecated__`` message ``typing_extensions.deprecated`` left on a function, if any."""
    message = getattr(function, "__deprecated__", None)
    return message if isinstance(message, str) else None


def streamed_response_class(wrapper: Any) -> Optional[type]:
    """The response class a ``to_custom_streamed_response_wrapper`` wrapper was built with, if any."""
    cells = inspect.getclosurevars(wrapper).nonlocals
    response_cls = cells.get("response_cls")
    return response_cls if isinstance(response_cls, type) else None


def qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


# --- source text -------------------------------------------------------------------------------------


def sdk_files() -> list[Path]:
    package = sdk_root() / "openai"
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def files_containing(needle: str) -> Iterator[str]:
    """SDK-relative paths of the package's files whose text contains ``needle``."""
    for file in sdk_files():
        if needle in file.read_text(encoding="utf-8"):
            yield file.relative_to(sdk_root()).as_posix()


@functools.cache
def parse(path: str) -> ast.Module:
    return ast.parse((sdk_root() / path).read_text(encoding="utf-8"))


def definitions(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """(qualified name, node) of every function in a module, methods included, overloads each."""

    def visit(node: ast.AST, prefix: str) -> Iterator[tuple[str, Any]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield prefix + child.name, child
                yield from visit(child, f"{prefix}{child.name}.<locals>.")
            elif isinstance(child, ast.ClassDef):
                yield from visit(child, f"{prefix}{child.name}.")

    yield from visit(tree, "")


@functools.cache
def definitions_by_name(path: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for name, node in definitions(parse(path)):
        found.setdefault(name, []).append(node)
    return found


def docstrings(method: Method) -> list[str]:
    """The docstrings of a method's definition and of each of its ``@overload`` stubs, in source order."""
    path, name = method.source
    nodes = definitions_by_name(path).get(name, [])
    return [doc for doc in (ast.get_docstring(node) for node in nodes) if doc]


@dataclass(frozen=True)
class Marker:
    """One ``@deprecated(...)`` decorator in the SDK source."""

    file: str
    qualname: str
    message: str
    overload: bool
    runtime_warning: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "qualname": self.qualname,
            "message": self.message,
            "overload": self.overload,
            "runtime_warning": self.runtime_warning,
        }


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    return ast.unparse(target)


def deprecation_markers() -> list[Marker]:
    """Every ``@deprecated`` / ``@typing_extensions.deprecated`` decorator in the SDK, overloads included.

    ``runtime_warning`` is False where ``category=None`` (type checkers only, no ``DeprecationWarning``).
    """
    markers = []
    for path in files_containing("deprecated("):
        for qualname, node in definitions(parse(path)):
            names = [_decorator_name(d) for d in node.decorator_list]
            for decorator in node.decorator_list:
                if _decorator_name(decorator) not in DEPRECATED_DECORATORS:
                    continue
                if not isinstance(decorator, ast.Call) or not isinstance(decorator.args[0], ast.Constant):
                    raise SystemExit(f"{path}:{decorator.lineno}: a deprecation without a literal message")
                category = {k.arg: k.value for k in decorator.keywords}.get("category")
                silent = isinstance(category, ast.Constant) and category.value is None
                overload = any(
                    n in ("overload", "typing.overload", "typing_extensions.overload") for n in names
                )
                markers.append(Marker(path, qualname, decorator.args[0].value, overload, not silent))
    return sorted(markers, key=lambda m: (m.file, m.qualname, not m.overload, m.message))


@dataclass(frozen=True)
class RuntimeWarningCall:
    """A ``warnings.warn(..., DeprecationWarning)`` guarded by ``isinstance(<param>, <type>)``."""

    file: str
    qualname: str
    message: str
    parameter: str
    value_type: str


def deprecation_warning_calls() -> list[RuntimeWarningCall]:
    """Each explicit ``DeprecationWarning`` the SDK raises, with the argument check that triggers it.

    Stops on a warning that is not the direct child of an ``if isinstance(<param>, <type>):``.
    """
    found = []
    for path in files_containing("DeprecationWarning"):
        for qualname, node in definitions(parse(path)):
            guards = {
                id(child): statement
                for statement in ast.walk(node)
                if isinstance(statement, ast.If)
                for child in statement.body
            }
            for statement in ast.walk(node):
                if not (isinstance(statement, ast.Expr) and _is_deprecation_warning(statement.value)):
                    continue
                guard = guards.get(id(statement))
                test = guard.test if guard is not None else None
                if not (
                    isinstance(test, ast.Call)
                    and ast.unparse(test.func) == "isinstance"
                    and isinstance(test.args[0], ast.Name)
                ):
                    raise SystemExit(f"{path}:{statement.lineno}: a DeprecationWarning under an unknown test")
                call = statement.value
                assert isinstance(call, ast.Call)
                message = "".join(
                    part.value for part in ast.walk(call.args[0]) if isinstance(part, ast.Constant)
                )
                found.append(
                    RuntimeWarningCall(path, qualname, message, test.args[0].id, ast.unparse(test.args[1]))
                )
    return sorted(found, key=lambda w: (w.file, w.qualname))


def _is_deprecation_warning(node: ast.expr) -> bool:
    if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "warnings.warn"):
        return False
    args = [*node.args[1:], *(k.value for k in node.keywords if k.arg == "category")]
    return any(ast.unparse(a) == "DeprecationWarning" for a in args)


def sent_beta_headers() -> dict[str, list[str]]:
    """``OpenAI-Beta`` header value -> the SDK files whose requests send it (from dict literals)."""
    headers: dict[str, set[str]] = {}
    for path in files_containing("OpenAI-Beta"):
        for node in ast.walk(parse(path)):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values):
                if (
                    isinstance(key, ast.Constant)
                    and key.value == "OpenAI-Beta"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                ):
                    headers.setdefault(value.value, set()).add(path)
    return {value: sorted(files) for value, files in sorted(headers.items())}


# --- docstring text ----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*\[])")


def sentences(text: str) -> list[str]:
    """Whitespace-normalised sentences of a docstring paragraph."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def description(docstring: str) -> str:
    """A method docstring without its ``Args:`` section (the part that describes the method itself)."""
    return docstring.split("\nArgs:", 1)[0]


def argument_docs(docstring: str) -> dict[str, str]:
    """``name -> text`` from a Google-style ``Args:`` section; lines stripped, joined with newlines."""
    lines = docstring.split("\n")
    try:
        start = lines.index("Args:") + 1
    except ValueError:
        return {}
    docs: dict[str, list[str]] = {}
    current: Optional[str] = None
    base: Optional[int] = None
    for line in lines[start:]:
        indent = len(line) - len(line.lstrip())
        match = re.match(r"(\w+): (.*)$", line.strip())
        if line.strip() and match and (base is None or indent == base):
            base, current = indent, match.group(1)
            docs[current] = [match.group(2)]
        elif current is not None and (not line.strip() or indent > (base or 0)):
            docs[current].append(line.strip())
        elif line.strip():
            break
    return {name: "\n".join(text).strip() for name, text in docs.items()}


def attribute_docs(tree: ast.Module) -> Iterator[tuple[str, str, str]]:
    """(class name, attribute, docstring) for each annotated class attribute followed by a string."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for statement, following in zip(node.body, node.body[1:]):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                text = "\n".join(line.strip() for line in inspect.cleandoc(following.value.value).split("\n"))
                yield node.name, statement.target.id, text
