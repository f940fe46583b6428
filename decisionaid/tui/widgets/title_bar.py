"""A one-line bar naming the aid and the step, with the crisis-help button, at the top of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.catalogue import load_catalogue
from decisionaid.tui.widgets.help_now import HelpNowButton


class TitleBar(Horizontal):
    """'<aid title> · <step>' in plain text, so brackets in a title survive; crisis help at the right."""

    def __init__(self, aid_title: str, step: str) -> None:
        super().__init__(classes="title-bar")
        self.heading = Content(f"{aid_title} · {step}")

    def compose(self) -> ComposeResult:
        yield Static(self.heading, classes="title-text")
        words = getattr(self.app, "words", None) or load_catalogue()
        yield HelpNowButton(words)
