"""About this aid: who it is for, its options, who made it and on what terms, over the current screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from decisionaid.core.controller import Controller
from decisionaid.core.pages.about import about
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce
from decisionaid.tui.widgets.page import DialogScroll
from decisionaid.tui.widgets.page_lines import line_widgets


class AboutScreen(StyledOnce, LabelledScreen, ModalScreen[None]):
    """The about page's rows, each label a subheading over the pack's own words."""

    BINDINGS = [Binding("escape,enter", "close", "close", id="close")]

    def __init__(self, controller: Controller) -> None:
        super().__init__(classes="dialog-screen")
        self.controller = controller

    def compose(self) -> ComposeResult:
        words = self.controller.words
        page = about(self.controller.pack, words)
        with DialogScroll(classes="dialog", id="about") as box:
            box.border_title = page.title
            box.border_subtitle = words("about.back")
            yield from line_widgets(page.lines)

    def action_close(self) -> None:
        self.dismiss()
