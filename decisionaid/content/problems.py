"""Content problems: one line each, 'path: dotted.key: reason'.

A problem names its reason by a sentence of the catalogue (`says`, a key under `pack_problem.`) and the
values that sentence needs; the words are filled in where the problem is shown (`Problem.line`), from the
catalogue of the reader's language. The content layer itself holds no sentence.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Protocol

from decisionaid.sanitize import display_path, escape_controls

__all__ = ["ContentError", "Got", "Problem", "Says", "Words", "did_you_mean", "display_path", "dotted"]

SENTENCES = "pack_problem"
HINTS = "pack_hint"  # sentences that teach the author more than what is wrong
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_SHOWN_TEXT = 40


class Words(Protocol):
    """A catalogue: the sentence for a key, filled in with named values (see `core.catalogue.Catalogue`)."""

    def __call__(self, key: str, /, *, count: int | None = None, **values: object) -> str: ...


@dataclass(frozen=True)
class Got:
    """A value as the author wrote it, shown in a reason as TOML writes it: `"2026-01-05"`, `true`, `60`."""

    value: object

    def shown(self, words: Words) -> str:
        value = self.value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            cut = value if len(value) <= _SHOWN_TEXT else value[: _SHOWN_TEXT - 3] + "..."
            return json.dumps(cut, ensure_ascii=False)
        if isinstance(value, float) and not math.isfinite(value):
            return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        if isinstance(value, date | datetime | time):
            return value.isoformat()
        if isinstance(value, list | tuple):
            return words(f"{SENTENCES}.a_list")
        if isinstance(value, Mapping):
            return words(f"{SENTENCES}.a_table")
        return str(value)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, located by file and dotted key, its reason named by a catalogue sentence."""

    path: Path
    key: str
    says: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    count: int | None = None
    suggestion: str | None = None
    home: str | None = None  # the table an unknown key belongs in, as its header: '[meta]', '[[options]]'

    def reason(self, words: Words) -> str:
        """The reason in words, with '(did you mean ...?)' when a close name was found, or where the key belongs."""
        values = {name: v.shown(words) if isinstance(v, Got) else v for name, v in self.values.items()}
        key = self.says if "." in self.says else f"{SENTENCES}.{self.says}"  # another section's sentence, whole
        text = words(key, count=self.count, **values)
        if self.suggestion is not None:
            text = words(f"{SENTENCES}.did_you_mean", reason=text, suggestion=self.suggestion)
        elif self.home is not None:
            text = words(f"{HINTS}.put_under", reason=text, table=self.home)
        return text

    def line(self, words: Words) -> str:
        """'path: key: reason', with any control character in it made visible."""
        where = display_path(self.path)
        reason = self.reason(words)
        return escape_controls(f"{where}: {self.key}: {reason}" if self.key else f"{where}: {reason}")


MOST_OF_A_KIND = 10  # more problems of one kind than this are summed up after the first few
SHOWN_OF_A_KIND = 3


class ContentError(Exception):
    """A pack failed to load; carries every problem found (`lines` gives them in words)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{display_path(p.path)}: {p.key}: [{p.says}]" for p in problems))

    def lines(self, words: Words) -> list[str]:
        """One line a problem; of a kind found more than MOST_OF_A_KIND times (the same sentence, such as 'unknown
        card'), the first SHOWN_OF_A_KIND and then one line saying how many more, so a flood stays readable."""
        counts = Counter(problem.says for problem in self.problems)
        shown: Counter[str] = Counter()
        lines = []
        for problem in self.problems:
            kind = problem.says
            shown[kind] += 1
            if counts[kind] <= MOST_OF_A_KIND or shown[kind] <= SHOWN_OF_A_KIND:
                lines.append(problem.line(words))
            if counts[kind] > MOST_OF_A_KIND and shown[kind] == SHOWN_OF_A_KIND:
                more = words(f"{SENTENCES}.more_of_a_kind", count=counts[kind] - SHOWN_OF_A_KIND)
                lines.append(escape_controls(f"{display_path(problem.path)}: {more}"))  # 'file: reason', as every line
        return lines


class Says:
    """In a field's or a type's annotation: the sentence to say for an error type where the general one would be
    unclear, e.g. `Says(string_pattern_mismatch="no_question_mark")`."""

    __slots__ = ("sentences",)

    def __init__(self, **sentences: str) -> None:
        self.sentences = dict(sentences)

    def __repr__(self) -> str:
        return f"Says({', '.join(f'{k}={v!r}' for k, v in self.sentences.items())})"


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `word`, if one is close enough to be what was meant."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


_KEY_PART = re.compile(r'\.?("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)|\[(\d+)\]')
_SHOWN_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def by_id(key: str, data: object, ids: dict[int, Counter[str | None]] | None = None) -> str:
    """`key` with each list item named by its id where the file's `data` gives one that no other item of its list
    has: 'cards[37].sources[0]' -> 'cards[id=harm-bladder].sources[0]' (an item without a usable id keeps its
    index). `data` is the file as read (tables and lists) or its model; `ids` keeps each list's count of ids
    between calls, so naming many problems in one list reads it once."""
    parts = list(_KEY_PART.finditer(key))
    if "".join(part.group(0) for part in parts) != key:  # not a key this module wrote: left as it is
        return key
    ids = {} if ids is None else ids
    out, here = "", data
    for part in parts:
        name, index = part.groups()
        if index is None:
            out += part.group(0)
            bare = json.loads(name) if name.startswith('"') else name
            here = here.get(bare) if isinstance(here, Mapping) else getattr(here, bare, None)
            continue
        items, i = here, int(index)
        if not isinstance(items, list | tuple) or i >= len(items):
            out, here = out + part.group(0), None
            continue
        here = items[i]
        item_id = _id_of(here)
        if id(items) not in ids:
            ids[id(items)] = Counter(_id_of(item) for item in items)
        counts = ids[id(items)]
        unique = item_id is not None and counts[item_id] == 1 and _SHOWN_ID.match(item_id)
        out += f"[id={item_id}]" if unique else part.group(0)
    return out


def _id_of(item: object) -> str | None:
    value = item.get("id") if isinstance(item, Mapping) else getattr(item, "id", None)
    return value if isinstance(value, str) else None


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
