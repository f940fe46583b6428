"""A one-line bar at the top of every screen: the aid and the step, where the person is in the whole journey,
and the crisis-help button."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.catalogue import load_catalogue
from decisionaid.tui.widgets.help_now import HelpNowButton


class TitleBar(Horizontal):
    """'<aid title> · <step>', then 'Part 2 of 7 · about 9 minutes left', then crisis help at the right;
    plain text, so brackets in a title survive. A narrow window shows the progress in short instead of the title,
    so crisis help always fits."""

    def __init__(
        self, aid_title: str, step: str, progress: str = "", progress_short: str = "", *, help_now: bool = True
    ) -> None:
        super().__init__(classes="title-bar")
        self.heading = Content(f"{aid_title} · {step}")
        self.progress = (progress, progress_short or progress)
        self.help_now = help_now

    def compose(self) -> ComposeResult:
        yield Static(self.heading, classes="title-text")
        yield Static(Content(self.progress[0]), id="journey-progress", classes="title-progress")
        yield Static(Content(self.progress[1]), id="journey-progress-short", classes="title-progress-short")
        if self.help_now:
            words = getattr(self.app, "words", None) or load_catalogue()
            yield HelpNowButton(words)

    def show_progress(self, progress: str, progress_short: str) -> None:
        self.query_one("#journey-progress", Static).update(Content(progress))
        self.query_one("#journey-progress-short", Static).update(Content(progress_short))
