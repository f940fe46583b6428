"""Answers open in two aids at once: the second says so, and offers to wait or to read without saving.

Nothing of the first aid's answers is lost, and nothing changed in the second is called saved.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.controller import Controller
from decisionaid.core.session import load_session
from decisionaid.storage.lock import AnswersLock
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile
from decisionaid.tui.screens.open_elsewhere import OpenElsewhereScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.conftest import shown_text
from tests.helpers import COMMUTE, ROOT, read_until, run_in_process

pytestmark = pytest.mark.skipif(not AnswersLock.supported, reason="no fcntl here: locking is not available")

NOT_SAVED = "Not saved: your answers are open in another decisionaid."


@pytest.fixture
def first(commute_pack: Pack) -> Controller:
    """An aid that has the answers open, with a card read and a self-check answer saved."""
    controller = Controller(commute_pack, AnswersFile(session_path("commute")))
    controller.start()
    controller.answer_self_check("rain", "no")
    return controller


def test_a_second_aid_reads_the_answers_but_saves_and_deletes_nothing(first: Controller, commute_pack) -> None:
    before = session_path("commute").read_bytes()
    second = Controller(commute_pack, AnswersFile(session_path("commute")))
    assert second.open_elsewhere and not first.open_elsewhere
    assert second.session is not None and second.session.self_check == {"rain": "no"}
    assert f"(process {os.getpid()})" in second.open_elsewhere_notice()
    assert second.where().endswith(" · read only, not saved")
    outcome = second.answer_self_check("rain", "yes")
    assert outcome.problem == NOT_SAVED and not outcome.saved
    assert (
        not second.delete().done
        and second.start_over().problem == "Not deleted: your answers are open in another decisionaid."
    )
    assert session_path("commute").read_bytes() == before
    assert first.answer_value("cost", "a-lot").saved, "the first aid goes on saving"
    left = second.leave()
    assert not left.saved and second.fallback is not None and str(second.fallback) in (left.said or "")
    assert load_session(second.fallback).self_check == {"rain": "yes"}, "what was changed here is kept aside"
    assert load_session(session_path("commute")).values == {"cost": "a-lot"}


def test_leaving_without_a_change_writes_nothing_and_says_so(first: Controller, commute_pack) -> None:
    second = Controller(commute_pack, AnswersFile(session_path("commute")))
    left = second.leave()
    assert (
        left.saved and left.said == "Nothing was changed here; your answers stay as the other decisionaid saves them."
    )
    assert second.fallback is None


def test_once_the_first_aid_closes_the_second_takes_the_answers_as_they_were_saved(first, commute_pack) -> None:
    second = Controller(commute_pack, AnswersFile(session_path("commute")))
    assert not second.claim()
    first.answer_value("cost", "a-lot")
    assert first.leave().saved
    assert second.claim() and not second.open_elsewhere
    assert second.session.values == {"cost": "a-lot"}, "read afresh, with what the first saved last"
    assert second.answer_value("cost", "not-much").saved
    assert "read only" not in second.where()


def test_a_second_aid_that_changed_something_cannot_take_over(first: Controller, commute_pack) -> None:
    second = Controller(commute_pack, AnswersFile(session_path("commute")))
    second.answer_value("cost", "a-lot")
    first.leave()
    assert not second.claim(), "taking over would read the file again and lose the change made here"


def test_a_damaged_file_open_elsewhere_is_left_where_it_is(commute_pack) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text("not = = toml", encoding="utf-8")
    with AnswersLock(path):
        second = Controller(commute_pack, AnswersFile(path))
    assert second.notices[0].endswith(f"The file {path} is left as it is, since another decisionaid has it open.")
    assert path.read_text(encoding="utf-8") == "not = = toml"


def test_plain_mode_can_read_without_saving(first: Controller, tmp_path: Path) -> None:
    before = session_path("commute").read_bytes()
    answers = "2\n1\n\nq\n"  # read only; resume; go on from the table to the first card; quit
    result = run_in_process("--plain", "--pack", str(COMMUTE), cwd=tmp_path, input=answers)
    out = " ".join(result.stdout.split())
    assert f"Your answers in {session_path('commute')} are open in another decisionaid (process {os.getpid()})." in out
    assert "1. Wait for it to close 2. Read only, without saving 3. Quit" in out
    assert "read only, not saved." in out and NOT_SAVED in out
    assert "Saved." not in out
    assert "so a copy was kept in" in out and result.returncode == 1
    assert session_path("commute").read_bytes() == before


def test_plain_mode_quits_at_once_when_asked(first: Controller, tmp_path: Path) -> None:
    result = run_in_process("--plain", "--pack", str(COMMUTE), cwd=tmp_path, input="3\n")
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith(
        "Nothing was changed here; your answers stay as the other decisionaid saves them."
    )


def test_plain_mode_waits_until_the_other_aid_closes(first: Controller, tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "decisionaid", "--plain", "--pack", str(COMMUTE)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    seen = read_until(process, b"Waiting for the other decisionaid to close", send=b"1\n")
    assert b"are open in another decisionaid" in seen
    first.answer_value("cost", "a-lot")
    first.leave()
    read_until(process, b"your answers are open here and are saved as usual.")
    process.stdin.write(b"q\n")
    process.stdin.close()
    assert process.wait(timeout=60) == 0
    assert load_session(session_path("commute")).values == {"cost": "a-lot"}


async def test_the_full_screen_aid_waits_then_opens_the_answers(first: Controller, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpenElsewhereScreen)
        text = shown_text(app.screen)
        assert (
            "are open in another decisionaid" in text
            and "Wait (w)" in text
            and "Read only (r)" in text
            and "Quit (q)" in text
        )
        waiting = app.screen.query_one("#waiting")
        assert "Waiting for the other decisionaid to close." in str(waiting.content) and not waiting.display
        await pilot.press("w")
        await pilot.pause()
        assert waiting.display, "the waiting line shows once the person chose to wait"
        first.answer_value("cost", "a-lot")
        first.leave()
        for _ in range(600):  # up to 30 s on a loaded machine; the aid looks again twice a second
            shown = shown_text(app.screen) if isinstance(app.screen, WelcomeScreen) else ""
            if "Resume" in shown and "read only" not in shown:
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, WelcomeScreen)
        assert "read only" not in shown_text(app.screen) and "Resume" in shown_text(app.screen)
        await pilot.press("r")
        await pilot.pause()
        assert app.controller.answer_value("cost", "not-much").saved
    assert load_session(session_path("commute")).values == {"cost": "not-much"}


async def test_the_full_screen_aid_can_read_without_saving(first: Controller, make_app) -> None:
    before = session_path("commute").read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "read only, not saved" in shown_text(app.screen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "read only, not saved" in shown_text(app.screen) and "Card 1 of 5" in shown_text(app.screen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1 and "so a copy was kept in" in (app.farewell or "")
    assert session_path("commute").read_bytes() == before
