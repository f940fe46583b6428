"""The message shown instead of a step when the window is too small to use it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 40, 12


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmall(Static):
    """Covers the screen on its own layer; keys keep working beneath, and F2 still opens crisis help."""

    def __init__(self) -> None:
        super().__init__(
            Content(
                f"Please make this window bigger (at least {MIN_WIDTH} wide and {MIN_HEIGHT} tall). "
                "Your answers are saved. Crisis help: press F2."
            ),
            id="too-small",
        )
