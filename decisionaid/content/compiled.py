"""A validated pack as plain data: JSON that describes its own classes, read back without Pydantic.

`compile_pack` turns a pack that passed every check into a JSON document: the pack's values, and a
description of every model and enum they use, taken from the models' own field definitions. `read_compiled`
turns that document back into the pack the aid runs on: plain, read-only records (`content.records`) with the
same fields, the same enums (by value) and the same look-ups. A pack just checked in full is turned into records
the same way (`records_of`), so there is one kind of pack at run time. The document is only data: no code or
module name is read from it. It is tied to `pack_key`, a hash of the pack's files and of the code that checks them,
so a pack that changed, or a changed checker, is never read from an older document.
"""

from __future__ import annotations

import json
import os
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decisionaid.content.records import Record, enum_class, record_class
from decisionaid.content.signing import SIGNATURE, trusted_keys
from decisionaid.storage.files import PACK_FILE_LIMIT, read_file_bytes
from decisionaid.storage.hashing import blake2b

if TYPE_CHECKING:
    from pydantic import BaseModel

    from decisionaid.content.models import Pack

FORMAT = 1
PACKAGE = Path(__file__).resolve().parent.parent
ENGINE_CODE = ("content", "storage", "sanitize.py", "__init__.py")  # `__init__.py` holds the version
SCALARS = (str, int, float, bool, type(None))


class CompileError(Exception):
    """A model's field whose type has no plain-data form: a fault in `content.models`, which the tests find
    (tests/test_compiled_pack.py compiles every shipped pack), never in a pack."""


class NotCompiled(Exception):
    """A document that is not a compiled pack of this format and key (stale, truncated or foreign)."""


# --- the key -------------------------------------------------------------------------


def engine_digest() -> str:
    """A hash of the code that reads and checks packs (`engine_sources`) and of this format."""
    digest = blake2b(f"compiled pack format {FORMAT}\n".encode())
    for path, text in sorted(engine_sources().items()):
        digest.update(f"{path.relative_to(PACKAGE.parent).as_posix()}\0".encode())
        digest.update(text)
    return digest.hexdigest()


def engine_sources() -> dict[Path, bytes]:
    """The source of every module that can change what a checked pack holds, by path: this package's, those of
    the layers below it (the layer contracts in pyproject.toml let it import no others) and the package's version.
    A change to any of them changes the key."""
    paths: list[Path] = []
    for name in ENGINE_CODE:
        path = PACKAGE / name
        paths += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return {path: path.read_bytes() for path in paths}


def pack_key(folder: Path, engine: str | None = None) -> str:
    """A hash of every file in `folder` (names and bytes) and of the engine: what a check depends on. A signed
    pack's key also covers the trusted keys, since whether its signature counts depends on them."""
    digest = blake2b((engine or engine_digest()).encode(), digest_size=16)
    folder = Path(folder)
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            digest.update(b"\0" + os.fsencode(path.relative_to(folder).as_posix()) + b"\0")
            digest.update(read_file_bytes(path, PACK_FILE_LIMIT))  # never waits on a pipe or reads a device
    if (folder / SIGNATURE).exists():
        for key in trusted_keys().values():
            digest.update(b"\0key\0" + key.name.encode() + b"\0" + key.text)
    return digest.hexdigest()


# --- writing: from the validated models ----------------------------------------------


