"""One information card: section, title, the options it is about, certainty, text, figures, sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from decisionaid.content import Pack
from decisionaid.content.models import Card
from decisionaid.core.wording import certainty_words
from decisionaid.tui.widgets.icon_array import IconArray
from decisionaid.tui.widgets.sources import SourceList


class CardView(Vertical):
    """Everything on a card; the sources panel is shown or hidden with the `-sources` class."""

    def __init__(self, pack: Pack, card: Card, *, show_sources: bool = False) -> None:
        super().__init__(classes="card-view -sources" if show_sources else "card-view")
        self.pack = pack
        self.card = card

    def compose(self) -> ComposeResult:
        card, pack = self.card, self.pack
        section = next(s for s in pack.sections if s.id == card.section)
        yield Static(Content(section.title), classes="section-title")
        yield Static(Content(card.title), classes="card-title")
        if card.options:
            names = ", ".join(pack.option(o).name for o in card.options)
            yield Static(Content(f"About: {names}"), classes="card-options")
        yield Static(Content(f"How sure: {certainty_words(card.certainty)}"), classes="certainty")
        yield Static(Content(card.body), classes="card-body")
        for figure_id in card.figures:
            figure = pack.figure(figure_id)
            yield IconArray(figure)
            yield Static(Content(f"How sure: {certainty_words(figure.certainty)}"), classes="certainty")
        sources = dict.fromkeys([*card.sources, *(s for f in card.figures for s in pack.figure(f).sources)])
        yield SourceList((pack.source(s) for s in sources), id="sources-panel")
