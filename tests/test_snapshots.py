"""What each step looks like at 80x24, in the default and the high-contrast theme."""

from __future__ import annotations

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
    await app.go("cards", 1)
    app.controller.answer_self_check("rain", "unsure")
    app.controller.answer_value("cost", "a-lot")
    app.controller.add_own_question("Can I [bring] my bike on the bus?")
    await app.go("summary")


STEPS = {
    "welcome": _welcome,
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
