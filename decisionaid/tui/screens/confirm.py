"""A yes/no question before something that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Returns True when the person confirms; Cancel has the focus, so Enter alone changes nothing."""

    AUTO_FOCUS = "#cancel"
    BINDINGS = [
        Binding("escape,n", "cancel", "Cancel", id="cancel"),
        Binding("y", "confirm", "Yes", id="confirm"),
    ]

    def __init__(self, question: str, confirm_label: str) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), id="question")
            with Horizontal(classes="buttons"):
                yield Button(Content(f"{self.confirm_label} (y)"), id="confirm", variant="error")
                yield Button("Cancel (n)", id="cancel", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
