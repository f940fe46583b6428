"""Read a pack folder with tomllib, validate it, and collect every problem."""

from __future__ import annotations

import re
import tomllib
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from decisionaid.content.cross_checks import cross_check
from decisionaid.content.models import Pack
from decisionaid.content.problems import ContentError, Problem, did_you_mean, dotted
from decisionaid.sanitize import clean_data, code_point, first_control
from decisionaid.storage.files import PACK_FILE_LIMIT, FileReadError, read_file_bytes, where_in
from decisionaid.storage.tomlfile import parse_toml

# Each pack field is read from the TOML file of the same name.
PACK_FILES = {name: f"{name}.toml" for name in Pack.model_fields}
_VALIDATOR_TAG = re.compile(r"^function-(?:after|before|wrap|plain)\[")
REQUIRED_FILES = {name for name, field in Pack.model_fields.items() if field.is_required()}


def load_pack(folder: Path) -> Pack:
    """Load and validate the pack in `folder`, or raise ContentError with every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ContentError([Problem(folder, "", "no such pack folder")])
    problems = _unknown_files(folder)
    parts: dict[str, Any] = {}
    for name, file_name in PACK_FILES.items():
        path = folder / file_name
        if not path.exists():
            if name in REQUIRED_FILES:
                problems.append(Problem(path, "", "file is missing"))
            continue
        data, read_problems = _read_toml(path)
        problems += read_problems
        if data is None:
            continue
        model = Pack.model_fields[name].annotation
        try:
            parts[name] = model.model_validate(data)
        except ValidationError as exc:
            problems += [_describe(path, model, error) for error in exc.errors(include_url=False)]
    if problems:
        raise ContentError(problems)
    pack = Pack(**parts)
    problems = cross_check(pack, folder)
    if problems:
        raise ContentError(problems)
    return pack


def _unknown_files(folder: Path) -> list[Problem]:
    known = set(PACK_FILES.values())
    return [
        Problem(path, "", "unknown file" + did_you_mean(path.name, known))
        for path in sorted(folder.glob("*.toml"))
        if path.name not in known
    ]


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The data of one pack file, its text cleaned; a control character in it is a problem, named by key."""
    try:
        raw = read_file_bytes(path, PACK_FILE_LIMIT)
    except FileReadError as exc:
        return None, [Problem(path, "", exc.reason)]
    except OSError as exc:
        return None, [Problem(path, "", f"cannot read: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path, "", f"not UTF-8 text ({where_in(raw, exc.start)})")]
    if not text.strip():
        return None, [Problem(path, "", "file is empty")]
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(path, "", f"not valid TOML: {exc}")]
    problems = [
        Problem(path, dotted(loc), f"contains a control character ({code_point(char)})")
        for loc, char in _controls_in(data, [])
    ]
    return clean_data(data), problems


def _controls_in(value: Any, loc: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """(location, first control character) for every text in the data, keys included, that holds one."""
    if isinstance(value, str):
        char = first_control(value)
        if char is not None:
            yield loc, char
    elif isinstance(value, dict):
        for key, item in value.items():
            char = first_control(key)
            if char is not None:
                yield [*loc, key], char
            yield from _controls_in(item, [*loc, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _controls_in(item, [*loc, index])


def _describe(path: Path, model: type[BaseModel], error: dict[str, Any]) -> Problem:
    """Turn one Pydantic error into a one-line problem."""
    loc = [part for part in error["loc"] if not _is_validator_tag(part)]
    kind = error["type"]
    if kind == "extra_forbidden" and loc:
        allowed = _fields_at(model, loc[:-1])
        return Problem(path, dotted(loc), "unknown key" + did_you_mean(str(loc[-1]), allowed))
    if kind == "missing":
        return Problem(path, dotted(loc), "required key is missing")
    reason = error["msg"].removeprefix("Value error, ")
    value = error.get("input")
    if isinstance(value, (str, int, float, bool)) and kind not in {"value_error", "assertion_error"}:
        shown = value if not isinstance(value, str) or len(value) <= 40 else value[:37] + "..."
        reason += f" (got {shown!r})"
    return Problem(path, dotted(loc), reason)


def _is_validator_tag(part: str | int) -> bool:
    """Pydantic adds tags such as 'function-after[...]' to some locations; they are not keys."""
    return isinstance(part, str) and _VALIDATOR_TAG.match(part) is not None


def _fields_at(model: type[BaseModel], loc: list[str | int]) -> list[str]:
    """The field names of the model found at `loc` below `model`, for suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _inner_model(annotation: Any) -> Any:
    """Unwrap list[...], X | None and Annotated[...] to the model inside, if any."""
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel) and not isinstance(obj, types.GenericAlias)
