"""The crisis-help button at the top of every screen, for a mouse, a touch screen or a kiosk without F2."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Button

from decisionaid.core.catalogue import Catalogue


class HelpNowButton(Button):
    """Opens crisis help, as F2 does. Not in the Tab order: keyboard users have F2 on every screen."""

    def __init__(self, words: Catalogue) -> None:
        label = Content(words("help_now.button"))
        super().__init__(label, action="app.crisis", variant="error", compact=True, id="help-now")
        self.can_focus = False
        self.tooltip = words("help_now.tooltip")
