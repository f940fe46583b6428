"""The app under damage and odd conditions: broken saves, content updates, no network, private files,
hostile text and every window size. Each test drives the app the way a person would, with Pilot."""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
import tomli_w
from textual import events
from textual.widgets import Input, Static, TextArea

from decisionaid.content import load_pack
from decisionaid.core.session import Session, save_session
from decisionaid.sanitize import clean_text
from decisionaid.storage.paths import data_dir, session_path, settings_path
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.screens.compare import CompareScreen
from decisionaid.tui.screens.confirm import ConfirmScreen
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.export import ExportScreen
from decisionaid.tui.screens.summary import SummaryScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from decisionaid.tui.widgets.too_small import TooSmall
from tests.conftest import shown_text, tab_to
from tests.helpers import COMMUTE


def saved() -> dict:
    return tomllib.loads(session_path("commute").read_text(encoding="utf-8"))


def a_good_save(pack) -> bytes:
    session = replace(Session.new(pack), stage="values", position=0, values={"cost": "a-lot"})
    save_session(session, session_path("commute"))
    return session_path("commute").read_bytes()


# --- 2. damaged saved answers -----------------------------------------------------------


def damaged(kind: str, good: bytes) -> bytes:
    if kind == "truncated":
        return good[: good.index(b"cards_read") + 5]
    if kind == "binary":
        return bytes(range(256)) * 4
    if kind == "empty":
        return b""
    return re.sub(rb"schema_version = \d+", b"schema_version = 99", good)


@pytest.mark.parametrize("kind", ["truncated", "binary", "empty", "wrong-version"])
async def test_a_damaged_save_is_kept_aside_explained_and_a_fresh_one_started(make_app, commute_pack, kind) -> None:
    original = damaged(kind, a_good_save(commute_pack))
    session_path("commute").write_bytes(original)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        notice = str(app.screen.query_one("#notice", Static).content)
        [backup] = data_dir().glob("commute-answers.toml.bad-*")
        assert notice.startswith("Your saved answers could not be read (")
        assert notice.endswith(f"the old file was kept as {backup}.")
        assert notice.count(". ") == 0 and "\n" not in notice, "one sentence"
        assert "Resume" not in shown_text(app.screen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
    assert backup.read_bytes() == original
    assert saved()["cards_read"] == [] and saved()["seen"] == ["compare"]
    assert {p.name for p in data_dir().iterdir()} == {"commute-answers.toml", "commute-answers.toml.lock", backup.name}


async def test_after_a_content_update_known_answers_stay_and_removed_ones_are_named(make_app, tmp_path) -> None:
    updated = tmp_path / "updated"
    shutil.copytree(COMMUTE, updated, ignore=shutil.ignore_patterns("manifest.toml*"))
    cards = tomllib.loads((updated / "cards.toml").read_text(encoding="utf-8"))
    cards["cards"] = [c for c in cards["cards"] if c["id"] != "what-options"]
    (updated / "cards.toml").write_text(tomli_w.dumps(cards), encoding="utf-8")
    (updated / "self_check.toml").write_text("self_check = []\n", encoding="utf-8")
    clinician = tomllib.loads((updated / "clinician.toml").read_text(encoding="utf-8"))
    clinician["questions"] = [q for q in clinician["questions"] if q["id"] != "q-rain"]
    (updated / "clinician.toml").write_text(tomli_w.dumps(clinician), encoding="utf-8")
    old_pack, new_pack = load_pack(COMMUTE), load_pack(updated)

    session = replace(
        Session.new(old_pack),
        cards_read=["what-options", "bike-good"],
        self_check={"rain": "no"},
        values={"cost": "a-lot"},
        own_questions=["Is there a shower at work?"],
        stage="values",
        position=0,
    )
    save_session(session, session_path("commute"))

    app = make_app(pack=new_pack)
    async with app.run_test() as pilot:
        await pilot.pause()
        notice = str(app.screen.query_one("#notice", Static).content)
        assert notice.startswith(
            "The aid's content was updated since your last visit, so 2 saved answers no longer match it. "
            "They are kept in your answers file"
        )
        assert "what-options" in notice and "rain" in notice
        assert "You left off at what matters to you, 1 of 1." in shown_text(app.screen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("q")
    answers = saved()
    assert answers["cards_read"] == ["bike-good"] and answers["self_check"] == {}
    assert answers["values"] == {"cost": "a-lot"} and answers["own_questions"] == ["Is there a shower at work?"]


# --- 5 and 6. private files, no network ------------------------------------------------------


class NetworkAttempts(list):
    """Every attempt to open a network connection or look up a name, recorded and refused."""

    def refuse(self, what: str):
        def refused(*args, **kwargs):
            self.append((what, args[:2]))
            raise OSError(f"network use is not allowed: {what}")

        return refused


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> NetworkAttempts:
    attempts = NetworkAttempts()
    real_socket = socket.socket

    class LocalOnlySocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in (socket.AF_INET, socket.AF_INET6, -1):
                attempts.append(("socket", (family, type)))
                raise OSError("network sockets are not allowed")
            super().__init__(family, type, proto, fileno)

    monkeypatch.setattr(socket, "socket", LocalOnlySocket)
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(real_socket, name, attempts.refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "getnameinfo"):
        monkeypatch.setattr(socket, name, attempts.refuse(name))
    return attempts


async def test_the_whole_journey_makes_no_network_use_and_keeps_every_file_private(
    make_app, export_dir: Path, no_network: NetworkAttempts
) -> None:
    os.umask(0o022)
    data_dir().mkdir(mode=0o755)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "escape", "s")
        for _ in range(7):  # the table, five cards, the list of every card
            await pilot.pause()
            await pilot.press("n")
        await pilot.pause()
        await pilot.press("2", "n", "n", "1", "n", "n", "1", "n", "2", "n", "1", "n", "1", "n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await tab_to(pilot, "own-input")
        await pilot.press(*"Bike shed?", "enter", "question_mark", "escape")
        app.theme = "decisionaid-high-contrast"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("q")
    assert no_network == []
    [exported] = export_dir.iterdir()
    assert stat.S_IMODE(data_dir().stat().st_mode) == 0o755, "a folder that was there is used as it is"
    for private in (session_path("commute"), settings_path(), exported):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private
    assert saved()["own_questions"] == ["Bike shed?"] and saved()["values"] == {"cost": "a-lot"}


def test_the_network_guard_catches_a_connection(no_network: NetworkAttempts) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80))
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    a, b = socket.socketpair()
    a.close(), b.close()
    assert [what for what, _ in no_network] == ["create_connection", "socket"]


