"""The Textual app: screens, bindings and themes. It shows and collects; it owns no rules."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from decisionaid.content import Pack
from decisionaid.screens.welcome import WelcomeScreen


class DecisionAidApp(App[int]):
    """The decision aid for one content pack."""

    CSS_PATH = "app.tcss"
    TITLE = "decisionaid"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.sub_title = pack.meta.title

    def on_mount(self) -> None:
        self.push_screen(WelcomeScreen(self.pack))
