"""Saved answers: round trip, private files, clear errors, migration, and nothing silently lost."""

from __future__ import annotations

import stat
import tempfile
import tomllib
from dataclasses import FrozenInstanceError, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.controller import Controller
from decisionaid.core.session import (
    SESSION_VERSION,
    Session,
    SessionError,
    file_problem,
    load_session,
    save_session,
)
from decisionaid.storage.copies import copies_folder
from decisionaid.storage.store import AnswersFile
from tests.helpers import COMMUTE, KETAMINE, TESTS, copy_pack

SESSIONS = TESTS / "sessions"
VERSION_1_FILES = sorted(
    p for p in (SESSIONS / "ketamine").glob("*.toml") if tomllib.loads(p.read_text())["schema_version"] == 1
)


@pytest.fixture(scope="module")
def pack():
    return load_pack(COMMUTE)


def answered(pack, **more) -> Session:
    answers = dict(
        stage="values",
        position=0,
        reader="helper",
        cards_read=["bike-good"],
        self_check={"rain": "unsure"},
        values={"cost": "a-lot"},
        sure={"sure": False, "understand": True},
        unticked=["q-start"],
        starred=["q-cost"],
        own_questions=["Can I [bold]try[/bold] both?", "Is there a shed?"],
        starred_own=["Is there a shed?"],
        own_draft="Half a quest",
        shown=["cost"],
        leaning="the bus, for now",
        note="Line one\nLine two",
    )
    return replace(Session.new(pack), **{**answers, **more})


def controller_for(pack, path: Path) -> Controller:
    return Controller(pack, AnswersFile(path))


# --- the value and its file ----------------------------------------------------------


def test_round_trip_keeps_every_answer(pack, tmp_path: Path):
    path = tmp_path / "data" / "answers.toml"
    session = answered(pack)
    saved = save_session(session, path)
    assert replace(saved, updated=session.updated) == session
    assert saved.updated >= session.updated
    assert load_session(path) == saved
    assert tomllib.loads(path.read_text())["schema_version"] == SESSION_VERSION


def test_a_session_cannot_be_changed_in_place(pack):
    values = {"cost": "a-lot"}
    session = answered(pack, values=values)
    values["cost"] = "not-much"
    assert session.values == {"cost": "a-lot"}, "the session holds its own copy"
    with pytest.raises(FrozenInstanceError):
        session.note = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        session.values["cost"] = "not-much"  # type: ignore[index]
    assert isinstance(session.cards_read, tuple) and isinstance(session.own_questions, tuple)


