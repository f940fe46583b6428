"""Reopen one or more cards on top of the current step, for example from self-check feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce
from decisionaid.tui.widgets.card_view import CardView
from decisionaid.tui.widgets.page import DialogScroll

if TYPE_CHECKING:
    from decisionaid.core.pages.steps import CardPage


class CardModal(StyledOnce, LabelledScreen, ModalScreen[None]):
    """The cards, sources shown; Escape returns to the step."""

    BINDINGS = [
        Binding("escape,r", "close", "close", id="close"),
        Binding("m", "app.map", "map_from_card", id="map"),
    ]

    def __init__(self, cards: list[CardPage], words: Catalogue) -> None:
        super().__init__(classes="dialog-screen")
        self.cards = cards
        self.words = words

    def compose(self) -> ComposeResult:
        with DialogScroll(classes="dialog wide", id="card-modal") as box:
            box.border_title = self.words("card.modal_title")
            box.border_subtitle = self.words("card.modal_close")
            if self.cards:
                yield CardView(self.cards[0], self.words, show_sources=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_the_others)

    async def show_the_others(self) -> None:
        """The cards after the first, below it, mounted once the first is on screen."""
        others = [CardView(card, self.words, show_sources=True) for card in self.cards[1:]]
        if others:
            await self.query_one("#card-modal").mount_all(others)

    def action_close(self) -> None:
        self.dismiss()
