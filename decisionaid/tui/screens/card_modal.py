"""Reopen one or more cards on top of the current step, for example from self-check feedback."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from decisionaid.content.models import Card
from decisionaid.tui.widgets.card_view import CardView


class CardModal(ModalScreen[None]):
    """The cards, sources shown; Escape returns to the step."""

    BINDINGS = [Binding("escape,r", "close", "Close", id="close")]

    def __init__(self, cards: list[Card]) -> None:
        super().__init__(classes="dialog-screen")
        self.cards = cards

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="card-modal") as box:
            box.border_title = "Card"
            box.border_subtitle = "Escape: close"
            for card in self.cards:
                yield CardView(self.app.pack, card, show_sources=True)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss()
