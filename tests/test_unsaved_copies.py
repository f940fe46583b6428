"""Answers that could not be saved are kept in one private folder of the aid, and the next start offers them back:
taken back when nothing is saved in the usual place, else named with the way to see them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.controller import Controller
from decisionaid.core.session import load_session
from decisionaid.storage.copies import copies_folder, copies_of
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile

QUESTION = "Is there a shed at work?"


def fail_to_save(pack: Pack, tmp_path: Path) -> Path:
    """An aid whose data folder is a file: the question added cannot be saved, so leaving keeps a copy."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    controller = Controller(pack, AnswersFile(blocker / "commute-answers.toml"))
    controller.start()
    assert not controller.add_own_question(QUESTION).saved
    assert not controller.leave().saved
    return controller.fallback


def test_the_copy_is_kept_in_the_aids_private_folder_and_taken_back_at_the_next_start(commute_pack, tmp_path):
    copy = fail_to_save(commute_pack, tmp_path)
    assert copy.parent == copies_folder() and stat.S_IMODE(copies_folder().stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    again = Controller(commute_pack, AnswersFile(session_path("commute")))
    assert again.session is not None and again.session.own_questions == (QUESTION,)
    [notice] = again.notices
    assert notice.startswith(f"Your answers could not be saved last time, so a copy was kept in {copy}.")
    assert again.save().saved
    assert load_session(session_path("commute")).own_questions == (QUESTION,)
    assert not copy.exists() and copies_of("commute") == [], "offered once, then saved in the usual place"


def test_with_answers_saved_in_the_usual_place_the_copy_is_named_not_taken(commute_pack, tmp_path):
    first = Controller(commute_pack, AnswersFile(session_path("commute")))
    first.start()
    assert first.answer_self_check("rain", "no").saved and first.leave().saved
    copy = fail_to_save(commute_pack, tmp_path)
    again = Controller(commute_pack, AnswersFile(session_path("commute")))
    assert again.session.own_questions == () and again.session.self_check == {"rain": "no"}
    [notice] = again.notices
    assert f"kept in {copy}. To see them, run: decisionaid export --session {copy}" in notice
    assert copy.exists()


def test_a_shared_computers_throwaway_answers_are_never_offered(commute_pack, tmp_path):
    fail_to_save(commute_pack, tmp_path)
    kiosk = Controller(commute_pack, AnswersFile(tmp_path / "kiosk" / "commute-answers.toml"), offer_copies=False)
    assert kiosk.session is None and kiosk.notices == ()


@pytest.mark.skipif(os.name != "posix", reason="folder modes")
def test_copies_in_a_folder_others_may_change_are_never_offered(commute_pack, tmp_path):
    copy = fail_to_save(commute_pack, tmp_path)
    os.chmod(copies_folder(), 0o777)
    again = Controller(commute_pack, AnswersFile(session_path("commute")))
    assert again.session is None and again.notices == ()
    assert copy.exists()


def test_answers_an_earlier_version_kept_in_a_subfolder_are_named(commute_pack, tmp_path):
    earlier = session_path("commute").parent / "decisionaid" / "commute-answers.toml"
    earlier.parent.mkdir(parents=True)
    earlier.write_text('schema_version = 2\npack = "commute"\nown_questions = ["Mine?"]\n')
    controller = Controller(commute_pack, AnswersFile(session_path("commute")))
    [notice] = controller.notices
    assert f"earlier version of the aid are in {earlier}. To see them, run: decisionaid export --session" in notice
