"""A tick box whose mark shows only when it is ticked, so ticked and not ticked differ in shape, not colour alone."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's checkbox draws its X either way and tells the two apart by colour; this one draws the X only when
    ticked (Textual reads `BUTTON_INNER` each time it draws the box)."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name for the mark inside the box)
        return "X" if self.value else " "
