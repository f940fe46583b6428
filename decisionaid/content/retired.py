"""Keys the format no longer uses: a pack that still has one loads, and validate and lint say to remove it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decisionaid.content.problems import HINTS, Problem

# The file, the dotted key, and the format version since which the aid ignores it.
RETIRED = [("pack", "meta.minutes", 1)]


def retired_keys(pack: Any, folder: Path) -> list[Problem]:
    """A notice for each key of `pack` that the format no longer uses, as 'pack.toml: meta.minutes: ignored since
    format 1: remove it'."""
    notices = []
    for file, key, since in RETIRED:
        value: Any = pack.file(file)
        for name in key.split("."):
            value = getattr(value, name, None)
        if value is not None:
            notices.append(Problem(Path(folder) / f"{file}.toml", key, f"{HINTS}.retired", {"format": since}))
    return notices
