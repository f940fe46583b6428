"""The map of the aid: every part with its state and minutes; a part's number goes there."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.journey import Place
from decisionaid.core.progress import AidMap
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.screens.base import number_bindings
from decisionaid.tui.speedups.overrides import StyledOnce

HERE_MARK = "  ← {here}"


class MapScreen(StyledOnce, LabelledScreen, ModalScreen[Place | None]):
    """Returns the place to go to, or None to stay; 1-9 choose a part, c all the cards, Escape or m close."""

    AUTO_FOCUS = "#parts"
    BINDINGS = [
        Binding("escape,m", "close", "close", id="close"),
        Binding("c", "all_cards", "all_cards", id="all-cards"),
        *number_bindings("go_to_part", "part"),
    ]

    def __init__(self, shown: AidMap, all_cards: Place, words: Catalogue) -> None:
        super().__init__(classes="dialog-screen")
        self.shown = shown
        self.all_cards = all_cards
        self.words = words

    def compose(self) -> ComposeResult:
        words = self.words
        here = HERE_MARK.format(here=words("map.here"))
        options = [
            Option(Content(f"{row.number}. {row.title}: {row.describe(words)}{here if row.here else ''}"), id=row.id)
            for row in self.shown.rows
        ]
        with Vertical(classes="dialog", id="map") as box:
            box.border_title = self.shown.title
            box.border_subtitle = words("crisis.back")
            yield Static(Content(self.shown.where), classes="progress")
            yield OptionList(*options, id="parts")
            yield Static(Content(self.shown.hint), classes="hint")

    def on_mount(self) -> None:
        parts = self.query_one("#parts", OptionList)
        parts.highlighted = next((i for i, row in enumerate(self.shown.rows) if row.here), 0)

    @on(OptionList.OptionSelected, "#parts")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown.rows[event.option_index].place)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "part":
            return int(str(parameters[0])) <= len(self.shown.rows)
        return True

    def action_part(self, number: int) -> None:
        self.dismiss(self.shown.rows[number - 1].place)

    def action_all_cards(self) -> None:
        self.dismiss(self.all_cards)

    def action_close(self) -> None:
        self.dismiss(None)
