"""What a text field takes for itself: the keys it types or moves with, so no other key may be offered for them
while it has the focus."""

from __future__ import annotations

import sys

from textual.keys import key_to_character
from textual.widget import Widget
from textual.widgets import Input

MOVED_IN_FIELDS = frozenset({"left", "right", "up", "down", "home", "end", "enter", "backspace", "delete"})


def takes_typing(widget: Widget | None) -> bool:
    """Whether the widget is a text field. Textual's TextArea is only imported with a screen that has one (the
    handout page), so it is looked up, never imported here: the start stays without it."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


def typed_in_field(key: str) -> bool:
    """Whether a text field takes the key for itself: one that types a character, or moves in the text."""
    character = key_to_character(key)
    return key in MOVED_IN_FIELDS or (character is not None and character.isprintable())
