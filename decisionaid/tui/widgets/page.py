"""A scrolling page whose arrow keys scroll up and down only, leaving left and right to back and next."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


class FocusStylesItself:
    """For a container that takes the focus: gaining or losing it restyles the container alone. Textual restyles
    the focused widget and everything in it, which for a page is every line on it; nothing in the aid's pages is
    styled by their container's focus."""

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)


class Page(FocusStylesItself, VerticalScroll, inherit_bindings=False):
    """The scrolling body of a screen."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top of the page", show=False),
        Binding("end", "scroll_end", "End of the page", show=False),
    ]


class DialogScroll(FocusStylesItself, VerticalScroll):
    """The scrolling body of a dialog."""
