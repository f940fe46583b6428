"""Text fields that give the keyboard back: Escape leaves them, so letters reach the screen's keys again."""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, TextArea


def leave_text(field: Widget) -> None:
    """Move the focus to the next widget that is not a text field (or to none)."""
    screen = field.screen
    for _ in range(len(screen.focus_chain)):
        focused = screen.focus_next()
        if not isinstance(focused, Input | TextArea):
            return
    screen.set_focus(None)


class TextField(Input):
    """A one-line field; Escape moves the focus on."""

    BINDINGS = [Binding("escape", "leave", "Leave the field", id="leave-field")]

    def action_leave(self) -> None:
        leave_text(self)


class NoteArea(TextArea):
    """A note of several lines; Escape moves the focus on."""

    BINDINGS = [Binding("escape", "leave", "Leave the note", id="leave-note")]

    def action_leave(self) -> None:
        leave_text(self)
