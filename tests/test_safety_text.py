"""Hostile text from any origin (a pack, an answers file, typing, a file name) never acts on the terminal."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.widgets import Input, Static, TextArea

from decisionaid.cli import main
from decisionaid.content import ContentError, load_pack
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.session import parse_session
from decisionaid.sanitize import CONTROLS, clean_data, clean_text, display_path
from decisionaid.storage.paths import session_path
from tests.conftest import shown_text
from tests.helpers import COMMUTE, problem_lines

OSC52 = "\x1b]52;c;SGVsbG8=\x1b\\"  # set the clipboard, ended by ESC backslash
TITLE = "\x1b]0;owned\x07"  # set the window title, ended by BEL
RED = "\x1b[31m"
C1_CSI = "\x9b31m"  # the one-character CSI
BIDI = "\u202e"
HOSTILE_BITS = [OSC52, TITLE, RED, C1_CSI, BIDI, "\x1bP1$r\x1b\\", "\x9d8;;x\x9c", "\x07", "\x08", "\x7f", "\x00"]


def acts_on_a_terminal(text: str) -> bool:
    return "\x1b" in text or CONTROLS.search(text) is not None


# --- the sanitiser -------------------------------------------------------------------------


@pytest.mark.parametrize("bit", HOSTILE_BITS)
def test_every_kind_of_escape_and_control_is_removed_whole(bit: str) -> None:
    assert clean_text(f"before{bit}after") == "beforeafter"


def test_newline_and_tab_are_kept_and_a_carriage_return_becomes_a_newline() -> None:
    assert clean_text("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"
    assert clean_text("مرحبا \u200f ok 🙂") == "مرحبا \u200f ok 🙂"


@given(st.lists(st.sampled_from([*HOSTILE_BITS, "x", " ", "\n", "\x1b", "[", "]", "\\", "é"]), max_size=30))
def test_nothing_that_acts_on_a_terminal_survives_and_cleaning_twice_changes_nothing(parts: list[str]) -> None:
    cleaned = clean_text("".join(parts))
    assert not acts_on_a_terminal(cleaned)
    assert clean_text(cleaned) == cleaned


def test_toml_data_is_cleaned_keys_and_all_and_other_values_are_kept() -> None:
    data = {f"k{RED}": [f"a{OSC52}b", {"n": 1, "t": True}], "s": f"{BIDI}x"}
    assert clean_data(data) == {"k": ["ab", {"n": 1, "t": True}], "s": "x"}


def test_a_path_in_a_message_shows_its_control_characters_instead_of_acting() -> None:
    shown = display_path(Path(f"/tmp/odd{RED}name"))
    assert "\x1b" not in shown and "\\x1b[31m" in shown
    sentence = load_catalogue()("notice.not_saved", path=Path(f"/tmp/{TITLE}"), reason="Read-only file system")
    assert "\x1b" not in sentence and "\x07" not in sentence


def test_a_failed_save_and_the_line_on_leaving_never_send_a_data_folders_escapes(commute_pack, tmp_path) -> None:
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile

    folder = tmp_path / f"d/x{OSC52}y"
    folder.mkdir(parents=True, mode=0o700)
    answers = folder / "commute-answers.toml"
    controller = Controller(commute_pack, AnswersFile(answers))
    controller.start()
    answers.unlink()
    answers.symlink_to(tmp_path / "elsewhere.toml")  # put there once the aid is open, so saving refuses it
    outcome = controller.add_own_question("Is there a shower?")
    left = controller.leave()
    for said in (*controller.notices, outcome.problem, left.problem, left.said):
        assert said is None or ("\x1b" not in said and "\x07" not in said), said
    assert "is a symbolic link; not writing through it" in outcome.problem and "\\x1b]52" in outcome.problem


# --- pack text: refused by validate, never shown -------------------------------------------


def hostile_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    shutil.copytree(COMMUTE, folder, ignore=shutil.ignore_patterns("manifest.toml*"))
    cards = tomllib.loads((folder / "cards.toml").read_text(encoding="utf-8"))
    cards["cards"][0]["title"] = f"Bike {OSC52}facts"
    cards["cards"][1]["body"] += RED
    (folder / "cards.toml").write_text(tomli_w.dumps(cards), encoding="utf-8")
    return folder


def test_validate_refuses_control_characters_naming_the_file_the_key_and_the_character(tmp_path, capsys) -> None:
    folder = hostile_pack(tmp_path)
    assert main(["validate", str(folder)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert (
        f"{display_path(folder / 'cards.toml')}: cards[id=what-options].title: contains a control character (U+001B)"
        in lines
    )
    assert (
        f"{display_path(folder / 'cards.toml')}: cards[id=bike-good].body: contains a control character (U+001B)"
        in lines
    )
    assert not any(acts_on_a_terminal(line) for line in lines)


@pytest.mark.parametrize("command", [["--plain"], ["export"], ["lint"]], ids=lambda c: c[0])
def test_no_command_starts_with_a_pack_holding_escapes(tmp_path, capsys, command: list[str]) -> None:
    folder = hostile_pack(tmp_path)
    args = [*command, str(folder)] if command == ["lint"] else [*command, "--pack", str(folder)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "contains a control character (U+001B)" in captured.err
    assert not acts_on_a_terminal(captured.out + captured.err)


def test_a_control_character_in_a_key_is_named_too(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(COMMUTE, folder, ignore=shutil.ignore_patterns("manifest.toml*"))
    (folder / "figures.toml").write_text('"odd\\u009bkey" = 1\n' + (COMMUTE / "figures.toml").read_text(), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_pack(folder)
    assert any("contains a control character (U+009B)" in line for line in problem_lines(caught.value))


# --- answers-file text: cleaned where it is read -------------------------------------------


def hostile_answers() -> str:
    return tomli_w.dumps(
        {
            "schema_version": 2,
            "pack": "commute",
            "stage": "summary",
            "own_questions": [f"Is it {OSC52}safe?", f"{TITLE}Who pays?"],
            "note": f"Ask {RED}about{C1_CSI} rain{BIDI}.",
            "own_draft": f"half {TITLE}typed",
        }
    )


def test_text_read_from_an_answers_file_is_clean() -> None:
    session = parse_session(hostile_answers(), "answers.toml")
    assert session.own_questions == ("Is it safe?", "Who pays?")
    assert session.note == "Ask about rain." and session.own_draft == "half typed"


async def test_the_summary_shows_a_hostile_answers_file_without_its_escapes(make_app) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(hostile_answers(), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        shown = shown_text(app.screen)
        assert "• Is it safe?" in shown and "Ask about rain." in shown
        assert not acts_on_a_terminal(shown)


async def test_another_packs_id_in_the_answers_file_is_shown_clean(make_app) -> None:
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(tomli_w.dumps({"schema_version": 2, "pack": f"other{TITLE}"}), encoding="utf-8")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        notice = str(app.screen.query_one("#notice", Static).content)
        assert "('other')" in notice and not acts_on_a_terminal(notice)


# --- typed text: cleaned as it arrives, refused whole past its limit --------------------------


async def open_summary(app, pilot) -> None:
    await pilot.press("s")
    await pilot.pause()
    await app.go("summary")
    await pilot.pause()


async def test_pasted_escapes_never_reach_the_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        own = app.screen.query_one("#own-input", Input)
        own.focus()
        app.post_message(events.Paste(f"Is {OSC52}it{RED} far?"))
        await pilot.pause()
        assert own.value == "Is it far?"
        note = app.screen.query_one("#note", TextArea)
        note.focus()
        app.post_message(events.Paste(f"line one{TITLE}\r\nline{C1_CSI} two{BIDI}"))
        await pilot.pause()
        assert note.text == "line one\nline two"


def toasts(app) -> list[str]:
    """The notices on screen, as a person reads them (the app must run with notifications=True)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_a_paste_that_would_pass_the_limit_is_refused_whole_and_said(make_app, monkeypatch) -> None:
    """The fields take the controller's limits; a smaller note limit here keeps the test quick."""
    from decisionaid.core.controller import MAX_QUESTION
    from decisionaid.tui.screens import summary

    MAX_NOTE = 2_000
    monkeypatch.setattr(summary, "MAX_NOTE", MAX_NOTE)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_summary(app, pilot)
        note = app.screen.query_one("#note", TextArea)
        note.focus()
        app.post_message(events.Paste("x" * (MAX_NOTE - 3)))
        await pilot.pause()
        app.post_message(events.Paste("four"))
        await pilot.pause()
        assert note.text == "x" * (MAX_NOTE - 3), "refused whole, not cut short"
        await pilot.press("a", "b", "c", "d")
        await pilot.pause()
        assert note.text == "x" * (MAX_NOTE - 3) + "abc"
        own = app.screen.query_one("#own-input", Input)
        own.focus()
        app.post_message(events.Paste("q" * (MAX_QUESTION + 1)))
        await pilot.pause()
        assert own.value == ""
        await pilot.pause()
        assert any(f"longer than {MAX_NOTE:,} characters" in t for t in toasts(app))
        assert any(f"longer than {MAX_QUESTION:,} characters" in t for t in toasts(app))
        await pilot.press("ctrl+q")
    assert tomllib.loads(session_path("commute").read_text(encoding="utf-8"))["note"] == "x" * (MAX_NOTE - 3) + "abc"


