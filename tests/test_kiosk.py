"""A shared computer: the crisis-help button, the site's local help line, the idle reset, downloads."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.kiosk import Site
from decisionaid.tui.app import DecisionAidApp
from decisionaid.tui.factory import make_app
from decisionaid.tui.screens.card import CardScreen
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.still_there import StillThereScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.conftest import shown_text, tab_to

LOCAL_HELP = "Front desk: ask any staff member"


@pytest.fixture
def kiosk_app(commute_pack: Pack, tmp_path: Path):
    def make(idle_seconds: float = 600, local_help: str | None = LOCAL_HELP) -> DecisionAidApp:
        site = Site(kiosk=True, idle_seconds=idle_seconds, local_help=local_help)
        answers = tmp_path / "kiosk" / "commute-answers.toml"
        return make_app(commute_pack, theme="textual-dark", answers=answers, site=site)

    return make


async def wait_for(pilot, condition, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen"
        await pilot.pause(0.02)


async def test_the_crisis_help_button_opens_crisis_help_with_a_mouse_on_every_step(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for stage, position in [("welcome", 0), ("cards", 1), ("self_check", 0), ("values", 0), ("summary", 0)]:
            if stage != "welcome":
                await app.go(stage, position)
                await pilot.pause()
            here = app.screen
            assert "Crisis help (F2)" in shown_text(here)
            await pilot.click("#help-now")
            await pilot.pause()
            assert isinstance(app.screen, CrisisScreen), f"the button did nothing on {type(here).__name__}"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is here
        assert app.focused is None or app.focused.id != "help-now"  # keyboard users have F2


async def test_the_local_help_line_comes_first_in_crisis_help_and_on_the_welcome(kiosk_app) -> None:
    app = kiosk_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert f"Here: {LOCAL_HELP}" in shown_text(app.screen)
        await pilot.press("f2")
        await pilot.pause()
        text = shown_text(app.screen)
        assert text.index(f"Here: {LOCAL_HELP}") < text.index("Local emergency number")


async def test_the_kiosk_welcome_says_what_is_kept_and_for_how_long(kiosk_app, make_app) -> None:
    app = kiosk_app(idle_seconds=300)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        text = " ".join(shown_text(app.screen).split())
        assert "This is a shared computer." in text
        assert "Your answers are kept only until you press q (New person), then deleted." in text
        assert "After 5 minutes without use the aid starts again and clears them." in text
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert "shared computer" not in shown_text(app.screen)


async def test_an_idle_kiosk_warns_then_starts_again_for_the_next_person(kiosk_app) -> None:
    app = kiosk_app(idle_seconds=600)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "n", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CrisisScreen), "crisis help opening")
        await wait_for(pilot, app.controller.answers.path.exists, "saving the first answers")
        idle = app.idle
        assert idle is not None
        idle.last_input -= 541  # nine minutes and a second without a key: the last minute begins
        await idle.check()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        warning = " ".join(shown_text(app.screen).split())
        assert re.search(r"will start again in (60|59) seconds and clear these answers", warning), warning
        idle.deadline -= 60  # the minute has passed
        await idle.check()
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the new start")
        await pilot.pause()
        assert len(app.screen_stack) == 2
        assert app.controller.session is None and not app.controller.answers.path.exists()
        text = " ".join(shown_text(app.screen).split())
        assert "The aid started again after 10 minutes without use, and the answers were cleared." in text
        assert "Resume" not in text


async def test_q_on_a_kiosk_asks_what_it_deletes_then_starts_again_for_the_next_person(kiosk_app) -> None:
    from decisionaid.tui.screens.confirm import ConfirmScreen

    app = kiosk_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert app.screen.active_bindings["q"].binding.description == "New person", "the footer says what q does"
        await pilot.press("s", "n")
        await wait_for(pilot, app.controller.answers.path.exists, "saving the first answers")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        assert "Every answer, your own questions and your note are deleted" in shown_text(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen) and app.controller.answers.path.exists(), "no: nothing changes"
        await pilot.press("q", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the new start")
        await pilot.pause()
        assert app.is_running and app.controller.session is None and not app.controller.answers.path.exists()
        assert "The answers were deleted. The aid is ready for the next person." in shown_text(app.screen)


async def test_q_on_a_kiosk_with_no_answers_asks_nothing_and_says_so(kiosk_app) -> None:
    from decisionaid.tui.screens.confirm import ConfirmScreen

    app = kiosk_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await wait_for(pilot, lambda: "There are no answers to delete." in shown_text(app.screen), "the notice")
        assert isinstance(app.screen, WelcomeScreen) and not isinstance(app.screen, ConfirmScreen)
        assert app.is_running and app.controller.session is None


async def test_a_key_during_the_warning_keeps_the_person_where_they_were(kiosk_app) -> None:
    app = kiosk_app(idle_seconds=600)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "n", "n")
        await pilot.pause()
        card = app.screen
        idle = app.idle
        assert idle is not None
        idle.last_input -= 541  # nine minutes and a second without a key: the last minute begins
        await idle.check()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        assert "seconds and clear these answers" in " ".join(shown_text(app.screen).split())
        await pilot.press("down")
        await wait_for(pilot, lambda: app.screen is card, "the warning going away")
        await idle.check()
        assert app.screen is card and app.controller.answers.path.exists()
        assert app.controller.session is not None and app.controller.session.position == 1


async def test_starting_again_from_the_summary_keeps_nothing_that_was_typed(kiosk_app) -> None:
    app = kiosk_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, CardScreen), "the first card")
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "own-input")
        await pilot.press(*"half a question")
        await tab_to(pilot, "note")
        await pilot.press(*"a note")
        assert app.idle is not None
        await app.start_afresh()
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the new start")
        await pilot.pause()
        assert app.controller.session is None
        assert not app.controller.answers.path.exists()


async def test_at_80x24_every_footer_key_is_whole_on_a_self_check_question_answered_in_kiosk_mode(tmp_path) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.footer import AidFooter
    from tests.helpers import KETAMINE

    site = Site(kiosk=True, idle_seconds=600)
    app = make_app(load_pack(KETAMINE), theme="textual-dark", answers=tmp_path / "k" / "answers.toml", site=site)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        keys = app.screen.query_one(AidFooter).query("FooterKey")
        assert any("New person" in str(key.render()) for key in keys)
        assert keys and all(key.region.width and key.region.right <= 80 for key in keys), "cut at the window's edge"
