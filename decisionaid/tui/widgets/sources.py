"""Sources as full citations, with every identifier a reader can look up."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.sources import source_links

if TYPE_CHECKING:
    from decisionaid.content.models import Source


def source_text(source: Source) -> str:
    """The citation followed by the addresses where it can be found, as in plain mode and the export."""
    return " ".join([source.citation, *source_links(source)])


def source_lines(sources: Iterable[Source]) -> list[str]:
    """Each source as a bulleted line: a card's sources panel and a self-check answer's feedback."""
    return [f"• {source_text(source)}" for source in sources]


class SourceList(Vertical):
    """A titled list of sources."""

    def __init__(self, sources: Iterable[Source], *, title: str, id: str | None = None) -> None:
        super().__init__(id=id, classes="source-list")
        self.sources = list(sources)
        self.heading = title

    def compose(self) -> ComposeResult:
        yield Static(Content(self.heading), classes="subheading")
        if self.sources:  # one widget for the whole list: a long list opens as fast as a short one
            yield Static(self._listed(), classes="source")

    def show(self, sources: Iterable[Source]) -> None:
        """Other sources in the same list, which had some before if it has some now."""
        self.sources = list(sources)
        if self.sources:
            self.query_one(".source", Static).update(self._listed())

    def _listed(self) -> Content:
        return Content("\n".join(source_lines(self.sources)))
