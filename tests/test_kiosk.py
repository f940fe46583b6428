"""A shared computer: the crisis-help button, the site's local help line, the idle reset, downloads."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.summary import build_summary
from decisionaid.storage.store import SessionStore
from decisionaid.tui.app import DecisionAidApp
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.export import DownloadScreen
from decisionaid.tui.screens.still_there import StillThereScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.conftest import shown_text

LOCAL_HELP = "Front desk: ask any staff member"


@pytest.fixture
def kiosk_app(commute_pack: Pack, tmp_path: Path):
    def make(idle_seconds: float = 600, local_help: str | None = LOCAL_HELP) -> DecisionAidApp:
        store = SessionStore(tmp_path / "kiosk" / "commute-answers.toml")
        return DecisionAidApp(
            commute_pack, store, theme="textual-dark", kiosk=True, idle_seconds=idle_seconds, local_help=local_help
        )

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
        assert "Your answers are kept only until you leave the aid, then deleted." in text
        assert "After 5 minutes without use the aid starts again and clears them." in text
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert "shared computer" not in shown_text(app.screen)


async def test_an_idle_kiosk_warns_then_starts_again_for_the_next_person(kiosk_app) -> None:
    app = kiosk_app(idle_seconds=1.0)
    warnings: list[str] = []

    def seen(screen) -> None:
        if isinstance(screen, StillThereScreen):
            warnings.append(" ".join(shown_text(screen).split()))

    async with app.run_test(size=(80, 30)) as pilot:
        app.screen_change_signal.subscribe(app, seen)
        await pilot.pause()
        await pilot.press("s", "n", "f2")
        await pilot.pause()
        assert app.store.exists()
        await wait_for(pilot, lambda: bool(warnings), "the warning")
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the new start")
        assert app.idle is not None
        app.idle.idle_seconds = 600  # so that no second warning comes while the test ends
        await pilot.pause()  # let the screens that were closed finish leaving
        [warning] = warnings
        assert "will start again in 1 second and clear these answers" in warning
        assert len(app.screen_stack) == 2
        assert app.session is None and not app.store.exists()
        text = " ".join(shown_text(app.screen).split())
        assert "The aid started again after 1 minute without use, and the answers were cleared." in text
        assert "Resume" not in text


async def test_a_key_during_the_warning_keeps_the_person_where_they_were(kiosk_app) -> None:
    app = kiosk_app(idle_seconds=600)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "n")
        await pilot.pause()
        card = app.screen
        idle = app.idle
        assert idle is not None
        idle.last_input -= 541  # nine minutes and a second without a key: the last minute begins
        await idle.check()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        assert "will start again in 60 seconds" in " ".join(shown_text(app.screen).split())
        await pilot.press("down")
        await wait_for(pilot, lambda: app.screen is card, "the warning going away")
        await idle.check()
        assert app.screen is card and app.store.exists()
        assert app.session is not None and app.session.position == 1


async def test_the_download_offers_each_format_and_reminds_a_shared_computer(kiosk_app, monkeypatch) -> None:
    app = kiosk_app()
    delivered: list[tuple[str, str, str]] = []

    def deliver_text(file, *, save_filename: str, mime_type: str, encoding: str) -> str:
        delivered.append((save_filename, mime_type, file.read()))
        return "key"

    monkeypatch.setattr(app, "deliver_text", deliver_text)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        summary = build_summary(app.pack, app.session)
        for key, suffix, mime, heading in [("t", ".txt", "text/plain", "====="), ("m", ".md", "text/markdown", "# ")]:
            names: list[str | None] = []
            await app.push_screen(DownloadScreen(summary, app.pack, shared=True), names.append)
            await pilot.pause()
            assert "This is a shared computer, and it keeps downloaded files." in shown_text(app.screen)
            await pilot.press(key)
            await pilot.pause()
            name, kind, text = delivered[-1]
            assert names == [name] and name.startswith("commute-questions-") and name.endswith(suffix)
            assert kind == mime and heading in text and "Questions for my clinician" in text
