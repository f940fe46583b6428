"""`decisionaid export` as a person or a script meets it: through a subprocess."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.session import load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render
from decisionaid.sanitize import display_path
from tests.helpers import COMMUTE, KETAMINE, ROOT, TESTS, run_in_process

ANSWERS = """\
schema_version = 1
pack = "commute"
cards_read = ["bike-good"]
own_questions = ["Is there a bike shed at work?"]
note = "Ask before the winter."

[self_check]
rain = "unsure"

[values]
cost = "a-lot"

[sure]
understand = false
"""


def export(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_in_process("export", "--pack", str(COMMUTE), *args, env={"DECISIONAID_DATA_DIR": str(tmp_path / "data")})


def answers_file(tmp_path: Path, text: str = ANSWERS, name: str = "answers.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def expected(path: Path, fmt: str = "text") -> str:
    pack = load_pack(COMMUTE)
    return render(build_summary(pack, load_session(path)), pack, fmt, today=date.today())


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_prints_the_text_export_on_stdout_by_default(tmp_path):
    path = answers_file(tmp_path)
    result = export(tmp_path, "--session", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == expected(path)
    assert "4. What do people like me usually choose?" in result.stdout, "the fourth of the top questions"
    assert max(len(line) for line in result.stdout.splitlines()) <= 72


def test_dash_means_stdout_and_format_md_gives_markdown(tmp_path):
    path = answers_file(tmp_path)
    result = export(tmp_path, "--session", str(path), "-o", "-", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected(path, "md")
    assert result.stdout.startswith("# My handout: Cycling or the bus to work")


def test_reads_the_autosaved_answers_by_default(tmp_path):
    (tmp_path / "data").mkdir(mode=0o700)  # as the aid makes it: private
    answers_file(tmp_path / "data", name="commute-answers.toml")
    result = export(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Is there a bike shed at work?" in result.stdout


def test_no_saved_answers_is_one_line(tmp_path):
    result = export(tmp_path)
    assert_one_line_error(result, "commute-answers.toml", "no saved answers for 'commute'", "--session")


def test_writes_a_private_file_and_refuses_to_replace_it_without_force(tmp_path):
    path = answers_file(tmp_path)
    target = tmp_path / "questions.txt"
    first = export(tmp_path, "--session", str(path), "-o", str(target))
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    assert "Saved to" in first.stderr
    assert target.read_text() == expected(path)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    target.write_text("my edits\n")
    again = export(tmp_path, "--session", str(path), "-o", str(target))
    assert_one_line_error(again, "questions.txt: already exists", "--force")
    assert target.read_text() == "my edits\n"

    forced = export(tmp_path, "--session", str(path), "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text() == expected(path)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_file_name_chooses_the_format_unless_format_says_otherwise(tmp_path):
    path = answers_file(tmp_path)
    assert export(tmp_path, "--session", str(path), "-o", str(tmp_path / "q.md")).returncode == 0
    assert (tmp_path / "q.md").read_text() == expected(path, "md")
    assert export(tmp_path, "--session", str(path), "-o", str(tmp_path / "q.html")).returncode == 0
    assert (tmp_path / "q.html").read_text() == expected(path, "html")
    assert export(tmp_path, "--session", str(path), "-o", str(tmp_path / "t.md"), "--format", "text").returncode == 0
    assert (tmp_path / "t.md").read_text() == expected(path, "text")


def test_format_html_prints_a_web_page(tmp_path):
    path = answers_file(tmp_path)
    result = export(tmp_path, "--session", str(path), "--format", "html")
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected(path, "html")
    assert result.stdout.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in result.stdout


def test_refuses_to_write_through_a_symlink(tmp_path):
    path = answers_file(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    (tmp_path / "link.txt").symlink_to(victim)
    result = export(tmp_path, "--session", str(path), "-o", str(tmp_path / "link.txt"), "--force")
    assert_one_line_error(result, "link.txt: is a symbolic link")
    assert victim.read_text() == "keep\n"


def test_a_missing_folder_for_the_output_is_one_line(tmp_path):
    path = answers_file(tmp_path)
    result = export(tmp_path, "--session", str(path), "-o", str(tmp_path / "nowhere" / "q.txt"))
    assert_one_line_error(result, "q.txt: cannot write")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such file"),
        (b"", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8 text (byte 0x89 at line 1, column 1)"),
        (b"schema_version = 1\npack = [unclosed\n", "not valid TOML"),
        (b"pack = 'commute'\n", "schema_version: expected 3"),
        (
            b"schema_version = 1\npack = 'commute'\nsure = { understand = 'perhaps' }\n",
            "sure: must be a table of true or false",
        ),
        (b"schema_version = 1\npack = 'commute'\nfavourite = 'bike'\n", "favourite"),
    ],
    ids=["missing", "empty", "binary", "bad-toml", "no-version", "bad-value", "unknown-key"],
)
def test_an_unusable_answers_file_is_one_line_naming_it(tmp_path, content, fragment):
    path = tmp_path / "answers.toml"
    if content is not None:
        path.write_bytes(content)
    result = export(tmp_path, "--session", str(path))
    assert_one_line_error(result, "answers.toml", fragment)


def test_a_folder_given_as_the_answers_file_is_one_line(tmp_path):
    result = export(tmp_path, "--session", str(tmp_path))
    assert_one_line_error(result, "is a folder")


def test_answers_for_another_pack_are_refused(tmp_path):
    path = answers_file(tmp_path, ANSWERS.replace('pack = "commute"', 'pack = "ketamine"'))
    result = export(tmp_path, "--session", str(path))
    assert_one_line_error(result, "answers.toml", "'ketamine'", "'commute'")


def test_answers_the_pack_no_longer_has_are_warned_about_and_skipped(tmp_path):
    stale = ANSWERS.replace('cards_read = ["bike-good"]', 'cards_read = ["bike-good", "old-card"]')
    stale = stale.replace('rain = "unsure"', 'rain = "unsure"\nwind = "yes"')
    path = answers_file(tmp_path, stale)
    result = export(tmp_path, "--session", str(path))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f'{path}: cards_read: "old-card": ignored, not in this pack',
        f'{path}: self_check.wind = "yes": ignored, not in this pack',
    ]
    assert path.read_text() == stale, "exporting never rewrites the answers file"
    assert result.stdout == expected(answers_file(tmp_path))


def test_escape_sequences_in_the_answers_never_reach_the_output(tmp_path):
    hostile = ANSWERS.replace(
        'note = "Ask before the winter."',
        'note = "Ask \\u001b]0;pwned\\u0007before \\u001b[2J\\u001b[31mthe\\u001b[0m winter.\\u202e"',
    )
    path = answers_file(tmp_path, hostile)
    for fmt in ("text", "md", "html"):
        result = export(tmp_path, "--session", str(path), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
        assert "pwned" not in result.stdout
        assert "Ask before the winter." in result.stdout


def test_help_says_where_the_output_goes():
    result = run_in_process("export", "--help")
    assert result.returncode == 0
    assert "standard output" in result.stdout
    assert "--force" in result.stdout


def test_export_never_imports_textual_nor_the_other_commands_or_formats(tmp_path):
    path = answers_file(tmp_path)
    code = (
        "import sys\n"
        "from decisionaid.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}), status, file=sys.stderr)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('decisionaid.cli.', 'decisionaid.export.'))), "
        "file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "export", "--pack", str(COMMUTE), "--session", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.stderr.splitlines()[-2] == "[] 0"
    assert "My top questions" in result.stdout
    # one command's parser and one format's module: an export does not wait for the rest
    loaded = ["cli.export", "cli.options", "cli.packs", "cli.run"]
    loaded += ["export.files", "export.render", "export.text", "export.wrapping"]
    assert result.stderr.splitlines()[-1] == str([f"decisionaid.{name}" for name in loaded])


def test_the_documented_example_is_the_tested_file_and_renders(tmp_path):
    doc = (ROOT / "docs" / "session-format.md").read_text()
    example = TESTS / "sessions" / "example.toml"
    assert f"```toml\n{example.read_text()}```" in doc
    result = run_in_process(
        "export", "--pack", str(KETAMINE), "--session", str(example), env={"DECISIONAID_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "1. Can my partner stay in the room during the session?" in result.stdout, "starred, at the top"
    assert "How will I get home after each session, and when can I drive again?" in result.stdout
    assert "What would you expect to happen if I keep my current treatment?" not in result.stdout
    assert "No: “Do you feel SURE about the best choice for you?”" in result.stdout


def test_export_never_replaces_a_device_or_fifo(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = export(tmp_path, "--session", str(answers_file(tmp_path)), "-o", str(fifo), "--force")
    assert_one_line_error(result, "pipe: is not a regular file; not replacing it")
    assert fifo.is_fifo()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("a" * 300 + ".txt", "cannot write: File name too long"),
        ("~nosuchuser/x.txt", "there is no user called 'nosuchuser' on this computer, so there is no home folder"),
    ],
    ids=["over-255-bytes", "no-such-user"],
)
def test_an_export_name_that_cannot_be_used_is_one_line(tmp_path: Path, name: str, reason: str):
    result = export(tmp_path, "--session", str(answers_file(tmp_path)), "-o", name)
    assert result.returncode == 2 and "fault" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"decisionaid: {name}: {reason}")


def test_many_answers_for_ids_the_pack_does_not_have_are_summed_up_not_listed(tmp_path: Path):
    cards = ", ".join(f'"gone-{n}"' for n in range(5000))
    path = answers_file(tmp_path, f'schema_version = 2\npack = "commute"\ncards_read = [{cards}]\n')
    result = export(tmp_path, "--session", str(path))
    assert result.returncode == 0
    where = display_path(path)
    assert result.stderr.splitlines() == [
        f'{where}: cards_read: "gone-0": ignored, not in this pack',
        f'{where}: cards_read: "gone-1": ignored, not in this pack',
        f'{where}: cards_read: "gone-2": ignored, not in this pack',
        f"{where}: 4997 more answers ignored, not in this pack",
    ]
