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

    def __init__(self, words: Catalogue) -> None:
        super().__init__(Content(words("window.too_small", width=MIN_WIDTH, height=MIN_HEIGHT)), id="too-small")
