"""The exported file: plain text wrapped at 72 columns, Markdown, cleaned typed text, safe writing."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisionaid.content import load_pack
from decisionaid.core.session import Session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import (
    ExportError,
    ExportExists,
    default_export_name,
    render_markdown,
    render_text,
    write_export,
)
from decisionaid.sanitize import clean_text
from tests.helpers import COMMUTE

TODAY = date(2026, 11, 21)
LONG_QUESTION = (
    "If I start cycling in the spring and find after a few weeks that the hills on the way are harder "
    "than I thought, can I go back to the bus pass I have now without paying again?"
)
HOSTILE = [
    "Red \x1b[31mtext\x1b[0m and a \x1b[2J cleared screen",
    "Title \x1b]0;owned\x07 set by OSC-BEL, \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ by OSC-ST",
    "Bell\x07 backspace\x08 null\x00 C1 CSI \x9b31m and single \x1bc reset \x1b7 save",
    "Bidi \u202eevil\u202c and \u2066isolate\u2069, but \u200fmark kept",
]


@pytest.fixture(scope="module")
def pack():
    return load_pack(COMMUTE)


def full_session(pack, **extra) -> Session:
    answers = dict(self_check={"rain": "yes"}, values={"cost": "a-lot"}, sure={"sure": True, "understand": False})
    return replace(Session.new(pack), **{**answers, "cards_read": ["bike-good"], **extra})


def text_of(pack, session, **kwargs) -> str:
    return render_text(build_summary(pack, session), pack, today=TODAY, **kwargs)


# --- cleaning ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("plain text stays", "plain text stays"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("windows\r\nline\rends", "windows\nline\nends"),
        ("\x1b[1;31mbold red\x1b[0m", "bold red"),
        ("\x1b[?1049h alternate screen", " alternate screen"),
        ("\x1b]0;window title\x07after", "after"),
        ("\x1b]8;;https://x.example\x1b\\shown\x1b]8;;\x1b\\", "shown"),
        ("\x9d0;c1 osc\x9cafter", "after"),
        ("\x1bPq sixel data\x1b\\after", "after"),
        ("\x1bcreset \x1b7saved \x1b(Bcharset", "reset saved charset"),
        ("nul\x00 bel\x07 bs\x08 del\x7f c1\x85", "nul bel bs del c1"),
        ("\u202egnp.exe\u202c \u2067x\u2069 \u202ay\u202c", "gnp.exe x y"),
        ("\u05e9\u05dc\u05d5\u05dd \u200fmark\u200e kept", "\u05e9\u05dc\u05d5\u05dd \u200fmark\u200e kept"),
        ("dangling escape at the end \x1b", "dangling escape at the end "),
        ("unfinished \x1b[31", "unfinished "),
    ],
)
def test_clean_text_removes_what_could_act_on_a_terminal(typed, cleaned):
    assert clean_text(typed) == cleaned


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "L", "P", "Zs"])))
def test_cleaned_text_has_no_controls_and_cleaning_twice_changes_nothing(typed):
    cleaned = clean_text(typed)
    assert [ch for ch in cleaned if ch in "\x1b\x07\r\x9b\x9d" or (ord(ch) < 32 and ch not in "\n\t")] == []
    assert not set(cleaned) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert clean_text(cleaned) == cleaned


@pytest.mark.parametrize("render", ["text", "md"])
def test_typed_text_reaches_the_export_without_any_control_character(pack, render):
    session = full_session(pack, own_questions=HOSTILE, note="\n".join(HOSTILE))
    summary = build_summary(pack, session)
    out = render_text(summary, pack, today=TODAY) if render == "text" else render_markdown(summary, pack, today=TODAY)
    bad = [ch for ch in out if (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F]
    assert bad == []
    for hidden in ("\u202e", "\u202c", "\u2066", "\u2069", "owned", "evil.example", "31m"):
        assert hidden not in out
    assert "\u200fmark kept" in out
    assert "set by OSC-BEL," in out


# --- plain text ---------------------------------------------------------------


def test_text_lines_fit_72_columns_with_hanging_indents(pack):
    session = full_session(pack, own_questions=[LONG_QUESTION], note=LONG_QUESTION + "\n\n" + LONG_QUESTION)
    out = text_of(pack, session)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 72
    start = lines.index("My own questions")
    assert lines[start + 2].startswith("- If I start cycling")
    assert lines[start + 3].startswith("  ") and not lines[start + 3].startswith("   ")
    why = next(i for i, line in enumerate(lines) if line.startswith("   Why: Your answer about"))
    assert lines[why + 1].startswith("   studies found.")
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_text_narrower_width_is_honoured(pack):
    out = text_of(pack, full_session(pack), width=40)
    assert max(len(line) for line in out.splitlines()) <= 40


def test_text_sections_in_order_with_header_and_footer(pack):
    session = full_session(pack, own_questions=["Is there a bike shed?"], note="Ask about showers.")
    lines = text_of(pack, session).splitlines()
    assert lines[:4] == [
        "Questions for my clinician: Cycling or the bus to work",
        "=" * 54,
        "Made on 21 November 2026",
        "Content version 0.1.0; evidence reviewed 5 January 2026",
    ]
    headings = [
        "What matters to me",
        "What I am not sure about",
        "Questions to ask",
        "My own questions",
        "My note",
        "My SURE answers",
        "Sources behind the cards I read",
        "This is a test pack. It gives no advice.",
        "If you need help now",
    ]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "- Local emergency number (Anywhere): Call your local emergency number" in lines
    assert "- Do you know the good and bad points? No" in lines
    assert "  You may want more facts." in lines
    assert "From: Test citation." in lines
    assert "  https://example.org/travel-survey" in lines


def test_questions_are_numbered_under_their_topic_with_their_reasons(pack):
    lines = text_of(pack, full_session(pack, unticked=["q-start"])).splitlines()
    start = lines.index("Questions to ask")
    assert lines[start + 2 : start + 11] == [
        "",
        "Cost",
        "1. How much would each way cost me in a month?",
        "   Why: You said cost matters a lot to you.",
        "",
        "General",
        "2. What happens on rainy days?",
        "   Why: Your answer about travelling in the rain differed from what the",
        "   studies found.",
    ]
    assert "What do people like me usually choose?" not in "\n".join(lines)


def test_empty_sections_are_left_out(pack):
    out = text_of(pack, Session.new(pack))
    for heading in ("What matters to me", "What I am not sure about", "My own questions", "My note", "My SURE"):
        assert heading not in out
    assert "Questions to ask" in out
    assert "Nothing here." not in out
    only_blank = text_of(pack, replace(Session.new(pack), own_questions=["  ", "\x1b[0m"], note="\n"))
    assert only_blank == out


# --- Markdown -----------------------------------------------------------------


def test_markdown_has_headings_lists_and_hard_breaks(pack):
    session = full_session(pack, own_questions=["Is there a bike shed?"], note="Line one\nline two\n\nNew paragraph")
    out = render_markdown(build_summary(pack, session), pack, today=TODAY)
    lines = out.splitlines()
    assert lines[0] == "# Questions for my clinician: Cycling or the bus to work"
    assert "## Questions to ask" in lines
    assert "### Cost" in lines
    assert "1. How much would each way cost me in a month?\\" in lines
    assert "   Why: You said cost matters a lot to you." in lines
    assert "- Is there a bike shed?" in lines
    assert "Line one\\" in lines and "line two" in lines and "New paragraph" in lines
    assert "  <https://example.org/travel-survey>" in lines
    assert "## If you need help now" in lines


def test_markdown_shows_typed_markup_literally(pack):
    typed = ["# not a heading", "- not a list", "1. not numbered", "*stars* _under_ [link](x) <b>html</b> `code`"]
    out = render_markdown(build_summary(pack, full_session(pack, own_questions=typed)), pack, today=TODAY)
    assert "- \\# not a heading" in out
    assert "- \\- not a list" in out
    assert "- 1\\. not numbered" in out
    assert "- \\*stars\\* \\_under\\_ \\[link\\](x) \\<b\\>html\\</b\\> \\`code\\`" in out


# --- writing --------------------------------------------------------------------


def test_default_export_name(pack):
    assert default_export_name(pack, TODAY) == "commute-questions-2026-11-21.txt"
    assert default_export_name(pack, TODAY, fmt="md") == "commute-questions-2026-11-21.md"


def test_write_export_is_private_and_refuses_to_replace_without_force(tmp_path):
    target = tmp_path / "questions.txt"
    write_export("first\n", target)
    assert target.read_text() == "first\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(ExportExists, match="already exists"):
        write_export("second\n", target)
    assert target.read_text() == "first\n"
    write_export("second\n", target, force=True)
    assert target.read_text() == "second\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["questions.txt"]


def test_write_export_never_follows_a_symlink(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "questions.txt"
    link.symlink_to(victim)
    for force in (False, True):
        with pytest.raises(ExportError, match="symbolic link"):
            write_export("x\n", link, force=force)
    assert victim.read_text() == "keep me\n"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ExportError, match="symbolic link"):
        write_export("x\n", dangling)
    assert not (tmp_path / "nowhere.txt").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_write_export_reports_an_unwritable_folder_in_one_line(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(ExportError) as caught:
        write_export("x\n", folder / "q.txt")
    assert "\n" not in str(caught.value)
    assert "q.txt: cannot write" in str(caught.value)


def test_write_export_reports_a_missing_folder_or_a_folder_target(tmp_path):
    with pytest.raises(ExportError, match="no-such-folder/q.txt: cannot write: No such file or directory"):
        write_export("x\n", tmp_path / "no-such-folder" / "q.txt")
    with pytest.raises(ExportError, match="is a folder"):
        write_export("x\n", tmp_path)


def test_a_source_link_given_twice_is_listed_once():
    from decisionaid.content.models import Source
    from decisionaid.export.render import source_links

    source = Source(
        id="s1",
        citation="A trial.",
        year=2020,
        kind="trial",
        pmid="37224232",
        url="https://pubmed.ncbi.nlm.nih.gov/37224232/",
    )
    assert source_links(source) == ["https://pubmed.ncbi.nlm.nih.gov/37224232/"]
