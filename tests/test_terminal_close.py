"""Closing the terminal while output is backed up: the aid still saves and leaves.

Textual's writer thread ends when a write to a closed terminal fails; with its queue full, the main
thread then waits on it for ever and no signal handler can run (see decisionaid/tui/terminal.py). The
test makes that state on purpose, without timing: output to the terminal is suspended (as a terminal
that stops reading does), keys are pressed until the app's main thread is stuck handing output over,
and only then is the terminal closed. The process must then be gone.
"""

from __future__ import annotations

import os
import signal
import sys
import termios
import time
import tomllib
from pathlib import Path

import pytest

from tests.test_hardening_signals import TIMEOUT, PtyApp

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads thread states from /proc (Linux)")


def main_thread(pid: int) -> str:
    """Where the main thread sleeps: 'idle' (waiting for events), 'lock' (on a lock or condition), or ''."""
    try:
        where = Path(f"/proc/{pid}/task/{pid}/wchan").read_text()
    except OSError:
        return ""
    return "idle" if "epoll" in where else "lock" if "futex" in where else ""


def saved_position(app: PtyApp) -> int | None:
    try:
        return tomllib.loads(app.saved_file.read_text(encoding="utf-8"))["position"]
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        return None


def press(app: PtyApp, key: bytes, position: int) -> bool:
    """Press a key that turns to the card at `position`; False when, instead, the app got stuck handing over
    output (its main thread asleep on a lock over several looks). True once the card is saved and the app idle."""
    app.type(key)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        state = main_thread(app.proc.pid)
        if state == "idle" and saved_position(app) == position:
            return True
        if state == "lock" and all(app.read(wait=0.02) and main_thread(app.proc.pid) == "lock" for _ in range(10)):
            return False
        app.read(wait=0.01)
    raise AssertionError("the app neither turned the card nor got stuck")


def suspend_output(app: PtyApp) -> None:
    """Stop the terminal taking output, as a terminal does that has stopped reading (XOFF)."""
    fd = os.open(app.terminal_name, os.O_RDWR | os.O_NOCTTY)
    try:
        termios.tcflow(fd, termios.TCOOFF)
    finally:
        os.close(fd)


def test_closing_the_terminal_while_output_is_backed_up_ends_the_process(tmp_path: Path) -> None:
    app = PtyApp(tmp_path / "data")
    try:
        app.wait_for("Crisis help: press F2 at any time.")
        suspend_output(app)
        for key, position in [(b"s", 0), (b"n", 0)] + [(b"n", 1), (b"b", 0)] * 50:  # the table, then cards
            if not press(app, key, position):  # each card turned is another screenful waiting to be written
                break
        app.hang_up()
        assert app.finish() == 128 + signal.SIGHUP
    finally:
        app.close()
    answers = tomllib.loads(app.saved_file.read_text(encoding="utf-8"))
    assert answers["stage"] == "cards" and answers["cards_read"][0] == "what-options"
