"""A person's answers and progress: an immutable value, read from and written to TOML.

Only the controller makes a changed copy (`dataclasses.replace`); every other module can read a
session but cannot change it. The file carries a version: older files are migrated on reading, and
answers that name ids the pack no longer has are kept aside (`kept`) and written back, never dropped.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import tomli_w

from decisionaid.content.problems import display_path
from decisionaid.sanitize import clean_data, clean_text, escape_controls
from decisionaid.storage.files import (
    ANSWERS_LIMIT,
    FileProblem,
    FileReadError,
    atomic_write,
    ensure_private_dir,
    read_text_file,
)
from decisionaid.storage.tomlfile import MAX_DEPTH, TooDeep, parse_toml

if TYPE_CHECKING:
    from decisionaid.content.models import Pack
    from decisionaid.core.catalogue import Catalogue

SESSION_VERSION = 3
Stage = Literal["welcome", "compare", "cards", "self_check", "values", "sure", "summary"]
STAGES: tuple[Stage, ...] = ("welcome", "compare", "cards", "self_check", "values", "sure", "summary")
READERS = ("", "self", "helper")
LEANING_NOT_SURE = "not sure yet"  # never an option id: ids have no spaces
MAX_OWN_QUESTIONS = 100  # a person's own questions: more is no use in a handout, and the list must open in about 1 s


class SessionError(Exception):
    """A session file that cannot be used. `code` says why, for the catalogue to word (`session_problem.<code>`,
    filled in with `values`); `reason(words)` is that sentence, `line(words)` names the file and the field
    first, and `str()` is the line in English."""

    def __init__(self, file: str, code: str, /, **values: object) -> None:
        self.file = file
        self.code = code
        self.values = values
        super().__init__(self.line())

    def reason(self, words: Catalogue | None = None) -> str:
        """Why, naming the field first when there is one ('stage: must be one of: ...')."""
        from decisionaid.core.catalogue import load_catalogue

        key = self.code if "." in self.code else f"session_problem.{self.code}"  # another section's, whole
        return (words or load_catalogue())(key, **self.values)

    def line(self, words: Catalogue | None = None) -> str:
        return f"{self.file}: {self.reason(words)}"


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Session:
    """Everything a person has told the aid, and where they are in it."""

    pack: str
    pack_version: str = ""
    started: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    stage: Stage = "welcome"
    position: int = 0
    reader: str = ""  # "self", "helper" (someone filling it in for another), or "" before it is asked
    cards_read: tuple[str, ...] = ()
    seen: tuple[str, ...] = ()  # the other pages shown, by step key ("compare", "self_check:rain", "summary")
    self_check: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, str] = field(default_factory=dict)
    sure: Mapping[str, bool] = field(default_factory=dict)
    unticked: tuple[str, ...] = ()
    starred: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    starred_own: tuple[str, ...] = ()
    own_draft: str = ""  # a question typed but not yet added, shown again in its box
    shown: tuple[str, ...] = ()  # sensitive values items the person chose to show on the copy; others stay off it
    leaning: str = ""  # the option id the person leans towards now, LEANING_NOT_SURE, or "" when not said
    note: str = ""
    kept: Mapping[str, Any] = field(default_factory=dict)  # answers for ids the pack no longer has
    answered_on: Mapping[str, str] = field(default_factory=dict)  # "self_check:ID" -> the pack version answered on

    def __post_init__(self) -> None:
        for name in ("self_check", "values", "sure", "kept", "answered_on"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        for name in ("cards_read", "seen", "unticked", "starred", "own_questions", "starred_own", "shown"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @classmethod
    def new(cls, pack: Pack) -> Session:
        return cls(pack=pack.meta.id, pack_version=pack.meta.version)

    def answered(self, stage: str, item_id: str) -> bool:
        """Whether the self-check, values or SURE question `item_id` of `stage` has an answer."""
        return item_id in {"self_check": self.self_check, "values": self.values, "sure": self.sure}[stage]

    def to_toml(self) -> str:
        data: dict[str, Any] = {"schema_version": SESSION_VERSION}
        for one in fields(self):
            value = getattr(self, one.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Mapping):
                value = {k: list(v) if isinstance(v, tuple) else _plain(v) for k, v in value.items()}
            data[one.name] = value
        if not data["kept"]:
            del data["kept"]
        return tomli_w.dumps(data)

    def unknown_answers(self) -> list[str]:
        """What `kept` holds, one line each, as in the file: 'cards_read: "x"' or 'self_check.rain = "maybe"'."""
        lines = []
        for kind, held in self.kept.items():
            if isinstance(held, Mapping):
                lines += [f"{kind}.{key} = {tomli_w.dumps({'v': value})[4:].strip()}" for key, value in held.items()]
            else:
                lines += [f'{kind}: "{key}"' for key in held]
        return lines


def _plain(value: Any) -> Any:
    """A value tomli-w can write: read-only tables become plain ones."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


