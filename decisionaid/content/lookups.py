"""What a pack answers besides its fields: its items, read from the files that hold them, and look-ups by id.

Pure Python, mixed into the records the aid runs on (`content.records`) and into the Pydantic model that checks
a pack, so both answer the same.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decisionaid.content.models import (
        Card,
        ClinicianQuestion,
        CrisisResource,
        Figure,
        ManifestFile,
        Meta,
        Option,
        Row,
        Section,
        SelfCheck,
        Source,
        Sure,
        Topic,
        ValueItem,
        VersionChanges,
    )


class PackLookups:
    """Mixed into the pack: its items, read from the fields that hold its files (`cards_file`, ...), and look-ups
    by id. Callers use these, never the file fields, so where an item is written is the loader's business."""

    __slots__ = ()

    @property
    def meta(self) -> Meta:
        return self.pack_file.meta

    @property
    def sections(self) -> list[Section]:
        return self.pack_file.sections

    @property
    def options(self) -> list[Option]:
        return self.pack_file.options

    @property
    def sources(self) -> list[Source]:
        return self.sources_file.sources

    @property
    def cards(self) -> list[Card]:
        """The cards as written (`ordered_cards` gives them in reading order)."""
        return self.cards_file.cards

    @property
    def figures(self) -> list[Figure]:
        return self.figures_file.figures

    @property
    def self_check(self) -> list[SelfCheck]:
        return self.self_check_file.self_check

    @property
    def values(self) -> list[ValueItem]:
        return self.values_file.values

    @property
    def sure(self) -> Sure | None:
        """The SURE test, if the pack has one."""
        return self.sure_file.sure

    @property
    def topics(self) -> list[Topic]:
        return self.clinician_file.topics

    @property
    def questions(self) -> list[ClinicianQuestion]:
        """The bank of questions for the clinician."""
        return self.clinician_file.questions

    @property
    def comparison(self) -> list[Row]:
        """The rows of the options at a glance (none when the pack has no comparison.toml)."""
        return self.comparison_file.rows

    @property
    def crisis(self) -> list[CrisisResource]:
        """The help-now lines."""
        return self.crisis_file.crisis

    @property
    def changes(self) -> list[VersionChanges]:
        """What each version changed, as changes.toml lists them."""
        return self.changes_file.versions

    @property
    def manifest(self) -> ManifestFile:
        """The release record (manifest.toml); a draft's is empty."""
        return self.manifest_file

    def file(self, name: str) -> Any:
        """The model of one of the pack's files, by the name a pack author knows it by: 'cards' for cards.toml
        (the field `cards_file`), for checks that name the file and key they found something at."""
        return getattr(self, f"{name}_file")

    @property
    def help_now(self) -> bool:
        """Whether the pack has help-now lines: shown on every screen and one key away when it has."""
        return bool(self.crisis)

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
        self.cards = {c.id: c for c in pack.cards}
        self.figures = {f.id: f for f in pack.figures}
        self.options = {o.id: o for o in pack.options}
        self.sources = {s.id: s for s in pack.sources}
        self.questions = {q.id: q for q in pack.questions}
        self.sections = {s.id: s for s in pack.sections}
        rank = {section_id: i for i, section_id in enumerate(self.sections)}
        self.ordered_cards = sorted(pack.cards, key=lambda c: rank[c.section])


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
