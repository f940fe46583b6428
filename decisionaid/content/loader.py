"""Read a pack folder with tomllib, validate it, and collect every problem.

Pydantic's models check the files; the pack the aid then runs on is made of plain records (`content.records`).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from decisionaid.content.cross_checks import cross_check
from decisionaid.content.models import Pack
from decisionaid.content.problems import ContentError, Problem, by_id, did_you_mean, dotted, problems_from
from decisionaid.content.release import change_list_problems, release_problems
from decisionaid.sanitize import clean_data, code_point, first_control
from decisionaid.storage.files import PACK_FILE_LIMIT, FileReadError, read_file_bytes, where_in
from decisionaid.storage.tomlfile import MAX_DEPTH, TooDeep, parse_toml

# Each file of a pack, by the name it is known by ('cards'), is read into the pack's field of that alias.
PACK_FIELDS = {field.alias: name for name, field in Pack.model_fields.items()}
PACK_FILES = {name: f"{name}.toml" for name in PACK_FIELDS}
REQUIRED_FILES = {field.alias for field in Pack.model_fields.values() if field.is_required()}


def load_pack(folder: Path, *, check_release: bool = True) -> Pack:
    """The pack in `folder`, checked in full, as the records the aid runs on; ContentError with every problem."""
    from decisionaid.content.compiled import records_of

    return records_of(validate_pack(folder, check_release=check_release))


def validate_pack(folder: Path, *, check_release: bool = True) -> Pack:
    """Load and validate the pack in `folder` into the Pydantic models, or raise ContentError with every problem.

    With `check_release` (all but `decisionaid release` itself), a pack with a manifest must have the files it
    names, unchanged, and a signature, if any, that verifies with a trusted key; the trusted key's name is kept
    as the manifest's `signer`.

    The checks across files run on the files that loaded, so one run reports everything; a check that needs a
    file that failed is left out, since what it would say could follow from that file's own problems.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ContentError([Problem(folder, "", "no_folder")])
    problems = _unknown_files(folder)
    misspelt = {problem.suggestion for problem in problems}
    parts: dict[str, Any] = {}
    read: dict[str, Any] = {}  # each file's data as read, by file name, to name its items by id
    for name, file_name in PACK_FILES.items():
        path = folder / file_name
        model = Pack.model_fields[PACK_FIELDS[name]].annotation
        if not os.path.lexists(path):  # a link to nothing is there, and reading it says why
            if name in REQUIRED_FILES:
                problems.append(Problem(path, "", "missing_file"))
            elif file_name not in misspelt:  # a file left out is empty; one whose name is misspelt is not known
                parts[name] = model()
            continue
        data, read_problems = _read_toml(path, model)
        problems += read_problems
        if data is None:
            continue
        read[file_name] = data
        try:
            parts[name] = model.model_validate(data)
        except ValidationError as exc:
            problems += problems_from(path, model, exc.errors(include_url=False))
    problems += cross_check(parts, folder)
    if check_release and "manifest" in parts and "pack" in parts:
        meta = parts["pack"].meta
        found, signer = release_problems(folder, parts["manifest"], meta.id, meta.version)
        problems += found
        parts["manifest"] = parts["manifest"].model_copy(update={"signer": signer})
    if problems:
        ids: dict = {}
        raise ContentError([_named_by_id(problem, read, ids) for problem in problems])
    pack = Pack(**parts)
    if problems := change_list_problems(pack, folder):
        raise ContentError(problems)
    return pack


def _named_by_id(problem: Problem, read: dict[str, Any], ids: dict) -> Problem:
    """The problem with the items in its key named by id where its file gives them ('cards[id=bike-good]')."""
    data = read.get(problem.path.name)
    return replace(problem, key=by_id(problem.key, data, ids)) if data is not None and problem.key else problem


def _unknown_files(folder: Path) -> list[Problem]:
    known = set(PACK_FILES.values())
    return [
        Problem(path, "", "unknown_file", suggestion=did_you_mean(path.name, known))
        for path in sorted(folder.glob("*.toml"))
        if path.name not in known
    ]


def _read_toml(path: Path, model: Any) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The data of one pack file, its text cleaned; a control character in it is a problem, named by key. A list
    longer than `model` allows is refused before anything else is done with it."""
    try:
        raw = read_file_bytes(path, PACK_FILE_LIMIT)
    except FileReadError as exc:
        return None, [Problem(path, "", f"file_problem.{exc.code}", exc.values)]
    except OSError as exc:
        return None, [Problem(path, "", "cannot_read", {"reason": exc.strerror or exc})]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path, "", "not_utf8", where_in(raw, exc.start))]
    if not text.strip():
        return None, [Problem(path, "", "empty_file")]
    try:
        data = parse_toml(text)
    except TooDeep:
        return None, [Problem(path, "", "too_deep", {"most": MAX_DEPTH})]
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(path, "", "not_toml", {"detail": exc})]
    if too_many := _too_many(path, data, model):
        return None, too_many
    problems = [
        Problem(path, dotted(loc), "control_character", {"code": code_point(char)})
        for loc, char in _controls_in(data, [])
    ]
    return clean_data(data), problems


def _too_many(path: Path, data: dict[str, Any], model: Any) -> list[Problem]:
    """A problem for each of the file's lists that has more entries than the model allows."""
    problems = []
    for name, field in model.model_fields.items():
        most = next((m.max_length for m in field.metadata if hasattr(m, "max_length")), None)
        value = data.get(name)
        if most is not None and isinstance(value, list) and len(value) > most:
            problems.append(Problem(path, name, "too_many", {"actual": len(value)}, count=most))
    return problems


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