# --- reading ------------------------------------------------------------------------


def _text(value: object) -> bool:
    return isinstance(value, str)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _text_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _bool_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(v, bool) for v in value.values())


def _moment(value: object) -> datetime | None:
    """A date and time, from TOML's own or from the ISO text that version 1 files hold."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _position(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_FIELDS: dict[str, tuple[Callable[[object], bool], str]] = {  # each field's check, and its problem's code
    "pack": (_text, "text"),
    "pack_version": (_text, "text"),
    "started": (lambda v: _moment(v) is not None, "moment"),
    "updated": (lambda v: _moment(v) is not None, "moment"),
    "stage": (lambda v: v in STAGES, "stage"),
    "position": (_position, "position"),
    "reader": (lambda v: v in READERS, "reader"),
    "cards_read": (_texts, "texts"),
    "seen": (_texts, "texts"),
    "self_check": (_text_map, "text_table"),
    "values": (_text_map, "text_table"),
    "sure": (_bool_map, "bool_table"),
    "unticked": (_texts, "texts"),
    "starred": (_texts, "texts"),
    "own_questions": (lambda v: _texts(v) and len(v) <= MAX_OWN_QUESTIONS, "too_many_own"),
    "starred_own": (lambda v: _texts(v) and len(v) <= MAX_OWN_QUESTIONS, "too_many_own"),
    "own_draft": (_text, "text"),
    "shown": (_texts, "texts"),
    "leaning": (_text, "text"),
    "note": (_text, "text"),
    "kept": (lambda v: _kept(v), "kept"),
    "answered_on": (_text_map, "text_table"),
}

_KEPT_SHAPES: dict[str, Callable[[object], bool]] = {
    "cards_read": _texts,
    "unticked": _texts,
    "starred": _texts,
    "shown": _texts,
    "self_check": _text_map,
    "values": _text_map,
    "sure": _bool_map,
}


def _kept(value: object) -> bool:
    """Answers set aside keep the shape they had: lists of ids, or tables of choices."""
    return isinstance(value, dict) and all(k in _KEPT_SHAPES and _KEPT_SHAPES[k](v) for k, v in value.items())


def _migrate(data: dict[str, Any], where: str) -> dict[str, Any]:
    """Bring an older file up to this version; every answer it holds is carried over."""
    version = data.pop("schema_version", None)
    if type(version) is int and version == SESSION_VERSION:
        return data
    if type(version) is int and version in (1, 2):
        # Version 2 added fields, each with a default. Version 3 keeps private answers off the copy unless the person
        # chose to show them: the answers version 2 left out (`withheld`) stay off, and so do all the others; and it
        # keeps the pack version each answer was given on.
        data.pop("withheld", None)
        if isinstance(data.get("kept"), dict):
            data["kept"].pop("withheld", None)
        return _answered_on(data)
    if isinstance(version, int) and not isinstance(version, bool) and version > SESSION_VERSION:
        raise SessionError(where, "newer", version=version)
    raise SessionError(where, "version", expected=SESSION_VERSION, got=repr(version))


def _answered_on(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 keeps the pack version each answer was given on: an older file's answers were given on the
    version it names (every answer is kept as it was)."""
    version = data.get("pack_version")
    if not isinstance(version, str) or not version:
        return data
    answered = {}
    for kind in ("self_check", "values", "sure"):
        table = data.get(kind)
        if isinstance(table, dict):
            answered.update({f"{kind}:{item}": version for item in table})
    return {**data, "answered_on": answered}


def parse_session(text: str, where: str) -> Session:
    """A session from TOML text, or SessionError with one line naming `where` and the field."""
    try:
        raw = parse_toml(text)
    except TooDeep:
        raise SessionError(where, "too_deep", most=MAX_DEPTH) from None
    except tomllib.TOMLDecodeError as exc:
        raise SessionError(where, "not_toml", detail=exc) from None
    if same := _same_once_cleaned(raw):
        raise SessionError(where, "same_keys", key=same)
    data = clean_data(raw)
    if not data:
        raise SessionError(where, "empty")
    data = _migrate(data, where)
    for key, value in data.items():
        if key not in _FIELDS:
            raise SessionError(where, "not_a_field", key=key)
        check, reason = _FIELDS[key]
        if not check(value):
            raise SessionError(where, reason, key=key, stages=", ".join(STAGES), most=MAX_OWN_QUESTIONS)
    if "pack" not in data:
        raise SessionError(where, "no_pack")
    moments = {k: _moment(data[k]) for k in ("started", "updated") if k in data}
    return Session(**{**data, **moments})


