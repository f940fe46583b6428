"""The map of the aid: its parts, how far the person is through each, and how long is left.

A part is done when every one of its steps on the short path has been shown (for "More about the options", the
list of all the cards); in progress when some have, or while the person is in it; otherwise not started. The
question list is done once it has been shown: it is where the short path ends. Minutes are worked out from the
words of the page models (see `timing`), never typed by hand.

The time left counts, part by part, the steps on the short path not shown yet and the step the person is on; in
a run of questions the short path left out, the rest of that run too (the person chose to answer them). What a
part offers beyond that is shown apart, as optional: a card opened from the list of cards counts only itself, so
opening one does not add the whole section. The time left is the sum of the parts' minutes, so the map's rows add
up to it, and a part's minutes change only with what is done in it.
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
QUESTION_STAGES = ("self_check", "values", "sure")


@dataclass(frozen=True)
class PartRow:
    """One line of the map."""

    number: int
    id: str
    title: str
    state: State
    minutes: int  # counted in the time left
    place: Place  # where choosing the part leads
    here: bool
    open: bool = False  # it has steps the time left counts, however short
    optional: int = 0  # steps it offers beyond the short path still open, not counted in the time left
    optional_minutes: int = 0
    unanswered: int = 0  # its questions gone through without an answer

    def describe(self, words: Catalogue) -> str:
        """'not started, about 3 minutes': the minutes of what is still open in it (none once it is done, nor for
        the question list: it is where the path ends), then what it offers beyond the short path, if any. A part
        done with questions left unanswered says how many: 'done; 5 not answered'."""
        said = words(f"map.{self.state}")
        if self.state == "done" and self.unanswered:
            said = words("skipped.map_done", count=self.unanswered)
        if self.open:
            said = words("map.row", state=said, minutes=about(self.minutes, words))
        if self.optional:
            more = words("map.optional", count=self.optional, minutes=minutes_words(self.optional_minutes, words))
            said = words("map.row_optional", row=said, optional=more)
        return said


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
        """By the part's steps on the short path: what it offers beyond them is said apart, as optional (a card
        read from the options table does not start "More about the options"), or all it offers read or answered."""
        done = [self.shown(session, p) for p in part.steps]
        if part.holds(here) and part.id != "summary":
            return "in_progress"
        if all(done) or (part.extra and all(self.shown(session, p) for p in part.extra)):
            return "done"
        return "in_progress" if any(done) else "not_started"

    def unanswered(self, part: Part, session: Session | None, here: Place) -> int:
        """How many of the part's questions were shown and left without an answer (the one the person is on
        aside)."""
        if session is None:
            return 0
        count = 0
        for place in (*part.steps, *part.extra):
            if place[0] not in QUESTION_STAGES or place == here or not self.journey.is_item(place):
                continue
            if self.shown(session, place):
                count += not session.answered(place[0], (self.journey.step_key(place) or "").partition(":")[2])
        return count

    def minutes_left(self, session: Session | None, here: Place) -> int:
        """The time left: the sum of the parts' minutes (see the module's docstring)."""
        return sum(self.timing.minutes_of(self.counted(part, session, here)) for part in self.journey.parts)

    def anything_left(self, session: Session | None, here: Place) -> bool:
        """Whether any step the time left counts is still ahead, however short."""
        return any(self.timing.words_of(self.counted(part, session, here)) for part in self.journey.parts)

    def counted(self, part: Part, session: Session | None, here: Place) -> list[Place]:
        """The steps of `part` the time left counts: its steps on the short path not shown yet (the question list
        aside: the path ends there), the step the person is on, and the rest of a run of left-out questions."""
        steps = [p for p in part.steps if p[0] != "summary" and (p == here or not self.shown(session, p))]
        if part.holds(here) and self.journey.is_left_out(here):
            steps.append(here)
            if here[0] != "cards":
                group = self.journey.group(here)
                steps += [p for p in group[group.index(here) + 1 :] if not self.shown(session, p)]
        return steps

    def optional(self, part: Part, session: Session | None, counted: list[Place]) -> list[Place]:
        """What `part` offers beyond the short path that is still open and not counted in the time left."""
        return [p for p in part.extra if p not in counted and not self.shown(session, p)]

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
            counted = self.counted(part, session, here)
            optional = [p for p in self.optional(part, session, counted) if self.journey.is_item(p)]
            rows.append(
                PartRow(
                    number=number,
                    id=part.id,
                    title=self.title(part),
                    state=self.state(part, session, here),
                    minutes=self.timing.minutes_of(counted),
                    place=self.destination(part, session, here),
                    here=part.holds(here),
                    open=bool(self.timing.words_of(counted)),
                    optional=len(optional),
                    optional_minutes=self.timing.minutes_of(optional),
                    unanswered=self.unanswered(part, session, here),
                )
            )
        return tuple(rows)

    def title(self, part: Part) -> str:
        if part.id == "cards" and not self.journey.marked:
            return self.words("part.cards_all")
        return self.words(f"part.{part.id}")

    def line(self, session: Session | None, here: Place, *, short: bool = False, resume: Place | None = None) -> str:
        """'Part 2 of 7 · about 9 minutes left' ('Part 2/7 · 9 min left' when `short`, for a narrow window);
        before any part, how many parts and how long they take. On a page in no part (the welcome), the time left
        is counted from `resume`, where the person would go on, as the welcome's own words count it."""
        words, parts = self.words, self.journey.parts
        brief = "_short" if short else ""

        def duration(minutes: int) -> str:
            return words("time.short", count=max(minutes, 1)) if short else about(minutes, words)

        if session is None:
            minutes = self.minutes_left(None, ("welcome", 0))
            return words(f"progress.new{brief}", parts=len(parts), minutes=duration(minutes))
        part = self.journey.part_of(here)
        counted_from = here if part is not None or resume is None else resume
        left = self.minutes_left(session, counted_from)
        if left or self.anything_left(session, counted_from):
            time = words(f"progress.left{brief}", minutes=duration(left))
        else:
            time = words(f"progress.done{brief}")
        if part is None:
            return time
        number = parts.index(part) + 1
        return words(f"progress.part{brief}", n=number, total=len(parts), time=time)

    def aid_map(self, session: Session | None, here: Place) -> AidMap:
        words = self.words
        rows = self.rows(session, here)
        return AidMap(words("map.title"), self.line(session, here), words("map.hint"), rows)


def about(minutes: int, words: Catalogue) -> str:
    """'about 9 minutes', or 'under a minute' for 0 (what is left is shorter than half a minute)."""
    return minutes_words(minutes, words) if minutes else words("time.under_one")
