"""The handout as text on screen, exactly as the export says it; shown again after every change."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.handout import Block, Entry, Handout


def entry_text(entry: Entry) -> str:
    """An entry as it reads on screen: its marker, its text, then its details and link on their own lines."""
    lead = f"{'•' if entry.marker == '-' else entry.marker} " if entry.marker else ""
    indent = " " * len(lead)
    lines = [lead + entry.text, *(indent + detail for detail in entry.details)]
    if entry.link:
        lines.append(indent + entry.link)
    return "\n".join(lines)


class HandoutView(Vertical):
    """The one-page part of a handout (`rest=False`), or those of the rest's blocks whose kind is in `kinds`."""

    def __init__(self, handout: Handout, *, rest: bool = False, kinds: Iterable[str] = (), id: str | None = None):
        super().__init__(id=id, classes="handout")
        self.handout = handout
        self.rest = rest
        self.kinds = frozenset(kinds)

    def compose(self) -> ComposeResult:
        yield from self._widgets()

    async def show(self, handout: Handout) -> None:
        self.handout = handout
        await self.remove_children()
        await self.mount_all(self._widgets())

    def _widgets(self) -> list[Static]:
        handout = self.handout
        if self.rest:
            blocks = [b for b in handout.rest if b.kind in self.kinds]
            widgets = [Static(Content(handout.rest_title), classes="handout-title")] if blocks else []
        else:
            blocks = list(handout.blocks)
            widgets = [Static(Content(handout.title), classes="handout-title")]
            if handout.top:
                widgets.append(Static(Content("\n".join(handout.top)), classes="handout-line"))
        for block in blocks:
            widgets += _block(block)
        return widgets


def _block(block: Block) -> list[Static]:
    """A block's heading, then its entries in one widget: they are lines one under the other, and a long
    handout opens faster with a widget per block than with one per line."""
    heading = Static(Content(block.heading), classes="subheading" if block.level == 2 else "topic")
    if not block.entries:
        return [heading]
    return [heading, Static(Content("\n".join(map(entry_text, block.entries))), classes=f"entry {block.kind}")]
