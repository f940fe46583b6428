"""A scrolling page whose arrow keys scroll up and down only, leaving left and right to back and next."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll

from decisionaid.tui.speedups.overrides import FocusStylesItself

SCROLL_KEYS = [
    Binding("up", "scroll_up", "scroll_up", show=False, id="scroll-up"),
    Binding("down", "scroll_down", "scroll_down", show=False, id="scroll-down"),
    Binding("pageup", "page_up", "page_up", show=False, id="page-up"),
    Binding("pagedown", "page_down", "page_down", show=False, id="page-down"),
    Binding("home", "scroll_home", "page_top", show=False, id="page-top"),
    Binding("end", "scroll_end", "page_end", show=False, id="page-end"),
]


class Page(FocusStylesItself, VerticalScroll, inherit_bindings=False):
    """The scrolling body of a screen."""

    BINDINGS = SCROLL_KEYS


class DialogScroll(FocusStylesItself, VerticalScroll, inherit_bindings=False):
    """The scrolling body of a dialog."""

    BINDINGS = SCROLL_KEYS
