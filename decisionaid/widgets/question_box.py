"""A tick box whose label wraps onto as many lines as it needs, for long questions."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Checkbox


class QuestionBox(Checkbox):
    """A Checkbox that grows in height to show its whole label."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(width)))
