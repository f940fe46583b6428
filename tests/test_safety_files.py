"""Any file at all where the aid expects its own: only regular files are read, within a size, to a depth.

A named pipe, a device or a folder in place of a file is one line, never a wait for ever or memory
growing without end; a file too big or nested too deep is one line, never a traceback.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from decisionaid.content import ContentError, load_pack
from decisionaid.core.controller import MAX_NOTE, MAX_QUESTION
from decisionaid.core.session import file_problem
from decisionaid.sanitize import display_path
from decisionaid.storage.files import (
    ANSWERS_LIMIT,
    PACK_FILE_LIMIT,
    SETTINGS_LIMIT,
    FileReadError,
    read_file_bytes,
    read_text_file,
)
from decisionaid.storage.paths import session_path, settings_path
from decisionaid.storage.settings import Settings, load_settings
from decisionaid.storage.tomlfile import MAX_DEPTH, parse_toml
from tests.helpers import COMMUTE, problem_lines

DEEP = "x = " + "[" * 500 + "]" * 500 + "\n"
GENEROUS = 60.0  # seconds; only ever reached when something waits for ever


def finishes(work, *args):
    """Run `work` in a thread and return its result; fail (instead of hanging the suite) if it never returns."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(_outcome(work, *args)), daemon=True)
    thread.start()
    thread.join(GENEROUS)
    assert not thread.is_alive(), f"{work.__name__} never returned"
    kind, value = result[0]
    if kind == "raised":
        raise value
    return value


def _outcome(work, *args):
    try:
        return "returned", work(*args)
    except BaseException as exc:  # handed back to the test's own thread
        return "raised", exc


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


# --- the reading primitive ------------------------------------------------------------------


def test_a_named_pipe_is_refused_at_once(fifo: Path) -> None:
    with pytest.raises(FileReadError) as caught:
        finishes(read_file_bytes, fifo, 100)
    assert caught.value.code == "pipe"
    assert file_problem(caught.value) == "is a named pipe, not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(FileReadError) as caught:
        finishes(read_file_bytes, Path("/dev/zero"), 100)
    assert file_problem(caught.value) == "is a device, not a regular file"


def test_a_folder_a_big_file_and_a_symbolic_link_are_each_one_reason(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"x" * 2049)
    link = tmp_path / "link.toml"
    link.symlink_to(big)
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    (tmp_path / "latin1.toml").write_bytes(b"a = 1\nb = '\xe9'\n")
    for read, reason in [
        (lambda: read_file_bytes(tmp_path, 100), "is a folder"),
        (lambda: read_file_bytes(big, 2048), "is too big (2,049 bytes; at most 2 KiB)"),
        (lambda: read_file_bytes(link, 4096, follow_symlinks=False), "is a symbolic link; not reading through it"),
        (lambda: read_file_bytes(loop, 4096), "is a symbolic link that leads round in a loop, to no file"),
        (lambda: read_text_file(tmp_path / "latin1.toml", 100), "not UTF-8 text (byte 0xe9 at line 2, column 6)"),
    ]:
        with pytest.raises(FileReadError) as caught:
            read()
        assert file_problem(caught.value) == reason
    assert read_file_bytes(link, 4096) == b"x" * 2049
    with pytest.raises(FileNotFoundError):
        read_file_bytes(tmp_path / "none", 100)


def test_toml_nested_too_deep_is_a_toml_error_not_a_crash() -> None:
    import tomllib

    from decisionaid.storage.tomlfile import TooDeep

    assert issubclass(TooDeep, tomllib.TOMLDecodeError)
    with pytest.raises(TooDeep):
        parse_toml(DEEP)
    with pytest.raises(TooDeep):
        parse_toml("x = " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert parse_toml("x = [[1], {a = [2]}]") == {"x": [[1], {"a": [2]}]}


# --- pack files ------------------------------------------------------------------------------


def pack_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(COMMUTE, folder, ignore=shutil.ignore_patterns("manifest.toml*"))
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        finishes(load_pack, folder)
    return problem_lines(caught.value)


def test_a_pack_file_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    folder = pack_copy(tmp_path)
    (folder / "figures.toml").write_text(DEEP, encoding="utf-8")
    where = display_path(folder / "figures.toml")
    reason = f"values are nested too deeply (at most {MAX_DEPTH} levels)"
    assert problems_of(folder) == [f"{where}: {reason}"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "too big"])
