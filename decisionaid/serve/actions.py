"""What a posted form asks for, handed to the controller: the one place a browser's form changes answers.

A form names its action and carries what that action needs. Values are only looked up (an item's id,
a choice's id, a number), never trusted: an unknown one is refused by the controller, and the server
answers that the form was not understood.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.core.controller import Controller, Outcome


class Form:
    """A posted form's fields, read as the actions need them."""

    def __init__(self, fields: Mapping[str, object]) -> None:
        self.fields = fields
        self.action = self.text("action")
        revision = self.text("revision")
        self.revision = int(revision) if revision.isdigit() and len(revision) < 12 else -1

    def text(self, name: str) -> str:
        value = self.fields.get(name, "")
        return value if isinstance(value, str) else ""

    def all(self, name: str) -> list[str]:
        getall = getattr(self.fields, "getall", None)
        values = getall(name, []) if getall else [self.fields.get(name)]
        return [v for v in values if isinstance(v, str)]

    def number(self, name: str) -> int:
        value = self.text(name)
        if not value.isdigit() or len(value) > 6:
            raise ValueError(f"{name}: not a number")
        return int(value)

    @property
    def on(self) -> bool:
        return self.text("on") == "1"

    @property
    def back(self) -> str:
        """A page of this server to go back to (never another site's address)."""
        back = self.text("back")
        return back if back.startswith("/") and not back.startswith("//") and "\\" not in back else "/"


@dataclass(frozen=True)
class Result:
    """What the controller said, and where to go next (None: the page the person is at)."""

    outcomes: tuple[Outcome, ...]
    go_to: str | None = None


SUMMARY = "/step/summary/0"


def apply(form: Form, controller: Controller) -> Result | None:
    """Do what the form asks; None for an action there is no such thing as; ValueError for a value the pack
    or the answers do not have."""
    handler = ACTIONS.get(form.action)
    if handler is None:
        return None
    try:
        return handler(form, controller)
    except StopIteration:  # an item's id the pack does not have
        raise ValueError("item: unknown") from None


def _start(form: Form, c: Controller) -> Result:
    return Result((c.start(),))


def _resume(form: Form, c: Controller) -> Result:
    return Result((c.go(*c.resume_place()),))


def _start_over(form: Form, c: Controller) -> Result:
    return Result((c.start_over(),))


def _delete(form: Form, c: Controller) -> Result:
    return Result((c.delete(),), "/")


def _go(form: Form, c: Controller) -> Result:
    """Save an answer if one was chosen, then go one step on ('next') or stay to see its feedback."""
    outcomes = []
    kind, item, choice = form.text("kind"), form.text("item"), form.text("choice")
    if choice:
        if kind == "self_check":
            outcomes.append(c.answer_self_check(item, choice))
        elif kind == "value":
            outcomes.append(c.answer_value(item, choice))
        elif kind == "sure" and choice in ("yes", "no"):
            outcomes.append(c.answer_sure(item, choice == "yes"))
        else:
            raise ValueError("kind: unknown")
    if kind == "value" and form.text("private") == "1":
        outcomes.append(c.include_private(item, form.text("show") == "1"))
    if form.text("then") == "stay":
        return Result(tuple(outcomes))
    return Result((*outcomes, c.go(*c.step(1))))


def _reader(form: Form, c: Controller) -> Result:
    return Result((c.set_reader(form.text("choice")),), SUMMARY + "#reader")


def _star(form: Form, c: Controller) -> Result:
    return Result((c.star_question(form.text("item"), form.on),), SUMMARY + "#questions")


def _include(form: Form, c: Controller) -> Result:
    return Result((c.include_question(form.text("item"), form.on),), SUMMARY + "#questions")


def _own_add(form: Form, c: Controller) -> Result:
    outcome = c.add_own_question(form.text("text"))
    if outcome.done:
        c.keep_draft("")
    else:
        c.keep_draft(form.text("text"))
    return Result((outcome,), SUMMARY + "#own")


def _own_star(form: Form, c: Controller) -> Result:
    return Result((c.star_own_question(form.number("index"), form.on),), SUMMARY + "#own")


def _own_remove(form: Form, c: Controller) -> Result:
    return Result((c.remove_own_question(form.number("index")),), SUMMARY + "#own")


def _note(form: Form, c: Controller) -> Result:
    return Result((c.set_note(form.text("text")),), SUMMARY + "#note")


def _leaning(form: Form, c: Controller) -> Result:
    return Result((c.set_leaning(form.text("choice")),), SUMMARY + "#leaning")


def _private(form: Form, c: Controller) -> Result:
    chosen = set(form.all("choice"))
    summary = c.summary()
    changed = [p.item for p in summary.private if (p.item in chosen) != p.included]
    outcomes = tuple(c.include_private(item, item in chosen) for item in changed)
    return Result(outcomes, SUMMARY + "#private")


ACTIONS = {
    "start": _start,
    "resume": _resume,
    "start_over": _start_over,
    "delete": _delete,
    "answer": _go,
    "reader": _reader,
    "star": _star,
    "include": _include,
    "own_add": _own_add,
    "own_star": _own_star,
    "own_remove": _own_remove,
    "note": _note,
    "leaning": _leaning,
    "private": _private,
}