# --- typed text in plain mode ------------------------------------------------------------------


def test_a_line_too_long_to_take_in_is_refused_whole_and_asked_again() -> None:
    import io

    from decisionaid.plain.console import MAX_LINE, Console

    out = io.StringIO()
    console = Console(io.StringIO("y" * (MAX_LINE + 1) + "\nshort\n"), out, width=80, echo=False)
    assert console.read("Your question:") == "short"
    shown = " ".join(out.getvalue().split())
    assert f"That line is too long to take in: at most {MAX_LINE:,} characters." in shown
    assert shown.count("Your question:") == 2


def test_a_note_line_that_would_pass_the_limit_is_refused_and_the_rest_kept(monkeypatch, capsys) -> None:
    import io

    from decisionaid.plain import summary_page

    monkeypatch.setattr(summary_page, "MAX_NOTE", 50)
    path = session_path("commute")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(tomli_w.dumps({"schema_version": 2, "pack": "commute", "stage": "summary"}), encoding="utf-8")
    typed = ["1", "", "5", "a" * 30, "b" * 30, "c" * 10, "", "q"]  # resume; "me" fills it in; write the note
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(typed) + "\n"))
    assert main(["--plain", "--pack", str(COMMUTE)]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "That line would make your note longer than 50 characters, so it was not added." in shown
    assert tomllib.loads(path.read_text(encoding="utf-8"))["note"] == "a" * 30 + "\n" + "c" * 10


def test_a_pack_name_given_on_the_command_line_is_echoed_without_its_escapes(capsys) -> None:
    assert main(["validate", f"no-such{TITLE}pack"]) == 2
    err = capsys.readouterr().err
    assert "no-such\\x1b]0;owned\\x07pack: no such pack folder" in err and not acts_on_a_terminal(err)
