"""Saved answers: round trip, private files, clear errors, nothing silently lost."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.session import Session, SessionError, load_session, save_session
from decisionaid.storage.store import SessionStore
from tests.helpers import COMMUTE


@pytest.fixture(scope="module")
def pack():
    return load_pack(COMMUTE)


def answered(pack) -> Session:
    session = Session.new(pack)
    session.stage = "values"
    session.position = 0
    session.mark_read("bike-good")
    session.self_check = {"rain": "unsure"}
    session.values = {"cost": "a-lot"}
    session.sure = {"sure": False, "understand": True}
    session.own_questions = ["Can I [bold]try[/bold] both?"]
    session.note = "Line one\nLine two"
    return session


def test_round_trip_keeps_every_answer(pack, tmp_path: Path):
    path = tmp_path / "data" / "answers.toml"
    session = answered(pack)
    save_session(session, path)
    loaded = load_session(path)
    assert loaded.model_dump(exclude={"updated"}) == session.model_dump(exclude={"updated"})


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
    with pytest.raises(OSError, match="symbolic link"):
        save_session(answered(pack), link)
    assert target.read_text() == "keep me"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"\x00\xff\xfe binary", "not a text file"),
        (b"schema_version = 1\npack = ", "not valid TOML: Invalid value (at end of document)"),
        (b"schema_version = 7\npack = 'x'\n", "schema_version: expected 1, got 7"),
        (b"schema_version = 1\npack = 'commute'\nstage = 'nowhere'\n", "stage: Input should be 'welcome', "),
    ],
)
def test_bad_session_files_give_one_line(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "answers.toml"
    path.write_bytes(content)
    with pytest.raises(SessionError) as caught:
        load_session(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(str(path))
    assert message in text


def test_store_moves_a_bad_file_aside_and_says_so(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    path.write_bytes(b"schema_version = 1\npack = ")
    session, notices = SessionStore(path).load(pack)
    assert session is None
    assert not path.exists()
    backups = list(tmp_path.glob("answers.toml.bad-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b"schema_version = 1\npack = "
    assert len(notices) == 1 and backups[0].name in notices[0]


def test_store_reports_answers_the_pack_no_longer_has(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    session = answered(pack)
    session.values = {"cost": "a-lot", "gone-item": "x"}
    session.self_check = {"rain": "maybe"}
    session.cards_read = ["bike-good", "old-card"]
    save_session(session, path)

    loaded, notices = SessionStore(path).load(pack)

    assert loaded is not None
    assert loaded.values == {"cost": "a-lot"}
    assert loaded.self_check == {}
    assert loaded.cards_read == ["bike-good"]
    assert len(notices) == 1
    for fragment in (
        "values.gone-item: unknown item",
        "self_check.rain: unknown choice 'maybe'",
        "cards_read: unknown card 'old-card'",
    ):
        assert fragment in notices[0]
    assert load_session(path).values["gone-item"] == "x", "the file itself is untouched until the next save"


def test_store_keeps_answers_for_another_pack(pack, tmp_path: Path):
    path = tmp_path / "answers.toml"
    other = answered(pack).model_copy(update={"pack": "other"})
    save_session(other, path)
    session, notices = SessionStore(path).load(pack)
    assert session is None
    assert "another aid ('other')" in notices[0]
    assert len(list(tmp_path.glob("answers.toml.bad-*"))) == 1


def test_delete_removes_the_file(pack, tmp_path: Path):
    store = SessionStore(tmp_path / "answers.toml")
    store.save(answered(pack))
    assert store.exists()
    store.delete()
    assert not store.exists()


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


def test_a_failed_save_is_explained_in_one_sentence(pack, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    store = SessionStore(blocker / "answers.toml")
    problem = store.save_or_explain(answered(pack))
    assert problem is not None and problem.startswith(f"Could not save your answers to {blocker / 'answers.toml'}: ")
    assert "\n" not in problem
    assert SessionStore(tmp_path / "answers.toml").save_or_explain(None) is None
    assert SessionStore(tmp_path / "answers.toml").save_or_explain(answered(pack)) is None
    assert (tmp_path / "answers.toml").exists()
