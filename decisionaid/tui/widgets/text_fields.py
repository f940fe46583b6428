"""Text fields that give the keyboard back (Escape leaves them) and take in only what may be kept.

What is typed or pasted is cleaned as it arrives (no escape sequences or control characters reach the
screen or the answers), and an edit that would make the text longer than its limit is refused whole,
with a notice saying why: nothing is ever cut short without a word.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from decisionaid.sanitize import clean_text
from decisionaid.tui.widgets.page import Page

PATH_LIMIT = 4096  # the longest path Linux accepts


def leave_text(field: Widget) -> None:
    """Leave a text field: the page around it takes the focus, Tab going on from the field (see `Page`); on no page,
    the focus moves to the next widget that is not a text field (or to none)."""
    page = next((node for node in field.ancestors if isinstance(node, Page)), None)
    if page is not None:
        page.leave_field(field)
        return
    screen = field.screen
    for _ in range(len(screen.focus_chain)):
        focused = screen.focus_next()
        if not isinstance(focused, Input | TextArea):
            return
    screen.set_focus(None)


class CleanInput(Input):
    """A one-line field that cleans what arrives; with `limit`, `too_long` is shown when an edit is refused."""

    def __init__(self, value: str = "", *, limit: int = 0, too_long: str = "", **kwargs) -> None:
        super().__init__(value, max_length=limit, **kwargs)
        self.too_long = too_long

    def replace(self, text: str, start: int, end: int) -> None:
        """Every insertion, typed or pasted, arrives here: cleaned, and on one line."""
        super().replace(" ".join(clean_text(text).split("\n")), start, end)

    def restricted(self) -> None:
        """An edit that would pass the limit was refused (Textual's hook): say so instead of only ringing."""
        self.app.bell()
        if self.too_long:
            self.notify(self.too_long, severity="warning", markup=False)


class TextField(CleanInput):
    """A one-line field of the journey; Escape moves the focus on."""

    BINDINGS = [Binding("escape", "leave", "leave_field", id="leave-field")]

    def action_leave(self) -> None:
        leave_text(self)


class NoteArea(TextArea):
    """A note of several lines; Escape moves the focus on. At most `limit` characters are kept."""

    BINDINGS = [Binding("escape", "leave", "leave_note", id="leave-note")]

    def __init__(self, text: str = "", *, limit: int = 0, too_long: str = "", **kwargs) -> None:
        super().__init__(text, **kwargs)
        self.limit = limit
        self.too_long = too_long

    def action_leave(self) -> None:
        leave_text(self)

    def edit(self, edit: Edit) -> EditResult | None:  # type: ignore[override]
        """Every change, typed, pasted or cut, arrives here: the new text cleaned; refused whole past the limit.

        A refused edit returns None, as a read-only TextArea does, so the keyboard handlers leave the cursor be.
        """
        cleaned = clean_text(edit.text)
        if cleaned != edit.text:
            edit = replace(edit, text=cleaned)
        if self.limit and cleaned:
            removed = len(self.get_text_range(edit.from_location, edit.to_location))
            if len(self.text) - removed + len(cleaned) > self.limit:
                self.app.bell()
                if self.too_long:
                    self.notify(self.too_long, severity="warning", markup=False)
                return None
        return super().edit(edit)