def test_saved_file_is_private(pack, tmp_path: Path):
    path = tmp_path / "data" / "answers.toml"
    save_session(answered(pack), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_save_refuses_to_write_through_a_symlink(pack, tmp_path: Path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp_path / "answers.toml"
    link.symlink_to(target)
    with pytest.raises(OSError) as refused:
        save_session(answered(pack), link)
    assert file_problem(refused.value) == "is a symbolic link; not writing through it"
    assert target.read_text() == "keep me"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"\x00\xff\xfe binary", "not UTF-8 text (byte 0xff at line 1, column 2)"),
        (b"schema_version = 2\npack = ", "not valid TOML: Invalid value (at end of document)"),
        (b"pack = 'commute'\n", "schema_version: expected 3, got None"),
        (b"schema_version = 7\npack = 'x'\n", "schema_version: written by a newer version of the aid (7)"),
        (b"schema_version = true\npack = 'commute'\n", "schema_version: expected 3, got True"),
        (b"schema_version = 1.0\npack = 'commute'\n", "schema_version: expected 3, got 1.0"),
        (b"schema_version = '2'\npack = 'commute'\n", "schema_version: expected 3, got '2'"),
        (b"schema_version = 2\nstage = 'cards'\n", "pack: missing"),
        (b"schema_version = 2\npack = 5\n", "pack: must be text"),
        (b"schema_version = 2\npack = 'commute'\nstage = 'nowhere'\n", "stage: must be one of: welcome, compare, "),
        (b"schema_version = 2\npack = 'commute'\nstarted = 5\n", "started: must be a date and time"),
        (b"schema_version = 2\npack = 'commute'\nupdated = 'soon'\n", "updated: must be a date and time"),
        (b"schema_version = 2\npack = 'commute'\nposition = -1\n", "position: must be a whole number, 0 or more"),
        (b"schema_version = 2\npack = 'commute'\nposition = true\n", "position: must be a whole number, 0 or more"),
        (b"schema_version = 2\npack = 'commute'\nposition = 1.5\n", "position: must be a whole number, 0 or more"),
        (b"schema_version = 2\npack = 'commute'\nreader = 'them'\n", "reader: must be 'self', 'helper' or empty"),
        (b"schema_version = 2\npack = 'commute'\ncards_read = 'bike-good'\n", "cards_read: must be a list of text"),
        (b"schema_version = 2\npack = 'commute'\nstarred = [1]\n", "starred: must be a list of text"),
        (b"schema_version = 2\npack = 'commute'\nvalues = { cost = 1 }\n", "values: must be a table of text"),
        (b"schema_version = 2\npack = 'commute'\nsure = { sure = 'no' }\n", "sure: must be a table of true or false"),
        (b"schema_version = 2\npack = 'commute'\nnote = ['a']\n", "note: must be text"),
        (b"schema_version = 2\npack = 'commute'\nkept = 'x'\n", "kept: must be a table"),
        (b"schema_version = 2\npack = 'commute'\nfavourite = 'bike'\n", "favourite: not a field of an answers file"),
    ],
)
def test_bad_session_files_give_one_line_naming_the_field(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "answers.toml"
    path.write_bytes(content)
    with pytest.raises(SessionError) as caught:
        load_session(path)
    text = caught.value.line(load_catalogue())
    assert "\n" not in text
    assert text.startswith(str(path))
    assert message in text


def test_no_replace_write_never_replaces_a_file_that_appeared(tmp_path: Path):
    from decisionaid.storage.files import atomic_write

    path = tmp_path / "summary.txt"
    path.write_text("theirs")
    with pytest.raises(FileExistsError):
        atomic_write(path, "ours", replace=False)
    assert path.read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.txt"]
    atomic_write(tmp_path / "new.txt", "ours", replace=False)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o600


# --- version 1 files -------------------------------------------------------------------


@pytest.mark.parametrize("path", VERSION_1_FILES, ids=lambda p: p.stem)
def test_a_version_1_file_is_migrated_with_no_answer_lost(path: Path, tmp_path: Path):
    raw = tomllib.loads(path.read_text())
    assert raw.pop("schema_version") == 1
    copy = tmp_path / "ketamine-answers.toml"
    copy.write_bytes(path.read_bytes())

    controller = controller_for(load_pack(KETAMINE), copy)

    assert controller.notices == ()
    session = controller.session
    for key, value in raw.items():
        held = getattr(session, key)
        if key in ("started", "updated"):
            assert held == datetime.fromisoformat(value).astimezone(UTC), key
        elif isinstance(value, list):
            assert held == tuple(value), key
        else:
            assert held == value, key
    assert session.kept == {}
    assert copy.read_bytes() == path.read_bytes(), "reading alone never rewrites the file"

    assert controller.save().saved
    assert tomllib.loads(copy.read_text())["schema_version"] == SESSION_VERSION
    assert replace(load_session(copy), updated=session.updated) == session


def test_a_version_2_file_keeps_every_private_answer_off_the_copy_and_drops_withheld(tmp_path: Path):
    path = tmp_path / "ketamine-answers.toml"
    path.write_text(
        'schema_version = 2\npack = "ketamine"\nwithheld = ["pregnancy"]\n'
        '[values]\npregnancy = "no"\nalcohol-and-drugs = "past"\n[kept]\nwithheld = ["gone"]\n',
        encoding="utf-8",
    )
    pack = load_pack(KETAMINE)
    controller = controller_for(pack, path)
    assert controller.session.shown == () and controller.session.kept == {}
    assert controller.summary().withheld == 2, "the answer version 2 kept in is off the copy too"
    assert controller.save().saved
    saved = tomllib.loads(path.read_text())
    assert saved["schema_version"] == SESSION_VERSION and "withheld" not in saved and saved["shown"] == []


# --- the controller and the answers file -------------------------------------------------


def test_a_bad_file_is_moved_aside_and_the_person_is_told_where(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    path.write_bytes(b"schema_version = 2\npack = ")
    controller = controller_for(pack, path)
    assert controller.session is None and not controller.started
    assert not path.exists()
    backups = list(tmp_path.glob("answers.toml.bad-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b"schema_version = 2\npack = "
    assert len(controller.notices) == 1
    notice = controller.notices[0]
    assert "\n" not in notice
    assert "not valid TOML" in notice and str(backups[0]) in notice


def test_a_file_with_a_wrongly_typed_field_is_moved_aside_naming_the_field(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    path.write_text("schema_version = 2\npack = 'commute'\nposition = -1\n")
    controller = controller_for(pack, path)
    assert controller.session is None
    assert "position: must be a whole number, 0 or more" in controller.notices[0]
    assert len(list(tmp_path.glob("answers.toml.bad-*"))) == 1


def test_a_file_that_cannot_be_read_is_left_alone_and_explained(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    path.mkdir()
    controller = controller_for(pack, path)
    assert controller.session is None
    assert len(controller.notices) == 1 and str(path) in controller.notices[0]
    assert path.is_dir() and list(tmp_path.glob("answers.toml.bad-*")) == []


def test_answers_for_another_pack_are_kept_aside(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    save_session(replace(answered(pack), pack="other"), path)
    controller = controller_for(pack, path)
    assert controller.session is None
    assert "another aid ('other')" in controller.notices[0]
    backups = list(tmp_path.glob("answers.toml.bad-*"))
    assert len(backups) == 1 and load_session(backups[0]).pack == "other"


def stale(pack) -> Session:
    return answered(
        pack,
        cards_read=["bike-good", "old-card"],
        self_check={"rain": "maybe"},
        values={"cost": "a-lot", "gone-item": "x"},
        sure={"sure": False, "gone-sure": True},
        unticked=["q-start", "q-gone"],
    )


def test_answers_the_pack_no_longer_has_are_reported_and_set_aside(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    save_session(stale(pack), path)
    before = path.read_bytes()

    controller = controller_for(pack, path)

    session = controller.session
    assert session.cards_read == ("bike-good",)
    assert session.self_check == {}
    assert session.values == {"cost": "a-lot"}
    assert session.sure == {"sure": False}
    assert session.unticked == ("q-start",)
    assert len(controller.notices) == 1
    notice = controller.notices[0]
    assert "5 saved answers no longer match it" in notice
    for fragment in ('"old-card"', 'self_check.rain = "maybe"', "values.gone-item", "sure.gone-sure", '"q-gone"'):
        assert fragment in notice
    assert "\n" not in notice
    assert path.read_bytes() == before, "the file itself is untouched until the next save"


def test_answers_the_pack_no_longer_has_are_kept_in_the_file_and_come_back(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    save_session(stale(pack), path)
    controller = controller_for(pack, path)
    assert controller.answer_value("cost", "not-much").saved

    written = tomllib.loads(path.read_text())
    assert written["kept"] == {
        "cards_read": ["old-card"],
        "self_check": {"rain": "maybe"},
        "values": {"gone-item": "x"},
        "sure": {"gone-sure": True},
        "unticked": ["q-gone"],
    }
    assert written["values"] == {"cost": "not-much"}

    again = controller_for(pack, path)
    assert again.session.kept == controller.session.kept, "still kept, still reported, after another visit"
    assert len(again.notices) == 1

    grown = copy_pack(COMMUTE, tmp_path / "grown")
    cards = (grown / "cards.toml").read_text()
    old_card = "[[cards]]" + cards.split("[[cards]]")[3].replace('"bike-bad"', '"old-card"')
    (grown / "cards.toml").write_text(cards + "\n" + old_card)
    checks = (grown / "self_check.toml").read_text()
    maybe = '\n[[self_check.choices]]\nid = "maybe"\nlabel = "Maybe"\n\n[[self_check]]\n'
    (grown / "self_check.toml").write_text(checks.replace("\n[[self_check]]\n", maybe, 1))  # a choice for 'rain'

    back = controller_for(load_pack(grown), path)
    assert back.session.cards_read == ("bike-good", "old-card")
    assert back.session.self_check == {"rain": "maybe"}
    assert back.session.values == {"cost": "not-much"}
    assert back.session.kept == {
        "values": {"gone-item": "x"},
        "sure": {"gone-sure": True},
        "unticked": ["q-gone"],
    }
    assert "3 saved answers no longer match it" in back.notices[0]


def test_a_failed_save_is_one_sentence_and_leaving_keeps_a_private_copy(pack, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    path = blocker / "answers.toml"
    controller = controller_for(pack, path)
    controller.start()

    outcome = controller.add_own_question("Is there a shed at work?")

    assert not outcome.saved
    assert outcome.problem.startswith(f"Could not save your answers to {path}: ")
    assert "\n" not in outcome.problem
    assert controller.session.own_questions == ("Is there a shed at work?",), "kept in memory all the same"

    left = controller.leave()
    assert not left.saved
    assert controller.fallback is not None and controller.fallback.parent == copies_folder()
    assert copies_folder().parent == tmp_path and stat.S_IMODE(copies_folder().stat().st_mode) == 0o700
    assert (
        left.said == f"Your answers could not be saved in the usual place, so a copy was kept in {controller.fallback}."
    )
    assert stat.S_IMODE(controller.fallback.stat().st_mode) == 0o600
    copy = load_session(controller.fallback)
    assert copy.own_questions == ("Is there a shed at work?",)
    assert (copy.stage, copy.position, copy.cards_read) == ("compare", 0, ())


def test_a_save_that_fails_on_the_disk_is_reported_and_the_next_one_clears_it(pack, tmp_path, monkeypatch):
    import decisionaid.storage.store as session_module  # where the answers file writes itself

    path = tmp_path / "answers.toml"
    controller = controller_for(pack, path)
    controller.start()
    real_write = session_module.atomic_write

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_module, "atomic_write", full_disk)
    outcome = controller.set_note("Ask about showers.")
    assert outcome.problem == f"Could not save your answers to {path}: No space left on device"
    assert controller.save_problem == outcome.problem

    monkeypatch.setattr(session_module, "atomic_write", real_write)
    assert controller.save().saved
    assert controller.save_problem is None
    assert load_session(path).note == "Ask about showers."


def test_leaving_says_plainly_when_no_copy_could_be_kept(pack, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    controller = controller_for(pack, blocker / "answers.toml")
    controller.start()
    left = controller.leave()
    assert not left.saved and controller.fallback is None
    assert left.said == "Your answers could not be saved anywhere; they are lost when the aid closes."


def test_nothing_is_saved_or_reported_before_the_person_starts(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    controller = controller_for(pack, path)
    assert controller.save().saved and controller.leave().saved
    assert not path.exists()


def test_delete_removes_the_file_and_forgets_the_answers(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    controller = controller_for(pack, path)
    controller.start()
    assert path.exists()
    assert controller.delete().done
    assert not path.exists() and controller.session is None
    assert controller.notices == ("Your answers were deleted.",)


@pytest.mark.parametrize("kept", ["kept = { cards_read = 5 }", "kept = { values = ['x'] }"])
def test_a_kept_table_of_the_wrong_shape_is_one_line_naming_the_field(pack, tmp_path: Path, kept: str):
    path = tmp_path / "answers.toml"
    path.write_text(f"schema_version = 2\npack = 'commute'\n{kept}\n")
    controller = controller_for(pack, path)
    assert controller.session is None
    assert "kept" in controller.notices[0]


def test_an_answer_whose_choice_is_gone_names_the_choice(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    save_session(answered(pack, self_check={"rain": "maybe"}), path)
    assert 'self_check.rain = "maybe"' in controller_for(pack, path).notices[0]
