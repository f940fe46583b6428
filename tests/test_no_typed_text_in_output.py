"""A fault in the aid never prints what a person typed: every front end made to fail on purpose, just after
typed text reached the aid, prints one paragraph naming the fault's kind and place, and none of the text."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import COMMUTE
from tests.test_hardening_signals import LEAVE_FULL_SCREEN, NOTE, TIMEOUT, PtyApp, answer_and_start_a_note
from tests.test_plain import TO_SUMMARY

SECRET = "My secret worry about the night bus"
FAULT = """
import sys
from decisionaid.core.controller import Controller

def broken(self, text):
    typed = text
    raise ValueError(f"could not take {typed!r}")

Controller.{name} = broken
from decisionaid.__main__ import main
sys.exit(main())
"""


def breaking(name: str) -> str:
    """A script that runs the aid with one of the controller's operations failing, as a fault in the aid would."""
    return FAULT.replace("{name}", name)


def test_plain_mode_after_a_fault_prints_no_typed_text(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", breaking("add_own_question"), "--plain", "--pack", str(COMMUTE)],
        input="".join(f"{line}\n" for line in [*TO_SUMMARY, "3", SECRET]),
        capture_output=True,
        text=True,
        env={**os.environ, "DECISIONAID_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "80"},
        timeout=TIMEOUT,
    )
    assert result.returncode == 70
    assert SECRET not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.count(SECRET) == 1, "only where the input is echoed, as it was typed"
    assert result.stderr.startswith("decisionaid stopped because of a fault in the aid itself. Your answers are saved.")
    assert "ValueError at <string>:7 broken < summary_page.py:" in result.stderr
    assert (tmp_path / "data" / "commute-answers.toml").exists()


@pytest.fixture
def failing_app(tmp_path: Path):
    running = PtyApp(tmp_path / "data", ("-c", breaking("set_note")))
    yield running
    running.close()


def test_the_full_screen_aid_after_a_fault_prints_no_typed_text(failing_app: PtyApp) -> None:
    answer_and_start_a_note(failing_app)  # the note is kept a moment after typing stops: that fails
    deadline = time.monotonic() + TIMEOUT
    while failing_app.proc.poll() is None and time.monotonic() < deadline:
        failing_app.read()
    assert failing_app.finish() == 70
    after = failing_app.output.rsplit(LEAVE_FULL_SCREEN, 1)[1].decode("utf-8", "replace")
    assert NOTE not in after and "Traceback" not in after and "typed" not in after.split("it holds")[0]
    assert "decisionaid stopped because of a fault in the aid itself." in " ".join(after.split())
    assert "ValueError at <string>:" in after
