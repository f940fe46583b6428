"""The pages that end a part and offer what the short path left out: every card by section, and the values
items left out. Both say how long the extra reading takes and never require it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.journey import Journey, Place
from decisionaid.core.pages import Line, Page, StillOpen
from decisionaid.core.session import Session

if TYPE_CHECKING:
    from decisionaid.content import Pack


@dataclass(frozen=True)
class CardEntry:
    position: int
    title: str
    read: bool
    left_out: bool
    marks: str = ""  # 'read, more': what the list says after the title, in brackets (the legend says what it means)


@dataclass(frozen=True)
class SectionEntry:
    title: str
    summary: str  # '4 cards, 2 read, 3 not on the short path'
    cards: tuple[CardEntry, ...]


@dataclass(frozen=True)
class Contents:
    """Every card, section by section, with what was read and what the short path left out."""

    title: str
    lead: str
    hint: str
    sections: tuple[SectionEntry, ...]
    legend: str = ""  # what the marks after a card's title mean

    def texts(self) -> tuple[str, ...]:
        """What the page says before a section is opened, for counting its words."""
        return (self.title, self.lead, *(f"{s.title}: {s.summary}" for s in self.sections))


def contents(
    pack: Pack, journey: Journey, session: Session, words: Catalogue, minutes_of: Callable[[Iterable[Place]], int]
) -> Contents:
    """`minutes_of(places)` is how long cards take to read: the lead counts the cards left out still unread."""
    read = set(session.cards_read)
    by_section: dict[str, list[CardEntry]] = {}
    for i, card in enumerate(pack.ordered_cards()):  # once: sorting every card for each section is quadratic
        entry = card_entry(i, card.title, card.id in read, journey.is_left_out(("cards", i)), words)
        by_section.setdefault(card.section, []).append(entry)
    sections = []
    for section in pack.sections:
        cards = tuple(by_section.get(section.id, ()))
        if not cards:
            continue
        parts = [words("contents.cards", count=len(cards))]
        done = sum(card.read for card in cards)
        if done:
            parts.append(words("contents.read", count=done))
        left_out = sum(card.left_out and not card.read for card in cards)  # so that the counts add up
        if left_out:
            parts.append(words("contents.left_out", count=left_out))
        sections.append(SectionEntry(section.title, ", ".join(parts), cards))
    left_out = journey.left_out["cards"]
    if left_out:
        title = words("contents.title_more")
        unread = [i for i in left_out if journey.card_ids[i] not in read]
        still_open = StillOpen("cards", left_out, unread, "cards")
        lead = still_open.lines(words, minutes_of, first=("contents.lead_more", ""))[0].text
    else:
        title, lead = words("contents.title_all"), words("contents.lead_all", count=len(journey.card_ids))
    return Contents(title, lead, words("contents.hint"), tuple(sections), words("card_marks.legend"))


def card_entry(position: int, title: str, read: bool, left_out: bool, words: Catalogue) -> CardEntry:
    flags = (("contents.read_mark", read), ("contents.left_out_mark", left_out))
    marks = ", ".join(words(key) for key, on in flags if on)
    return CardEntry(position, title, read, left_out, marks)


def values_more(
    pack: Pack, journey: Journey, session: Session, words: Catalogue, minutes_of: Callable[[Iterable[Place]], int]
) -> Page:
    """The values and situation items the short path left out, offered with how long those still open take."""
    items = pack.values
    left_out = journey.left_out["values"]
    unanswered = [i for i in left_out if items[i].id not in session.values]
    still_open = StillOpen("values", left_out, unanswered, "values")
    lines = still_open.lines(words, minutes_of, first=("values_more.lead", "lead"))
    if unanswered:
        lines.append(Line(words("values_more.why"), "hint"))
    offer = still_open.offer(words, first="values_more.answer")
    return Page(words("values_more.title"), tuple(lines), offers=(offer,))
