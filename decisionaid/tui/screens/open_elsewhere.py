"""When another aid has the answers open: wait for it to close, read them without saving, or quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Static

from decisionaid.core.controller import Controller
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.speedups.overrides import StyledOnce

WAIT_POLL_SECONDS = 0.5  # how often a wait looks again


class OpenElsewhereScreen(StyledOnce, LabelledScreen, ModalScreen[bool]):
    """Returns True once the answers are ours (the other aid closed), False to read them without saving."""

    AUTO_FOCUS = "#wait"
    BINDINGS = [
        Binding("w", "wait", "wait", id="wait"),
        Binding("r", "read_only", "read_only", id="read-only"),
        Binding("q", "app.quit", "leave", id="quit"),
    ]

    def __init__(self, controller: Controller) -> None:
        super().__init__(classes="dialog-screen")
        self.controller = controller
        self.poll: Timer | None = None

    def compose(self) -> ComposeResult:
        words = self.controller.words
        with Vertical(classes="dialog", id="open-elsewhere"):
            yield Static(Content(self.controller.open_elsewhere_notice()), classes="lead")
            yield Static(Content(words("lock.why")))
            yield Static(Content(words("lock.waiting")), id="waiting")
            with Horizontal(classes="buttons"):
                yield Button(self._label("wait_short", "w"), id="wait", action="screen.wait", variant="primary")
                yield Button(self._label("read_only_short", "r"), id="read-only", action="screen.read_only")
                yield Button(self._label("quit", "q"), id="quit", action="app.quit")

    def _label(self, name: str, key: str) -> str:
        words = self.controller.words
        return words("lock.with_key", label=words(f"lock.{name}"), key=key)

    def action_wait(self) -> None:
        if self.poll is None:
            self.add_class("-waiting")
            self.poll = self.set_interval(WAIT_POLL_SECONDS, self._look_again)

    def _look_again(self) -> None:
        if self.controller.claim():
            self.dismiss(True)

    def action_read_only(self) -> None:
        self.dismiss(False)