def test_a_pack_file_that_is_not_a_regular_file_or_too_big_is_one_line(tmp_path: Path, kind: str) -> None:
    folder = pack_copy(tmp_path)
    cards = folder / "cards.toml"
    cards.unlink()
    if kind == "fifo":
        os.mkfifo(cards)
    elif kind == "device":
        cards.symlink_to("/dev/zero")
    elif kind == "folder":
        cards.mkdir()
    else:
        with open(cards, "wb") as out:
            out.truncate(PACK_FILE_LIMIT + 1)
    reason = {
        "fifo": "is a named pipe, not a regular file",
        "device": "is a device, not a regular file",
        "folder": "is a folder",
        "too big": f"is too big ({PACK_FILE_LIMIT + 1:,} bytes; at most 16 MiB)",
    }[kind]
    assert problems_of(folder) == [f"{display_path(cards)}: {reason}"]


def test_the_limits_leave_room_for_a_generated_10000_card_pack(tmp_path: Path) -> None:
    """Generated cards are alike, so a file grows in step with them: 1,000 cards, times ten, with room to spare."""
    from bench.packgen import generate_pack

    folder = generate_pack(COMMUTE, tmp_path / "big", 1_000)
    largest = max(p.stat().st_size for p in folder.glob("*.toml"))
    assert largest > 300_000 and 10 * largest < PACK_FILE_LIMIT / 4
    assert len(load_pack(folder).cards) == 1_000