def compile_pack(pack: Pack, key: str) -> str:
    """The compiled document of a validated pack, as JSON text; CompileError if a field has no plain form."""
    models: dict[str, dict[str, Any]] = {}
    enums: dict[str, dict[str, str]] = {}
    root = _describe_model(type(pack), models, enums)
    document = {
        "format": FORMAT,
        "key": key,
        "root": root["model"],
        "models": models,
        "enums": enums,
        "data": pack.model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _describe_model(model: type[BaseModel], models: dict, enums: dict) -> dict[str, str]:
    name = model.__name__
    if name not in models:
        models[name] = {}  # placed first, so a model that refers to itself ends
        models[name] = {
            field: _describe(info.annotation, models, enums, f"{name}.{field}")
            for field, info in model.model_fields.items()
        }
    return {"model": name}


def _describe(annotation: Any, models: dict, enums: dict, where: str) -> Any:
    """How one field's values are read back: 'value', 'date', or a nested description."""
    from pydantic import BaseModel

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _describe(args[0], models, enums, where)
    if origin is typing.Literal:
        if all(isinstance(a, SCALARS) for a in args):
            return "value"
    elif origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            described = _describe(inner[0], models, enums, where)
            return described if described == "value" else {"optional": described}
        if all(_describe(a, models, enums, where) == "value" for a in inner):
            return "value"
    elif origin in (list, tuple, dict):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise CompileError(f"{where}: only tuple[X, ...] has a compiled form, not {annotation!r}")
        if origin is dict and args[0] is not str:
            raise CompileError(f"{where}: only dict[str, X] has a compiled form, not {annotation!r}")
        return {origin.__name__: _describe(args[-1] if origin is dict else args[0], models, enums, where)}
    elif annotation in SCALARS:
        return "value"
    elif annotation is date:
        return "date"
    elif isinstance(annotation, type) and issubclass(annotation, StrEnum):
        enums[annotation.__name__] = {member.name: member.value for member in annotation}
        return {"enum": annotation.__name__}
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _describe_model(annotation, models, enums)
    raise CompileError(f"{where}: the type {annotation!r} has no compiled form")


# --- reading: records ----------------------------------------------------------------


Reader = Callable[[Any], Any]


def records_of(pack: Pack) -> Pack:
    """The records of a pack just validated: what the aid runs on, as its compiled form reads back."""
    return read_compiled(compile_pack(pack, ""), "")


def read_compiled(text: str | bytes, key: str) -> Pack:
    """The pack in a compiled document made for `key`, as records; NotCompiled if it is not one."""
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("key") != key:
            raise NotCompiled("not a compiled pack of this format and key")
        enums = {name: enum_class(name, members) for name, members in document["enums"].items()}
        read = _Readers(document["models"], enums)
        return read.model(document["root"])(document["data"])
    except NotCompiled:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # a damaged or foreign document
        raise NotCompiled(f"damaged compiled pack: {type(exc).__name__}: {exc}") from None


class _Readers:
    """One reader function per description, made once per document; each model's record class is made once."""

    def __init__(self, models: dict[str, dict[str, Any]], enums: dict[str, type[Enum]]) -> None:
        self.models = models
        self.enums = enums
        self.made: dict[str, Reader] = {}

    def model(self, name: str) -> Reader:
        if name in self.made:
            return self.made[name]
        fields = tuple(self.models[name])
        cls = record_class(name, fields)
        readers: list[tuple[str, Reader | None]] = []

        def read(data: dict[str, Any]) -> Record:
            record = object.__new__(cls)
            for field, reader in readers:
                value = data[field]
                object.__setattr__(record, field, value if reader is None else reader(value))
            return record

        self.made[name] = read  # before its fields, so a model that refers to itself ends
        readers += [(field, self.reader(self.models[name][field])) for field in fields]
        return read

    def reader(self, description: Any) -> Reader | None:
        """None for values kept as JSON gives them; else the function that turns JSON into the field's value."""
        if description == "value":
            return None
        if description == "date":
            return date.fromisoformat
        (kind, inner), *rest = description.items()
        if rest:
            raise ValueError(f"unknown description {description!r}")
        if kind == "model":
            return self.model(inner)
        if kind == "enum":
            return {member.value: member for member in self.enums[inner]}.__getitem__
        item = self.reader(inner)
        if kind == "optional":
            return item if item is None else lambda value: None if value is None else item(value)
        if kind == "list":
            return list if item is None else lambda values: [item(v) for v in values]
        if kind == "tuple":
            return tuple if item is None else lambda values: tuple(item(v) for v in values)
        if kind == "dict":
            return dict if item is None else lambda values: {k: item(v) for k, v in values.items()}
        raise ValueError(f"unknown description {description!r}")
