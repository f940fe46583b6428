"""Failing disks, folders that cannot be entered and broken output end in one line and a clear status.

Tests run as root, where file modes are not enforced, so a folder with mode 000 is made by refusing,
at the operating-system calls the storage layer uses, everything inside it with EACCES.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from decisionaid.cli import main
from decisionaid.plain.output import OutputFailed
from decisionaid.sanitize import display_path
from decisionaid.storage.files import ensure_private_dir
from decisionaid.storage.paths import data_dir, session_path
from tests.helpers import COMMUTE, KETAMINE


def answered(folder: Path, name: str = "answers.toml") -> Path:
    """A small answers file for the commute pack."""
    path = folder / name
    data = {"schema_version": 2, "pack": "commute", "stage": "summary", "own_questions": ["Is there a shower?"]}
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


# --- standard output that cannot be written ---------------------------------------------------

FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")


def run_to_full(*args: str, data: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    with open(FULL, "w") as full:
        env = {**os.environ, "DECISIONAID_DATA_DIR": str(data)}
        return subprocess.run(
            [sys.executable, "-m", "decisionaid", *args],
            input=stdin,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )


@needs_dev_full
def test_export_to_a_full_disk_is_one_line_and_status_1(tmp_path: Path) -> None:
    result = run_to_full("export", "--pack", str(COMMUTE), "--session", str(answered(tmp_path)), data=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "decisionaid: cannot write to standard output (No space left on device)\n"


@needs_dev_full
def test_plain_mode_to_a_full_disk_is_one_line_and_status_1(tmp_path: Path) -> None:
    result = run_to_full("--plain", "--pack", str(COMMUTE), data=tmp_path / "data", stdin="\n\nq\n")
    assert result.returncode == 1
    assert result.stderr == (
        "decisionaid: cannot write to standard output (No space left on device); nothing was saved.\n"
    )


@needs_dev_full
@pytest.mark.parametrize("asked", [["--help"], ["--version"], ["lint", "--help"]])
def test_help_and_version_to_a_full_disk_are_one_line_and_status_1(asked: list[str], tmp_path: Path) -> None:
    result = run_to_full(*asked, data=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "decisionaid: cannot write to standard output (No space left on device)\n"


class FailingAfter(io.StringIO):
    """Standard output that takes `writes` writes, then fails as a full disk does."""

    def __init__(self, writes: int) -> None:
        super().__init__()
        self.left = writes

    def write(self, text: str) -> int:
        self.left -= 1
        if self.left < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_plain_output_failing_mid_journey_saves_the_answers_and_says_so(monkeypatch, capsys) -> None:
    import tomllib

    monkeypatch.setattr(sys, "stdin", io.StringIO("\n" * 20))
    monkeypatch.setattr(sys, "stdout", FailingAfter(12))
    assert main(["--plain", "--pack", str(COMMUTE)]) == 1
    assert capsys.readouterr().err == (
        "decisionaid: cannot write to standard output (No space left on device); your answers are saved.\n"
    )
    assert tomllib.loads(session_path("commute").read_text(encoding="utf-8"))["stage"] == "cards"


def test_every_command_ends_in_one_line_when_output_fails(monkeypatch, capsys) -> None:
    for command in (["validate", str(KETAMINE)], ["schema"], ["lint", str(COMMUTE)]):
        monkeypatch.setattr(sys, "stdout", FailingAfter(0))
        assert main(command) == 1, command
        assert capsys.readouterr().err == "decisionaid: cannot write to standard output (No space left on device)\n"


def test_a_closed_pipe_ends_quietly(monkeypatch, capsys) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["schema"]) == 1
    assert capsys.readouterr().err == ""
    assert OutputFailed(BrokenPipeError(errno.EPIPE, "Broken pipe")).broken_pipe


# --- export's own messages ---------------------------------------------------------------------


def test_export_names_a_link_not_its_target(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    answers = answered(tmp_path)
    secret = tmp_path / "private" / "target.txt"
    secret.parent.mkdir()
    secret.write_text("keep", encoding="utf-8")
    Path("link.txt").symlink_to(secret)
    assert main(["export", "--pack", str(COMMUTE), "--session", str(answers), "-o", "link.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "decisionaid: link.txt: is a symbolic link; not writing through it\n"
    assert secret.read_text(encoding="utf-8") == "keep"


async def test_export_after_a_bad_file_was_moved_aside_names_the_backup(make_app, capsys) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text("this is = not [ toml", encoding="utf-8")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("q")
    [backup] = path.parent.glob("commute-answers.toml.bad-*")
    assert main(["export", "--pack", str(COMMUTE)]) == 2
    assert capsys.readouterr().err == (
        f"decisionaid: {display_path(path)}: no saved answers for 'commute': the last answers file could not be "
        f"read and was kept as {display_path(backup)}; give --session {display_path(backup)} to see why, "
        "or go through the aid again\n"
    )


# --- a data folder that cannot be entered (mode 000) -----------------------------------------------


@pytest.fixture
def locked_out(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder exists, but everything inside it fails with EACCES, as mode 000 does for its owner."""
    folder = data_dir()
    folder.mkdir(parents=True, mode=0o700)
    inside = str(folder) + os.sep

    def guard(real, *, folder_too: bool = False):
        def guarded(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)):
                text = os.path.abspath(os.fspath(path))
                if text.startswith(inside) or (folder_too and text == str(folder)):
                    raise PermissionError(errno.EACCES, "Permission denied", text)
            return real(path, *args, **kwargs)

        return guarded

    for name in ("stat", "lstat", "open", "mkdir", "rename", "replace", "unlink", "link", "chmod"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))
    for name in ("scandir", "listdir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name), folder_too=True))
    guarded_open = guard(builtins.open)
    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    return folder


async def test_the_aid_starts_and_explains_when_its_folder_cannot_be_entered(locked_out: Path, make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Permission denied" in str(app.screen.query_one("#notice").content)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert "Call your local emergency number" in "\n".join(str(w.content) for w in app.screen.query("Static"))
        await pilot.press("escape", "q")
    assert app.return_code == 1 and "Permission denied" in app.farewell


def test_plain_mode_starts_and_explains_when_its_folder_cannot_be_entered(locked_out, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    assert main(["--plain", "--pack", str(COMMUTE)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "could not be read (Permission denied)" in out and "Traceback" not in out


def test_export_explains_in_one_line_when_the_folder_cannot_be_entered(locked_out, capsys) -> None:
    assert main(["export", "--pack", str(COMMUTE)]) == 2
    where = display_path(session_path("commute"))
    assert capsys.readouterr().err == f"decisionaid: {where}: cannot read: Permission denied\n"


# --- folder modes --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o1777, 0o777, 0o775, 0o500, 0o755, 0o700], ids=oct)
def test_a_folder_others_can_change_is_refused_in_one_line_and_any_other_used_as_it_is(
    tmp_path: Path, monkeypatch, capsys, mode: int
) -> None:
    given = tmp_path / "given"
    given.mkdir()
    os.chmod(given, mode)
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(given))
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    status = main(["--plain", "--pack", str(COMMUTE)])
    out, err = capsys.readouterr()
    assert stat.S_IMODE(given.stat().st_mode) == mode, "never changed"
    assert not (given / "decisionaid").exists(), "never a folder of its own inside"
    if mode & 0o022:
        assert status == 2 and out == ""
        assert err == f"decisionaid: {given}: other people can change what is in this folder, so your answers " + (
            "are not kept there. Use a folder only you can change (chmod 700 makes it so), or set "
            "DECISIONAID_DATA_DIR to another folder.\n"
        )
    else:
        assert status == 0 and data_dir() == given
        warned = f"Other people on this computer can see the names of the files in {given}"
        assert (warned in " ".join(out.split())) == bool(mode & 0o044)


def test_a_folder_another_user_owns_is_refused_in_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    given = tmp_path / "given"
    given.mkdir(mode=0o700)
    monkeypatch.setattr(os, "geteuid", lambda: given.stat().st_uid + 1)
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(given))
    assert main(["export", "--pack", str(COMMUTE)]) == 2
    assert capsys.readouterr().err.startswith(f"decisionaid: {given}: this folder belongs to another user")


def test_folders_made_under_a_permissive_umask_are_never_open_to_others(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(tmp_path / "a" / "b" / "data"))
    before = os.umask(0)
    try:
        ensure_private_dir(data_dir())
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "a" / "b" / "data").stat().st_mode) == 0o700


async def test_a_failed_save_notice_shows_its_path_literally_never_as_markup(tmp_path, monkeypatch, make_app) -> None:
    odd = tmp_path / "a[reverse]b[@click=app.quit]c"
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(odd))
    odd.mkdir(mode=0o700)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("decisionaid.storage.files.tempfile.mkstemp", full)
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("s")
        await pilot.pause()
        notices = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("a[reverse]b[@click=app.quit]c" in n for n in notices), notices
        assert app.is_running
