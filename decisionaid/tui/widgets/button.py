"""Textual's Button, styled once, as it mounts."""

from __future__ import annotations

from textual.widgets import Button


class AidButton(Button):
    """A Button sets its classes one by one as it is made (its variant, flat or not, compact or not), and Textual
    restyles a widget at each change of class, even one not yet on any screen: three restyles for nothing before
    the one it gets as it mounts. This one waits for that."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)