def test_the_answers_limit_holds_everything_the_aid_can_save(commute_pack) -> None:
    from dataclasses import replace

    from decisionaid.core.session import Session

    full = replace(
        Session.new(commute_pack),
        note="\U0001f600" * MAX_NOTE,
        own_questions=tuple('"\\' * (MAX_QUESTION // 2) for _ in range(1_000)),
        cards_read=tuple(f"card-{i:05d}" for i in range(10_000)),
    )
    assert len(full.to_toml().encode("utf-8")) < ANSWERS_LIMIT


# --- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["deep", "fifo", "big"])
def test_settings_that_cannot_be_used_give_the_defaults_and_the_app_starts(kind: str, make_app) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, mode=0o700)
    if kind == "deep":
        path.write_text("theme = 'textual-light'\n" + DEEP, encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_text("theme = 'textual-light'\n" + "#" * SETTINGS_LIMIT, encoding="utf-8")
    assert finishes(load_settings, path) == Settings()
    app = finishes(make_app, None)
    assert app.theme != "textual-light"


# --- answers files, through the commands ---------------------------------------------------------


def run_limited(*args: str, data: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The command line in a child with 1 GiB of address space, so reading without bound fails fast."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = {**os.environ, "DECISIONAID_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "decisionaid", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=GENEROUS,
        preexec_fn=limit,
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_export_with_a_pipe_or_a_device_as_the_answers_file_is_one_line(tmp_path: Path, kind: str) -> None:
    answers = tmp_path / "answers.toml"
    if kind == "fifo":
        os.mkfifo(answers)
    else:
        answers = Path("/dev/zero")
    result = run_limited("export", "--pack", str(COMMUTE), "--session", str(answers), data=tmp_path / "data")
    assert result.returncode == 2
    what = "a named pipe" if kind == "fifo" else "a device"
    assert result.stderr == f"decisionaid: {display_path(answers)}: is {what}, not a regular file\n"


def test_plain_mode_with_a_pipe_as_the_answers_file_starts_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    os.mkfifo(data / "commute-answers.toml")
    result = run_limited("--plain", "--pack", str(COMMUTE), data=data, stdin="q\n")
    assert "is a named pipe, not a regular file" in result.stdout
    assert "Traceback" not in result.stderr


async def test_an_answers_file_too_big_to_read_is_kept_aside_not_replaced(make_app) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    with open(path, "wb") as out:
        out.write(b"schema_version = 2\npack = 'commute'\nnote = '")
        out.truncate(ANSWERS_LIMIT + 10)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        notice = str(app.screen.query_one("#notice").content)
        assert "is too big" in notice and "the old file was kept as" in notice
        await pilot.press("s", "q")
    [backup] = path.parent.glob("commute-answers.toml.bad-*")
    assert backup.stat().st_size == ANSWERS_LIMIT + 10


def spoil_pack(folder: Path, kind: str) -> tuple[Path, str]:
    """A pack folder with one hostile entry among its files; the entry and the one line expected about it."""
    if kind == "fifo":
        os.mkfifo(folder / "notes.toml")
        return folder / "notes.toml", "unknown file (did you mean 'sources.toml'?)"
    if kind == "device":
        (folder / "notes.toml").symlink_to("/dev/zero")
        return folder / "notes.toml", "unknown file (did you mean 'sources.toml'?)"
    if kind == "loop":
        (folder / "cards.toml").unlink()
        (folder / "cards.toml").symlink_to(folder / "cards.toml")
        return folder / "cards.toml", "is a symbolic link that leads round in a loop, to no file"
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/odd\xffname.toml"))
    odd.touch()
    return odd, "unknown file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize("kind", ["fifo", "device", "loop", "non-utf8-name"])
def test_every_command_meets_a_hostile_entry_in_a_pack_folder_with_one_line(tmp_path: Path, kind: str) -> None:
    from tests.helpers import copy_pack

    folder = copy_pack(COMMUTE, tmp_path / "pack")
    entry, reason = spoil_pack(folder, kind)
    line = f"{display_path(entry)}: {reason}"
    for args in (("validate", str(folder)), ("--plain", "--pack", str(folder)), ("export", "--pack", str(folder))):
        result = run_limited(*args, data=tmp_path / "data", stdin="q\n")
        assert result.returncode == 2, args
        assert result.stderr.splitlines()[0] == line, args
        assert "Traceback" not in result.stderr and "fault" not in result.stderr


def test_a_pack_file_saved_with_a_byte_order_mark_is_read_as_it_is(tmp_path: Path) -> None:
    from tests.helpers import copy_pack

    folder = copy_pack(COMMUTE, tmp_path / "pack")
    cards = folder / "cards.toml"
    cards.write_bytes(b"\xef\xbb\xbf" + cards.read_bytes())
    assert load_pack(folder).meta.id == "commute"


async def test_an_answers_file_with_more_own_questions_than_the_list_holds_is_kept_aside(make_app) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    own = ", ".join(f'"Question {n}?"' for n in range(50_000))
    path.write_text(f'schema_version = 2\npack = "commute"\nstage = "summary"\nown_questions = [{own}]\n')
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        notice = str(app.screen.query_one("#notice").content)
        assert "own_questions: must be a list of text, of at most 100 questions" in notice
        await pilot.press("q")
    assert app.return_code == 0
    [backup] = path.parent.glob("commute-answers.toml.bad-*")
    assert backup.read_text().count("Question") == 50_000


def test_a_question_past_the_most_the_list_holds_is_refused_and_said(commute_pack) -> None:
    from decisionaid.core.controller import Controller
    from decisionaid.core.session import MAX_OWN_QUESTIONS
    from decisionaid.storage.store import AnswersFile

    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    own = ", ".join(f'"Question {n}?"' for n in range(MAX_OWN_QUESTIONS))
    path.write_text(f'schema_version = 2\npack = "commute"\nstage = "summary"\nown_questions = [{own}]\n')
    controller = Controller(commute_pack, AnswersFile(path))
    assert controller.notices == () and len(controller.session.own_questions) == MAX_OWN_QUESTIONS
    outcome = controller.add_own_question("One more?")
    assert not outcome.done and outcome.problem.startswith("Not added: you have 100 questions of your own")
    assert controller.remove_own_question(0).saved and controller.add_own_question("One more?").saved
