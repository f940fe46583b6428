"""Content problems: one line each, 'path: dotted.key: reason'.

A problem names its reason by a sentence of the catalogue (`says`, a key under `pack_problem.`) and the
values that sentence needs; the words are filled in where the problem is shown (`Problem.line`), from the
catalogue of the reader's language. The content layer itself holds no sentence.

Pydantic's validation errors become problems here too (`problems_from`): every error type has its sentence
(`ERROR_SENTENCES`); a type not listed gets the general one, so any new field is described in words, never by
Pydantic's own message. A field or a type can name a clearer sentence for an error with `Says` in its
annotation (an id, a version, a question that must end with '?'). A model's own check says its sentence itself
(`models.refused`). Pydantic is imported only while a pack is checked.
"""

from __future__ import annotations

import json
import math
import re
import types
import typing
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from decisionaid.sanitize import display_path, escape_controls

if TYPE_CHECKING:
    from pydantic import BaseModel

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
    import difflib  # here, not at the top: only a mistake needs it, and every start would pay for it

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


# --- Pydantic's validation errors, as problems ------------------------------------------------------------------


ERROR_SENTENCES = {
    "missing": "missing_key",
    "extra_forbidden": "unknown_key",
    "string_type": "not_text",
    "string_too_short": "empty_text",
    "string_too_long": "text_too_long",
    "string_pattern_mismatch": "not_in_form",
    "int_type": "not_whole_number",
    "int_parsing": "not_whole_number",
    "int_from_float": "not_whole_number",
    "float_type": "not_number",
    "float_parsing": "not_number",
    "finite_number": "not_finite",
    "bool_type": "not_true_or_false",
    "bool_parsing": "not_true_or_false",
    "date_type": "not_date",
    "date_parsing": "not_date",
    "date_from_datetime_parsing": "not_date",
    "date_from_datetime_inexact": "not_date",
    "list_type": "not_list",
    "model_type": "not_table",
    "model_attributes_type": "not_table",
    "dict_type": "not_table",
    "too_short": "too_few",
    "too_long": "too_many",
    "enum": "not_one_of",
    "literal_error": "not_one_of",
    "greater_than_equal": "at_least",
    "less_than_equal": "at_most",
    "greater_than": "more_than",
    "less_than": "less_than",
}
GENERAL = "not_usable"
_VALIDATOR_TAG = re.compile(r"^function-(?:after|before|wrap|plain)\[")


def problems_from(path: Path, model: type[BaseModel], errors: Iterable[dict[str, Any]]) -> list[Problem]:
    """One problem per error; a required key missing where an unknown key looks like it is left unsaid."""
    problems = [_problem(path, model, error) for error in errors]
    misspelt = {
        (problem.key.rpartition(".")[0], problem.suggestion) for problem in problems if problem.says == "unknown_key"
    }
    return [
        problem
        for problem in problems
        if not (problem.says == "missing_key" and _parent_and_name(problem.key) in misspelt)
    ]


def _parent_and_name(key: str) -> tuple[str, str]:
    parent, _, name = key.rpartition(".")
    return parent, name


def _problem(path: Path, model: type[BaseModel], error: dict[str, Any]) -> Problem:
    loc = [part for part in error["loc"] if not _is_validator_tag(part)]
    kind, ctx, value = error["type"], dict(error.get("ctx") or {}), error.get("input")
    if "says" in ctx:  # a model's own check
        says = ctx.pop("says")
        loc += list(ctx.pop("at", ()))
        return Problem(path, dotted(loc), says, ctx)
    if kind == "extra_forbidden" and loc:
        return _unknown_key(path, model, loc)
    annotation, own = _annotation_at(model, loc)
    says = own.get(kind) or ERROR_SENTENCES.get(kind, GENERAL)
    values: dict[str, object] = {"got": Got(value)}
    count = None
    if kind == "missing":
        values = {}
    elif kind == "string_too_short" and ctx.get("min_length", 1) != 1:
        says, count = "text_too_short", ctx["min_length"]
    elif kind == "string_too_long":
        values = {"limit": ctx.get("max_length"), "length": len(value) if isinstance(value, str) else "?"}
    elif kind == "string_pattern_mismatch":
        values["pattern"] = ctx.get("pattern", "")
    elif kind in ("too_short", "too_long"):
        count = ctx.get("min_length" if kind == "too_short" else "max_length")
        values = {"actual": ctx.get("actual_length", "?")}
    elif kind in ("enum", "literal_error"):
        values["choices"] = ", ".join(_choices(annotation)) or ctx.get("expected", "")
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "")
        values["limit"] = _number(bound)
    elif kind == "list_type" and _model_in(_item_of(annotation)) is not None:
        says = own.get(kind) or "not_list_of_tables"
        values["header"] = _header(loc)
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        values["header"] = _header(loc)
        if loc and isinstance(loc[-1], int):
            says = own.get(kind) or "not_table_in_list"
    return Problem(path, dotted(loc), says, values, count=count)


