"""A tick box whose mark shows only when it is ticked, so ticked and not ticked differ in shape, not colour alone."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Checkbox


class TickBox(Checkbox, inherit_bindings=False):
    """Textual's checkbox draws its X either way and tells the two apart by colour; this one draws the X only when
    ticked (Textual reads `BUTTON_INNER` each time it draws the box). Its keys are named in the keys help."""

    BINDINGS = [Binding("enter,space", "toggle_button", "tick", show=False, id="tick")]

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name for the mark inside the box)
        return "X" if self.value else " "
