"""Records: the package's data classes, built cheaply at import.

``@record`` is a small stand-in for ``@dataclass(frozen=True)`` (``@record(frozen=False)`` for
``@dataclass``): fields come from the class's annotations (``ClassVar`` ones excluded, base records' fields
first), with defaults, :func:`field` (``default``, ``default_factory``, ``compare``, ``repr``), value equality,
hashing of frozen records, ``order=True`` and :func:`replace`. Methods that the class defines itself are kept.

Why not ``dataclasses``: it compiles six methods per class (~0.8 ms each class) and imports ``inspect``; with
~45 classes that was a third of a small run's start-up. A record compiles only its ``__init__``, on its first
instance (one ``exec``, ~0.05 ms); equality, hashing, ordering and ``repr`` are shared functions over the
class's field names. ``tests/test_records.py`` checks the behaviour against ``dataclasses``.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, List, Optional, Tuple, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_options: object) -> Callable[[Any], Any]:
        """Only for type checkers (PEP 681): at run time, the decorator unchanged."""
        return lambda decorator: decorator


T = TypeVar("T")
R = TypeVar("R")

_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Assigning to or deleting a field of a frozen record."""


class Field:
    """A field's options (what :func:`field` returns, replaced by the default on the class)."""

    __slots__ = ("compare", "default", "default_factory", "name", "repr")

    def __init__(self, default: Any, default_factory: Any, compare: bool, repr: bool) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr


@overload
def field(*, default: T, compare: bool = ..., repr: bool = ...) -> T: ...
@overload
def field(*, default_factory: Callable[[], T], compare: bool = ..., repr: bool = ...) -> T: ...
@overload
def field(*, compare: bool = ..., repr: bool = ...) -> Any: ...
def field(
    *, default: Any = _MISSING, default_factory: Any = _MISSING, compare: bool = True, repr: bool = True
) -> Any:
    """A field with options, as ``dataclasses.field``: ``default`` or ``default_factory`` (called per
    instance), ``compare=False`` (left out of equality, hashing and ordering), ``repr=False``."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, compare, repr)


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return getattr(annotation, "__origin__", annotation) is ClassVar


def _own_fields(cls: type) -> List[Field]:
    found: List[Field] = []
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - inspect costs more than all records
    for name, annotation in annotations.items():
        if _is_class_var(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        spec = value if isinstance(value, Field) else Field(value, _MISSING, True, True)
        spec.name = name
        if isinstance(value, Field):  # the class attribute becomes the default, as in dataclasses
            if spec.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
        if isinstance(spec.default, (list, dict, set)):
            raise ValueError(
                f"mutable default {type(spec.default).__name__} for field {name}: use default_factory"
            )
        found.append(spec)
    return found


def _all_fields(cls: type) -> Tuple[Field, ...]:
    merged: Dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for spec in base.__dict__.get("__record_fields__", ()):
            merged[spec.name] = spec
    for spec in _own_fields(cls):
        merged[spec.name] = spec
    return tuple(merged.values())


def _init(cls: type, fields: Tuple[Field, ...]) -> Callable[..., None]:
    """The class's ``__init__``, compiled once: parameters in field order, defaults and factories as in
    dataclasses, values stored straight into the instance's ``__dict__`` (which frozen records allow)."""
    names: Dict[str, Any] = {"_MISSING": _MISSING}
    parameters: List[str] = []
    body: List[str] = []
    seen_default = False
    for spec in fields:
        if spec.default_factory is not _MISSING:
            names[f"_factory_{spec.name}"] = spec.default_factory
            parameters.append(f"{spec.name}=_MISSING")
            body.append(f"_factory_{spec.name}() if {spec.name} is _MISSING else {spec.name}")
        elif spec.default is not _MISSING:
            names[f"_default_{spec.name}"] = spec.default
            parameters.append(f"{spec.name}=_default_{spec.name}")
            body.append(spec.name)
        else:
            if seen_default:
                raise TypeError(f"non-default argument {spec.name!r} follows default argument")
            parameters.append(spec.name)
            body.append(spec.name)
            continue
        seen_default = True
    stores = [f"    _d[{spec.name!r}] = {value}" for spec, value in zip(fields, body)]
    post = ["    self.__post_init__()"] if hasattr(cls, "__post_init__") else []
    source = "\n".join(
        [f"def __init__(self, {', '.join(parameters)}):" if parameters else "def __init__(self):"]
        + ["    _d = self.__dict__"] * bool(stores)
        + stores
        + post
        + ["    pass"]
    )
    exec(source, names)  # built here from the field names, never from input
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _first_init(cls: type, fields: Tuple[Field, ...]) -> Callable[..., None]:
    """An ``__init__`` that compiles the class's own on the first instance and hands over to it: a run
    compiles only the records it builds."""

    def first_init(self: Any, *args: Any, **kwargs: Any) -> None:
        init = _init(cls, fields)
        setattr(cls, "__init__", init)  # noqa: B010 - on the class, which is not frozen
        init(self, *args, **kwargs)

    return first_init


