"""The handout as text on screen, exactly as the export says it; shown again after every change."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from decisionaid.core.handout import Block, Entry, Handout


def entry_text(entry: Entry) -> str:
    """An entry as it reads on screen: its marker, its text, then its details and link on their own lines."""
    lead = f"{'•' if entry.marker == '-' else entry.marker} " if entry.marker else ""
    indent = " " * len(lead)
    lines = [lead + entry.text, *(indent + detail for detail in entry.details)]
    if entry.link:
        lines.append(indent + entry.link)
    return "\n".join(lines)


class HandoutView(Widget):
    """The one-page part of a handout (`rest=False`), or those of the rest's blocks whose kind is in `kinds`.

    One widget draws it all, its parts styled by the component classes below (in app.tcss): a handout is text
    one line under the other, and it opens much faster drawn as one than as a widget for each heading and list."""

    COMPONENT_CLASSES = {"handout--title", "handout--line", "handout--subheading", "handout--topic"}

    def __init__(self, handout: Handout, *, rest: bool = False, kinds: Iterable[str] = (), id: str | None = None):
        super().__init__(id=id, classes="handout")
        self.handout = handout
        self.rest = rest
        self.kinds = frozenset(kinds)
        self._wrapped_at: tuple[int, Content, list[Content]] | None = None

    def show(self, handout: Handout) -> None:
        self.handout = handout
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))

    @property
    def content(self) -> Content:
        """The text drawn, before it is wrapped to the window."""
        return self._content()

    def _lines(self, width: int) -> list[Content]:
        """The handout's lines at `width`: wrapped once for both its height and its drawing, which does not wrap
        them again (`text-wrap: nowrap` in app.tcss)."""
        content = self.content
        cached = self._wrapped_at
        if cached is None or cached[0] != width or not cached[1].is_same(content):
            cached = self._wrapped_at = (width, content, content.wrap(width) if width > 0 else [content])
        return cached[2]

    def _content(self) -> Content:
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