def _unknown_key(path: Path, model: type[BaseModel], loc: list[str | int]) -> Problem:
    """An unknown key, with the key meant: one spelt closely, one whose description names the word (`clinician` for
    `expert`), or failing those the table elsewhere in the file that has the key ('put it under [meta]')."""
    table, word = _model_at(model, loc[:-1]), str(loc[-1])
    meant = did_you_mean(word, _fields(table)) or _described_as(table, word)
    home = None if meant else _home_of(model, word, _header(loc[:-1]))
    return Problem(path, dotted(loc), "unknown_key", suggestion=meant, home=home)


def _described_as(model: type[BaseModel] | None, word: str) -> str | None:
    """The field of `model` whose description names `word` as an example of it."""
    if model is None or len(word) < 3:
        return None
    named = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return next((name for name, info in model.model_fields.items() if named.search(info.description or "")), None)


def _home_of(model: type[BaseModel], key: str, here: str) -> str | None:
    """The header of the first table of the file, other than `here`, that has `key`: '[meta]', '[[options]]'."""
    tables: list[tuple[str, bool, type[BaseModel]]] = [("", False, model)]
    while tables:
        header, listed, table = tables.pop(0)
        if header not in ("", here) and key in table.model_fields:
            return f"[[{header}]]" if listed else f"[{header}]"
        for name, info in table.model_fields.items():
            inner, item = _model_in(info.annotation), _model_in(_item_of(info.annotation))
            if inner is not None or item is not None:
                tables.append((f"{header}.{name}" if header else name, item is not None, inner or item))
    return None


def _is_validator_tag(part: str | int) -> bool:
    """Pydantic adds tags such as 'function-after[...]' to some locations; they are not keys."""
    return isinstance(part, str) and _VALIDATOR_TAG.match(part) is not None


def _header(loc: list[str | int]) -> str:
    """The table's name as a TOML header writes it: ('self_check', 0, 'choices') -> 'self_check.choices'."""
    return ".".join(part for part in loc if isinstance(part, str))


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# --- finding the annotation of a key ---------------------------------------------------


def _annotation_at(model: type[BaseModel], loc: list[str | int]) -> tuple[Any, dict[str, str]]:
    """The type at `loc` below `model` and the sentences its annotation names (`Says`), nearest last."""
    current: Any = model
    says: dict[str, str] = {}
    for part in loc:
        if isinstance(part, int):
            current, metadata = _unwrap(_item_of(current))
        elif typing.get_origin(_unwrap(current)[0]) is dict:  # a key of a table of any keys
            current, metadata = _unwrap(typing.get_args(_unwrap(current)[0])[1])
        else:
            found = _model_in(current)
            info = found.model_fields.get(part) if found is not None else None
            if info is None:
                return None, {}
            current, metadata = _unwrap(info.annotation)
            metadata = [*info.metadata, *metadata]
        says = {}
        for item in metadata:
            if isinstance(item, Says):
                says.update(item.sentences)
    return current, says


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """`Annotated[X, ...] | None` -> (X, its metadata)."""
    metadata: list[Any] = []
    while True:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is typing.Annotated:
            metadata += args[1:]
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
            annotation = next(arg for arg in args if arg is not type(None))
        else:
            return annotation, metadata


def _item_of(annotation: Any) -> Any:
    """The item type of list[X]; None for anything else."""
    annotation, _ = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    annotation, _ = _unwrap(annotation)
    is_model = isinstance(annotation, type) and not isinstance(annotation, types.GenericAlias)
    return annotation if is_model and issubclass(annotation, BaseModel) else None


def _model_at(model: type[BaseModel], loc: list[str | int]) -> type[BaseModel] | None:
    current, _ = _annotation_at(model, loc) if loc else (model, {})
    return _model_in(current)


def _fields(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model is not None else []


def _choices(annotation: Any) -> list[str]:
    """The values a Literal or an enum allows, as the author writes them."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        args = typing.get_args(annotation)
        if all(isinstance(arg, str) for arg in args):
            return [str(arg) for arg in args]
        return [Got(arg).shown(str) for arg in args]  # text and true/false mixed: each as TOML writes it
    return []
