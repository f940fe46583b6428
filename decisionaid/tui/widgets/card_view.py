"""One information card: section, title, the options it is about, certainty, text, figures, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from decisionaid.core import pages
from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.widgets.icon_array import IconArray
from decisionaid.tui.widgets.page_lines import line_widgets
from decisionaid.tui.widgets.sources import SourceList

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.models import Card


class CardView(Vertical):
    """Everything on a card; the sources panel is shown or hidden with the `-sources` class."""

    def __init__(self, pack: Pack, card: Card, words: Catalogue, *, show_sources: bool = False) -> None:
        super().__init__(classes="card-view -sources" if show_sources else "card-view")
        self.pack = pack
        self.card = card
        self.words = words
        self._heading: list[Static] = []
        self._body = Static(Content(card.body), classes="card-body")
        self._figures: list[Widget] = []
        self._sources = self._source_list(card)

    def compose(self) -> ComposeResult:
        self._heading = line_widgets(pages.card_heading(self.pack, self.card, self.words))
        self._figures = self._figure_widgets(self.card)
        yield from self._heading
        yield self._body
        yield from self._figures
        yield self._sources

    def _figure_widgets(self, card: Card) -> list[Widget]:
        widgets: list[Widget] = []
        for figure_id in card.figures:
            figure = self.pack.figure(figure_id)
            certainty = self.words(f"certainty.{figure.certainty.value}")
            widgets += [
                IconArray(figure, self.words),
                Static(Content(self.words("card.how_sure", certainty=certainty)), classes="certainty"),
            ]
        return widgets

    def _source_list(self, card: Card) -> SourceList:
        return SourceList(pages.card_sources(self.pack, card), title=self.words("sources.title"), id="sources-panel")

    async def show(self, card: Card) -> None:
        """Another card in this view, written into the lines already there: its heading and text always, and its
        figures and sources when it has the same ones as the card before (most do). Only what differs is made
        afresh, which is much quicker than making the whole card again."""
        before, self.card = self.card, card
        heading = pages.card_heading(self.pack, card, self.words)
        if [line.role for line in heading] == [line.role for line in pages.card_heading(self.pack, before, self.words)]:
            for widget, line in zip(self._heading, heading, strict=True):
                widget.update(Content(line.text))
        else:
            old, self._heading = self._heading, line_widgets(heading)
            await self.mount_all(self._heading, before=self._body)
            await self.remove_children(old)
        self._body.update(Content(card.body))
        if card.figures != before.figures:
            old_figures, self._figures = self._figures, self._figure_widgets(card)
            if self._figures:
                await self.mount_all(self._figures, before=self._sources)
            await self.remove_children(old_figures)
        sources = pages.card_sources(self.pack, card)
        if bool(sources) == bool(self._sources.sources):
            self._sources.show(sources)
        else:
            await self._sources.remove()  # first: the new list has the same id
            self._sources = self._source_list(card)
            await self.mount(self._sources)
