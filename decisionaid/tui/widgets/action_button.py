"""A button that runs an action: clicked or touched, or pressed with Enter or Space while it has the focus."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static


class ActionButton(Static, can_focus=True):
    """The buttons under every step (Back, Next, Start...) and crisis help in the title bar, styled in app.tcss.

    Textual's Button is matched against some eighty rules of its own wherever it is styled, and the aid shows
    three on every screen: each added about 6 ms to showing a new screen. These buttons need one look, a variant
    (`-primary`, `-error`), focus and hover, so a label that runs its action does."""

    BINDINGS = [Binding("enter,space", "press", "press_button", show=False, id="press-button")]

    def __init__(
        self, label: str | Content, action: str, *, variant: str = "", id: str | None = None, focusable: bool = True
    ) -> None:
        super().__init__(label, id=id, classes=f"-{variant}" if variant else None)
        self.action = action
        self.can_focus = focusable

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_press()

    def action_press(self) -> None:
        """Run the button's action, as Textual's Button does, after the event that pressed it."""
        self.call_later(self.app.run_action, self.action, default_namespace=self.parent)
