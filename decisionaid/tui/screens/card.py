"""The information cards, one at a time, with a sources panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Static

from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.widgets.card_view import CardView
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar


class CardScreen(StepScreen):
    """One card at a time; the app marks each card read as it is shown."""

    TITLE = "Information"
    AUTO_FOCUS = "#card"
    BINDINGS = [Binding("s", "sources", "Sources", id="sources")]

    def compose(self) -> ComposeResult:
        cards = self.aid.pack.ordered_cards()
        card = cards[self.position]
        yield TitleBar(self.aid.pack.meta.title, self.title or "")
        with Page(id="card", classes="page"):
            yield Static(Content(f"Card {self.position + 1} of {len(cards)}"), id="progress", classes="progress")
            yield CardView(self.aid.pack, card, show_sources=self.aid.sources_open)
        with Horizontal(classes="nav"):
            yield Button("← Back", id="back", compact=True)
            yield Button("Sources (s)", id="sources", compact=True)
            yield Button("Next →", id="next", variant="primary", compact=True)
        yield Footer(show_command_palette=False)

    async def show(self, position: int) -> None:
        """Turn to another card in place: quicker than building a new screen."""
        cards = self.aid.pack.ordered_cards()
        self.position = position
        page = self.query_one("#card", Page)
        with self.app.batch_update():
            self.query_one("#progress", Static).update(Content(f"Card {position + 1} of {len(cards)}"))
            await self.query_one(CardView).remove()
            await page.mount(CardView(self.aid.pack, cards[position], show_sources=self.aid.sources_open))
            page.scroll_home(animate=False)

    def action_sources(self) -> None:
        self.aid.sources_open = not self.aid.sources_open
        self.query_one(CardView).set_class(self.aid.sources_open, "-sources")
        if self.aid.sources_open:
            self.call_after_refresh(self.query_one("#card", Page).scroll_to_widget, self.query_one("#sources-panel"))
