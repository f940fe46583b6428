"""Plain-text mode (`decisionaid --plain`), driven as a person or a script would: answers on stdin."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.session import load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.files import default_export_name
from decisionaid.export.render import render
from decisionaid.storage.paths import session_path
from tests.conftest import shown_text
from tests.helpers import COMMUTE, read_until, run_in_process

CONTINUE = "Run decisionaid --plain again to continue."
ENDED = f"Input ended; your answers are saved. {CONTINUE}"
CARDS = ["", "", "", "", ""]
# welcome, the table, five cards, the list of every card, self-check "not sure" then on, the learnt page,
# cost "matters a lot", the values left out (passed), SURE yes/no/yes/yes, then who is filling it in: Enter for "me"
TO_SUMMARY = ["", "", *CARDS, "", "3", "", "", "1", "", "1", "2", "1", "1", ""]
VISUAL_ONLY = re.compile(r"[\x1b\u2500-\u257f\u2580-\u259f●○◐]")


def plain(
    *answers: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    args: tuple[str, ...] = ("--plain",),
    pack: Path = COMMUTE,
):
    """Run plain mode on the commute pack (or `pack`) with `answers` as the lines of input."""
    text = "".join(f"{a}\n" for a in answers)
    return run_in_process(*args, "--pack", str(pack), cwd=cwd, input=text, env={"COLUMNS": "80", **(env or {})})


def saved():
    return load_session(session_path("commute"))


def test_a_whole_run_answers_every_prompt_and_exports_what_the_summary_engine_builds(
    tmp_path: Path, commute_pack: Pack
) -> None:
    result = plain(
        *TO_SUMMARY,
        "2", "1",  # leave out question 1
        "3", "Is [bold]rain[/bold] a problem?",
        "5", "Ask about the \x1b[31mprice\x1b[0m", "",
        "9", "", "",  # save as text, under the suggested name
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
    assert session.reader == "self"
    written = tmp_path / default_export_name(commute_pack, date.today())
    assert written.read_text(encoding="utf-8") == render(build_summary(commute_pack, session), commute_pack, "text")
    assert f"Saved to {written}." in " ".join(result.stdout.split())
    assert "Your answers are saved. Run decisionaid --plain again to continue." in result.stdout


def test_the_output_is_words_only_wrapped_to_the_width(tmp_path: Path) -> None:
    result = plain(*TO_SUMMARY, "s", "c", "h", cwd=tmp_path, env={"COLUMNS": "50"})
    out = result.stdout
    assert not VISUAL_ONLY.search(out)
    assert all(len(line) <= 50 or " " not in line.strip() for line in out.splitlines())
    flat = " ".join(out.split())
    assert "Card 2 of 5. Good and bad points." in flat
    assert "How sure: Uncertain: studies are few, small or short" in flat
    assert "Cycling: 60 out of 100 people; 40 out of 100 did not." in flat
    assert "Bus: between 20 and 30 out of 100 people; between 70 and 80 out of 100 did not." in flat
    assert (
        "? Not sure Your answer: Not sure The answer: No On the bus you sit inside, so rain does not get you wet."
        in flat
    )
    assert "4. Where can I read more about both ways? Why: I answered no to: “Do you know the good" in flat


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
    assert "type o" not in out.split("Your answer: No")[0]  # only offered once answered
    reopened = out.split("Your answer: No")[1]
    assert "Card 4 of 5. Good and bad points." in reopened
    assert "Sources for this card:" in reopened and "You are still at self-check question 1 of 1." in reopened
    assert out.count("Does rain get you wet on the bus?") == 2
    assert "3. Not sure\n" in out and "2. No (your answer)" in reopened
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
        "l: go to your handout.",
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
    assert out.count(f"{skip_hint}\nType a number from 1 to 3, or press Enter to skip:") == 6
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
    kept = plain(*TO_SUMMARY, "9", "", "", "n", "b", cwd=tmp_path)
    assert "already exists. Replace it? Type y for yes or n for no:" in kept.stdout
    assert target.read_text(encoding="utf-8") == "old"
    other = plain("1", "9", "", "mine.txt", cwd=tmp_path)
    assert (tmp_path / "mine.txt").exists() and "Saved to" in other.stdout
    plain("1", "9", "", "", "y", cwd=tmp_path)
    assert target.read_text(encoding="utf-8").startswith("My handout: Cycling or the bus to work")
    failed = plain("1", "9", "", "no-such-folder/out.txt", "b", cwd=tmp_path)
    assert "Not saved:" in failed.stdout and "cannot write" in failed.stdout
    odd = plain("1", "9", "", "~nosuchuser/x.txt", "a" * 300 + ".txt", "b", cwd=tmp_path)
    assert "there is no user called 'nosuchuser'" in odd.stdout and "File name too long" in odd.stdout
    assert odd.returncode == 0 and "fault" not in odd.stderr


def test_the_summary_page_numbers_every_question_and_changes_with_the_answers(tmp_path: Path) -> None:
    out = plain(*TO_SUMMARY, "2", "2 9", "2, 2", "4", "3", "Mine?", "4", "1", cwd=tmp_path).stdout
    assert "Type numbers from 1 to 4" in out
    assert "Left out: What do people like me usually choose?" in out
    assert saved().unticked == ("q-start",) and saved().own_questions == ()
    assert "Type 1 to remove the question (Enter: none):" in out, "one question, one number"
    assert "Removed: Mine?" in out and "You have no questions of your own yet." in out


def test_notes_can_be_written_replaced_kept_and_deleted(tmp_path: Path) -> None:
    plain(*TO_SUMMARY, "5", "First line", "second line", "", cwd=tmp_path)
    assert saved().note == "First line\nsecond line"
    plain("1", "5", "b", "5", "", "n", cwd=tmp_path)
    assert saved().note == "First line\nsecond line"
    out = plain("1", "5", "", "y", cwd=tmp_path).stdout
    assert "Your note now:\nFirst line\nsecond line" in out and "Your note was deleted." in out
    assert saved().note == ""


@pytest.mark.parametrize("ending", [None, "q", "l", "b"], ids=["input-ends", "quit", "list", "back"])
def test_a_note_being_typed_is_saved_line_by_line_whatever_ends_it(tmp_path: Path, ending: str | None) -> None:
    plain(*TO_SUMMARY, cwd=tmp_path)
    result = plain("1", "5", "line one", "line two", *([ending] if ending else []), cwd=tmp_path)
    assert saved().note == "line one\nline two"
    out = " ".join(result.stdout.split())
    assert "Your note was not changed." not in out and "Traceback" not in result.stderr


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
    assert "Differs from the evidence" in out and "Card " not in out


def test_ctrl_c_saves_and_exits_130_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "80"}
    process = subprocess.Popen(
        [sys.executable, "-m", "decisionaid", "--plain", "--pack", str(COMMUTE)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
    )  # fmt: skip
    seen = read_until(
        process, lambda seen: b"Card 2 of 5" in seen and seen.endswith(b"Press Enter to go on: "), send=b"\n\n\n"
    )
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


# --- the summary: the handout and what changes it -------------------------------------------------


def after_last(out: str, marker: str) -> str:
    """The output after the last time `marker` was printed, words joined by single spaces."""
    return " ".join(out.rsplit(marker, 1)[-1].split())


def test_the_summary_asks_once_who_fills_it_in_and_the_handout_speaks_for_them(tmp_path: Path) -> None:
    out = plain(*TO_SUMMARY[:-1], "2", cwd=tmp_path).stdout
    assert "Who is filling this in?\n1. Me, for myself\n2. I am helping the person it is about" in out
    assert saved().reader == "helper"
    page = after_last(out, "as the saved file will say it.")
    assert "Our handout: Cycling or the bus to work" in page and "Our top questions -----------------" in page
    assert "“we” means the two of us." in page
    again = plain("1", "8", "1", "r", cwd=tmp_path).stdout
    assert again.count("Who is filling this in?") == 1, "asked once; asked again only from the menu"
    assert saved().reader == "self"
    assert "My top questions ----------------" in after_last(again, "as the saved file will say it.")


def test_starred_questions_make_the_top_of_the_handout_own_ones_too_and_at_most_five(tmp_path: Path) -> None:
    out = plain(*TO_SUMMARY, "3", "Mine?", "1", "3 5", "r", cwd=tmp_path).stdout
    assert saved().starred == ("q-rain",) and saved().starred_own == ("Mine?",)
    page = after_last(out, "as the saved file will say it.")
    assert "My top questions ---------------- 1. Mine? My own question. 2. What happens on rainy days?" in page
    assert "3. (starred for the top) What happens on rainy days?" in page
    assert "5. (starred for the top) Mine?" in page
    full = plain("1", "3", "A?", "3", "B?", "3", "C?", "1", "1 2 6 7", cwd=tmp_path).stdout
    assert "The handout has room for 5 top questions. Unstar one first." in full
    assert len(saved().starred) + len(saved().starred_own) == 5
    plain("1", "1", "3", cwd=tmp_path)
    assert "q-rain" not in saved().starred


def test_the_leaning_is_said_in_the_handout_and_never_changes_the_questions(tmp_path: Path) -> None:
    before = plain(*TO_SUMMARY, cwd=tmp_path).stdout
    out = plain("1", "6", "2", "r", cwd=tmp_path).stdout
    assert "1. Keep taking the bus\n2. Start cycling\n3. Not sure yet\n4. Prefer not to say" in out
    assert saved().leaning == "bike"
    page = after_last(out, "as the saved file will say it.")
    assert "The option I am leaning towards now: Start cycling." in page
    questions = "All the questions, numbered for the menu below:"
    assert (
        page.split(questions)[1].split("My own questions")[0]
        == (after_last(before, "as the saved file will say it.").split(questions)[1].split("My own questions")[0])
    )
    plain("1", "6", "4", cwd=tmp_path)
    assert saved().leaning == ""


def test_a_private_answer_is_left_off_the_saved_file_until_the_person_shows_it(
    tmp_path: Path, handout_pack_dir: Path
) -> None:
    to_summary = ["", "", *CARDS, "", "3", "", "", "1", "1", "n", "", "1", "2", "1", "1", ""]  # money is tight: yes
    out = plain(*to_summary, "9", "", "", cwd=tmp_path, pack=handout_pack_dir).stdout
    assert "This answer is private. It stays off the handout unless you choose to show it." in out
    assert "Show this answer on the handout? Type y for yes or n for no:" in out
    assert "This answer stays off the handout." in out and saved().shown == ()
    [written] = tmp_path.glob("commute-handout-*.txt")
    text = " ".join(written.read_text(encoding="utf-8").split())
    assert "Money is tight" not in text and "1 private answer is left off this copy." in text
    out = plain("1", "7", "1", "9", "", "", "y", cwd=tmp_path, pack=handout_pack_dir).stdout
    assert "Private answers in the saved file:\nMoney is tight this month. (left out of the saved file)" in out
    assert "Money is tight this month. (in the saved file)" in out and saved().shown == ("money-tight",)
    assert "Money is tight this month." in written.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("choice", "suffix", "start"),
    [("2", ".md", "# My handout"), ("3", ".html", "<!DOCTYPE"), ("4", ".json", '{\n "resourceType": "Bundle"')],
)
def test_the_handout_saves_as_markdown_a_web_page_or_a_fhir_record(
    tmp_path: Path, choice: str, suffix: str, start: str
) -> None:
    out = plain(*TO_SUMMARY, "9", choice, "", cwd=tmp_path).stdout
    formats = ["1. Text (72 columns)", "2. Markdown", "3. Web page to print (HTML)"]
    formats.append("4. FHIR record (JSON, for the adviser's system)")
    assert "\n".join(["Which format?", *formats]) in out
    [written] = tmp_path.glob(f"commute-handout-*{suffix}")
    assert written.read_text(encoding="utf-8").startswith(start)
    named = plain("1", "9", choice, "mine", cwd=tmp_path).stdout
    assert (tmp_path / f"mine{suffix}").exists() and "Saved to" in named


@pytest.mark.parametrize(("reply", "kept"), [("n", False), ("y", True)])
def test_a_fhir_record_holds_the_note_only_when_the_person_says_yes(tmp_path: Path, reply: str, kept: bool) -> None:
    out = plain(*TO_SUMMARY, "5", "Ask about the winter timetable", "", "9", "4", reply, "", cwd=tmp_path).stdout
    assert "Put your note in the record too? It stays out unless you say yes." in out
    [record] = tmp_path.glob("commute-handout-*.json")
    assert ("Ask about the winter timetable" in record.read_text(encoding="utf-8")) is kept


def test_the_menus_star_limit_follows_a_pinned_question_left_out(tmp_path: Path) -> None:
    from decisionaid.content import load_pack
    from tests.helpers import KETAMINE, default_walk

    default_walk(load_pack(KETAMINE), session_path("ketamine")).leave()
    pinned = "If my thoughts of suicide get worse during treatment, who do I contact"
    out = plain("1", "2", "", "h", cwd=tmp_path, pack=KETAMINE).stdout  # resume, leave out (list only), menu
    numbered = " ".join(out.split()).split("numbered for the menu below:")[1]
    number = re.search(r"(\d+)\. " + pinned, numbered).group(1)
    out = plain("1", "2", number, "h", cwd=tmp_path, pack=KETAMINE).stdout
    menus = re.findall(r"top of the handout \(up to (\d)\)", " ".join(out.split()))
    assert menus == ["4", "5"], "the pinned question left out frees its place, and the menu says so at once"
