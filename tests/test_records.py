"""``lint_openai.records`` behaves as ``dataclasses`` does for what the package uses: the same constructor,
equality, hashing, ordering, ``repr``, immutability, ``replace``, defaults and field options, pickling."""

from __future__ import annotations

import dataclasses
import pickle
from typing import ClassVar, Dict, List, Optional, Tuple

import pytest

from lint_openai.records import FrozenInstanceError, field, fields, record, replace


@record
class Point:
    """A frozen record."""

    x: int
    y: int = 0
    label: Optional[str] = None
    tags: Tuple[str, ...] = ()
    kind: ClassVar[str] = "point"


@dataclasses.dataclass(frozen=True)
class PointDC:
    x: int
    y: int = 0
    label: Optional[str] = None
    tags: Tuple[str, ...] = ()
    kind: ClassVar[str] = "point"


@record(order=True)
class Position:
    row: int
    column: int


@dataclasses.dataclass(frozen=True, order=True)
class PositionDC:
    row: int
    column: int


@record(frozen=False)
class Bag:
    name: str
    items: List[int] = field(default_factory=list)
    meta: Dict[str, int] = field(default_factory=dict, compare=False)
    secret: str = field(default="", repr=False)


@dataclasses.dataclass
class BagDC:
    name: str
    items: List[int] = dataclasses.field(default_factory=list)
    meta: Dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
    secret: str = dataclasses.field(default="", repr=False)


@record
class Labelled(Point):
    """A record extending another: the base's fields first."""

    colour: str = "red"


@record
class OwnRepr:
    label: str

    def __repr__(self) -> str:
        return self.label


def as_dataclass_repr(text: str) -> str:
    return text.replace("DC(", "(")


def test_construction_equality_hash_and_repr_match_dataclasses() -> None:
    cases = [((1,), {}), ((1, 2), {}), ((1,), {"label": "a", "tags": ("t",)}), ((), {"x": 3, "y": 4})]
    for args, kwargs in cases:
        ours, theirs = Point(*args, **kwargs), PointDC(*args, **kwargs)
        assert repr(ours) == as_dataclass_repr(repr(theirs))
        assert ours == Point(*args, **kwargs) and hash(ours) == hash(Point(*args, **kwargs))
        assert (ours == Point(99)) == (theirs == PointDC(99))
    assert Point(1) != PointDC(1) and Point(1) != (1, 0, None, ())  # only the same class compares equal
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert Point.kind == "point" and [spec.name for spec in fields(Point)] == ["x", "y", "label", "tags"]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, None, (), "extra")  # type: ignore[call-arg]


def test_frozen_records_refuse_assignment_and_deletion() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.x  # type: ignore[misc]
    assert isinstance(FrozenInstanceError("x"), AttributeError)


def test_ordering_matches_dataclasses() -> None:
    pairs = [(1, 2), (1, 1), (2, 0), (0, 9)]
    ours = sorted(Position(*pair) for pair in pairs)
    theirs = sorted(PositionDC(*pair) for pair in pairs)
    assert [(p.row, p.column) for p in ours] == [(p.row, p.column) for p in theirs]
    assert Position(1, 2) < Position(1, 3) <= Position(1, 3) and Position(2, 0) > Position(1, 9)
    with pytest.raises(TypeError):
        _ = Position(1, 2) < PositionDC(1, 2)  # type: ignore[operator]


def test_mutable_records_default_factories_and_field_options() -> None:
    first, second = Bag("a"), Bag("a")
    first.items.append(1)
    assert second.items == [] and BagDC("a").items == []  # a new list per instance
    first.name = "b"
    assert first.name == "b"
    assert Bag("a", [1], {"x": 1}) == Bag("a", [1], {"y": 2})  # meta: compare=False
    assert (BagDC("a", [1], {"x": 1}) == BagDC("a", [1], {"y": 2})) is True
    assert repr(Bag("a", [1], {}, "hidden")) == as_dataclass_repr(repr(BagDC("a", [1], {}, "hidden")))
    assert Bag.__hash__ is None and BagDC.__hash__ is None  # mutable and compared: unhashable
    with pytest.raises(ValueError):

        @record
        class Shared:
            items: List[int] = []  # the mistake this checks


def test_replace_inheritance_own_methods_and_pickling() -> None:
    point = Point(1, 2, "a")
    assert replace(point, y=5) == Point(1, 5, "a") and point.y == 2
    with pytest.raises(TypeError):
        replace(point, z=1)
    labelled = Labelled(1, 2, colour="blue")
    assert [spec.name for spec in fields(labelled)] == ["x", "y", "label", "tags", "colour"]
    assert (
        labelled != Point(1, 2) and repr(labelled) == "Labelled(x=1, y=2, label=None, tags=(), colour='blue')"
    )
    assert repr(OwnRepr("kept")) == "kept" and OwnRepr("a") == OwnRepr("a")
    for value in (point, labelled, Position(3, 4), Bag("a", [1])):
        assert pickle.loads(pickle.dumps(value)) == value
