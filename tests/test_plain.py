"""Plain-text mode (`decisionaid --plain`), driven as a person or a script would: answers on stdin."""

from __future__ import annotations

import io
import os
import re
import select
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.session import load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import default_export_name, render_text
from decisionaid.storage.paths import session_path
from tests.conftest import shown_text
from tests.helpers import COMMUTE, run_in_process

CONTINUE = "Run decisionaid --plain again to continue."
ENDED = f"Input ended; your answers are saved. {CONTINUE}"
CARDS = ["", "", "", "", ""]
# welcome, the table, five cards, the list of every card, self-check "not sure" then on, the learnt page,
# cost "matters a lot", the values left out (passed), SURE yes/no/yes/yes
TO_SUMMARY = ["", "", *CARDS, "", "3", "", "", "1", "", "1", "2", "1", "1"]
VISUAL_ONLY = re.compile(r"[\x1b\u2500-\u257f\u2580-\u259f●○◐]")


def plain(*answers: str, cwd: Path, env: dict[str, str] | None = None, args: tuple[str, ...] = ("--plain",)):
    """Run plain mode on the commute pack with `answers` as the lines of input."""
    text = "".join(f"{a}\n" for a in answers)
    return run_in_process(*args, "--pack", str(COMMUTE), cwd=cwd, input=text, env={"COLUMNS": "80", **(env or {})})


def saved():
    return load_session(session_path("commute"))


