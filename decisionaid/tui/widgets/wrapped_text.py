"""A widget that draws one block of styled text."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from decisionaid.tui.speedups.overrides import WrappedOnce


class WrappedText(WrappedOnce, Widget):
    """Text one line under the other, given by `content`, wrapped to the widget's width (see `WrappedOnce`)."""

    @property
    def content(self) -> Content:
        """The text drawn, before it is wrapped to the window."""
        raise NotImplementedError
