"""TOML text to data with a bound on nesting, so a hostile file is one error instead of a crash."""

from __future__ import annotations

import tomllib
from typing import Any

BYTE_ORDER_MARK = "\ufeff"  # some editors start UTF-8 files with it; TOML's reader would call it an invalid statement
MAX_DEPTH = 32  # tables and arrays inside one another; no file the aid reads needs more than 5


class TooDeep(tomllib.TOMLDecodeError):
    """Values nested more than MAX_DEPTH deep: said by whoever reads the file, in the catalogue's words."""


def parse_toml(text: str) -> dict[str, Any]:
    """The data in `text` (a byte-order mark at its start is skipped), or tomllib.TOMLDecodeError (also for values
    nested more than MAX_DEPTH deep).

    tomllib reads nested values recursively, so a few hundred levels raise RecursionError; that, and
    anything deeper than MAX_DEPTH (which later steps would walk recursively too), is refused here.
    """
    try:
        data = tomllib.loads(text.removeprefix(BYTE_ORDER_MARK))
    except RecursionError:
        raise TooDeep(MAX_DEPTH) from None
    if _depth(data) > MAX_DEPTH:
        raise TooDeep(MAX_DEPTH)
    return data


def _depth(data: object) -> int:
    """How many tables and arrays lie inside one another, counted without recursion."""
    deepest = 0
    todo: list[tuple[object, int]] = [(data, 1)]
    while todo:
        value, level = todo.pop()
        if isinstance(value, dict):
            children: list[object] = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        todo.extend((child, level + 1) for child in children)
    return deepest
