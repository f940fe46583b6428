"""The icon array's pictures and words, without a terminal."""

from __future__ import annotations

import pytest

from decisionaid.content.models import Arm
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.figures import (
    EMPTY,
    FILLED,
    PARTLY,
    Counts,
    arm_counts,
    count_words,
    grid_lines,
    legend,
    other_side_words,
)

WORDS = load_catalogue()


def arm(**numbers: float) -> Arm:
    return Arm(label="group", **numbers)


def glyphs(lines: list[str]) -> str:
    return "".join(line.replace(" ", "") for line in lines)


def test_filled_icons_come_first_in_reading_order() -> None:
    lines = grid_lines(arm_counts(arm(events=23)))
    assert len(lines) == 10 and all(len(line.split()) == 10 for line in lines)
    assert lines[0] == " ".join([FILLED] * 10)
    assert lines[2] == " ".join([FILLED] * 3 + [EMPTY] * 7)
    assert glyphs(lines) == FILLED * 23 + EMPTY * 77


def test_a_range_draws_low_filled_and_the_rest_of_the_range_partly_filled() -> None:
    counts = arm_counts(arm(low=8, high=19))
    assert counts == Counts(filled=8, partly=11)
    assert glyphs(grid_lines(counts)) == FILLED * 8 + PARTLY * 11 + EMPTY * 81
    assert count_words(arm(low=8, high=19), WORDS) == "between 8 and 19 out of 100 people"
    assert other_side_words(arm(low=8, high=19), WORDS) == "between 81 and 92 out of 100 did not"
    assert PARTLY in legend((arm(low=8, high=19),), WORDS)
    assert PARTLY not in legend((arm(events=8),), WORDS)


@pytest.mark.parametrize(
    ("numbers", "words", "other", "filled"),
    [
        ({"events": 23}, "23 out of 100 people", "77 out of 100 did not", 23),
        ({"events": 0.5}, "fewer than 1 out of 100 people", "more than 99 out of 100 did not", 0),
        ({"events": 0}, "0 out of 100 people", "100 out of 100 did not", 0),
        ({"events": 100}, "100 out of 100 people", "0 out of 100 did not", 100),
        ({"events": 12.5}, "13 out of 100 people", "87 out of 100 did not", 13),
        ({"low": 0, "high": 5}, "up to 5 out of 100 people", "at least 95 out of 100 did not", 0),
    ],
)
def test_counts_in_words_match_the_picture(numbers: dict, words: str, other: str, filled: int) -> None:
    assert count_words(arm(**numbers), WORDS) == words
    assert other_side_words(arm(**numbers), WORDS) == other
    assert arm_counts(arm(**numbers)).filled == filled
    assert glyphs(grid_lines(arm_counts(arm(**numbers)))).count(FILLED) == filled


def test_the_glyphs_differ_without_colour() -> None:
    assert len({FILLED, PARTLY, EMPTY}) == 3


def test_a_pack_counts_in_its_own_words() -> None:
    laptops = WORDS.with_vocabulary({"counted": "laptops"})
    assert count_words(arm(events=23), laptops) == "23 out of 100 laptops"
