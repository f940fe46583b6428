"""The pages that end a part and offer what the short path left out: what the self-check showed, and the values
items left out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from decisionaid.tui.messages import GoTo
from decisionaid.tui.screens.base import ENTER_GOES_ON, StepScreen, number_bindings
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.page_lines import line_widgets


class OffersScreen(StepScreen):
    """A page that ends a part: its lines, then one button per offer (keys 1-9); Next goes on along the short
    path, and so does Enter unless an offer's button has the focus."""

    AUTO_FOCUS = "#offering"
    BINDINGS = [*number_bindings("take_offer", "offer"), ENTER_GOES_ON]

    def compose(self) -> ComposeResult:
        page = self.model.page  # type: ignore[union-attr]
        self.offers = page.offers
        yield self.title_bar()
        with Page(id="offering", classes="page"):
            yield Static(Content(page.title), classes="page-title")
            yield from line_widgets(page.lines)
            if page.offers:
                with Horizontal(classes="offers"):
                    for n, offer in enumerate(page.offers, 1):
                        yield ActionButton(Content(f"{n}. {offer.label}"), f"screen.offer({n})")
        yield from self.navigation()
        yield AidFooter()

    def number_keys(self) -> int | None:
        return len(self.model.page.offers)  # type: ignore[union-attr]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "offer":
            return int(str(parameters[0])) <= len(self.offers)
        return True

    def action_offer(self, number: int) -> None:
        self.post_message(GoTo(*self.offers[number - 1].place))
