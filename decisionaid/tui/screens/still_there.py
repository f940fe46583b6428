"""Kiosk mode: the warning before an idle aid starts again and clears its answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from decisionaid.core.catalogue import load_catalogue


def _countdown(seconds_left: int) -> Content:
    return Content(load_catalogue()("kiosk.still_there", count=seconds_left))


class StillThereScreen(ModalScreen[None]):
    """Counts down the seconds left; any key, click or touch takes it away (the app watches for them)."""

    def __init__(self, seconds_left: int = 60) -> None:
        super().__init__(classes="dialog-screen")
        self.seconds_left = seconds_left

    def compose(self) -> ComposeResult:
        words = load_catalogue()
        with Vertical(classes="dialog", id="still-there") as box:
            box.border_title = words("kiosk.still_there_title")
            yield Static(_countdown(self.seconds_left), id="countdown", classes="lead")
            yield Static(Content(words("kiosk.still_there_hint")))

    def count_down(self, seconds_left: int) -> None:
        if seconds_left != self.seconds_left and self.is_mounted:
            self.seconds_left = seconds_left
            self.query_one("#countdown", Static).update(_countdown(seconds_left))
