"""Kiosk mode: the warning before an idle aid starts again and clears its answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce


class StillThereScreen(StyledOnce, LabelledScreen, ModalScreen[None]):
    """Counts down the seconds left; any key, click or touch takes it away (the app watches for them)."""

    def __init__(self, words: Catalogue, seconds_left: int = 60) -> None:
        super().__init__(classes="dialog-screen")
        self.words = words
        self.seconds_left = seconds_left

    def _countdown(self) -> Content:
        return Content(self.words("kiosk.still_there", count=self.seconds_left))

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(classes="dialog", id="still-there") as box:
            box.border_title = words("kiosk.still_there_title")
            yield Static(self._countdown(), id="countdown", classes="lead")
            yield Static(Content(words("kiosk.still_there_hint")))

    def count_down(self, seconds_left: int) -> None:
        if seconds_left != self.seconds_left and self.is_mounted:
            self.seconds_left = seconds_left
            self.query_one("#countdown", Static).update(self._countdown())
