"""A lock that cannot fail open: when it cannot be taken or checked, the aid is read only and says why; a data
folder removed under an open aid is noticed before the next save; a second aid never touches the first's save."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.controller import Controller
from decisionaid.core.session import load_session
from decisionaid.storage.lock import AnswersLock
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile

pytestmark = pytest.mark.skipif(not AnswersLock.supported, reason="no fcntl here: locking is not available")


def lock_a_folder(answers: Path, monkeypatch) -> str:
    answers.with_name(answers.name + ".lock").mkdir(parents=True)
    return "is not a regular file"


def lock_owned_by_root(answers: Path, monkeypatch) -> str:
    """A lock file left by `sudo decisionaid`: this user may not open it (made here by refusing the open)."""
    lock = answers.with_name(answers.name + ".lock")
    answers.parent.mkdir(parents=True)
    lock.touch()
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == lock:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    return "could not be opened (Permission denied)"


@pytest.mark.parametrize("spoil", [lock_a_folder, lock_owned_by_root], ids=["folder", "not-ours"])
def test_a_lock_that_cannot_be_used_makes_the_aid_read_only_and_says_why(commute_pack: Pack, monkeypatch, spoil):
    answers = session_path("commute")
    why = spoil(answers, monkeypatch)
    controller = Controller(commute_pack, AnswersFile(answers))
    assert not controller.open_elsewhere, "no other aid to wait for"
    assert any(why in notice and "saves nothing" in notice for notice in controller.notices)
    assert Controller(controller.pack, AnswersFile(answers)).leave().said == (
        "Nothing was changed here, so nothing needed saving."
    )
    controller.start()
    outcome = controller.answer_self_check("rain", "no")
    assert not outcome.saved and outcome.problem.startswith("Not saved. The lock file") and why in outcome.problem
    assert controller.where().endswith("read only, not saved")
    assert not answers.exists(), "nothing written without the lock"
    left = controller.leave()
    assert controller.fallback is not None and str(controller.fallback) in left.said
    assert load_session(controller.fallback).self_check == {"rain": "no"}, "what was entered is kept in a copy"


def test_a_data_folder_removed_under_an_open_aid_is_noticed_before_the_next_save(commute_pack: Pack) -> None:
    answers = session_path("commute")
    first = Controller(commute_pack, AnswersFile(answers))
    first.start()
    assert first.answer_self_check("rain", "no").saved
    shutil.rmtree(answers.parent)
    second = Controller(commute_pack, AnswersFile(answers))
    assert not second.open_elsewhere, "a new folder, a new lock"
    second.start()
    assert second.add_own_question("Is there a shower at work?").saved
    outcome = first.answer_value("cost", "a-lot")
    assert not outcome.saved and "was removed or replaced" in outcome.problem
    assert load_session(answers).own_questions == ("Is there a shower at work?",), "the second aid's answers stay"
    first.leave()
    assert load_session(first.fallback).values == {"cost": "a-lot"}, "the first aid's answers are kept in a copy"
    assert second.leave().saved


def test_a_second_aid_starting_leaves_the_first_aids_save_under_way_alone(commute_pack: Pack) -> None:
    answers = session_path("commute")
    first = Controller(commute_pack, AnswersFile(answers))
    first.start()
    under_way = answers.with_name(f".{answers.name}.x1y2z3.tmp")
    under_way.write_text("half a save")
    second = Controller(commute_pack, AnswersFile(answers))
    assert second.open_elsewhere and under_way.exists()
    first.leave()
    third = Controller(commute_pack, AnswersFile(answers))
    assert not third.open_elsewhere and not under_way.exists(), "the holder of the lock removes what a crash left"
