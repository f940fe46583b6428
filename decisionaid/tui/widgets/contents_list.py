"""Every card, section by section: a section opens to list its cards, each with the letter that opens it."""

from __future__ import annotations

import string

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from decisionaid.core.end_pages import Contents

# Letters that open a card: every letter but those the page already uses (b back, n next, m map, q quit).
CARD_KEYS = tuple(letter for letter in string.ascii_lowercase if letter not in "bmnq")


class ContentsList(OptionList, inherit_bindings=False):
    """Section lines, and under the open section its cards; the arrow keys and Enter work as well as the keys."""

    BINDINGS = [
        Binding("up", "cursor_up", "previous_line", show=False, id="previous-line"),
        Binding("down", "cursor_down", "next_line", show=False, id="next-line"),
        Binding("home", "first", "first_line", show=False, id="first-line"),
        Binding("end", "last", "last_line", show=False, id="last-line"),
        Binding("pageup", "page_up", "page_up", show=False, id="list-page-up"),
        Binding("pagedown", "page_down", "page_down", show=False, id="list-page-down"),
        Binding("enter", "select", "open_line", show=False, id="open-line"),
    ]

    def __init__(self, table: Contents, *, read_last: int | None = None, id: str | None = None) -> None:
        """`read_last`: the position of the card read last from this list; its section opens, on that card."""
        super().__init__(id=id, classes="contents-list")
        self.table = table
        self.read_last = read_last
        self.open_section = next(
            (n for n, section in enumerate(table.sections) for card in section.cards if card.position == read_last),
            None,
        )

    def on_mount(self) -> None:
        self.set_options(self.lines())
        if self.open_section is not None:
            self.highlighted = self.get_option_index(f"card-{self.read_last}")

    def lines(self) -> list[Option]:
        options = []
        for n, section in enumerate(self.table.sections, 1):
            sign = "▾" if self.open_section == n - 1 else "▸"
            options.append(Option(Content(f"{sign} {n}. {section.title}: {section.summary}"), id=f"section-{n - 1}"))
            if self.open_section != n - 1:
                continue
            for key, card in zip(CARD_KEYS, section.cards, strict=False):
                text = f"    {key}  {card.title}" + (f" ({card.marks})" if card.marks else "")
                options.append(Option(Content(text), id=f"card-{card.position}"))
        return options

    def open(self, section: int) -> None:
        """Open one section (closing the one open before) and move to its first card."""
        self.open_section = section
        self.set_options(self.lines())
        self.highlighted = self.get_option_index(f"section-{section}") + 1
        self.scroll_to_highlight(top=False)

    def toggle(self, section: int) -> None:
        if self.open_section == section:
            self.open_section = None
            self.set_options(self.lines())
            self.highlighted = self.get_option_index(f"section-{section}")
        else:
            self.open(section)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens only a highlighted line; with none, Enter is the screen's (it goes on)."""
        if action == "select":
            return self.highlighted is not None
        return True

    def card_position(self, index: int) -> int | None:
        """The reading-order position of the open section's card `index` (from 0), if it has one."""
        if self.open_section is None:
            return None
        cards = self.table.sections[self.open_section].cards
        return cards[index].position if index < len(cards) else None
