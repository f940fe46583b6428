"""The handout as text on screen, exactly as the export says it; shown again after every change."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from decisionaid.core.handout import Block, Entry, Handout
from decisionaid.tui.widgets.wrapped_text import WrappedText


def entry_text(entry: Entry) -> str:
    """An entry as it reads on screen: its marker, its text, then its details and link on their own lines."""
    lead = f"{'•' if entry.marker == '-' else entry.marker} " if entry.marker else ""
    indent = " " * len(lead)
    lines = [lead + entry.text, *(indent + detail for detail in entry.details)]
    if entry.link:
        lines.append(indent + entry.link)
    return "\n".join(lines)


class HandoutView(WrappedText):
    """The one-page part of a handout (`rest=False`), or those of the rest's blocks whose kind is in `kinds`.

    One widget draws it all, its parts styled by the component classes below (in app.tcss): a handout is text
    one line under the other, and it opens much faster drawn as one than as a widget for each heading and list."""

    COMPONENT_CLASSES = {"handout--title", "handout--line", "handout--subheading", "handout--topic"}

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
        handout, style = self.handout, self.get_visual_style
        if self.rest:
            blocks = [b for b in handout.rest if b.kind in self.kinds]
            parts = [Content.styled(handout.rest_title, style("handout--title"))] if blocks else []
        else:
            blocks = list(handout.blocks)
            parts = [Content.styled(handout.title, style("handout--title"))]
            if handout.top:
                parts += ["\n", Content.styled("\n".join(handout.top), style("handout--line"))]
        for block in blocks:
            parts += ["\n\n", *self._block(block)]
        return Content.assemble(*parts)

    def _block(self, block: Block) -> list[Content | str]:
        """A block's heading on a line of its own after a blank one, then its entries, one under the other."""
        kind = "handout--subheading" if block.level == 2 else "handout--topic"
        heading = Content.styled(block.heading, self.get_visual_style(kind))
        if not block.entries:
            return [heading]
        return [heading, "\n", Content("\n".join(map(entry_text, block.entries)))]
