"""Messages the screens post up to the app, which alone moves between screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from decisionaid.core.controller import Outcome
from decisionaid.core.session import Stage


@dataclass
class Changed(Message):
    """The controller did something; the app reports a problem (such as a failed save) in one line."""

    outcome: Outcome


@dataclass
class Move(Message):
    """One step forward (1) or back (-1)."""

    delta: int


@dataclass
class GoTo(Message):
    """Show a place of the journey; `export` opens the export dialog on arrival."""

    stage: Stage
    position: int = 0
    export: bool = False


class StartRequested(Message):
    """Begin with fresh answers (asks first when answers are saved)."""


class ResumeRequested(Message):
    """Carry on where the saved answers left off."""


class DeleteRequested(Message):
    """Delete the saved answers, after asking."""
