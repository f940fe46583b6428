"""A tick box for a suggested question: its label wraps, and a left-out or starred question says so in the label."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size

from decisionaid.tui.speedups.overrides import set_toggle_quietly
from decisionaid.tui.widgets.tick_box import TickBox


class WrappingCheckbox(TickBox):
    """A tick box that grows in height to show its whole label (Textual's is one line high); a label's later lines
    start under its first word, not under the box."""

    def label_lines(self, width: int) -> list[Content]:
        """The box and the label's first line, then the label's other lines, indented as far as the label."""
        button = self._button
        style = self.get_visual_style("toggle--label")
        lines = self._label.wrap(max(1, width - button.cell_length - 2)) if width else [self._label]  # 2: its pad
        pad = Content(" " * button.cell_length)
        return [
            Content.assemble(button if n == 0 else pad, line.pad(1, 1).stylize_before(style))
            for n, line in enumerate(lines)
        ]

    def render(self) -> Content:
        return Content("\n").join(self.label_lines(self.content_region.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.label_lines(width)))


class QuestionBox(WrappingCheckbox):
    """A tick box for a suggested question, as tall as its label.

    Unticked, the label starts 'Left out:'; starred for the top of the handout, it starts with the star mark.
    """

    def __init__(
        self,
        text: str,
        value: bool,
        left_out: str,
        *,
        star: str = "",
        starred: bool = False,
        compact: bool = False,
        **kwargs,
    ) -> None:
        self.text = text
        self.left_out = left_out
        self.star = star
        self.starred = starred
        super().__init__(self._label_for(value), **kwargs)
        set_toggle_quietly(self, value, compact)

    def _label_for(self, ticked: bool) -> Content:
        if not ticked:
            return Content(f"{self.left_out} {self.text}")
        return Content(f"{self.star} {self.text}" if self.starred else self.text)

    def set_starred(self, starred: bool) -> None:
        self.starred = starred
        self.label = self._label_for(self.value)

    def watch_value(self) -> None:
        super().watch_value()
        self.label = self._label_for(self.value)
