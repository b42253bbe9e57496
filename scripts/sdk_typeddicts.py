"""The SDK's request ``TypedDict`` types: field docstrings, type hints, and which fields nest where.

Helpers for ``deprecated_parameters.py``: a method's keyword types lead to ``TypedDict`` classes, whose
fields may be documented as deprecated (``Reasoning.generate_summary``) several levels down.
"""

from __future__ import annotations

import builtins
import sys
import typing
from typing import Any, Iterator, Optional

import deprecation_text
import sdk_introspect as sdk
import typing_extensions

Path_ = tuple[str, ...]


class FieldDocs:
    """Docstrings of ``TypedDict`` fields, looked up through ``TypedDict`` inheritance."""

    def __init__(self) -> None:
        self._by_file: dict[str, dict[tuple[str, str], str]] = {}

    def _docs(self, cls: type) -> dict[tuple[str, str], str]:
        file = sdk.relative(sys.modules[cls.__module__].__file__)
        if file not in self._by_file:
            self._by_file[file] = {(c, a): d for c, a, d in sdk.attribute_docs(sdk.parse(file))}
        return self._by_file[file]

    def doc(self, cls: type, name: str) -> Optional[tuple[type, str]]:
        """(the class that documents ``name``, its docstring)."""
        for klass in _typed_dict_lineage(cls):
            text = self._docs(klass).get((klass.__qualname__, name))
            if text is not None:
                return klass, text
        return None


def _typed_dict_lineage(cls: type) -> Iterator[type]:
    yield cls
    for base in getattr(cls, "__orig_bases__", ()):
        if isinstance(base, type) and is_typeddict(base):
            yield from _typed_dict_lineage(base)


class _Lenient(dict):  # type: ignore[type-arg]
    """Local namespace for ``get_type_hints``: module names first, ``Any`` for TYPE_CHECKING-only ones."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        super().__init__()
        self.namespace = namespace

    def __missing__(self, key: str) -> Any:
        if key in self.namespace:
            return self.namespace[key]
        return getattr(builtins, key, _Unresolved)


class _Unresolved:
    """Stands in for a name the SDK imports only under TYPE_CHECKING (subscriptable, never a TypedDict)."""

    def __class_getitem__(cls, item: Any) -> type:
        return cls


def type_hints(obj: Any) -> dict[str, Any]:
    """``typing.get_type_hints`` (with ``Annotated``), tolerating names imported only for type checkers."""
    try:
        return typing.get_type_hints(obj, include_extras=True)
    except NameError:
        module = sys.modules[obj.__module__]
        return typing.get_type_hints(obj, localns=_Lenient(vars(module)), include_extras=True)


def is_typeddict(value: Any) -> bool:
    return isinstance(value, type) and typing_extensions.is_typeddict(value)


def reachable_typed_dicts(annotation: Any, in_list: bool = False) -> Iterator[tuple[bool, type]]:
    """TypedDict classes inside an annotation, and whether they sit inside a list/iterable."""
    if isinstance(annotation, type) and is_typeddict(annotation):
        yield in_list, annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return
    listy = origin in (list, tuple, set, frozenset) or getattr(origin, "__name__", "") in (
        "Iterable",
        "Sequence",
    )
    for argument in typing.get_args(annotation):
        yield from reachable_typed_dicts(argument, in_list or listy)


def field_key(cls: type, name: str) -> str:
    return f"{cls.__module__}.{cls.__qualname__}.{name}"


class FieldIndex:
    """Deprecated fields of every request ``TypedDict`` and the parameter paths that reach them."""

    def __init__(self) -> None:
        self.docs = FieldDocs()
        self.classified: dict[str, tuple[str, deprecation_text.DocDeprecation]] = {}
        self._suffixes: dict[type, list[tuple[Path_, str]]] = {}

    def classify(self, cls: type, name: str) -> Optional[tuple[str, deprecation_text.DocDeprecation]]:
        found = self.docs.doc(cls, name)
        if found is None:
            return None
        owner, text = found
        key = field_key(owner, name)
        if key not in self.classified:
            self.classified[key] = (text, deprecation_text.classify(text))
        return key, self.classified[key][1]

    def deprecated_suffixes(self, cls: type) -> list[tuple[Path_, str]]:
        """(key path below ``cls``, field key) of each deprecated field reachable from ``cls``."""
        return self._walk(cls, set())[0]

    def _walk(self, cls: type, stack: set[type]) -> tuple[list[tuple[Path_, str]], bool]:
        """The suffixes, and whether a recursive type was cut short on the way (then the result holds
        only for this walk and is not memoised)."""
        if cls in self._suffixes:
            return self._suffixes[cls], False
        if cls in stack:
            return [], True
        stack.add(cls)
        found: list[tuple[Path_, str]] = []
        cut = False
        for name, annotation in type_hints(cls).items():
            classified = self.classify(cls, name)
            if classified and classified[1].deprecates and name != "model":
                found.append(((name,), classified[0]))
            for in_list, sub in reachable_typed_dicts(annotation):
                step = (name, "[]") if in_list else (name,)
                below, sub_cut = self._walk(sub, stack)
                cut |= sub_cut
                found += [((*step, *suffix), key) for suffix, key in below]
        stack.discard(cls)
        result = sorted(set(found))
        if not cut:
            self._suffixes[cls] = result
        return result, cut
