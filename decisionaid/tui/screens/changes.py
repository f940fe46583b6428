"""What changed since the person last looked: shown first on resuming with a newer pack; a line's number opens
the item it names."""

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
from decisionaid.core.pages.steps import ChangesPage
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.screens.base import number_bindings
from decisionaid.tui.speedups.overrides import StyledOnce


class ChangesScreen(StyledOnce, LabelledScreen, ModalScreen[Place | None]):
    """Returns the place of the item chosen, or None to go on to the welcome; Escape closes."""

    AUTO_FOCUS = "#changes"
    BINDINGS = [
        Binding("escape", "close", "close", id="close"),
        *number_bindings("go_to_part", "part"),
    ]

    def __init__(self, page: ChangesPage, words: Catalogue) -> None:
        super().__init__(classes="dialog-screen")
        self.page = page
        self.words = words

    def compose(self) -> ComposeResult:
        options = [
            Option(Content(f"{n}. {change.text}"), id=f"change-{n}", disabled=change.place is None)
            for n, change in enumerate(self.page.changes, 1)
        ]
        with Vertical(classes="dialog", id="what-changed") as box:
            box.border_title = self.page.title
            box.border_subtitle = self.words("crisis.back")
            yield Static(Content(self.page.intro), classes="progress")
            yield OptionList(*options, id="changes")
            yield Static(Content(self.page.closing), classes="hint")

    @on(OptionList.OptionSelected, "#changes")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.page.changes[event.option_index].place)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "part":
            number = int(str(parameters[0]))
            return number <= len(self.page.changes) and self.page.changes[number - 1].place is not None
        return True

    def action_part(self, number: int) -> None:
        self.dismiss(self.page.changes[number - 1].place)

    def action_close(self) -> None:
        self.dismiss(None)
