"""The map of the aid: its parts, how far the person is through each, and how long is left.

A part is done when every one of its steps on the short path has been shown (for "More about the options":
every card it offers has been read); in progress when some have, or while the person is in it; otherwise not
started. The question list is done once it has been shown: it is where the short path ends. Minutes are
worked out from the words of the page models (see `timing`), never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.journey import Journey, Part, Place
from decisionaid.core.pages import minutes_words
from decisionaid.core.session import Session
from decisionaid.core.timing import Timing

State = Literal["not_started", "in_progress", "done"]


@dataclass(frozen=True)
class PartRow:
    """One line of the map."""

    number: int
    id: str
    title: str
    state: State
    minutes: int
    place: Place  # where choosing the part leads
    here: bool

    def describe(self, words: Catalogue) -> str:
        """'not started, about 3 minutes': the minutes of what is still open in it (none once it is done, nor for
        the question list: it is where the path ends)."""
        state = words(f"map.{self.state}")
        if not self.minutes:
            return state
        return words("map.row", state=state, minutes=minutes_words(self.minutes, words))


@dataclass(frozen=True)
class AidMap:
    title: str
    where: str
    hint: str
    rows: tuple[PartRow, ...]


class Progress:
    """Where a person is in the whole journey, from the journey, the words of its steps and the answers."""

    def __init__(self, journey: Journey, timing: Timing, words: Catalogue) -> None:
        self.journey = journey
        self.timing = timing
        self.words = words

    def shown(self, session: Session | None, place: Place) -> bool:
        key = self.journey.step_key(place)
        return session is not None and key is not None and (key in session.cards_read or key in session.seen)

    def state(self, part: Part, session: Session | None, here: Place) -> State:
        things = part.extra if part.id == "more" else part.steps
        done = [self.shown(session, p) for p in things]
        if part.holds(here) and part.id != "summary":
            return "in_progress"
        if all(done):
            return "done"
        return "in_progress" if any(done) else "not_started"

    def minutes_left(self, session: Session | None, here: Place) -> int:
        """Minutes of the short path not shown yet, counting the step the person is on; on a step the short path
        left out, the steps of its group from there on not shown yet count too."""
        steps = [p for p in self.timing.short_path() if p == here or not self.shown(session, p)]
        if self.journey.is_left_out(here):
            group = self.journey.group(here)
            steps += [p for p in group[group.index(here) :] if p == here or not self.shown(session, p)]
        return self.timing.minutes_of(steps)

    def destination(self, part: Part, session: Session | None, here: Place) -> Place:
        """Where choosing a part leads: where the person is (if on one of its steps), the first step not shown,
        or its end page."""
        if here in part.steps:
            return here
        unseen = [p for p in part.steps if not self.shown(session, p)]
        if unseen:
            return unseen[0]
        last = part.steps[-1]
        return last if not self.journey.is_item(last) else part.steps[0]

    def rows(self, session: Session | None, here: Place) -> tuple[PartRow, ...]:
        rows = []
        for number, part in enumerate(self.journey.parts, 1):
            things = part.extra if part.id == "more" else part.steps
            rows.append(
                PartRow(
                    number=number,
                    id=part.id,
                    title=self.title(part),
                    state=self.state(part, session, here),
                    minutes=self.timing.minutes_of(
                        p for p in things if p[0] != "summary" and (p == here or not self.shown(session, p))
                    ),
                    place=self.destination(part, session, here),
                    here=part.holds(here),
                )
            )
        return tuple(rows)

    def title(self, part: Part) -> str:
        if part.id == "cards" and not self.journey.marked:
            return self.words("part.cards_all")
        return self.words(f"part.{part.id}")

    def line(self, session: Session | None, here: Place, *, short: bool = False) -> str:
        """'Part 2 of 7 · about 9 minutes left' ('Part 2/7 · 9 min left' when `short`, for a narrow window);
        before any part, how many parts and how long they take."""
        words, parts = self.words, self.journey.parts
        brief = "_short" if short else ""

        def duration(minutes: int) -> str:
            return words("time.short", count=max(minutes, 1)) if short else minutes_words(minutes, words)

        if session is None:
            minutes = self.timing.minutes_of(self.timing.short_path())
            return words(f"progress.new{brief}", parts=len(parts), minutes=duration(minutes))
        left = self.minutes_left(session, here)
        time = words(f"progress.left{brief}", minutes=duration(left)) if left else words(f"progress.done{brief}")
        part = self.journey.part_of(here)
        if part is None:
            return time
        number = parts.index(part) + 1
        return words(f"progress.part{brief}", n=number, total=len(parts), time=time)

    def aid_map(self, session: Session | None, here: Place) -> AidMap:
        words = self.words
        rows = self.rows(session, here)
        return AidMap(words("map.title"), self.line(session, here), words("map.hint"), rows)
