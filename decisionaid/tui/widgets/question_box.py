"""A tick box for a suggested question: its label wraps, and a left-out question says so in words."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox


class QuestionBox(Checkbox):
    """A Checkbox that grows in height to show its whole label; unticked, the label starts 'Left out:'."""

    def __init__(self, text: str, value: bool, left_out: str, *, compact: bool = False, **kwargs) -> None:
        self.text = text
        self.left_out = left_out
        super().__init__(self._label_for(value), **kwargs)
        # Its state is set without restyling: the usual way restyles the box for each attribute before it is
        # even shown, which made a long list of questions slow to open. Mounting styles it once.
        self.set_reactive(QuestionBox.value, value)
        self.set_reactive(QuestionBox.compact, compact)
        self.set_class(value, "-on", update=False)
        self.set_class(compact, "-textual-compact", update=False)

    def _label_for(self, ticked: bool) -> Content:
        return Content(self.text if ticked else f"{self.left_out} {self.text}")

    def watch_value(self) -> None:
        super().watch_value()
        self.label = self._label_for(self.value)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(width)))
