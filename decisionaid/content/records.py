"""The pack at run time: plain, read-only records, one class for each model of `content.models`.

Every pack the engine and the front ends are given is made of these records, whether it was just checked in full
or read from its compiled form (`content.compiled`): Pydantic only checks a new or changed pack. A record has the
fields of its model, compares by value, and takes on the model's look-ups (`lookups.BEHAVIOUR`). Its class is made
from the model's field names, once per process, so a field added to a model needs nothing here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from decisionaid.content.lookups import BEHAVIOUR


class Record:
    """A read-only record with named fields; equal to a record of the same model with equal fields."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


_CLASSES: dict[tuple[str, tuple[str, ...]], type[Record]] = {}
_ENUMS: dict[tuple[str, tuple[tuple[str, str], ...]], type[StrEnum]] = {}


def record_class(name: str, fields: tuple[str, ...]) -> type[Record]:
    """The record class of the model `name` with these fields: made once, then the same class each time."""
    known = _CLASSES.get((name, fields))
    if known is not None:
        return known
    if not all(field.isidentifier() and not field.startswith("_") for field in fields):
        raise ValueError(f"{name}: field names must be plain identifiers")
    bases = (BEHAVIOUR[name], Record) if name in BEHAVIOUR else (Record,)
    made = _CLASSES[(name, fields)] = type(
        name, bases, {"__slots__": fields, "_fields": fields, "__module__": __name__, "__qualname__": name}
    )
    return made


def enum_class(name: str, members: dict[str, str]) -> type[StrEnum]:
    """The enum `name` with these members (name: value): made once, then the same enum each time."""
    key = (name, tuple(members.items()))
    known = _ENUMS.get(key)
    if known is None:
        known = _ENUMS[key] = StrEnum(name, members, module=__name__)  # type: ignore[assignment]
    return known


def new_record(cls: type[Record], values: dict[str, Any]) -> Record:
    """A record of `cls` holding `values` (one for each of its fields)."""
    record = object.__new__(cls)
    for field in cls._fields:
        object.__setattr__(record, field, values[field])
    return record


def replace(record: Record, **changes: Any) -> Record:
    """A copy of `record` with some fields changed, as `dataclasses.replace` makes (a pack made from another)."""
    if unknown := set(changes) - set(record._fields):
        raise TypeError(f"{type(record).__name__} has no field {', '.join(sorted(unknown))}")
    return new_record(type(record), {field: changes.get(field, getattr(record, field)) for field in record._fields})


def as_data(value: Any) -> Any:
    """`value` as JSON data, as Pydantic's `model_dump(mode="json")` gives it: records as dicts by field, enums by
    value, dates in ISO form, tuples as lists."""
    if isinstance(value, Record):
        return {field: as_data(getattr(value, field)) for field in value._fields}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    return value
