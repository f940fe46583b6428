"""One information card: section, title, the options it is about, certainty, text, figures, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.widgets.icon_array import IconArray
from decisionaid.tui.widgets.page_lines import line_widgets
from decisionaid.tui.widgets.sources import SourceList

if TYPE_CHECKING:
    from decisionaid.core.pages.steps import CardPage


class CardView(Vertical):
    """Everything on a card; the sources panel is shown or hidden with the `-sources` class."""

    def __init__(self, page: CardPage, words: Catalogue, *, show_sources: bool = False) -> None:
        super().__init__(classes="card-view -sources" if show_sources else "card-view")
        self.page = page
        self.words = words
        self._heading: list[Static] = []
        self._body = Static(Content(page.card.body), classes="card-body")
        self._figures: list[Widget] = []
        self._sources = self._source_list(page)

    def compose(self) -> ComposeResult:
        self._heading = line_widgets(self.page.heading)
        self._figures = self._figure_widgets(self.page)
        yield from self._heading
        yield self._body
        yield from self._figures
        yield self._sources

    def _figure_widgets(self, page: CardPage) -> list[Widget]:
        widgets: list[Widget] = []
        for shown in page.figures:
            widgets += [IconArray(shown.figure, self.words), Static(Content(shown.how_sure), classes="certainty")]
        return widgets

    def _source_list(self, page: CardPage) -> SourceList:
        return SourceList(page.sources, title=self.words("sources.title"), id="sources-panel")

    async def show(self, page: CardPage) -> None:
        """Another card in this view, written into the lines already there: its heading and text always, and its
        figures and sources when it has the same ones as the card before (most do). Only what differs is made
        afresh, which is much quicker than making the whole card again."""
        before, self.page = self.page, page
        card, heading = page.card, page.heading
        if [line.role for line in heading] == [line.role for line in before.heading]:
            for widget, line in zip(self._heading, heading, strict=True):
                widget.update(Content(line.text))
        else:
            old, self._heading = self._heading, line_widgets(heading)
            await self.mount_all(self._heading, before=self._body)
            await self.remove_children(old)
        self._body.update(Content(card.body))
        if card.figures != before.card.figures:
            old_figures, self._figures = self._figures, self._figure_widgets(page)
            if self._figures:
                await self.mount_all(self._figures, before=self._sources)
            await self.remove_children(old_figures)
        sources = page.sources
        if bool(sources) == bool(self._sources.sources):
            self._sources.show(sources)
        else:
            await self._sources.remove()  # first: the new list has the same id
            self._sources = self._source_list(page)
            await self.mount(self._sources)
