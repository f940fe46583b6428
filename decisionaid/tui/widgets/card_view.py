"""One information card: section, title, the options it is about, certainty, text, figures, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
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

    def compose(self) -> ComposeResult:
        card, pack, words = self.card, self.pack, self.words
        yield from line_widgets(pages.card_heading(pack, card, words))
        yield Static(Content(card.body), classes="card-body")
        for figure_id in card.figures:
            figure = pack.figure(figure_id)
            yield IconArray(figure, words)
            certainty = words(f"certainty.{figure.certainty.value}")
            yield Static(Content(words("card.how_sure", certainty=certainty)), classes="certainty")
        yield SourceList(pages.card_sources(pack, card), title=words("sources.title"), id="sources-panel")
