"""A person's answers and progress: pure Python, saved as TOML, atomically."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from decisionaid.content.models import Pack
from decisionaid.content.problems import display_path, dotted
from decisionaid.storage.files import atomic_write, ensure_private_dir

SESSION_VERSION = 1
Stage = Literal["welcome", "cards", "self_check", "values", "sure", "summary"]
STAGES: tuple[Stage, ...] = ("welcome", "cards", "self_check", "values", "sure", "summary")


class SessionError(Exception):
    """A session file that cannot be used, with a one-line reason."""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Session(BaseModel):
    """Everything a person has told the aid, and where they are in it."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: Literal[1] = SESSION_VERSION
    pack: str = Field(description="The id of the pack these answers belong to.")
    pack_version: str = ""
    started: datetime = Field(default_factory=_now)
    updated: datetime = Field(default_factory=_now)
    stage: Stage = "welcome"
    position: int = Field(0, ge=0, description="Index within the stage (card, question or item).")
    cards_read: list[str] = Field(default_factory=list)
    self_check: dict[str, str] = Field(default_factory=dict, description="Self-check id -> chosen choice id.")
    values: dict[str, str] = Field(default_factory=dict, description="Values item id -> chosen choice id.")
    sure: dict[str, bool] = Field(default_factory=dict, description="SURE item id -> yes (true) or no (false).")
    unticked: list[str] = Field(default_factory=list, description="Suggested questions the person left out.")
    own_questions: list[str] = Field(default_factory=list)
    note: str = ""

    @classmethod
    def new(cls, pack: Pack) -> Session:
        return cls(pack=pack.meta.id, pack_version=pack.meta.version)

    def touch(self) -> None:
        self.updated = _now()

    def mark_read(self, card_id: str) -> None:
        if card_id not in self.cards_read:
            self.cards_read = [*self.cards_read, card_id]

    def to_toml(self) -> str:
        return tomli_w.dumps(self.model_dump(mode="json"))

    def unknown_answers(self, pack: Pack) -> list[str]:
        """Answers that name ids the pack no longer has (after a content update)."""
        known = _Known(pack)
        found = [f"cards_read: unknown card '{c}'" for c in self.cards_read if c not in known.cards]
        found += _unknown_choices("self_check", self.self_check, known.checks)
        found += _unknown_choices("values", self.values, known.values)
        found += [f"sure.{k}: unknown SURE item" for k in self.sure if k not in known.sure]
        found += [f"unticked: unknown question '{q}'" for q in self.unticked if q not in known.questions]
        return found

    def without_unknown(self, pack: Pack) -> Session:
        """A copy keeping only the answers that still match the pack."""
        known = _Known(pack)
        return self.model_copy(
            update={
                "cards_read": [c for c in self.cards_read if c in known.cards],
                "self_check": {k: v for k, v in self.self_check.items() if v in known.checks.get(k, ())},
                "values": {k: v for k, v in self.values.items() if v in known.values.get(k, ())},
                "sure": {k: v for k, v in self.sure.items() if k in known.sure},
                "unticked": [q for q in self.unticked if q in known.questions],
            }
        )


class _Known:
    """The ids in a pack that answers may refer to."""

    def __init__(self, pack: Pack) -> None:
        self.cards = {c.id for c in pack.cards.cards}
        self.checks = {q.id: {c.id for c in q.choices} for q in pack.self_check.self_check}
        self.values = {v.id: {c.id for c in v.choices} for v in pack.values.values}
        self.sure = {i.id for i in pack.sure.sure.items} if pack.sure.sure else set()
        self.questions = {q.id for q in pack.clinician.questions}


def _unknown_choices(key: str, answers: dict[str, str], known: dict[str, set[str]]) -> list[str]:
    found = []
    for item, choice in answers.items():
        if item not in known:
            found.append(f"{key}.{item}: unknown item")
        elif choice not in known[item]:
            found.append(f"{key}.{item}: unknown choice '{choice}'")
    return found


def load_session(path: Path) -> Session:
    """Read a session file, or raise SessionError with one line naming the file and the field."""
    where = display_path(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{where}: no such file") from None
    except OSError as exc:
        raise SessionError(f"{where}: cannot read: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError(f"{where}: not a text file") from None
    except tomllib.TOMLDecodeError as exc:
        raise SessionError(f"{where}: not valid TOML: {exc}") from None
    if not data:
        raise SessionError(f"{where}: file is empty")
    if data.get("schema_version") != SESSION_VERSION:
        raise SessionError(f"{where}: schema_version: expected {SESSION_VERSION}, got {data.get('schema_version')!r}")
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        more = len(exc.errors()) - 1
        extra = f" (and {more} more)" if more else ""
        raise SessionError(f"{where}: {dotted(first['loc'])}: {first['msg']}{extra}") from None


def save_session(session: Session, path: Path) -> None:
    """Save atomically with mode 0600 in a 0700 folder."""
    session.touch()
    ensure_private_dir(Path(path).parent)
    atomic_write(Path(path), session.to_toml())
