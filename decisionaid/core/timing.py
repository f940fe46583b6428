"""How long reading takes: the words of each step, from the page models both front ends show, at 150 words
a minute (a slow, careful pace: someone tired or low reads slower than the usual 200 to 250).

A word is a run of letters; numbers and web addresses are not counted. The welcome and the list of
questions are not counted: the short path runs from the first step after the welcome to the question list.
`short_path_time` is what `lint` reports and checks against `meta.short_path_minutes`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, words_for
from decisionaid.core.journey import Journey, Place
from decisionaid.core.pages.at import Keys, Pages
from decisionaid.core.session import Session

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.models import SelfCheck

WORDS_PER_MINUTE = 150
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")


def count_words(text: str) -> int:
    """Runs of letters, with web addresses left out."""
    if "://" in text or "www." in text:
        text = _ADDRESS.sub(" ", text)
    return len(_WORD.findall(text))


def minutes_for(words: int) -> int:
    """Whole minutes at 150 words a minute, to the nearest minute (a half up): the minutes of parts then add up to
    about those of the whole, as the map shows them. Under half a minute is 0: say it as "under a minute"."""
    return math.floor(words / WORDS_PER_MINUTE + 0.5)


@dataclass(frozen=True)
class PathTime:
    """The short path's length: what is on it, its words and minutes, and the pack's target."""

    marked: bool  # False when the pack marks nothing, so everything is on the short path
    cards: int
    self_check: int
    values: int
    steps: int  # every step from the first after the welcome to the question list
    words: int
    target_minutes: int

    @property
    def minutes(self) -> int:
        return minutes_for(self.words)

    @property
    def minutes_to_a_tenth(self) -> float:
        """Minutes rounded up to a tenth, so a path over its target never reads as on it."""
        return math.ceil(self.words * 10 / WORDS_PER_MINUTE) / 10

    @property
    def over_target(self) -> bool:
        return self.words > self.target_minutes * WORDS_PER_MINUTE


class Timing:
    """The words of each step of one pack's journey, worked out once."""

    def __init__(self, pack: Pack, journey: Journey, words: Catalogue) -> None:
        self.pack = pack
        self.journey = journey
        self.words = words
        items = pack.self_check
        self.walked = Session(
            pack=pack.meta.id,
            cards_read=[journey.card_ids[i] for i in journey.short["cards"]],
            self_check={items[i].id: _not_sure(items[i]) for i in journey.short["self_check"]},
        )
        self.pages = Pages(pack, journey, words, self.minutes_of)
        # For counting, a page that offers what the short path left out may say any number of minutes: numbers are
        # not words, so the count is the same, and the welcome need not read every card left out to say its own.
        self._counted = Pages(pack, journey, words, lambda places: 1)
        self.keys = Keys(words("welcome.help_key_plain"), words("self_check.reopen_key_plain"))
        self._cache: dict[Place, int] = {}

    def words_at(self, place: Place) -> int:
        if place not in self._cache:
            self._cache[place] = count_words("\n".join(self.texts(place)))
        return self._cache[place]

    def words_of(self, places: Iterable[Place]) -> int:
        return sum(self.words_at(place) for place in places)

    def minutes_of(self, places: Iterable[Place]) -> int:
        return minutes_for(self.words_of(places))

    def short_path(self) -> tuple[Place, ...]:
        """The steps that count: after the welcome, up to the question list."""
        return tuple(p for p in self.journey.steps if p[0] not in ("welcome", "summary"))

    def path_time(self) -> PathTime:
        journey, steps = self.journey, self.short_path()
        return PathTime(
            marked=journey.marked,
            cards=len(journey.short["cards"]),
            self_check=len(journey.short["self_check"]),
            values=len(journey.short["values"]),
            steps=len(steps),
            words=self.words_of(steps),
            target_minutes=self.pack.meta.short_path_minutes,
        )

    def texts(self, place: Place) -> tuple[str, ...]:
        """What the step at `place` says, as its page model gives it, to someone who took the short path's
        defaults: its cards read and its questions answered 'not sure', so that each question is counted with its
        feedback. A question off the path is counted answered so too."""
        stage, position = place
        if stage in ("welcome", "summary"):
            return ()
        session = self.walked
        if stage == "self_check" and self.journey.is_item(place):
            item = self.pack.self_check[position]
            session = replace(session, self_check={**session.self_check, item.id: _not_sure(item)})
        return self._counted.at(place, session, self.keys).texts()


def _not_sure(item: SelfCheck) -> str:
    return next(c.id for c in item.choices if c.not_sure)


def short_path_time(pack: Pack, words: Catalogue | None = None) -> PathTime:
    """How long the pack's short path takes to read, from the first step to the question list."""
    words = words or words_for(pack)
    return Timing(pack, Journey(pack), words).path_time()
