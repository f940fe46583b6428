"""Every key that works on the screen beneath, built from its active bindings."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Grid
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce
from decisionaid.tui.widgets.page import DialogScroll


@dataclass(frozen=True)
class HelpRow:
    keys: str
    description: str
    enabled: bool


def help_rows(app: App, active: dict[str, ActiveBinding]) -> list[HelpRow]:
    """One row per description, joining the keys that share it, in binding order.

    The aid's own keys have ids; Textual's built-in ones without (the editing keys of a text field, Enter on a
    button) are left out, as they are Textual's to explain and not in the interface's language. Number keys are
    the ones their screen or list has ('1-3' for three choices), not 1 to 9; keys shown by a word for their kind
    (a card's 'letter') are one row under that word, not every letter of the alphabet."""
    keys: dict[str, list[str]] = {}
    enabled: dict[str, bool] = {}
    for key, found in active.items():
        binding: Binding = found.binding
        if binding.id is None or not binding.description or not number_in_range(key, found.node):
            continue
        description = f"{binding.description}: {binding.tooltip}" if binding.tooltip else binding.description
        named = binding.key_display and binding.key_display.isalpha() and len(binding.key_display) > 1
        shown = app.get_key_display(binding if named else Binding(key, binding.action))  # 'letter': any card's
        keys.setdefault(description, [])
        if shown not in keys[description]:
            keys[description].append(shown)
        enabled[description] = enabled.get(description, False) or found.enabled
    return [HelpRow(joined(k), d, enabled[d]) for d, k in keys.items()]


def number_in_range(key: str, node: object) -> bool:
    """Whether a key is not a number, or one that chooses something where it is bound (`number_keys`, where
    None is not known: every number is listed)."""
    number_keys = getattr(node, "number_keys", None)
    count = number_keys() if key.isdigit() and callable(number_keys) else None
    return count is None or int(key) <= count


def joined(keys: list[str]) -> str:
    """The keys with commas; three or more numbers in a row as a range ('1-9')."""
    if len(keys) >= 3 and all(k.isdigit() for k in keys) and [int(k) for k in keys] == list(range(1, len(keys) + 1)):
        return f"1-{keys[-1]}"
    return ", ".join(keys)


class HelpScreen(StyledOnce, LabelledScreen, ModalScreen[None]):
    """The keys of the screen it was opened from; keys that do not apply right now are marked."""

    BINDINGS = [Binding("escape,enter,question_mark", "close", "close", id="close")]

    def __init__(self, screen_title: str, rows: list[HelpRow], words: Catalogue) -> None:
        super().__init__(classes="dialog-screen")
        self.screen_title = screen_title
        self.rows = rows
        self.words = words

    def compose(self) -> ComposeResult:
        """Two columns: the keys, and what they do; a long description wraps within its own column."""
        words = self.words
        unavailable = words("keys.unavailable")
        with DialogScroll(classes="dialog", id="help") as box:
            box.border_title = words("keys.title", screen=self.screen_title)
            box.border_subtitle = words("keys.close")
            with Grid(id="keys"):
                for row in self.rows:
                    yield Static(Content(row.keys), classes="key")
                    said = row.description if row.enabled else f"{row.description} {unavailable}"
                    yield Static(Content(said), classes="key-description")

    def action_close(self) -> None:
        self.dismiss()
