"""What a pack answers besides its fields: shortcuts and look-ups by id, in reading order.

Pure Python, mixed into the records the aid runs on (`content.records`) and into the Pydantic model that checks
a pack, so both answer the same.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

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
        return _index(self).cards[card_id]

    def figure(self, figure_id: str) -> Figure:
        return _index(self).figures[figure_id]

    def option(self, option_id: str) -> Option:
        return _index(self).options[option_id]

    def source(self, source_id: str) -> Source:
        return _index(self).sources[source_id]

    def question(self, question_id: str) -> ClinicianQuestion:
        return _index(self).questions[question_id]

    def section(self, section_id: str) -> Section:
        return _index(self).sections[section_id]

    def ordered_cards(self) -> list[Card]:
        """Cards in reading order: by section as listed, then as written (the same list each time: not to change)."""
        return _index(self).ordered_cards


class _Index:
    """A pack's items by id, and its cards in reading order, made once: a look-up per card that walked every
    card, source or section made the steps over all cards quadratic in their number."""

    def __init__(self, pack: PackLookups) -> None:
        fields: Any = pack
        self.cards = {c.id: c for c in fields.cards.cards}
        self.figures = {f.id: f for f in fields.figures.figures}
        self.options = {o.id: o for o in fields.pack.options}
        self.sources = {s.id: s for s in fields.sources.sources}
        self.questions = {q.id: q for q in fields.clinician.questions}
        self.sections = {s.id: s for s in fields.pack.sections}
        rank = {section_id: i for i, section_id in enumerate(self.sections)}
        self.ordered_cards = sorted(fields.cards.cards, key=lambda c: rank[c.section])


_INDEXES: OrderedDict[int, tuple[PackLookups, _Index]] = OrderedDict()
_KEEP_INDEXES = 8  # packs are immutable and few in a run; the pack is kept beside its index, so its id stays its own


def _index(pack: PackLookups) -> _Index:
    """The index of `pack`, made when first asked for (a pack is immutable, so it never goes stale)."""
    found = _INDEXES.get(id(pack))
    if found is not None and found[0] is pack:
        _INDEXES.move_to_end(id(pack))
        return found[1]
    index = _Index(pack)
    _INDEXES[id(pack)] = (pack, index)
    while len(_INDEXES) > _KEEP_INDEXES:
        _INDEXES.popitem(last=False)
    return index


# The behaviour each model takes on, by model name: its record class (content.records) takes on the same.
BEHAVIOUR: dict[str, type] = {"Pack": PackLookups}
