"""The smallest comparable Textual app: one Static with a title and a Footer; `s` changes the text, `q` quits.

`n` pushes a second screen (Header, Static, Footer) instead: the floor of a key that changes screens.

Run as `python -m bench.minimal_app`; the benchmark measures it exactly as it measures decisionaid.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

TITLE = "Minimal benchmark app"
AFTER_KEY = "The key was pressed"
NEXT_KEY = "s"
SCREEN_KEY = "n"
ON_NEW_SCREEN = "A new screen was shown"
QUIT_KEY = "q"


class NewScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(ON_NEW_SCREEN)
        yield Footer()


class MinimalApp(App[None]):
    BINDINGS = [
        Binding(NEXT_KEY, "next", "Next"),
        Binding(SCREEN_KEY, "new_screen", "New screen"),
        Binding(QUIT_KEY, "quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(TITLE, id="text")
        yield Footer()

    def action_next(self) -> None:
        self.query_one("#text", Static).update(AFTER_KEY)

    def action_new_screen(self) -> None:
        self.push_screen(NewScreen())


if __name__ == "__main__":
    MinimalApp().run()