def _same_once_cleaned(data: object, prefix: str = "") -> str | None:
    """The dotted name of a key that another key of its table becomes once cleaned ('values.cost'), or None.
    Cleaning such a file would keep one answer of the two, so it is not read as it is."""
    if not isinstance(data, dict):
        return None
    seen: set[str] = set()
    for key, value in data.items():
        cleaned = clean_text(key)
        if cleaned in seen:
            return f"{prefix}{cleaned}"
        seen.add(cleaned)
        if found := _same_once_cleaned(value, f"{prefix}{cleaned}."):
            return found
    return None


def load_session(path: Path) -> Session:
    """Read a session file, or raise SessionError with one line naming the file and the field."""
    where = display_path(path)
    try:
        text = read_text_file(Path(path), ANSWERS_LIMIT, follow_symlinks=False)
    except FileNotFoundError:
        raise SessionError(where, "no_file") from None
    except FileReadError as exc:
        raise SessionError(where, f"file_problem.{exc.code}", **exc.values) from None
    return parse_session(text, where)


def file_problem(error: OSError, words: Catalogue | None = None) -> str:
    """Why a file could not be read or written, in the catalogue's words ('is a named pipe, not a regular file'),
    or the system's own; never a path's control characters."""
    from decisionaid.core.catalogue import load_catalogue

    if isinstance(error, FileProblem):
        return (words or load_catalogue())(f"file_problem.{error.code}", **error.values)
    return error.strerror or escape_controls(str(error))


def save_session(session: Session, path: Path, write: Callable[[str], None] | None = None) -> Session:
    """Save atomically with mode 0600 in a 0700 folder (or with `write`, the answers file's own way of writing
    itself); returns the session with its new `updated` time."""
    saved = replace(session, updated=now())
    if write is not None:
        write(saved.to_toml())
        return saved
    ensure_private_dir(Path(path).parent)
    atomic_write(Path(path), saved.to_toml())
    return saved


# --- answers that match the pack -------------------------------------------------


def set_aside_unknown(session: Session, pack: Pack) -> Session:
    """Move answers that name ids the pack no longer has into `kept`; answers that match again come back."""
    known = _Known(pack)
    kept = {k: (dict(v) if isinstance(v, Mapping) else list(v)) for k, v in session.kept.items()}

    def split_list(kind: str, items: tuple[str, ...], ok: set[str]) -> tuple[str, ...]:
        pool = list(dict.fromkeys([*items, *kept.pop(kind, [])]))
        kept[kind] = [i for i in pool if i not in ok]
        return tuple(i for i in pool if i in ok)

    def split_map(kind: str, answers: Mapping[str, Any], ok: Callable[[str, Any], bool]) -> dict[str, Any]:
        pool = {**kept.pop(kind, {}), **answers}
        kept[kind] = {k: v for k, v in pool.items() if not ok(k, v)}
        return {k: v for k, v in pool.items() if ok(k, v)}

    updated = replace(
        session,
        cards_read=split_list("cards_read", session.cards_read, known.cards),
        unticked=split_list("unticked", session.unticked, known.questions),
        starred=split_list("starred", session.starred, known.questions),
        shown=split_list("shown", session.shown, set(known.values)),
        self_check=split_map("self_check", session.self_check, lambda k, v: v in known.checks.get(k, ())),
        values=split_map("values", session.values, lambda k, v: v in known.values.get(k, ())),
        sure=split_map("sure", session.sure, lambda k, v: k in known.sure),
        kept={},
    )
    return replace(updated, kept={k: v for k, v in kept.items() if v})


class _Known:
    """The ids in a pack that answers may refer to."""

    def __init__(self, pack: Pack) -> None:
        self.cards = {c.id for c in pack.cards}
        self.checks = {q.id: {c.id for c in q.choices} for q in pack.self_check}
        self.values = {v.id: {c.id for c in v.choices} for v in pack.values}
        self.sure = {i.id for i in pack.sure.items} if pack.sure else set()
        self.questions = {q.id for q in pack.questions}
