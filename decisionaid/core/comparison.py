"""Options at a glance: the pack's comparison table as a page model, in the style of an Option Grid.

The options are the columns, in the pack's order ("no change" among them); the questions people ask most
are the rows. Every option has a cell in every row (the loader checks it), so the table is balanced by
construction. The full-screen aid shows it as a grid; plain mode reads it row by row, or option by option.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.models import Source


@dataclass(frozen=True)
class Cell:
    """What one row says about one option, where it comes from, and the card that tells more."""

    option: str
    text: str
    sources: tuple[Source, ...]
    card: int | None  # the card's position in reading order


@dataclass(frozen=True)
class Row:
    question: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Comparison:
    title: str
    lead: str
    options: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the table cites, each once, in the order first cited."""
        found = {s.id: s for row in self.rows for cell in row.cells for s in cell.sources}
        return tuple(found.values())

    def texts(self) -> tuple[str, ...]:
        """Everything the table says, for counting its words."""
        cells = (f"{cell.option}: {cell.text}" for row in self.rows for cell in row.cells)
        return (self.title, self.lead, *(row.question for row in self.rows), *cells)


def comparison(pack: Pack, words: Catalogue) -> Comparison:
    """The table with its cells in the pack's option order."""
    positions = {card.id: i for i, card in enumerate(pack.ordered_cards())}
    names = {option.id: option.name for option in pack.options}
    rows = []
    for row in pack.comparison:
        by_option = {cell.option: cell for cell in row.cells}
        cells = tuple(
            Cell(
                option=names[option.id],
                text=by_option[option.id].text,
                sources=tuple(pack.source(s) for s in by_option[option.id].sources),
                card=positions.get(by_option[option.id].card or ""),
            )
            for option in pack.options
        )
        rows.append(Row(row.question, cells))
    return Comparison(
        title=words("compare.title"),
        lead=words("compare.lead", count=len(pack.options)),
        options=tuple(option.name for option in pack.options),
        rows=tuple(rows),
    )
