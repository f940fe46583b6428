"""Outcome figures as numbers, words and icon grids: counts out of 100 people.

Pure text, so the pictures and the words can be shared by every front end and tested without a terminal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content.models import Arm, Figure


FILLED = "●"
PARTLY = "◐"
EMPTY = "○"
PEOPLE = 100
COLUMNS = 10


@dataclass(frozen=True)
class Counts:
    """How many icons to draw filled, partly filled (the uncertain part of a range) and empty."""

    filled: int
    partly: int

    @property
    def empty(self) -> int:
        return PEOPLE - self.filled - self.partly


def _whole(value: float) -> int:
    """Round half up to a whole person; anything below 1 counts as none."""
    if value < 1:
        return 0
    return min(PEOPLE, math.floor(value + 0.5))


def _say(value: float) -> str:
    if 0 < value < 1:
        return "fewer than 1"
    if PEOPLE - 1 < value < PEOPLE:
        return "more than 99"
    return str(_whole(value))


def arm_counts(arm: Arm) -> Counts:
    """The icons to draw for one arm: a range draws low as filled and high minus low as partly filled."""
    if arm.low is not None and arm.high is not None:
        low = _whole(arm.low)
        return Counts(low, _whole(arm.high) - low)
    return Counts(_whole(arm.events or 0), 0)


def count_words(arm: Arm) -> str:
    """The count in words, e.g. '23 out of 100 people' or 'between 8 and 19 out of 100 people'."""
    if arm.low is not None and arm.high is not None:
        if arm.low == arm.high:
            return f"{_say(arm.low)} out of 100 people"
        if arm.low == 0:
            return f"up to {_say(arm.high)} out of 100 people"
        return f"between {_say(arm.low)} and {_say(arm.high)} out of 100 people"
    return f"{_say(arm.events or 0)} out of 100 people"


def _say_rest(value: float) -> str:
    """The people not counted, so the two sides always add up to 100 as drawn."""
    if 0 < value < 1:
        return "more than 99"
    if PEOPLE - 1 < value < PEOPLE:
        return "fewer than 1"
    return str(PEOPLE - _whole(value))


def other_side_words(arm: Arm) -> str:
    """The other side of the frame, e.g. '77 out of 100 did not'."""
    if arm.low is not None and arm.high is not None and arm.low != arm.high:
        if arm.low == 0:
            return f"at least {_say_rest(arm.high)} out of 100 did not"
        return f"between {_say_rest(arm.high)} and {_say_rest(arm.low)} out of 100 did not"
    value = arm.events if arm.events is not None else arm.low or 0
    return f"{_say_rest(value)} out of 100 did not"


def grid_lines(counts: Counts) -> list[str]:
    """Ten rows of ten glyphs, filled first from the top left in reading order, then partly, then empty."""
    glyphs = [FILLED] * counts.filled + [PARTLY] * counts.partly + [EMPTY] * counts.empty
    return [" ".join(glyphs[row : row + COLUMNS]) for row in range(0, PEOPLE, COLUMNS)]


def legend(arms: tuple[Arm, ...]) -> str:
    """What the glyphs mean; the partly filled glyph is only explained when a range is drawn."""
    parts = [f"{FILLED} counted", f"{EMPTY} not counted"]
    if any(arm_counts(arm).partly for arm in arms):
        parts.insert(1, f"{PARTLY} may or may not be counted (the range)")
    return "   ".join(parts)


def figure_heading(figure: Figure) -> str:
    """What is counted, in whom and over what time."""
    return f"Out of 100 {figure.population}: how many {figure.counted}, {figure.time_frame}."
