"""Options at a glance: the comparison table, a cell's details below it, and its card a key away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.comparison import Cell, Comparison
from decisionaid.core.controller import Controller
from decisionaid.core.pages.steps import ComparePage
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.screens.base import AidScreen, StepScreen
from decisionaid.tui.screens.card_modal import CardModal
from decisionaid.tui.widgets.comparison_table import ComparisonTable
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.page import ScrollWhenLong

if TYPE_CHECKING:
    from decisionaid.content.models import Source


def short_citation(source: Source) -> str:
    """The citation up to its first full stop ('Popova V, et al'), with the year when it has one: the card lists it
    in full."""
    first = source.citation.split(". ")[0].rstrip(".")
    return first if source.year is None or str(source.year) in first else f"{first}, {source.year}"


class CompareScreen(StepScreen, inherit_bindings=False):
    """The options side by side; moving to a cell shows all of it, with its sources; Enter opens its card."""

    AUTO_FOCUS = "#comparison"
    # The arrow keys move in the table, so only b and n go back and on (the footer says so); Textual adds a
    # subclass's bindings to its parents' for the same key, hence the bindings afresh.
    BINDINGS = [
        *LabelledScreen.BINDINGS,
        *AidScreen.BINDINGS,
        Binding("b", "back", "back", id="back"),
        Binding("n", "next", "next", id="next"),
    ]

    def __init__(self, controller: Controller, page: ComparePage) -> None:
        super().__init__(controller, page)
        self.table: Comparison = page.table

    def compose(self) -> ComposeResult:
        words = self.controller.words
        yield self.title_bar()
        yield Static(Content(f"{self.table.lead} {words('compare.tui_hint')}"), classes="lead compare-lead")
        yield ComparisonTable(self.table, words("compare.question"), id="comparison")
        with Vertical(id="cell", classes="cell-detail"):
            yield Static(id="cell-where", classes="cell-where")
            yield Static(id="cell-card", classes="cell-card")
            with ScrollWhenLong(id="cell-scroll"):
                yield Static(id="cell-body")
        yield from self.navigation()
        yield AidFooter()

    def on_mount(self) -> None:
        self.show_cell(0, 0)

    def action_next(self) -> None:
        """n shows the next row, from its top line, while more of the table is below (a small window shows one row
        at a time, and the rows about benefits come after the first), then moves on."""
        table = self.query_one(ComparisonTable)
        if table.scroll_y < table.max_scroll_y and table.cursor_row < table.row_count - 1:
            table.show_row_at_top(table.cursor_row + 1)
            return
        super().action_next()

    def action_back(self) -> None:
        """b shows the row above while the table is scrolled down, as n showed them, then goes back."""
        table = self.query_one(ComparisonTable)
        if table.scroll_y > 0 and table.cursor_row > 0:
            table.move_cursor(row=table.cursor_row - 1)
            return
        super().action_back()

    @on(ComparisonTable.Moved)
    def moved(self, event: ComparisonTable.Moved) -> None:
        self.show_cell(event.row, event.column)

    def show_cell(self, row: int, column: int) -> None:
        """The whole cell in words: which option and question, its text and its sources (scrolling when they are
        longer than the room below the table), and its card on a line of its own that always shows."""
        words = self.controller.words
        cell = self.table.rows[row].cells[column]
        where = words("compare.where", option=cell.option, question=self.table.rows[row].question)
        self.query_one("#cell-where", Static).update(Content(where))
        lines = [cell.text]
        if cell.sources:
            lines.append(words("compare.sources", citations="; ".join(map(short_citation, cell.sources))))
        self.query_one("#cell-body", Static).update(Content("\n".join(lines)))
        self.query_one("#cell-scroll", ScrollWhenLong).scroll_home(animate=False)
        self.query_one("#cell-card", Static).update(Content(self.card_line(cell)))

    def card_line(self, cell: Cell) -> str:
        words = self.controller.words
        if cell.card is None:
            return words("compare.no_card")
        return words("compare.open_card", title=self.pack.ordered_cards()[cell.card].title)

    @on(ComparisonTable.Opened)
    def open_card(self, event: ComparisonTable.Opened) -> None:
        if event.cell.card is None:
            return
        self.report(self.controller.read_card(event.cell.card))
        self.app.push_screen(CardModal(self.card_pages([event.cell.card]), self.controller.words))
