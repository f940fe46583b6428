"""Crisis lines, one key away from every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from decisionaid.core import pages
from decisionaid.core.controller import Controller
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce
from decisionaid.tui.widgets.page import DialogScroll
from decisionaid.tui.widgets.page_lines import line_widgets


class CrisisScreen(StyledOnce, LabelledScreen, ModalScreen[None]):
    """The pack's crisis resources, each with when it was last checked."""

    BINDINGS = [Binding("escape,enter", "close", "close", id="close")]

    def __init__(self, controller: Controller, *, local_help: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.controller = controller
        self.local_help = local_help

    def compose(self) -> ComposeResult:
        words = self.controller.words
        page = pages.crisis(self.controller.pack, words, local_help=self.local_help)
        with DialogScroll(classes="dialog", id="crisis") as box:
            box.border_title = page.title
            box.border_subtitle = words("crisis.back")
            yield from line_widgets(page.lines)

    def action_close(self) -> None:
        self.dismiss()