def _key(names: Tuple[str, ...]) -> Callable[[Any], Tuple[Any, ...]]:
    """The tuple of an instance's values of ``names``."""
    if not names:
        return lambda _instance: ()
    if len(names) == 1:
        single = attrgetter(names[0])
        return lambda instance: (single(instance),)
    return attrgetter(*names)


def _comparisons(key: Callable[[Any], Tuple[Any, ...]]) -> Dict[str, Callable[[Any, Any], Any]]:
    def eq(self: Any, other: Any) -> Any:
        return key(self) == key(other) if other.__class__ is self.__class__ else NotImplemented

    def lt(self: Any, other: Any) -> Any:
        return key(self) < key(other) if other.__class__ is self.__class__ else NotImplemented

    def le(self: Any, other: Any) -> Any:
        return key(self) <= key(other) if other.__class__ is self.__class__ else NotImplemented

    def gt(self: Any, other: Any) -> Any:
        return key(self) > key(other) if other.__class__ is self.__class__ else NotImplemented

    def ge(self: Any, other: Any) -> Any:
        return key(self) >= key(other) if other.__class__ is self.__class__ else NotImplemented

    return {"__eq__": eq, "__lt__": lt, "__le__": le, "__gt__": gt, "__ge__": ge}


def _repr(names: Tuple[str, ...]) -> Callable[[Any], str]:
    def represent(self: Any) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({values})"

    return represent


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _build(cls: type, frozen: bool, order: bool) -> type:
    fields = _all_fields(cls)
    own = cls.__dict__
    key = _key(tuple(spec.name for spec in fields if spec.compare))
    comparisons = _comparisons(key)
    kept = {
        "__init__": _first_init(cls, fields),
        "__repr__": _repr(tuple(spec.name for spec in fields if spec.repr)),
        "__eq__": comparisons["__eq__"],
    }
    methods: Dict[str, Any] = {name: method for name, method in kept.items() if name not in own}  # own stay
    if order:
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            if name in own:
                raise TypeError(f"cannot overwrite attribute {name} in class {cls.__name__}")
            methods[name] = comparisons[name]
    own_hash = own.get("__hash__", _MISSING)
    if own_hash is _MISSING or (own_hash is None and "__eq__" in own):  # no explicit __hash__, as dataclasses
        methods["__hash__"] = (lambda self: hash(key(self))) if frozen else None
    if frozen:
        methods["__setattr__"] = _frozen_setattr
        methods["__delattr__"] = _frozen_delattr
    methods["__record_fields__"] = fields
    methods["__match_args__"] = tuple(spec.name for spec in fields)
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


@overload
def record(cls: type[R], /) -> type[R]: ...
@overload
def record(*, frozen: bool = ..., order: bool = ...) -> Callable[[type[R]], type[R]]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: Optional[type[R]] = None, /, *, frozen: bool = True, order: bool = False) -> Any:
    """Make ``cls`` a record: ``@record`` (frozen), ``@record(frozen=False)`` (mutable, unhashable),
    ``@record(order=True)`` (ordered by its compared fields, in order)."""

    def wrap(target: type[R]) -> type[R]:
        return _build(target, frozen, order)

    return wrap if cls is None else wrap(cls)


def fields(instance_or_class: Any) -> Tuple[Field, ...]:
    """The record's fields, in order."""
    found: Tuple[Field, ...] = instance_or_class.__record_fields__
    return found


def replace(instance: R, /, **changes: Any) -> R:
    """A copy of the record ``instance`` with ``changes`` (field name -> value), built through ``__init__``."""
    names = {spec.name for spec in fields(instance)}
    unknown = set(changes) - names
    if unknown:
        raise TypeError(f"{type(instance).__name__} has no field {sorted(unknown)[0]!r}")
    values = {
        spec.name: changes.get(spec.name, getattr(instance, spec.name, _MISSING)) for spec in fields(instance)
    }
    return type(instance)(**{name: value for name, value in values.items() if value is not _MISSING})