def test_a_whole_run_answers_every_prompt_and_exports_what_the_summary_engine_builds(
    tmp_path: Path, commute_pack: Pack
) -> None:
    result = plain(
        *TO_SUMMARY,
        "1", "1",  # leave out question 1
        "2", "Is [bold]rain[/bold] a problem?",
        "4", "Ask about the \x1b[31mprice\x1b[0m", "",
        "5", "",
        "q",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    session = saved()
    assert session.stage == "summary"
    assert session.self_check == {"rain": "unsure"} and session.values == {"cost": "a-lot"}
    assert session.sure == {"sure": True, "understand": False, "risk": True, "encouragement": True}
    assert session.unticked == ("q-cost",) and session.own_questions == ("Is [bold]rain[/bold] a problem?",)
    assert session.cards_read == tuple(c.id for c in commute_pack.ordered_cards() if c.short_path)
    written = tmp_path / default_export_name(commute_pack, date.today())
    assert written.read_text(encoding="utf-8") == render_text(build_summary(commute_pack, session), commute_pack)
    assert f"Saved to {written}." in " ".join(result.stdout.split())
    assert "Your answers are saved. Run decisionaid --plain again to continue." in result.stdout


def test_the_output_is_words_only_wrapped_to_the_width(tmp_path: Path) -> None:
    result = plain(*TO_SUMMARY, "s", "c", "h", cwd=tmp_path, env={"COLUMNS": "50"})
    out = result.stdout
    assert not VISUAL_ONLY.search(out)
    assert all(len(line) <= 50 or " " not in line.strip() for line in out.splitlines())
    flat = " ".join(out.split())
    assert "Card 2 of 5. Section: Good and bad points." in flat
    assert "How sure: Uncertain: studies are few, small or short" in flat
    assert "Cycling: 60 out of 100 people; 40 out of 100 did not." in flat
    assert "Bus: between 20 and 30 out of 100 people; between 70 and 80 out of 100 did not." in flat
    assert "? Not sure The answer: No On the bus you sit inside, so rain does not get you wet." in flat
    assert "4. Where can I read more about both ways? Why: You answered 'no' to: Do you know the good" in flat


def test_the_welcome_says_what_the_aid_is_and_is_not(tmp_path: Path) -> None:
    out = " ".join(plain(cwd=tmp_path).stdout.split())
    assert "This is a test pack. It gives no advice." in out
    assert "The short path takes about 4 minutes at a slow reading pace; more is there if you want it." in out
    assert "Evidence reviewed 5 January 2026" in out
    assert "Funding: None. Conflicts of interest: None." in out
    assert "Crisis help: type c at any prompt. Local emergency number: Call your local emergency number." in out
    assert out.endswith("Input ended; nothing was saved.")
    assert not session_path("commute").exists()


def test_plain_mode_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import sys, runpy; sys.argv = ['decisionaid', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('decisionaid', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--plain", "--pack", str(COMMUTE)],
        input="\n\n\n2\nb\ns\nc\nh\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "Card 2 of 5" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "CLEAN"


def test_term_dumb_starts_plain_mode(tmp_path: Path) -> None:
    result = plain("", "", "", cwd=tmp_path, env={"TERM": "dumb"}, args=())
    assert result.returncode == 0
    assert "Card 2 of 5" in result.stdout and ENDED in result.stdout
    assert "\x1b" not in result.stdout


def test_back_returns_to_the_previous_page_and_saves_the_place(tmp_path: Path) -> None:
    result = plain("", "", "", "", "b", cwd=tmp_path)
    out = result.stdout
    assert out.index("Card 3 of 5") < out.rindex("Card 2 of 5")
    assert (saved().stage, saved().position) == ("cards", 1)
    assert "This is the first page" in plain("1", "b", "b", "b", "b", cwd=tmp_path).stdout


def test_crisis_help_answers_at_any_prompt_and_keeps_the_place(tmp_path: Path) -> None:
    result = plain("c", "", "", "c", "3", "c", cwd=tmp_path)
    out = " ".join(result.stdout.split())
    assert out.count("Crisis help. If you are in danger or might harm yourself, contact one of these now:") == 3
    assert "Local emergency number (Anywhere): Call your local emergency number." in out
    assert "Checked on 5 January 2026." in out
    assert out.count("Card 1 of 5") == 1 and "Card 2 of 5" not in out
    assert saved().position == 0


def test_sources_are_listed_on_request(tmp_path: Path) -> None:
    result = plain("", "s", "", "s", *CARDS, "", "s", "1", "s", cwd=tmp_path)
    out = result.stdout
    assert "Sources: 1. Type s to list it.\nType o to read it option by option." in out  # the table
    assert "Sources for this table:\n1. Example Travel Survey, 2025." in out
    assert "Sources for this card:\n1. Example Travel Survey, 2025.\n   https://example.org/travel-survey" in out
    assert "Sources for this question:\n1. Example Travel Survey, 2025." in out
    assert "Sources: 1. Type s to list it." in out  # the feedback counts them; s lists them
    assert saved().self_check == {"rain": "yes"}


def test_a_card_can_be_read_again_from_its_question_and_any_page_repeated(tmp_path: Path) -> None:
    out = plain("", "", *CARDS, "", "o", "2", "o", "r", cwd=tmp_path).stdout
    assert "type o" not in out.split("Your answer: No.")[0]  # only offered once answered
    reopened = out.split("Your answer: No.")[1]
    assert "Card 4 of 5. Section: Good and bad points." in reopened
    assert "Sources for this card:" in reopened and "You are still at self-check question 1 of 1." in reopened
    assert out.count("Does rain get you wet on the bus?") == 2
    assert "3. Not sure\n" in out and "2. No (your answer)" in out.split("Your answer: No.")[1]
    assert (saved().stage, saved().position) == ("self_check", 0)


def test_help_lists_the_commands_that_work_here(tmp_path: Path) -> None:
    out = plain("h", "", "", "h", cwd=tmp_path).stdout
    first, card = out.split("Card 1 of 5")
    assert "q: quit; your answers are saved." in first and "b: back" not in first and "s: the sources" not in first
    for line in (
        "Enter: go on.",
        "b: back to the previous page.",
        "s: the sources for this page.",
        "c: crisis help: who to contact now.",
        "r: read this page again.",
        "m: the map of the aid: every part, how far you are, and how long is left.",
        "l: go to your questions for the clinician.",
        "h: this list of commands.",
    ):
        assert line in card  # fmt: skip


def test_invalid_answers_get_a_hint_and_the_same_prompt(tmp_path: Path) -> None:
    result = plain(*TO_SUMMARY[:8], "x", "9", "0", "1.5", "3", "", "", "hello", "4", "2", cwd=tmp_path)
    out = result.stdout
    assert result.returncode == 0 and result.stderr == ""
    skip_hint = "Press Enter to go on, or type a number from 1 to 3. Type h for help."
    assert out.count(skip_hint) == 6  # x, 9, 0, 1.5 at the question, hello, 4 at the value: Enter skips both
    assert out.count("Question 1 of 1. Not a test") == 1
    assert out.count(f"{skip_hint}\nType a number from 1 to 3, or press Enter to skip (h for help):") == 6
    assert saved().self_check == {"rain": "unsure"}
    assert out.count("What matters to you: 1 of 1.") == 1
    assert saved().values == {"cost": "not-much"}


def test_end_of_input_mid_journey_saves_and_exits_0(tmp_path: Path) -> None:
    result = plain("", "", "", "", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.rstrip().endswith(ENDED)
    assert (saved().stage, saved().position) == ("cards", 2)
    assert saved().cards_read == ("what-options", "bike-good", "bike-bad")


def test_quit_then_resume_where_it_was_left(tmp_path: Path) -> None:
    first = plain("", "", "", "q", cwd=tmp_path)
    assert first.returncode == 0
    assert "Your answers are saved. Run decisionaid --plain again to continue." in first.stdout
    second = plain("1", cwd=tmp_path)
    out = second.stdout
    assert "Your answers are saved. You left off at card 2 of 5." in out
    assert "1. Resume\n2. Start over\n3. Delete my answers" in out
    assert "Card 2 of 5" in out and "Card 1 of 5" not in out


def test_start_over_and_delete_ask_first(tmp_path: Path) -> None:
    plain("", "", "q", cwd=tmp_path)
    kept = plain("2", "n", "3", "no", cwd=tmp_path).stdout
    assert kept.count("Nothing was changed.") == 2 and session_path("commute").exists()
    deleted = plain("3", "y", cwd=tmp_path).stdout
    assert "Your answers were deleted." in deleted and not session_path("commute").exists()
    plain("", "", "", "q", cwd=tmp_path)
    again = plain("2", "y", cwd=tmp_path).stdout
    assert "Options at a glance. Part 1 of 7" in again
    assert (saved().stage, saved().position, saved().cards_read) == ("compare", 0, ())


def test_export_asks_before_replacing_a_file(tmp_path: Path, commute_pack: Pack) -> None:
    target = tmp_path / default_export_name(commute_pack, date.today())
    target.write_text("old", encoding="utf-8")
    kept = plain(*TO_SUMMARY, "5", "", "n", "b", cwd=tmp_path)
    assert "already exists. Replace it? Type y for yes or n for no:" in kept.stdout
    assert target.read_text(encoding="utf-8") == "old"
    other = plain("1", "5", "mine.txt", cwd=tmp_path)
    assert (tmp_path / "mine.txt").exists() and "Saved to" in other.stdout
    plain("1", "5", "", "y", cwd=tmp_path)
    assert target.read_text(encoding="utf-8").startswith("Questions for my clinician")
    failed = plain("1", "5", "no-such-folder/out.txt", "b", cwd=tmp_path)
    assert "Not saved:" in failed.stdout and "cannot write" in failed.stdout


def test_the_summary_page_numbers_every_question_and_changes_with_the_answers(tmp_path: Path) -> None:
    out = plain(*TO_SUMMARY, "1", "2 9", "2, 2", "3", "2", "Mine?", "3", "1", cwd=tmp_path).stdout
    assert "Type numbers from 1 to 4" in out
    assert "Left out: What do people like me usually choose?" in out
    assert saved().unticked == ("q-start",) and saved().own_questions == ()
    assert "Removed: Mine?" in out and "You have no questions of your own yet." in out


def test_notes_can_be_written_replaced_kept_and_deleted(tmp_path: Path) -> None:
    plain(*TO_SUMMARY, "4", "First line", "second line", "", cwd=tmp_path)
    assert saved().note == "First line\nsecond line"
    plain("1", "4", "Half", "b", "4", "", "n", cwd=tmp_path)
    assert saved().note == "First line\nsecond line"
    out = plain("1", "4", "", "y", cwd=tmp_path).stdout
    assert "Your note now:\nFirst line\nsecond line" in out and "Your note was deleted." in out
    assert saved().note == ""


def test_notices_about_the_saved_file_are_shown(tmp_path: Path) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text("this is not toml = = =", encoding="utf-8")
    out = " ".join(plain(cwd=tmp_path).stdout.split())
    assert "Your saved answers could not be read" in out and "Resume" not in out


async def test_a_session_begun_in_plain_mode_resumes_in_the_tui(tmp_path: Path, make_app) -> None:
    plain("", "", "", "", "q", cwd=tmp_path)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "You left off at card 3 of 5." in shown_text(app.screen)
        await pilot.press("r")
        await pilot.pause()
        assert "Card 3 of 5" in shown_text(app.screen)


async def test_a_session_saved_by_the_tui_at_a_question_resumes_there_in_plain_mode(tmp_path: Path, make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.start()
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("q")
    out = plain("1", cwd=tmp_path).stdout
    assert "You left off at self-check question 1 of 1." in out
    assert "Question 1 of 1. Not a test" in out and "1. Yes (your answer)" in out
    assert "✗ Not quite" in out and "Card " not in out


def test_ctrl_c_saves_and_exits_130_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "80"}
    process = subprocess.Popen(
        [sys.executable, "-m", "decisionaid", "--plain", "--pack", str(COMMUTE)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"\n\n\n")
    process.stdin.flush()
    seen = b""
    deadline = time.monotonic() + 60
    while b"Card 2 of 5" not in seen or not seen.endswith(b"Press Enter to go on (h for help): "):
        assert time.monotonic() < deadline, seen
        if select.select([process.stdout], [], [], 0.2)[0]:
            seen += os.read(process.stdout.fileno(), 65536)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err == b""
    assert (seen + out).decode().rstrip().endswith(f"Stopped; your answers are saved. {CONTINUE}")
    assert (saved().stage, saved().position) == ("cards", 1)


@pytest.mark.parametrize("answers", [("1",), ("", "h", "r")])
def test_bad_bytes_and_odd_input_never_crash(tmp_path: Path, answers: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "decisionaid", "--plain", "--pack", str(COMMUTE)],
        input=b"\xff\xfe\n" + "".join(f"{a}\n" for a in answers).encode(),
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert result.returncode == 0 and result.stderr == b""


def test_ctrl_c_while_a_page_is_printing_stops_at_the_next_prompt(tmp_path: Path, commute_pack: Pack) -> None:
    """An interrupt never lands in the middle of a write: the page finishes, then the aid saves and stops."""
    from decisionaid.core.controller import Controller
    from decisionaid.plain.console import Console
    from decisionaid.plain.flow import PlainAid
    from decisionaid.storage.store import AnswersFile

    class InterruptedWhilePrinting(io.StringIO):
        def write(self, text: str) -> int:
            if "Card 1 of 5" in text:
                console.interrupt()  # as the signal handler would, half-way through the page
            return super().write(text)

    out = InterruptedWhilePrinting()
    console = Console(io.StringIO("\n\n\n"), out, width=80, echo=True)
    status = PlainAid(Controller(commute_pack, AnswersFile(session_path("commute"))), console).run()
    assert status == 130
    shown = out.getvalue()
    assert "Card 1 of 5" in shown and "Card 2 of 5" not in shown
    assert shown.rstrip().endswith(f"Stopped; your answers are saved. {CONTINUE}")
    assert (saved().stage, saved().position) == ("cards", 0)
