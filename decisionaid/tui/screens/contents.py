"""More about the options: every card by section, the ones read and the ones the short path left out.

From the map, any card is three keys away: the part's number (or c), the section's number, the card's letter.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static

from decisionaid.core.controller import Controller
from decisionaid.core.pages.steps import StepPage
from decisionaid.tui.hints import hint
from decisionaid.tui.messages import GoTo
from decisionaid.tui.screens.base import ENTER_GOES_ON, StepScreen, number_bindings
from decisionaid.tui.widgets.contents_list import CARD_KEYS, ContentsList
from decisionaid.tui.widgets.footer import AidFooter


class ContentsScreen(StepScreen):
    """1-9 open a section; a card's letter opens it; Enter opens the highlighted line; Next goes on along the short
    path, and so does Enter with no line highlighted."""

    AUTO_FOCUS = "#contents"
    # The hint above the list says how to open a section and a card; the footer, with them too, ran past 80 columns.
    BINDINGS = [
        *(replace(binding, show=False) for binding in number_bindings("open_section", "section")),
        *(
            Binding(key, f"card({n})", "open_card", show=False, key_display="letter", id=f"card-{key}")
            for n, key in enumerate(CARD_KEYS)
        ),
        *(  # a letter with no card in the open section says so, and how to open one, instead of doing nothing
            Binding(key, f"no_card({n})", "open_card", show=False, key_display="letter", id=f"no-card-{key}")
            for n, key in enumerate(CARD_KEYS)
        ),
        ENTER_GOES_ON,
    ]

    def __init__(self, controller: Controller, page: StepPage, *, read_last: int | None = None) -> None:
        """`read_last`: the card shown just before the list; one the short path left out (read from the list, or
        after one from it) is where the list opens again."""
        super().__init__(controller, page)
        left_out = read_last is not None and controller.journey.is_left_out(("cards", read_last))
        self.read_last = read_last if left_out else None

    def compose(self) -> ComposeResult:
        controller = self.controller
        table = self.model.contents  # type: ignore[union-attr]
        yield self.title_bar()
        yield Static(Content(table.lead), classes="lead contents-lead")
        hint = f"{table.hint} {controller.words('card_marks.tui_letters')} {table.legend}"
        yield Static(Content(hint), classes="hint contents-hint")
        yield ContentsList(table, read_last=self.read_last, id="contents")
        yield from self.navigation()
        yield AidFooter()

    @property
    def listing(self) -> ContentsList:
        return self.query_one(ContentsList)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "section":
            return int(str(parameters[0])) <= len(self.listing.table.sections)
        if action == "card":
            return True if self.listing.card_position(int(str(parameters[0]))) is not None else None
        if action == "no_card":
            return self.listing.card_position(int(str(parameters[0]))) is None
        return True

    def action_no_card(self, index: int) -> None:
        words = self.controller.words
        if self.listing.open_section is None:
            hint(self, words("card_marks.open_section_first"))
        else:
            hint(self, words("card_marks.no_such_letter", letter=CARD_KEYS[index]))

    def action_section(self, number: int) -> None:
        self.listing.open(number - 1)
        self.refresh_bindings()

    def action_card(self, index: int) -> None:
        position = self.listing.card_position(index)
        if position is not None:
            self.post_message(GoTo("cards", position))

    @on(OptionList.OptionSelected, "#contents")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, number = (event.option.id or "").partition("-")
        if kind == "section":
            self.listing.toggle(int(number))
            self.refresh_bindings()
        else:
            self.post_message(GoTo("cards", int(number)))
