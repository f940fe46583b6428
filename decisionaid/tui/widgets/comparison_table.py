"""The options at a glance as a table: one column per option, one row per question, moved through by cell."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from decisionaid.core.comparison import Cell, Comparison

QUESTION_WIDTH = (12, 22)  # the question column: at least, at most
SCROLLBAR = 2
HEADER_LINES = 3  # an option's name wraps onto at most this many lines


class ComparisonTable(DataTable, inherit_bindings=False):
    """Arrow keys move from cell to cell (never onto the question column); Enter opens the cell's card.

    Cell text wraps inside its column, so a row grows as tall as its longest cell; columns are fitted to the
    window whenever it changes size.
    """

    BINDINGS = [
        Binding("up", "cursor_up", "cell_above", show=False, id="cell-above"),
        Binding("down", "cursor_down", "cell_below", show=False, id="cell-below"),
        Binding("left", "cursor_left", "cell_left", show=False, id="cell-left"),
        Binding("right", "cursor_right", "cell_right", show=False, id="cell-right"),
        Binding("home", "scroll_top", "first_row", show=False, id="first-row"),
        Binding("end", "scroll_bottom", "last_row", show=False, id="last-row"),
        Binding("enter", "select_cursor", "open_cell_card", show=False, id="open-cell-card"),
    ]

    @dataclass
    class Moved(Message):
        """The cursor is on another cell."""

        row: int
        column: int

    @dataclass
    class Opened(Message):
        """Enter on a cell."""

        cell: Cell

    def __init__(self, table: Comparison, question_heading: str, *, id: str | None = None) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, id=id, classes="comparison")
        self.table = table
        self.question_heading = question_heading
        self.fitted_to = -1

    def on_mount(self) -> None:
        self.fit(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size.width)

    def fit(self, width: int) -> None:
        """Lay the table out for `width` columns of screen, keeping the cursor where it was."""
        if width <= 0 or width == self.fitted_to:
            return
        self.fitted_to = width
        here = self.cursor_coordinate
        options = len(self.table.options)
        room = width - SCROLLBAR - 2 * self.cell_padding * (options + 1)
        question = max(QUESTION_WIDTH[0], min(QUESTION_WIDTH[1], room // (options + 2)))
        each = max(8, (room - question) // options)
        self.clear(columns=True)
        lines = max(len(textwrap.wrap(name, each)) for name in self.table.options)
        self.header_height = max(1, min(HEADER_LINES, lines))
        self.add_column(Text(self.question_heading, style="bold"), width=question, key="question")
        for n, name in enumerate(self.table.options):
            self.add_column(Text(name, style="bold"), width=each, key=f"option-{n}")
        for n, row in enumerate(self.table.rows):
            cells = [Text(hyphenated(cell.text, each - 1)) for cell in row.cells]  # Rich keeps a column free
            self.add_row(Text(row.question, style="bold"), *cells, height=None, key=f"row-{n}")
        self.move_cursor(row=here.row, column=max(here.column, 1), animate=False)

    def row_top(self, row: int) -> int:
        """How far down the table's rows `row` starts (the header aside)."""
        return sum(shown.height for shown in self.ordered_rows[:row])

    def show_row_at_top(self, row: int) -> None:
        """Move to `row` and scroll it to the top of the view (as far as the table scrolls), so that no line of the
        row above sits over it."""
        self.move_cursor(row=row, animate=False, scroll=False)
        self.scroll_to(y=self.row_top(row), animate=False, force=True, immediate=True)

    def cell_at(self, coordinate: Coordinate) -> Cell:
        return self.table.rows[coordinate.row].cells[coordinate.column - 1]

    @on(DataTable.CellHighlighted)
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        if event.coordinate.column == 0:
            self.move_cursor(column=1, animate=False)
            return
        self.post_message(self.Moved(event.coordinate.row, event.coordinate.column - 1))

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        if event.coordinate.column > 0:
            self.post_message(self.Opened(self.cell_at(event.coordinate)))


def hyphenated(text: str, width: int) -> str:
    """`text` with every word too long for a line of `width` broken with a hyphen at the line's end, so that no
    word is cut without a sign; the rest is left to wrap at spaces."""
    return " ".join(_hyphenate(word, width) for word in text.split(" "))


def _hyphenate(word: str, width: int) -> str:
    if len(word) <= width or width < 6:
        return word
    head = min(width - 1, len(word) - 3)  # at least 3 letters go on to the next line
    return f"{word[:head]}- {_hyphenate(word[head:], width)}"
