"""The message shown instead of a step when the window is too small to use it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from decisionaid.core.catalogue import Catalogue

MIN_WIDTH, MIN_HEIGHT = 40, 12


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmall(Static):
    """Covers the screen on its own layer; keys keep working beneath, and F2 still opens crisis help."""

    def __init__(self, words: Catalogue, *, help_now: bool = True) -> None:
        key = "window.too_small" if help_now else "window.too_small_no_help_now"
        super().__init__(Content(words(key, width=MIN_WIDTH, height=MIN_HEIGHT)), id="too-small")
