"""What cannot be read is never written over: an answers file the aid may not read is kept aside (or, when it
cannot be moved, left in place with the aid read only), and a hand-edited file is kept as written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
import tomli_w

from decisionaid.content import Pack
from decisionaid.core.controller import Controller
from decisionaid.core.session import load_session
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile

OLD = {"schema_version": 2, "pack": "commute", "stage": "summary", "own_questions": ["Is there a shower?"]}


def refuse_reading(path: Path, monkeypatch) -> None:
    """`chmod 000` as the aid meets it (made here by refusing the open, since root may read any file)."""
    real_open = os.open

    def refuse(name, flags, *args, **kwargs):
        if Path(name) == path and not flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)


@pytest.fixture
def old_answers() -> Path:
    path = session_path("commute")
    path.parent.mkdir(parents=True)
    path.write_text(tomli_w.dumps(OLD), encoding="utf-8")
    return path


def test_an_answers_file_that_cannot_be_read_is_kept_aside_never_written_over(
    commute_pack: Pack, old_answers, monkeypatch
):
    refuse_reading(old_answers, monkeypatch)
    controller = Controller(commute_pack, AnswersFile(old_answers))
    [notice] = controller.notices
    backups = list(old_answers.parent.glob("commute-answers.toml.bad-*"))
    assert len(backups) == 1 and f"kept as {backups[0]}" in notice and "Permission denied" in notice
    assert tomli_w.dumps(OLD) == backups[0].read_text(encoding="utf-8")
    controller.start()
    assert controller.add_own_question("A new question?").saved
    assert tomli_w.dumps(OLD) == backups[0].read_text(encoding="utf-8")


def test_one_that_cannot_be_moved_aside_either_is_left_in_place_and_nothing_is_saved(
    commute_pack: Pack, old_answers, monkeypatch
):
    refuse_reading(old_answers, monkeypatch)

    def no_rename(self):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(AnswersFile, "move_aside", no_rename)
    controller = Controller(commute_pack, AnswersFile(old_answers))
    assert any("nothing is saved over" in notice for notice in controller.notices)
    controller.start()
    outcome = controller.add_own_question("A new question?")
    assert not outcome.saved and "could not be read or moved aside" in outcome.problem
    assert not controller.delete().done
    assert tomli_w.dumps(OLD) == old_answers.read_text(encoding="utf-8"), "left exactly as it was"
    controller.leave()
    assert controller.fallback is not None, "what was typed is kept in a copy"


def test_a_hand_edited_file_whose_keys_meet_once_cleaned_is_kept_as_written(commute_pack: Pack) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True)
    written = 'schema_version = 2\npack = "commute"\n[values]\ncost = "a-lot"\n"co\\u0007st" = "a-little"\n'
    path.write_text(written, encoding="utf-8")
    controller = Controller(commute_pack, AnswersFile(path))
    [notice] = controller.notices
    [backup] = path.parent.glob("commute-answers.toml.bad-*")
    assert "values.cost: two keys are the same once control characters are removed" in notice
    assert backup.read_text(encoding="utf-8") == written


def test_a_draft_longer_than_a_question_is_kept_whole_never_cut(commute_pack: Pack) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True)
    draft = "Why " * 375  # 1,500 characters, written into the file by hand
    path.write_text(tomli_w.dumps({**OLD, "own_draft": draft}), encoding="utf-8")
    controller = Controller(commute_pack, AnswersFile(path))
    assert controller.keep_draft(draft).saved and controller.keep_draft(draft[:-1]).saved
    assert controller.session.own_draft == draft[:-1]
    assert load_session(path).own_draft == draft[:-1]
    added = controller.add_own_question(draft)
    assert not added.done and "at most 1,000" in added.problem and controller.session.own_draft == draft[:-1]
