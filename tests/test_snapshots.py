"""What each step looks like at 80x24, in the default and the high-contrast theme; the map and the table of
options reached by keys alone, the map also at 40x12."""

from __future__ import annotations

from datetime import date

import pytest

THEMES = ["textual-dark", "decisionaid-high-contrast"]


async def _welcome(pilot) -> None:
    await pilot.pause()


async def _card_with_icon_array(pilot) -> None:
    await pilot.app.go("cards", 1)
    await pilot.press("down", "down", "down", "down", "down", "down")


async def _self_check_feedback(pilot) -> None:
    await pilot.app.go("self_check", 0)
    await pilot.press("1")


async def _values(pilot) -> None:
    await pilot.app.go("values", 0)
    await pilot.press("1")


async def _sure(pilot) -> None:
    await pilot.app.go("sure", 1)
    await pilot.press("2")


async def _summary(pilot) -> None:
    app = pilot.app
    app.controller.today = lambda: date(2026, 11, 21)
    await app.go("cards", 1)
    app.controller.answer_self_check("rain", "unsure")
    app.controller.answer_value("cost", "a-lot")
    app.controller.add_own_question("Can I [bring] my bike on the bus?")
    await app.go("summary")


async def _comparison_by_keys(pilot) -> None:
    await pilot.press("s", "down", "right")


async def _map_by_keys(pilot) -> None:
    await pilot.press("s", "n", "n", "m")


async def _every_card_by_keys(pilot) -> None:
    await pilot.press("s", "m", "3", "3")


STEPS = {
    "welcome": _welcome,
    "comparison": _comparison_by_keys,
    "map": _map_by_keys,
    "every_card": _every_card_by_keys,
    "card": _card_with_icon_array,
    "self_check": _self_check_feedback,
    "values": _values,
    "sure": _sure,
    "summary": _summary,
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("step", list(STEPS))
def test_step(snap_compare, make_app, step: str, theme: str) -> None:
    assert snap_compare(make_app(theme=theme), run_before=STEPS[step], terminal_size=(80, 24))


def test_the_map_in_a_small_window(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), run_before=_map_by_keys, terminal_size=(40, 12))
