"""SIGTERM, SIGHUP, SIGINT and a typed Ctrl+C save everything, even a note typed a moment ago, and leave cleanly.

The app runs in a real pseudo-terminal that is its controlling terminal, so closing the terminal sends a
real hangup, and the screen is read with pyte.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
import tomllib
from pathlib import Path

import pyte
import pytest

from decisionaid.storage.paths import session_path
from tests.conftest import tab_to
from tests.helpers import COMMUTE

TIMEOUT = 60.0  # a bound on waiting for a condition, generous for a loaded machine; never a timing check
LEAVE_FULL_SCREEN = b"\x1b[?1049l"
NOTE = "Ask about [winter] too"


def _take_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty on stdin."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """`python -m decisionaid` on an 80x24 pseudo-terminal; everything it writes is kept and fed to pyte."""

    def __init__(self, data: Path, command: tuple[str, ...] = ("-m", "decisionaid")) -> None:
        """`command` is what follows the Python interpreter's name (a script that changes the aid, then runs it)."""
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "DECISIONAID_DATA_DIR": str(data), "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        self.proc = subprocess.Popen(
            [sys.executable, *command, "--pack", str(COMMUTE)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=data.parent,
            preexec_fn=_take_terminal,
        )
        self.terminal_name = os.ttyname(slave)
        os.close(slave)
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.output = b""
        self.saved_file = data / "commute-answers.toml"

    def read(self, wait: float = 0.05) -> bool:
        """Take what the app has written; False once the terminal is closed."""
        if self.master < 0:
            return False
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return False
        self.output += data
        self.stream.feed(data)
        return bool(data)

    def drain(self) -> None:
        """Take the last of the output, after the app has exited."""
        while self.master >= 0 and select.select([self.master], [], [], 0.1)[0]:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data
            self.stream.feed(data)

    def shown(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            self.read()
            if text in self.shown():
                return
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.shown()}")

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def hang_up(self) -> None:
        """Close the terminal, as when its window is closed."""
        os.close(self.master)
        self.master = -1

    def finish(self) -> int:
        """Read until the app has exited; its exit status."""
        deadline = time.monotonic() + TIMEOUT
        while self.proc.poll() is None and time.monotonic() < deadline:
            if not self.read():
                time.sleep(0.05)
        if self.proc.poll() is None:
            self.proc.kill()
            raise AssertionError("the app did not exit")
        self.drain()
        return self.proc.returncode

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.master >= 0:
            os.close(self.master)


@pytest.fixture
def app(tmp_path: Path):
    running = PtyApp(tmp_path / "data")
    yield running
    running.close()


def saved_answers(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def saved(tmp_path: Path) -> dict:
    return saved_answers(tmp_path / "data" / "commute-answers.toml")


def answer_and_start_a_note(app: PtyApp) -> None:
    """Say who fills it in and untick a question on the summary, then type a note."""
    app.wait_for("Crisis help: press F2 at any time.")
    app.type(b"s")
    app.wait_for("Keep taking the bus · What does it cost?")  # the options at a glance
    app.type(b"n")
    app.wait_for("Card 1 of 5")
    app.type(b"\x10")  # Ctrl+P: the list of actions
    app.wait_for("Search the actions")
    app.type(b"Go to your handout")
    app.wait_for("Your handout for the adviser")
    app.type(b"\r")
    app.wait_for("Who is filling this in?")
    app.wait_for("e/^s Export")  # the footer: the screen is mounted and has the focus
    app.type(b"1")  # "Me, for myself"
    app.wait_for("by me, the person it is about")
    app.type(b"\t\t ")  # past the leaning to the first suggested question, unticked
    deadline = time.monotonic() + TIMEOUT
    while not (app.saved_file.exists() and saved_answers(app.saved_file)["unticked"]):
        assert time.monotonic() < deadline, "unticking the first question was never saved"
        app.read()
    app.type(b"\t\t")  # past your own question, to the note
    app.wait_for("Leave the note")  # the footer, once the note has the focus
    app.type(NOTE.encode())
    app.wait_for(NOTE)


def assert_left_cleanly(app: PtyApp) -> None:
    assert b"Traceback" not in app.output
    assert LEAVE_FULL_SCREEN in app.output, "the terminal was left in full-screen mode"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_saves_the_answers_and_the_note_being_typed(app: PtyApp, tmp_path: Path, signum) -> None:
    answer_and_start_a_note(app)
    os.kill(app.proc.pid, signum)
    status = app.finish()
    assert status == 128 + signum
    assert_left_cleanly(app)
    answers = saved(tmp_path)
    assert answers["note"] == NOTE
    assert answers["unticked"] == ["q-start"]
    assert answers["stage"] == "summary"


def test_ctrl_c_typed_in_the_terminal_saves_and_quits(app: PtyApp, tmp_path: Path) -> None:
    answer_and_start_a_note(app)
    app.type(b"\x03")
    assert app.finish() == 0
    assert_left_cleanly(app)
    assert saved(tmp_path)["note"] == NOTE


def test_closing_the_terminal_window_saves_the_note(app: PtyApp, tmp_path: Path) -> None:
    answer_and_start_a_note(app)
    app.hang_up()
    assert app.finish() == 128 + signal.SIGHUP
    answers = saved(tmp_path)
    assert answers["note"] == NOTE and answers["unticked"] == ["q-start"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
async def test_a_signal_saves_a_note_still_inside_its_autosave_pause(make_app, monkeypatch, signum) -> None:
    monkeypatch.setattr("decisionaid.tui.screens.summary.NOTE_SAVE_DELAY", 3600.0)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "note")
        await pilot.press(*"Typed just now")
        assert "Typed just now" not in session_path("commute").read_text(encoding="utf-8"), "not autosaved yet"
        app.leave_on_signal(signum)
        await pilot.pause()
    assert app.return_code == 128 + signum
    assert saved_answers(session_path("commute"))["note"] == "Typed just now"


async def test_the_previous_signal_handlers_are_back_after_the_app_exits(make_app) -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert signal.getsignal(signal.SIGTERM) != before[signal.SIGTERM]
    assert {s: signal.getsignal(s) for s in before} == before


async def test_ctrl_c_copies_selected_text_instead_of_quitting(make_app) -> None:
    from textual.widgets import TextArea

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        note = app.screen.query_one("#note", TextArea)
        note.focus()
        await pilot.press(*"keep me")
        note.select_all()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running and app.clipboard == "keep me"
        note.selection = note.selection.cursor(note.selection.end)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


def test_sigkill_loses_nothing_already_shown_as_answered(tmp_path: Path) -> None:
    """SIGKILL cannot be caught; an answer is saved before its feedback is shown, so nothing shown is lost."""
    first = PtyApp(tmp_path / "data")
    try:
        first.wait_for("Crisis help: press F2 at any time.")
        first.type(b"s")
        first.wait_for("Keep taking the bus · What does it cost?")
        for _ in range(7):
            first.type(b"n")
        first.wait_for("Does rain get you wet on the bus?")
        first.type(b"1")
        first.wait_for("On the bus you sit inside")
        os.kill(first.proc.pid, signal.SIGKILL)
        assert first.finish() == -signal.SIGKILL
    finally:
        first.close()
    assert saved(tmp_path)["self_check"] == {"rain": "yes"}
    second = PtyApp(tmp_path / "data")
    try:
        second.wait_for("You left off at")
        second.type(b"q")
        assert second.finish() == 0
    finally:
        second.close()
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [
        "commute-answers.toml",
        "pack-versions.toml",  # the highest version of each pack opened here
    ], "no lock left behind"
