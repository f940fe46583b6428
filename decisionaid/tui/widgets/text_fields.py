"""Text fields that give the keyboard back: Escape leaves them, so letters reach the screen's keys again."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, TextArea


class TextField(Input):
    """A one-line field; Escape moves the focus on."""

    BINDINGS = [Binding("escape", "leave", "Leave the field", id="leave-field")]

    def action_leave(self) -> None:
        self.screen.focus_next()


class NoteArea(TextArea):
    """A note of several lines; Escape moves the focus on."""

    BINDINGS = [Binding("escape", "leave", "Leave the note", id="leave-note")]

    def action_leave(self) -> None:
        self.screen.focus_next()
