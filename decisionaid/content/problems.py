"""Content problems: one line each, 'path: dotted.key: reason'."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from decisionaid.sanitize import display_path, escape_controls

__all__ = ["ContentError", "Problem", "did_you_mean", "display_path", "dotted"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, located by file and dotted key."""

    path: Path
    key: str
    reason: str

    def __str__(self) -> str:
        where = display_path(self.path)
        line = f"{where}: {self.key}: {self.reason}" if self.key else f"{where}: {self.reason}"
        return escape_controls(line)


class ContentError(Exception):
    """A pack failed to load; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a close match, else ''."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def dotted(loc: Iterable[str | int]) -> str:
    """('cards', 3, 'sources', 0) -> 'cards[3].sources[0]'; odd keys are quoted as TOML would."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        key = part if _BARE_KEY.match(part) else json.dumps(part, ensure_ascii=False)
        out += f".{key}" if out else key
    return out