async def open_export(app, pilot) -> Input:
    await app.go("summary")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    return app.screen.query_one("#path", Input)


async def test_export_refuses_a_symbolic_link_in_one_line(make_app, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "questions.txt"
    link.symlink_to(precious)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        path = await open_export(app, pilot)
        path.value = str(link)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        error = str(app.screen.query_one("#error", Static).content)
        assert error.endswith("questions.txt: is a symbolic link; not writing through it") and "\n" not in error
    assert precious.read_text(encoding="utf-8") == "keep me" and link.is_symlink()


async def test_export_never_replaces_a_file_the_person_did_not_confirm(make_app, tmp_path: Path) -> None:
    theirs = tmp_path / "questions.txt"
    theirs.write_text("their own file", encoding="utf-8")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        path = await open_export(app, pilot)
        path.value = str(theirs)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert f"{theirs} already exists. Replace it?" in shown_text(app.screen)
        await pilot.press("enter")  # Cancel has the focus
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter", "n")
        await pilot.pause()
    assert theirs.read_text(encoding="utf-8") == "their own file"


# --- 7. hostile and odd text ---------------------------------------------------------------

ODD_LINE = "Is \u200fشكرا\u200e 🙂👩🏽‍⚕️ [bold]x[/bold] [link=https://x.example]y[/] ok?"
HOSTILE = ODD_LINE + "\n\x1b[31mred\x1b[0m \x1b]0;title\x07 bell\x07 back\x08 \u202eevil\u202c\n" + "long " * 19_000


async def test_hostile_text_is_cleaned_as_it_arrives_shown_literally_and_exported_clean(make_app, export_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        own = app.screen.query_one("#own-input", Input)
        own.focus()
        app.post_message(events.Paste(ODD_LINE + " \x1b[2J\x07"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        note = app.screen.query_one("#note", TextArea)
        note.focus()
        app.post_message(events.Paste(HOSTILE))
        await pilot.pause()
        assert note.text == clean_text(HOSTILE), "escapes and controls never reach the screen"
        assert f"• {ODD_LINE}" in shown_text(app.screen), "markup-like text is shown literally"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    answers = saved()
    assert answers["note"] == clean_text(HOSTILE) and len(answers["note"]) > 90_000
    assert "\x1b" not in answers["note"] and "\u202e" not in answers["note"], "what could act on a terminal is gone"
    assert answers["own_questions"] == [clean_text(ODD_LINE + " \x1b[2J\x07").strip()] == [ODD_LINE]
    [exported] = export_dir.iterdir()
    text = exported.read_text(encoding="utf-8")
    assert ODD_LINE in text and "[bold]x[/bold]" in text
    assert not [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or ch in "\x7f\u202e\u202c"]


# --- 8. window sizes -----------------------------------------------------------------------


SIZES = [(40, 12), (80, 24), (300, 100)]


async def fits(app, pilot, size: tuple[int, int]) -> None:
    """The screen at `size`: nothing says the window is too small, and crisis help is the footer's first key."""
    await pilot.resize_terminal(*size)
    where = f"{type(app.screen).__name__} at {size[0]}x{size[1]}"
    assert not app.screen.query(TooSmall), where
    shown = [key for key, active in app.screen.active_bindings.items() if active.binding.show]
    assert shown[0] == "f2", f"crisis help not first in the footer: {where}"


@pytest.mark.parametrize("turn", range(len(SIZES)))
async def test_every_step_fits_every_size_and_keeps_every_answer_through_resizes(make_app, turn: int) -> None:
    """One walk for each turn of the sizes: step n is shown at size n + turn, so the walks show every step at
    every size, each resized from another."""
    app = make_app()
    async with app.run_test(size=SIZES[turn]) as pilot:
        await pilot.pause()
        await pilot.press("s")
        for index, _ in enumerate(app.controller.journey.steps[1:-1]):
            await pilot.pause()
            await fits(app, pilot, SIZES[(index + turn) % len(SIZES)])
            if isinstance(app.screen, ChoiceStepScreen):
                await pilot.press("1")
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await fits(app, pilot, SIZES[turn])
    answers = saved()
    assert answers["self_check"] == {"rain": "yes"} and answers["values"] == {"cost": "a-lot"}
    assert answers["sure"] == {"sure": True, "understand": True, "risk": True, "encouragement": True}
    assert answers["stage"] == "summary" and len(answers["cards_read"]) == 5


TOO_SMALL = [(39, 24), (80, 11), (20, 5), (1, 1)]


async def test_a_window_too_small_says_so_keeps_crisis_help_and_recovers(make_app) -> None:
    """Every step, entered while the window is too small and then shown at each size too small for it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await pilot.resize_terminal(*TOO_SMALL[-1])
        for stage, position in app.controller.journey.steps:
            await app.go(stage, position)
            for size in TOO_SMALL:
                await pilot.resize_terminal(*size)
                [cover] = app.screen.query(TooSmall)
                where = f"{stage} {position} at {size[0]}x{size[1]}"
                assert "Please make this window bigger" in str(cover.content) and "F2" in str(cover.content), where
                window = app.screen.region
                assert cover.region.intersection(window) == window, f"the message covers the whole window: {where}"
            if (stage, position) == ("values", 0):
                await pilot.press("1")  # keys still work beneath the message
        for size in TOO_SMALL:
            await pilot.resize_terminal(*size)
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, CrisisScreen) and not app.screen.query(TooSmall), size
            assert "Call your local emergency number" in shown_text(app.screen)
            await pilot.press("escape")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query(TooSmall)
        assert "Who is filling this in?" in shown_text(app.screen)
    assert saved()["values"] == {"cost": "a-lot"}
