"""A one-line bar naming the aid and the step, and where the person is in the whole journey, on every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class TitleBar(Horizontal):
    """'<aid title> · <step>' at the left, 'Part 2 of 7 · about 9 minutes left' at the right; plain text, so
    brackets in a title survive."""

    def __init__(self, aid_title: str, step: str, progress: str = "") -> None:
        super().__init__(classes="title-bar")
        self.heading = Content(f"{aid_title} · {step}")
        self.progress = Content(progress)

    def compose(self) -> ComposeResult:
        yield Static(self.heading, classes="title-text")
        yield Static(self.progress, id="journey-progress", classes="title-progress")

    def show_progress(self, progress: str) -> None:
        self.query_one("#journey-progress", Static).update(Content(progress))
