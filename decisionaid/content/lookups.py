"""What a pack answers besides its fields: shortcuts and look-ups by id, in reading order.

Pure Python, so the validated pack (a Pydantic model) and its compiled twin share the same code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content.models import Card, ClinicianQuestion, Figure, Meta, Option, Section, Source


class PackLookups:
    """Mixed into the pack: every method reads the pack's own fields (`pack`, `cards`, ...)."""

    __slots__ = ()

    @property
    def meta(self) -> Meta:
        return self.pack.meta

    @property
    def sections(self) -> list[Section]:
        return self.pack.sections

    @property
    def options(self) -> list[Option]:
        return self.pack.options

    @property
    def help_now(self) -> bool:
        """Whether the pack has help-now lines: shown on every screen and one key away when it has."""
        return bool(self.crisis.crisis)

    def card(self, card_id: str) -> Card:
        return next(c for c in self.cards.cards if c.id == card_id)

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures.figures if f.id == figure_id)

    def option(self, option_id: str) -> Option:
        return next(o for o in self.pack.options if o.id == option_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources.sources if s.id == source_id)

    def question(self, question_id: str) -> ClinicianQuestion:
        return next(q for q in self.clinician.questions if q.id == question_id)

    def ordered_cards(self) -> list[Card]:
        """Cards in reading order: by section as listed, then as written."""
        rank = {s.id: i for i, s in enumerate(self.pack.sections)}
        return sorted(self.cards.cards, key=lambda c: rank[c.section])


# The behaviour each model takes on, by model name: the compiled pack gives its classes the same.
BEHAVIOUR: dict[str, type] = {"Pack": PackLookups}
