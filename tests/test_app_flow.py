"""The whole journey with the keyboard alone, on the commute pack; what is shown and what is saved."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input

from decisionaid.storage.paths import session_path
from decisionaid.tui.screens.card import CardScreen
from decisionaid.tui.screens.compare import CompareScreen
from decisionaid.tui.screens.confirm import ConfirmScreen
from decisionaid.tui.screens.contents import ContentsScreen
from decisionaid.tui.screens.export import ExportScreen
from decisionaid.tui.screens.offers import OffersScreen
from decisionaid.tui.screens.self_check import SelfCheckScreen
from decisionaid.tui.screens.summary import SummaryScreen
from decisionaid.tui.screens.sure import SureScreen
from decisionaid.tui.screens.values import ValuesScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.conftest import shown_text, tab_to


def saved() -> dict:
    return tomllib.loads(session_path("commute").read_text(encoding="utf-8"))


@pytest.mark.usefixtures("speedups")
async def test_the_whole_journey_by_keyboard(make_app, export_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        welcome = shown_text(app.screen)
        assert "This is a test pack. It gives no advice." in welcome
        assert "The short path takes about 4 minutes" in welcome and "5 January 2026" in welcome
        assert "Resume" not in welcome

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = shown_text(app.screen)
        assert "Part 1 of 7 · about 4 minutes left" in text
        assert "Keep taking the bus · What does it cost?" in text

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        text = shown_text(app.screen)
        assert "Card 1 of 5" in text and "The options" in text
        assert "[Both] are fine ways to travel." in text
        assert "How sure: Well established" in text

        await pilot.press("n")
        await pilot.pause()
        text = shown_text(app.screen)
        assert "Card 2 of 5" in text
        assert "60 out of 100 people" in text and "between 20 and 30 out of 100 people" in text
        assert "40 out of 100 did not" in text
        assert "Uncertain: studies are few, small or short" in text
        assert saved()["cards_read"] == ["what-options", "bike-good"]

        for _ in range(4):
            await pilot.press("right")
            await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        assert "The short path left out 2 cards (about 1 minute)." in shown_text(app.screen)
        await pilot.press("right")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckScreen)
        await pilot.press("2")
        await pilot.pause()
        text = shown_text(app.screen)
        assert "Matches the evidence" in text
        assert "On the bus you sit inside, so rain does not get you wet." in text
        assert "Example Travel Survey, 2025. https://example.org/travel-survey" in text
        assert saved()["self_check"] == {"rain": "no"}

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, OffersScreen)
        text = shown_text(app.screen)
        assert "You now know about:" in text and "travelling in the rain" in text
        assert "%" not in text and "score" not in text.lower()

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ValuesScreen)
        await pilot.press("1")
        await pilot.pause()
        assert saved()["values"] == {"cost": "a-lot"}

        await pilot.press("n")
        await pilot.pause()
        assert "1 more question about you was left out of the short path" in shown_text(app.screen)
        await pilot.press("n")
        for answer in ("1", "2", "1", "1"):
            await pilot.pause()
            assert isinstance(app.screen, SureScreen)
            assert "From Test citation. Terms of use: with the sources." in shown_text(app.screen)
            terms = app.screen.query_one("#terms")
            assert not terms.display
            await pilot.press("s")
            await pilot.pause()
            assert terms.display and "Test terms." in str(terms.render()), "s shows the terms of use in full"
            await pilot.press(answer)
            await pilot.pause()
            if answer == "2":
                assert "You may want more facts." in shown_text(app.screen)
            await pilot.press("n")
        await pilot.pause()
        assert saved()["sure"] == {"sure": True, "understand": False, "risk": True, "encouragement": True}

        assert isinstance(app.screen, SummaryScreen)
        text = shown_text(app.screen)
        assert "How much would each way cost me in a month?" in text
        assert "Why: You said cost matters a lot to you." in text
        assert "Where can I read more about both ways?" in text
        assert saved()["stage"] == "summary"
        assert app.focused is not None and app.focused.id == "reader", "the aid asks who is filling it in"
        await pilot.press("down", "enter")  # nothing is highlighted before a choice: Down goes to the first
        await pilot.pause()
        assert saved()["reader"] == "self"
        assert "Made on" in shown_text(app.screen) and "by me, the person it is about." in shown_text(app.screen)

        await tab_to(pilot, "own-input")
        await pilot.press(*"Is [bold]rain[/bold] a problem?", "enter")
        await pilot.pause()
        assert "Is [bold]rain[/bold] a problem?" in shown_text(app.screen)
        assert saved()["own_questions"] == ["Is [bold]rain[/bold] a problem?"]

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        [written] = export_dir.iterdir()
        assert f"Saved to {written}" in shown_text(app.screen)
    exported = written.read_text(encoding="utf-8")
    assert "How much would each way cost me in a month?" in exported
    assert "Is [bold]rain[/bold] a problem?" in exported
    assert written.stat().st_mode & 0o777 == 0o600


async def test_unticking_leaves_a_question_out(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "question-q-start")
        await pilot.press("space")
        await pilot.pause()
        assert saved()["unticked"] == ["q-start"]
        assert "Left out: What do people like me usually choose?" in shown_text(app.screen), "said in words"
        await pilot.press("space")
        await pilot.pause()
        assert saved()["unticked"] == []
        assert "Left out:" not in shown_text(app.screen)


@pytest.mark.usefixtures("speedups")
async def test_back_from_the_self_check_returns_to_the_last_card(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen), "the page that offers the cards left out"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert "Card 5 of 5" in shown_text(app.screen)


async def test_resume_after_quitting_mid_way(make_app) -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await pilot.pause()
        await pilot.press("s", "n", "n", "n")
        await pilot.pause()
        await pilot.press("q")
    assert saved()["stage"] == "cards" and saved()["position"] == 2

    second = make_app()
    async with second.run_test() as pilot:
        await pilot.pause()
        text = shown_text(second.screen)
        assert "You left off at card 3 of 5." in text
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(second.screen, CardScreen)
        assert "Card 3 of 5" in shown_text(second.screen)
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("q")

    third = make_app()
    async with third.run_test() as pilot:
        await pilot.pause()
        assert "You left off at self-check question 1 of 1." in shown_text(third.screen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(third.screen, SelfCheckScreen)
        text = shown_text(third.screen)
        assert "? Not sure" in text and "Not sure  ← your answer" in text


async def test_delete_my_answers_asks_then_removes_the_file(make_app) -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await pilot.pause()
        await pilot.press("s", "n")
        await pilot.pause()
        await pilot.press("q")
    assert session_path("commute").exists()

    second = make_app()
    async with second.run_test() as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(second.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert session_path("commute").exists()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not session_path("commute").exists()
        assert isinstance(second.screen, WelcomeScreen)
        text = shown_text(second.screen)
        assert "Your answers were deleted." in text
        assert "Resume" not in text and "Start (s)" in text


async def test_start_over_clears_the_answers(make_app) -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await pilot.pause()
        await first.start()
        await pilot.pause()
        await first.go("values", 0)
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("q")
    assert saved()["values"] == {"cost": "a-lot"}

    second = make_app()
    async with second.run_test() as pilot:
        await pilot.pause()
        await pilot.press("o")  # start over: s only starts on a first visit
        await pilot.pause()
        assert isinstance(second.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(second.screen, CompareScreen)
    assert saved()["values"] == {} and saved()["cards_read"] == [] and saved()["seen"] == ["compare"]


async def test_an_unreadable_save_is_kept_aside_and_explained(make_app) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text("this is not toml = = =", encoding="utf-8")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        text = shown_text(app.screen)
        assert "Your saved answers could not be read" in text
        assert "Resume" not in text
    kept = [p.name for p in path.parent.iterdir() if p.suffix != ".lock"]
    assert [name.startswith("commute-answers.toml.bad-") for name in kept] == [True]


@pytest.mark.usefixtures("speedups")
async def test_sources_panel_toggles_with_s(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("s", "n")
        await pilot.pause()
        sources = app.screen.query_one("#sources-panel")
        assert not sources.display
        await pilot.press("s")
        await pilot.pause()
        assert sources.display
        assert "Example Travel Survey, 2025. https://example.org/travel-survey" in shown_text(app.screen)
        await pilot.press("s")
        await pilot.pause()
        assert not sources.display


@pytest.mark.usefixtures("speedups")
async def test_reopen_card_from_feedback(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.start()
        await pilot.pause()
        await app.go("self_check", 0)
        await pilot.pause()
        assert not app.screen.active_bindings["r"].enabled  # shown greyed out until answered
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.active_bindings["r"].enabled
        assert "Differs from the evidence" in shown_text(app.screen)
        await pilot.press("r")
        await pilot.pause()
        assert "Good points of the bus" in shown_text(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckScreen)


async def test_export_asks_before_replacing_and_reports_errors(make_app, export_dir: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        target = Path(app.screen.query_one("#path").value)
        assert target.parent == export_dir and target.name.startswith("commute-handout-")
        target.write_text("old", encoding="utf-8")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "What do people like me usually choose?" in target.read_text(encoding="utf-8")

        await pilot.press("e")
        await pilot.pause()
        path_input = app.screen.query_one("#path")
        path_input.value = str(export_dir / "missing-folder" / "out.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "cannot write" in shown_text(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_the_note_is_kept_when_quitting_straight_after_typing(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "note")
        await pilot.press(*"Ask about [costs]")
        await pilot.press("ctrl+q")
    assert saved()["note"] == "Ask about [costs]"


async def test_own_questions_can_be_added_and_removed(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "own-input")
        await pilot.press(*"First?", "enter", *"Second?", "enter")
        await pilot.pause()
        assert saved()["own_questions"] == ["First?", "Second?"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "remove-own-0"
        await pilot.press("enter")
        await pilot.pause()
        assert saved()["own_questions"] == ["Second?"]
        text = shown_text(app.screen)
        assert "• First?" not in text and "• Second?" in text
        assert "Removed: First?" in text, "the status line says what was done"


async def test_choices_also_work_with_arrows_and_enter(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("values", 0)
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the first Down highlights the first choice
        await pilot.pause()
        assert saved()["values"] == {"cost": "not-much"}
        assert "2. Does not matter much  ← your answer" in shown_text(app.screen)
        await pilot.press("3")
        await pilot.pause()
        assert saved()["values"] == {"cost": "skip"}


async def test_a_question_typed_but_not_added_is_kept_as_a_draft_on_quit(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "own-input")
        await pilot.press(*"Not sent yet?")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert saved()["own_questions"] == [], "a question is only added when the person presses Enter"
    assert saved()["own_draft"] == "Not sent yet?"
    again = make_app()
    async with again.run_test() as pilot:
        await pilot.pause()
        await again.resume()
        await pilot.pause()
        assert again.screen.query_one("#own-input", Input).value == "Not sent yet?"


async def test_buttons_do_what_their_keys_do_once(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.start()
        await pilot.pause()
        await pilot.click("#next")
        await pilot.pause()
        assert (saved()["stage"], saved()["position"]) == ("cards", 0)
        await pilot.click("#next")
        await pilot.pause()
        assert saved()["position"] == 1
        await pilot.click("#back")
        await pilot.pause()
        assert saved()["position"] == 0


async def test_a_button_with_the_focus_is_pressed_with_enter_or_space_and_crisis_help_is_not_in_the_tab_order(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.start()
        await pilot.pause()
        await tab_to(pilot, "next")
        await pilot.press("enter")
        await pilot.pause()
        assert (saved()["stage"], saved()["position"]) == ("cards", 0)
        await tab_to(pilot, "next")
        await pilot.press("space")
        await pilot.pause()
        assert saved()["position"] == 1
        seen = set()
        for _ in range(12):
            await pilot.press("tab")
            seen.add(app.focused.id if app.focused else None)
        assert "next" in seen and "help-now" not in seen, "keyboard users have F2 for crisis help"


async def test_the_self_check_recap_scrolls_with_the_keyboard(make_app) -> None:
    from decisionaid.tui.widgets.page import Page

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("3")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, OffersScreen)
        assert app.focused is app.screen.query_one(Page), "scroll keys reach the list however long it is"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ValuesScreen)


@pytest.mark.usefixtures("speedups")
async def test_each_sure_question_keeps_its_own_answer_going_forward_and_back(make_app) -> None:
    """The next and the previous SURE question show their own text, answer and meaning, the choices focused."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.start()
        await app.go("sure", 0)
        await pilot.pause()
        first, second = app.controller.pack.sure.items[:2]
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        shown = shown_text(app.screen)
        assert second.text in shown and first.text not in shown
        assert "← your answer" not in shown and first.if_no not in shown
        assert app.focused is not None and app.focused.has_class("choices")
        await pilot.press("b")
        await pilot.pause()
        shown = shown_text(app.screen)
        assert first.text in shown and "2. No  ← your answer" in shown and first.if_no in shown
        assert app.focused is not None and app.focused.has_class("choices")
