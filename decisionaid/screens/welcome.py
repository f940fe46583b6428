"""The first screen: what the aid is and is not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from decisionaid.content import Pack


class WelcomeScreen(Screen):
    """Says what the aid does, how long it takes and how current its evidence is."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack

    def compose(self) -> ComposeResult:
        meta = self.pack.meta
        yield Header()
        with Vertical(id="welcome"):
            yield Static(Content(meta.title), id="title")
            yield Static(Content(meta.decision))
            yield Static(Content(meta.disclaimer))
            yield Static(Content(f"About {meta.minutes} minutes. Evidence reviewed {meta.evidence_reviewed:%d %B %Y}."))
        yield Footer()
