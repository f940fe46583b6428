"""A widget that draws one block of styled text."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class WrappedText(Widget):
    """Text one line under the other, given by `content`, wrapped by Textual to the widget's width."""

    @property
    def content(self) -> Content:
        """The text drawn, before it is wrapped to the window."""
        raise NotImplementedError

    def render(self) -> Content:
        return self.content
