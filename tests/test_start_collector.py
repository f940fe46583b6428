"""The garbage collector is paused while the full-screen aid starts, and always runs again afterwards."""

from __future__ import annotations

import gc
import time

from decisionaid.tui.collector import paused_until_settled
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.helpers import COMMUTE, run_in_process


async def test_the_collector_runs_again_once_the_first_screen_is_up(make_app) -> None:
    with paused_until_settled():
        assert not gc.isenabled()
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            deadline = time.monotonic() + 10
            while not gc.isenabled():
                assert time.monotonic() < deadline, "the collector was still paused after the first screen"
                await pilot.pause(0.02)
            assert isinstance(app.screen, WelcomeScreen)
    assert gc.isenabled()


def test_the_collector_runs_again_when_the_aid_stops_before_its_first_screen() -> None:
    result = run_in_process("--pack", str(COMMUTE), "--theme", "no-such-theme")
    assert result.returncode == 2
    assert "no-such-theme" in result.stderr
    assert gc.isenabled()


def test_a_collector_paused_already_stays_paused() -> None:
    gc.disable()
    try:
        with paused_until_settled():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
