"""What a person sees after pressing keys: the dialogs, the end of the self-check, small windows."""

from __future__ import annotations

from datetime import date

import pytest

# After s: the options at a glance, five cards and the list of every card, then the self-check.
TO_THE_SELF_CHECK = ("s", *["n"] * 7)


async def _crisis(pilot) -> None:
    await pilot.press("s", "n", "f2")


async def _keys(pilot) -> None:
    await pilot.press("s", "n", "question_mark")


async def _learnt(pilot) -> None:
    await pilot.press(*TO_THE_SELF_CHECK, "1", "n")


async def _export(pilot) -> None:
    await pilot.press(*TO_THE_SELF_CHECK, "1", "n", "n", "1", "n", *["n", "1"] * 4, "n", "e")
    path = pilot.app.screen.query_one("#path")
    path.value = "~/commute-handout.txt"  # the same on any day and machine
    path.cursor_blink = False  # the cursor always drawn, whenever the picture is taken


async def _summary_starred(pilot) -> None:
    """Who fills it in, then a question starred: the top of the handout follows."""
    from decisionaid.tui.widgets.question_box import QuestionBox

    pilot.app.controller.today = lambda: date(2026, 11, 21)
    await pilot.press(*TO_THE_SELF_CHECK, "3", "n", "n", "1", "n", *["n", "1"] * 4, "n", "1")
    for _ in range(12):
        if getattr(pilot.app.focused, "id", "") == "question-q-rain":
            break
        await pilot.press("down" if isinstance(pilot.app.focused, QuestionBox) else "tab")  # ↓ within the list
    await pilot.press("s", "home")


async def _card_at_40x12(pilot) -> None:
    from decisionaid.tui.screens.compare import CompareScreen

    await pilot.press("s")
    while isinstance(pilot.app.screen, CompareScreen):  # n shows each row of the table, then the first card
        await pilot.press("n")
    await pilot.press("n")


async def _too_small(pilot) -> None:
    await pilot.press("s")


@pytest.mark.parametrize(
    ("run_before", "size"),
    [
        (_crisis, (80, 24)),
        (_keys, (80, 24)),
        (_learnt, (80, 24)),
        (_export, (80, 24)),
        (_summary_starred, (80, 40)),
        (_card_at_40x12, (40, 12)),
        (_crisis, (40, 12)),
        (_too_small, (30, 10)),
    ],
    ids=["crisis", "keys", "learnt", "export", "summary-starred", "card-40x12", "crisis-40x12", "too-small"],
)
def test_after_keys(snap_compare, make_app, run_before, size) -> None:
    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)


def test_confirm_before_starting_over(snap_compare, make_app) -> None:
    """With answers saved, o on the welcome asks before clearing them."""
    from dataclasses import replace

    from decisionaid.content import load_pack
    from decisionaid.core.session import Session, save_session
    from decisionaid.storage.paths import session_path
    from tests.helpers import COMMUTE

    pack = load_pack(COMMUTE)
    save_session(replace(Session.new(pack), stage="cards", position=2), session_path("commute"))

    async def start_over(pilot) -> None:
        await pilot.press("o")

    assert snap_compare(make_app(), run_before=start_over, terminal_size=(80, 24))
