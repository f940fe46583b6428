"""The information cards, one at a time, with a sources panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from decisionaid.core import pages
from decisionaid.core.controller import Controller
from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.card_view import CardView
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar


class CardScreen(StepScreen):
    """One card at a time; the app marks each card read as it is shown."""

    TITLE_KEY = "card.title"
    AUTO_FOCUS = "#card"
    BINDINGS = [Binding("s", "sources", "sources", id="sources")]

    def __init__(self, controller: Controller, position: int = 0) -> None:
        super().__init__(controller, position)
        self.sources_open = False

    def compose(self) -> ComposeResult:
        cards, words = self.pack.ordered_cards(), self.controller.words
        card = cards[self.position]
        yield self.title_bar()
        with Page(id="card", classes="page"):
            progress = pages.card_progress(self.controller.journey, self.position, words)
            yield Static(Content(progress), id="progress", classes="progress")
            yield CardView(self.pack, card, words, show_sources=self.sources_open)
        with Horizontal(classes="nav"):
            yield ActionButton(words("nav.back"), "screen.back", id="back")
            yield ActionButton(words("card.sources"), "screen.sources", id="sources")
            yield ActionButton(words("nav.next"), "screen.next", variant="primary", id="next")
        yield AidFooter()

    async def show(self, position: int) -> None:
        """Turn to another card in place: quicker than building a new screen."""
        words = self.controller.words
        self.position = position
        with self.app.batch_update():
            progress = pages.card_progress(self.controller.journey, position, words)
            self.query_one("#progress", Static).update(Content(progress))
            self.query_one(TitleBar).show_progress(self.controller.where(), self.controller.where(short=True))
            await self.query_one(CardView).show(self.pack.ordered_cards()[position])
            self.query_one("#card", Page).scroll_home(animate=False, immediate=True)

    def action_sources(self) -> None:
        self.sources_open = not self.sources_open
        self.query_one(CardView).set_class(self.sources_open, "-sources")
        if self.sources_open:
            self.call_after_refresh(self.query_one("#card", Page).scroll_to_widget, self.query_one("#sources-panel"))
