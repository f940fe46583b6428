"""The handout on screen in the lines the text export lays out; shown again after every change."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from decisionaid.core.handout import Handout
from decisionaid.export.text import handout_layout, rest_layout
from decisionaid.tui.widgets.wrapped_text import WrappedText


class HandoutView(WrappedText):
    """The one-page part of a handout (`rest=False`), or those of the rest's blocks whose kind is in `kinds`.

    One widget draws it all, its parts styled by the component classes below (in app.tcss): a handout is text
    one line under the other, and it opens much faster drawn as one than as a widget for each heading and list."""

    COMPONENT_CLASSES = {"handout--title", "handout--rule", "handout--top", "handout--heading", "handout--topic"}

    def __init__(self, handout: Handout, *, rest: bool = False, kinds: Iterable[str] = (), id: str | None = None):
        super().__init__(id=id, classes="handout")
        self.handout = handout
        self.rest = rest
        self.kinds = frozenset(kinds)

    def show(self, handout: Handout) -> None:
        self.handout = handout
        self.refresh(layout=True)

    @property
    def content(self) -> Content:
        """The handout's lines as the text export lays them out, each styled by what it is."""
        handout = self.handout
        if self.rest:
            blocks = [b for b in handout.rest if b.kind in self.kinds]
            lines = rest_layout(handout, blocks=blocks) if blocks else []
        else:
            lines = handout_layout(handout)
        styles = {
            kind: self.get_visual_style(f"handout--{kind}") for kind in ("title", "rule", "top", "heading", "topic")
        }
        return Content("\n").join(
            Content.styled(line.text, styles[line.kind]) if line.kind else Content(line.text) for line in lines
        )
