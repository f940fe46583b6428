"""Typing in the summary's text fields: letters type, Escape leaves, and buttons do only their own job."""

from __future__ import annotations

import tomllib

from textual.widgets import Button, Input, TextArea

from decisionaid.storage.paths import session_path
from decisionaid.tui.screens.export import ExportScreen
from decisionaid.tui.screens.summary import SummaryScreen
from tests.conftest import tab_to


def saved() -> dict:
    return tomllib.loads(session_path("commute").read_text(encoding="utf-8"))


async def open_summary(app, pilot) -> None:
    await pilot.pause()
    await app.go("summary")
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)


async def test_letters_typed_in_a_question_or_the_note_are_text_never_keys(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await open_summary(app, pilot)
        await tab_to(pilot, "own-input")
        await pilot.press(*"eqsbn d")
        assert app.screen.query_one("#own-input", Input).value == "eqsbn d"
        assert isinstance(app.screen, SummaryScreen) and app.is_running
        await tab_to(pilot, "note")
        await pilot.press(*"see me")
        assert app.screen.query_one("#note", TextArea).text == "see me"
        assert isinstance(app.screen, SummaryScreen), "e did not open the export dialog"


async def test_escape_leaves_the_note_and_the_question_box_so_keys_work_again(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await open_summary(app, pilot)
        for field in ("note", "own-input"):
            await tab_to(pilot, field)
            await pilot.press("escape")
            assert app.focused is None or app.focused.id != field
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_q_then_ctrl_c_in_the_question_box_adds_no_question(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await open_summary(app, pilot)
        await tab_to(pilot, "own-input")
        await pilot.press("q", "ctrl+c")
        await pilot.pause()
    assert saved()["own_questions"] == []
    assert saved()["own_draft"] == "q", "what was typed is kept, as a draft"


async def test_the_remove_button_removes_its_question_and_runs_no_other_action(make_app, monkeypatch) -> None:
    app = make_app()
    actions: list[str] = []
    run_action = type(app).run_action

    async def recording(self, action, *args, **kwargs):
        actions.append(str(action))
        return await run_action(self, action, *args, **kwargs)

    monkeypatch.setattr(type(app), "run_action", recording)
    async with app.run_test() as pilot:
        await open_summary(app, pilot)
        await tab_to(pilot, "own-input")
        await pilot.press(*"First?", "enter", *"Second?", "enter")
        await pilot.pause()
        remove = app.screen.query(".remove-own").results(Button)
        await pilot.click(next(iter(remove)))
        await pilot.pause()
    assert saved()["own_questions"] == ["Second?"]
    assert "" not in actions, "a button without an action runs none"
