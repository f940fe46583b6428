"""Outcome figures as numbers, words and icon grids: counts out of 100 (people, or what the pack counts).

Pure text, so the pictures and the words can be shared by every front end and tested without a terminal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content.models import Arm, Figure
    from decisionaid.core.catalogue import Catalogue


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


def _say(value: float, words: Catalogue) -> str:
    if 0 < value < 1:
        return words("figure_count.fewer_than_one")
    if PEOPLE - 1 < value < PEOPLE:
        return words("figure_count.more_than_99")
    return str(_whole(value))


def arm_counts(arm: Arm) -> Counts:
    """The icons to draw for one arm: a range draws low as filled and high minus low as partly filled."""
    if arm.low is not None and arm.high is not None:
        low = _whole(arm.low)
        return Counts(low, _whole(arm.high) - low)
    return Counts(_whole(arm.events or 0), 0)


def count_words(arm: Arm, words: Catalogue) -> str:
    """The count in words, e.g. '23 out of 100 people' or 'between 8 and 19 out of 100 people'."""
    if arm.low is not None and arm.high is not None:
        if arm.low == arm.high:
            return words("figure_count.exactly", n=_say(arm.low, words))
        if arm.low == 0:
            return words("figure_count.up_to", n=_say(arm.high, words))
        return words("figure_count.between", low=_say(arm.low, words), high=_say(arm.high, words))
    return words("figure_count.exactly", n=_say(arm.events or 0, words))


def _say_rest(value: float, words: Catalogue) -> str:
    """The ones not counted, so the two sides always add up to 100 as drawn."""
    if 0 < value < 1:
        return words("figure_count.more_than_99")
    if PEOPLE - 1 < value < PEOPLE:
        return words("figure_count.fewer_than_one")
    return str(PEOPLE - _whole(value))


def other_side_words(arm: Arm, words: Catalogue) -> str:
    """The other side of the frame, e.g. '77 out of 100 did not'."""
    if arm.low is not None and arm.high is not None and arm.low != arm.high:
        if arm.low == 0:
            return words("figure_count.rest_at_least", n=_say_rest(arm.high, words))
        return words("figure_count.rest_between", low=_say_rest(arm.high, words), high=_say_rest(arm.low, words))
    value = arm.events if arm.events is not None else arm.low or 0
    return words("figure_count.rest", n=_say_rest(value, words))


def grid_lines(counts: Counts) -> list[str]:
    """Ten rows of ten glyphs, filled first from the top left in reading order, then partly, then empty."""
    glyphs = [FILLED] * counts.filled + [PARTLY] * counts.partly + [EMPTY] * counts.empty
    return [" ".join(glyphs[row : row + COLUMNS]) for row in range(0, PEOPLE, COLUMNS)]


def legend(arms: tuple[Arm, ...], words: Catalogue) -> str:
    """What the glyphs mean; the partly filled glyph is only explained when a range is drawn."""
    parts = [words("figure_count.legend_counted", glyph=FILLED), words("figure_count.legend_not", glyph=EMPTY)]
    if any(arm_counts(arm).partly for arm in arms):
        parts.insert(1, words("figure_count.legend_range", glyph=PARTLY))
    return "   ".join(parts)


def figure_heading(figure: Figure, words: Catalogue) -> str:
    """What is counted, in whom and over what time."""
    return words(
        "figure_count.heading", population=figure.population, counted=figure.counted, time_frame=figure.time_frame
    )
