"""One aid at a time per answers file: the lock beside it, between two processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid.storage.lock import AnswersLock, LockError, LockHeld

needs_locking = pytest.mark.skipif(not AnswersLock.supported, reason="no fcntl here: locking is not available")

HOLDER = """
import sys
from pathlib import Path
from decisionaid.storage.lock import AnswersLock

lock = AnswersLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
sys.stdin.readline()
"""


class Holder:
    """Another process that takes the lock, and lets it go when told."""

    def __init__(self, answers: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(answers)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.said = self.proc.stdout.readline().strip()

    def tell(self) -> str:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def end(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    return tmp_path / "commute-answers.toml"


@needs_locking
def test_a_second_process_is_refused_until_the_first_lets_go(answers: Path) -> None:
    holder = Holder(answers)
    try:
        assert holder.said == "held"
        mine = AnswersLock(answers)
        assert mine.acquire() is False and not mine.held
        assert mine.owner() == holder.proc.pid
        with pytest.raises(LockHeld) as held, AnswersLock(answers):
            pass
        assert held.value.args == (str(answers), holder.proc.pid), "the answers, and the process that has them"
        assert holder.tell() == "released"
        assert mine.acquire() is True and mine.held
        assert Holder(answers).said == "refused"
        mine.release()
    finally:
        holder.end()
    assert not answers.with_name("commute-answers.toml.lock").exists(), "the last to let go removes the lock file"
    assert not answers.exists(), "the answers file itself is never touched"


@needs_locking
def test_an_aid_waiting_as_the_lock_file_goes_locks_the_new_one_alone(answers: Path) -> None:
    first = AnswersLock(answers)
    assert first.acquire()
    waiting = AnswersLock(answers)
    opened = waiting._open

    def open_as_the_holder_lets_go() -> int:
        """The waiting aid opens the lock file just before its holder removes it and lets go."""
        fd = opened()
        if first.held:
            first.release()
        return fd

    waiting._open = open_as_the_holder_lets_go  # type: ignore[method-assign]
    assert waiting.acquire() and waiting.still_in_place(), "it holds the file now at the path"
    assert AnswersLock(answers).acquire() is False, "and no one else can take that one"
    waiting.release()


@needs_locking
def test_a_holder_that_is_killed_leaves_no_stale_lock(answers: Path) -> None:
    holder = Holder(answers)
    assert holder.said == "held"
    os.kill(holder.proc.pid, signal.SIGKILL)
    holder.end()
    with AnswersLock(answers) as lock:
        assert lock.held
    assert not lock.held


@needs_locking
def test_the_lock_follows_no_symbolic_link(answers: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    answers.with_name(answers.name + ".lock").symlink_to(target)
    with pytest.raises(LockError) as refused:
        AnswersLock(answers).acquire()
    assert refused.value.code == "symlink"
    assert not target.exists()


def test_where_locking_is_unavailable_nothing_is_locked_and_nothing_fails(answers: Path, monkeypatch) -> None:
    monkeypatch.setattr(AnswersLock, "supported", False)
    lock = AnswersLock(answers)
    assert lock.acquire() is True and not lock.held
    with AnswersLock(answers):
        pass
    lock.release()
    assert not answers.with_name(answers.name + ".lock").exists()
