"""The information cards, one at a time, with a sources panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.controller import Controller
from decisionaid.core.pages.steps import CardPage, StepPage
from decisionaid.tui.messages import GoTo
from decisionaid.tui.screens.base import ENTER_GOES_ON, StepScreen
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.card_view import CardView
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar


class CardScreen(StepScreen):
    """One card at a time; the app marks each card read as it is shown."""

    AUTO_FOCUS = "#card"
    BINDINGS = [
        Binding("s", "sources", "sources", id="sources"),
        ENTER_GOES_ON,
        Binding("escape", "card_list", "card_list", show=False, id="card-list"),  # from a card the list opened
    ]

    def __init__(self, controller: Controller, page: CardPage) -> None:
        super().__init__(controller, page)
        self.model: CardPage = page
        self.sources_open = False

    def compose(self) -> ComposeResult:
        words = self.controller.words
        yield self.title_bar()
        with Page(id="card", classes="page"):
            yield Static(Content(self.model.progress), id="progress", classes="progress")
            yield CardView(self.model, words, show_sources=self.sources_open)
        with Horizontal(classes="nav"):
            yield ActionButton(words("nav.back"), "screen.back", id="back")
            yield ActionButton(words("card.sources"), "screen.sources", id="sources")
            yield ActionButton(words("nav.next"), "screen.next", variant="primary", id="next")
        yield AidFooter()

    def shows_in_place(self, page: StepPage) -> bool:
        return isinstance(page, CardPage)

    async def show(self, page: StepPage) -> None:
        """Turn to another card in place: quicker than building a new screen."""
        assert isinstance(page, CardPage)
        self.model, self.position = page, page.place[1]
        with self.app.batch_update():
            self.query_one("#progress", Static).update(Content(page.progress))
            title_bar = self.query_one(TitleBar)
            title_bar.show_progress(self.controller.where(), self.controller.where(short=True))
            if page.title != self.title:
                self.title = page.title
                title_bar.show_step(page.title)
            await self.query_one(CardView).show(page)
            self.query_one("#card", Page).scroll_home(animate=False, immediate=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "card_list":
            return self.controller.journey.is_left_out(self.model.place)
        return super().check_action(action, parameters)

    def action_card_list(self) -> None:
        self.post_message(GoTo("cards", self.controller.journey.counts["cards"]))

    def action_sources(self) -> None:
        self.sources_open = not self.sources_open
        self.query_one(CardView).set_class(self.sources_open, "-sources")
        if self.sources_open:
            self.call_after_refresh(self.query_one("#card", Page).scroll_to_widget, self.query_one("#sources-panel"))
