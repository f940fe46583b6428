"""The installed command in a real terminal (tmux): from the welcome screen to an exported file."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import COMMUTE, require_tool


@pytest.fixture(autouse=True)
def _tmux() -> None:
    require_tool("tmux", "the check in a real terminal")


TIMEOUT = 60.0  # a bound on waiting for a condition, generous for a loaded machine; never a timing check


def command() -> list[str]:
    installed = Path(sys.executable).parent / "decisionaid"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "decisionaid"]


class Terminal:
    """A tmux session on its own server socket, read by polling the pane."""

    def __init__(self, socket: Path) -> None:
        self.base = ["tmux", "-S", str(socket)]
        self.pid: int | None = None

    def tmux(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, check=True).stdout

    def start(self, argv: list[str], env: dict[str, str]) -> None:
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        line = f"env -u NO_COLOR {exports} {shlex.join(argv)}"
        self.tmux("new-session", "-d", "-s", "aid", "-x", "80", "-y", "24", line)
        self.pid = int(self.tmux("display-message", "-p", "-t", "aid", "#{pane_pid}"))

    def running(self) -> bool:
        """Whether the program in the pane is still alive."""
        if self.pid is None:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def wait_for_exit(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not self.running(), "the program did not exit"

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "aid")

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "aid", key)

    def stop(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)
        if self.running():
            os.kill(self.pid, signal.SIGKILL)


@pytest.fixture
def terminal(tmp_path: Path):
    term = Terminal(tmp_path / "tmux.sock")
    yield term
    term.stop()


def test_from_welcome_to_an_exported_file(terminal: Terminal, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "DECISIONAID_DATA_DIR": str(tmp_path / "data"),
        "DECISIONAID_EXPORT_DIR": "",  # the default: the documents folder, else home (here: home)
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    terminal.start([*command(), "--pack", str(COMMUTE)], env)
    terminal.wait_for("Crisis help: press F2 at any time.")
    terminal.press("s")
    terminal.wait_for("Keep taking the bus · What does it cost?")
    for number in range(1, 6):
        terminal.press("n")
        terminal.wait_for(f"Card {number} of 5")
    terminal.press("n")
    terminal.wait_for("The short path left out 2 cards")
    terminal.press("n")
    terminal.wait_for("Does rain get you wet on the bus?")
    terminal.press("2")
    terminal.wait_for("Matches the evidence")
    terminal.press("n")
    terminal.wait_for("You now know about:")
    terminal.press("n")
    terminal.wait_for("How much does the cost of travel matter to you?")
    terminal.press("1")
    terminal.wait_for("your answer")
    terminal.press("n")
    terminal.wait_for("1 more question about you was left out of the short path")
    for number in range(1, 5):
        terminal.press("n")
        terminal.wait_for(f"{number} of 4")
        terminal.press("1")
        terminal.wait_for("your answer")
    terminal.press("n")
    terminal.wait_for("Who is filling this in?")
    terminal.press("1")  # Enter alone chooses nothing: no choice is highlighted before one is made
    terminal.wait_for("by me, the person it is about")
    terminal.press("e")
    terminal.wait_for("Save the handout as a file")
    terminal.press("Enter")
    terminal.wait_for("Saved to")
    terminal.press("q")
    terminal.wait_for_exit()

    [exported] = home.glob("commute-handout-*.txt")
    text = exported.read_text(encoding="utf-8")
    assert "Made on " in text and " by me, the person it is about." in text
    assert "How much would each way cost me in a month?" in text
    assert "Cost matters a lot to me." in text
    assert "What do people like me usually choose?" in text
