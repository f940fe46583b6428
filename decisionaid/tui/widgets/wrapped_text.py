"""A widget that draws one block of styled text, wrapped once for both its height and its drawing."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


class WrappedText(Widget):
    """Text one line under the other, given by `content`. Textual wraps a widget's text once to measure its
    height and again to draw it; this wraps it once for each width and text, and is drawn without wrapping
    again (`text-wrap: nowrap` for every WrappedText, in app.tcss)."""

    _wrapped_at: tuple[int, Content, list[Content]] | None = None

    @property
    def content(self) -> Content:
        """The text drawn, before it is wrapped to the window."""
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))

    def _lines(self, width: int) -> list[Content]:
        content = self.content
        cached = self._wrapped_at
        if cached is None or cached[0] != width or not cached[1].is_same(content):
            cached = self._wrapped_at = (width, content, content.wrap(width) if width > 0 else [content])
        return cached[2]
