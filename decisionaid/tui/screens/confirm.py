"""A yes/no question before something that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce


class ConfirmScreen(StyledOnce, LabelledScreen, ModalScreen[bool]):
    """Returns True when the person confirms; Cancel has the focus, so Enter alone changes nothing."""

    AUTO_FOCUS = "#cancel"
    BINDINGS = [
        Binding("escape,n", "cancel", "cancel", id="cancel"),
        Binding("y", "confirm", "confirm", id="confirm"),
    ]

    def __init__(self, question: str, confirm_label: str, words: Catalogue) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.confirm_label = confirm_label
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), id="question")
            with Horizontal(classes="buttons"):
                label = self.words("confirm.yes_key", label=self.confirm_label)
                yield Button(Content(label), id="confirm", action="screen.confirm", variant="error")
                yield Button(self.words("confirm.cancel"), id="cancel", action="screen.cancel", variant="primary")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
