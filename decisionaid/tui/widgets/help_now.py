"""The crisis-help button at the top of every screen, for a mouse, a touch screen or a kiosk without F2."""

from __future__ import annotations

from textual.content import Content

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.widgets.action_button import ActionButton


class HelpNowButton(ActionButton):
    """Opens crisis help, as F2 does. Not in the Tab order: keyboard users have F2 on every screen."""

    def __init__(self, words: Catalogue) -> None:
        super().__init__(
            Content(words("help_now.button")), "app.crisis", variant="error", id="help-now", focusable=False
        )
        self.tooltip = words("help_now.tooltip")
