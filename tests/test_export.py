"""The exported handout: plain text wrapped at 72 columns, Markdown and a self-contained web page, all with the
same content; cleaned typed text; safe writing."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisionaid.content import load_pack
from decisionaid.core.handout import build_handout
from decisionaid.core.session import Session
from decisionaid.core.summary import build_summary
from decisionaid.export.files import ExportError, ExportExists, default_export_name, format_for, write_export
from decisionaid.export.html import STYLE
from decisionaid.export.render import render
from decisionaid.export.text import render_text
from decisionaid.sanitize import clean_text
from tests.helpers import COMMUTE, KETAMINE, TESTS

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
    given = dict(
        reader="self",
        self_check={"rain": "yes"},
        values={"cost": "a-lot"},
        sure={"sure": True, "understand": False},
        cards_read=["bike-good"],
    )
    return replace(Session.new(pack), **{**given, **extra})


def text_of(pack, session, **kwargs) -> str:
    return render_text(build_handout(build_summary(pack, session), pack, today=TODAY), **kwargs)


def out_of(pack, session, fmt: str) -> str:
    return render(build_summary(pack, session), pack, fmt, today=TODAY)


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


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_typed_text_reaches_the_export_without_any_control_character(pack, fmt):
    session = full_session(pack, own_questions=HOSTILE, note="\n".join(HOSTILE))
    out = out_of(pack, session, fmt)
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
    assert lines[start + 1].startswith("- If I start cycling")
    assert lines[start + 2].startswith("  ") and not lines[start + 2].startswith("   ")
    why = next(i for i, line in enumerate(lines) if line.startswith("   Why: My answer about"))
    assert lines[why + 1] == "   survey found."
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_text_narrower_width_is_honoured(pack):
    out = text_of(pack, full_session(pack), width=40)
    assert max(len(line) for line in out.splitlines()) <= 40


def test_the_handout_comes_first_then_the_rest_in_order(pack):
    session = full_session(pack, own_questions=["Is there a bike shed?"], note="Ask about showers.", leaning="bike")
    lines = text_of(pack, session).splitlines()
    assert lines[:7] == [
        "My handout: Cycling or the bus to work",
        "=" * 38,
        "This is a test pack. It gives no advice.",
        "Made on 21 November 2026 by me, the person it is about.",
        "Content version 0.1.0, evidence reviewed 5 January 2026, next review due",
        "5 January 2099.",
        "Help now: Local emergency number: Call your local emergency number.",
    ]
    headings = [
        "My top questions",
        "Where I am now",
        "What matters most to me",
        "What I checked",
        "More detail",
        "More questions",
        "My own questions",
        "My note",
        "Sources",
        "If you need help now",
        "About this content",
    ]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "About me" not in lines, "the pack has no situation items"
    assert "- The option I am leaning towards now: Start cycling." in lines


def test_top_questions_carry_one_reason_and_the_rest_are_short(pack):
    lines = text_of(pack, full_session(pack, unticked=["q-start"])).splitlines()
    top = lines.index("My top questions")
    assert lines[top + 2 : top + 9] == [
        "1. How much would each way cost me in a month?",
        "   Why: You said cost matters a lot to you.",
        "2. What happens on rainy days?",
        "   Why: My answer about travelling in the rain differed from what a",
        "   survey found.",
        "3. Where can I read more about both ways?",
        "   Why: I answered no to: “Do you know the good and bad points?”",
    ]
    assert lines[top + 9] == "The aid picked these; I did not star any."
    assert "What do people like me usually choose?" not in "\n".join(lines)


def test_what_i_checked_gives_the_result_and_each_belief_in_one_line(handout_pack):
    session = full_session(handout_pack)
    lines = text_of(handout_pack, session).splitlines()
    checked = lines.index("What I checked")
    assert lines[checked + 2 : checked + 5] == [
        "0 of 1 matched the evidence.",
        "- I thought rain gets you wet on the bus. A survey found: On the bus you",
        "  sit inside, out of the rain.",
    ]
    unsure = text_of(handout_pack, full_session(handout_pack, self_check={"rain": "unsure"}))
    assert "0 of 1 matched the evidence. 1 answer was “not sure”.\nNot sure about: travelling in the rain." in unsure


def test_many_answers_that_differ_or_are_unsure_go_on_after_the_handout(ketamine):
    session = replace(
        Session.new(ketamine),
        self_check={item.id: next(c.id for c in item.choices if c.belief) for item in ketamine.self_check},
    )
    handout = build_handout(build_summary(ketamine, session), ketamine, today=TODAY)
    differed = build_summary(ketamine, session).checked.differed
    [checked] = [b for b in handout.blocks if b.kind == "checked"]
    shown = len(checked.entries) - 3  # the score, the answers that fit on the page, where the others are, the details
    assert 1 <= shown <= 5
    assert checked.entries[-2].text == f"And {18 - shown} more answers that differed, under “More detail”."
    assert checked.entries[-1].text == "Not listed: 5 more answers on small details that did not match."
    [more] = [b for b in handout.rest if b.kind == "checked-more"]
    assert more.heading == "More of what I checked"
    assert [e.text for e in more.entries] == [
        f"Other answers that differed from the evidence, about: {'; '.join(d.topic for d in differed[shown:])}."
    ]


def test_a_doi_the_pack_could_not_confirm_is_never_linked_from_the_handout(ketamine):
    """The handout cuts citations short, so a citation's warning that its DOI could not be confirmed would be cut
    while the link showed: no answer that reaches the handout cites such a source."""
    session = replace(
        Session.new(ketamine),
        self_check={item.id: next(c.id for c in item.choices if c.belief) for item in ketamine.self_check},
    )
    handout = build_handout(build_summary(ketamine, session), ketamine, today=TODAY)
    [sources] = [b for b in handout.rest if b.kind == "sources"]
    links = {entry.link for entry in sources.entries}
    unconfirmed = [s for s in ketamine.sources if "could not be confirmed" in s.citation]
    assert not [s.id for s in unconfirmed if f"https://doi.org/{s.doi}" in links]


def test_a_copy_that_leaves_private_answers_out_says_how_many(handout_pack):
    out = text_of(handout_pack, full_session(handout_pack, values={"money-tight": "yes"}))
    assert "Money is tight" not in out
    said = (
        "1 private answer is left off this copy. "
        "The questions it could add are asked in a general way, whatever the answer was."
    )
    assert said in " ".join(out.split())
    shown = full_session(handout_pack, values={"money-tight": "no"}, shown=["money-tight"])
    kept = text_of(handout_pack, shown)
    assert "About me\n--------\n- Money is not tight this month." in kept, "a 'no' is said, never confused with a skip"


def test_someone_helping_writes_in_the_helper_voice(handout_pack):
    session = full_session(handout_pack, reader="helper", values={"money-tight": "no"}, shown=["money-tight"])
    out = text_of(handout_pack, session)
    for line in (
        "Our handout: Cycling or the bus to work",
        "Our top questions",
        "Where we are now",
        "What matters most to us",
        "About the person being helped",
        "What we checked",
        "- We thought rain gets you wet on the bus. A survey found: On the bus",
    ):
        assert line in out.splitlines(), line
    assert "“we” means the two of us." in " ".join(out.split())


def test_a_handout_with_no_question_says_so(tmp_path):
    from tests.helpers import copy_pack

    folder = copy_pack(COMMUTE, tmp_path / "commute")  # no core question: only answers add them
    clinician = folder / "clinician.toml"
    clinician.write_text(clinician.read_text(encoding="utf-8").replace("core = true\n", ""), encoding="utf-8")
    checks = folder / "self_check.toml"
    text = checks.read_text(encoding="utf-8").replace('adds = ["q-rain"]', 'adds = ["q-rain", "q-start"]')
    checks.write_text(text, encoding="utf-8")
    pack = load_pack(folder)
    assert "My top questions\n----------------\nNo questions yet." in text_of(pack, Session.new(pack))


def test_empty_parts_are_left_out_or_said_not_answered(pack):
    out = text_of(pack, Session.new(pack))
    for heading in ("My own questions", "My note", "More questions"):
        assert heading not in out.splitlines()
    assert "What matters most to me\n-----------------------\nNot answered." in out
    assert "How ready I feel (SURE test): not answered." in out
    only_blank = text_of(pack, replace(Session.new(pack), own_questions=["  ", "\x1b[0m"], note="\n"))
    assert only_blank == out


# --- Markdown -----------------------------------------------------------------


def test_markdown_has_headings_lists_and_hard_breaks(pack):
    session = full_session(
        pack, own_questions=["Is there a bike shed?"], note="Line one\nline two\n\nNew paragraph", unticked=["q-cost"]
    )
    lines = out_of(pack, session, "md").splitlines()
    assert lines[0] == "# My handout: Cycling or the bus to work"
    assert "## My top questions" in lines and "# More detail" in lines
    assert "### My own questions" in lines
    assert "1. What happens on rainy days?\\" in lines
    assert "   Why: My answer about travelling in the rain differed from what a survey found." in lines
    assert "- Is there a bike shed?" in lines
    assert "Line one\\" in lines and "line two" in lines and "New paragraph" in lines
    assert "- Example Helpline directory. (2026) <https://example.org/helplines>" in lines
    assert "## If you need help now" in lines


def test_markdown_shows_typed_markup_literally(pack):
    typed = ["# not a heading", "- not a list", "1. not numbered", "*stars* _under_ [link](x) <b>html</b> `code`"]
    out = out_of(pack, full_session(pack, own_questions=typed), "md")
    assert "- \\# not a heading" in out
    assert "- \\- not a list" in out
    assert "- 1\\. not numbered" in out
    assert "- \\*stars\\* \\_under\\_ \\[link\\](x) \\<b\\>html\\</b\\> \\`code\\`" in out


# --- the web page -----------------------------------------------------------------


def test_the_web_page_is_self_contained_with_a_strict_policy_and_no_scripts(pack):
    out = out_of(pack, full_session(pack, own_questions=["Is it <b>safe</b>?"]), "html")
    lowered = out.lower()
    for absent in ("<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "@font-face", "javascript:"):
        assert absent not in lowered, absent
    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', out).group(1)
    assert policy.replace("&#x27;", "'") == (
        f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    assert f"<style>{STYLE}</style>" in out, "the hash is of the style sheet as written"
    assert out.index("Content-Security-Policy") < out.index("<style>")
    assert '<html lang="en">' in out
    assert "break-after: page" in STYLE and "font-size: 10pt" in STYLE


def test_the_web_page_escapes_every_text(pack):
    typed = ['<script>alert("x")</script>', 'Tom & Jerry\'s "bike"']
    out = out_of(pack, full_session(pack, own_questions=typed, note="</p><p onclick=x>"), "html")
    assert "<script>" not in out and "<p onclick" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert "Tom &amp; Jerry&#x27;s &quot;bike&quot;" in out
    assert "&lt;/p&gt;&lt;p onclick=x&gt;" in out


def test_hostile_typed_text_in_the_web_page_has_no_control_characters(pack):
    out = out_of(pack, full_session(pack, own_questions=HOSTILE, note="\n".join(HOSTILE)), "html")
    assert [ch for ch in out if (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F] == []
    assert "evil.example" not in out and "\u202e" not in out


# --- the same content in every format -----------------------------------------------


class _Text(HTMLParser):
    """The text of a page's body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag, attrs) -> None:
        self.in_body = self.in_body or tag == "body"
        self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        self.parts.append(" ")

    def handle_data(self, data) -> None:
        if self.in_body:
            self.parts.append(data)


def shown_words(fmt: str, out: str) -> str:
    """What a reader of the format sees, with its markup taken off and white space made single."""
    if fmt == "md":
        out = re.sub(r"\\(.)", r"\1", out.replace("\\\n", "\n"))
    elif fmt == "html":
        parser = _Text()
        parser.feed(out)
        out = "".join(parser.parts)
    return " ".join(out.split())


MARKUP_LEFT = {"text": r"[\s=\-\d.]*", "md": r"[\s#\-\d.<>]*", "html": r"[\s\d.]*"}


@pytest.mark.parametrize(
    "session_file", ["sure-two-no", "pregnancy-plans", "no-ride-home", "cost-matters", "all-correct"]
)
def test_the_three_formats_carry_the_same_content_in_the_same_order(ketamine, session_file):
    from decisionaid.core.session import load_session

    summary = build_summary(ketamine, load_session(TESTS / "sessions" / "ketamine" / f"{session_file}.toml"))
    handout = build_handout(summary, ketamine, today=TODAY)
    units = [handout.title, *handout.top]
    for block in (*handout.blocks, None, *handout.rest):
        if block is None:
            units.append(handout.rest_title)
            continue
        units.append(block.heading)
        for entry in block.entries:
            units += [entry.text, *entry.details, *([entry.link] if entry.link else [])]
    for fmt in ("text", "md", "html"):
        seen = shown_words(fmt, render(summary, ketamine, fmt, today=TODAY))
        left, position = [], 0
        for unit in units:
            wanted = " ".join(unit.split())
            found = seen.find(wanted, position)
            assert found >= 0, f"{fmt}: missing or out of order: {wanted!r}"
            left.append(seen[position:found])
            position = found + len(wanted)
        left.append(seen[position:])
        assert re.fullmatch(MARKUP_LEFT[fmt], "".join(left)), f"{fmt}: more than markup: {''.join(left)!r}"


@pytest.fixture(scope="module")
def ketamine():
    return load_pack(KETAMINE)


# --- writing --------------------------------------------------------------------


def test_default_export_name_and_the_format_a_name_asks_for(pack):
    assert default_export_name(pack, TODAY) == "commute-handout-2026-11-21.txt"
    assert default_export_name(pack, TODAY, fmt="md") == "commute-handout-2026-11-21.md"
    assert default_export_name(pack, TODAY, fmt="html") == "commute-handout-2026-11-21.html"
    assert [format_for(n) for n in ("a.txt", "a.MD", "a.html", "a.htm", "a.pdf", "a")] == [
        "text", "md", "html", "html", None, None,
    ]  # fmt: skip


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
    from decisionaid.core.sources import source_links

    source = Source(
        id="s1",
        citation="A trial.",
        year=2020,
        kind="trial",
        pmid="37224232",
        url="https://pubmed.ncbi.nlm.nih.gov/37224232/",
    )
    assert source_links(source) == ["https://pubmed.ncbi.nlm.nih.gov/37224232/"]


@pytest.mark.parametrize(
    ("answered", "score"),
    [(4, "4 of 4 matched the evidence."), (5, "5 of 5 matched the evidence (100%).")],
)
def test_the_self_check_score_gives_a_percentage_only_from_five_answers(ketamine, answered, score):
    items = [item for item in ketamine.self_check if not item.trivia][:answered]
    session = replace(Session.new(ketamine), self_check={item.id: item.correct[0] for item in items})
    handout = build_handout(build_summary(ketamine, session), ketamine, today=TODAY)
    [checked] = [b for b in handout.blocks if b.kind == "checked"]
    assert checked.entries[0].text.startswith(score)
    [record] = [b for b in handout.rest if b.kind == "record"]
    assert record.entries[-2].text.endswith(f"Self-check (reported answers): {score}")


def test_the_block_for_the_record_comes_first_after_the_handout_and_marks_what_the_person_reported(ketamine):
    session = replace(
        Session.new(ketamine),
        reader="helper",
        values={"cost": "a-lot"},
        sure={"sure": False, "understand": True},
        leaning="not sure yet",
        own_questions=("Can my partner\ncome in?",),
        starred_own=("Can my partner\ncome in?",),
    )
    handout = build_handout(build_summary(ketamine, session), ketamine, today=TODAY)
    record = handout.rest[0]
    assert record.heading == "For the clinician's record"
    assert [(e.text, e.details) for e in record.entries[1:]] == [
        (
            f"Decision aid used: {ketamine.meta.title}, content version {ketamine.meta.version}, "
            "used on 21 November 2026. Filled in by (reported): someone helping the person.",
            (),
        ),
        ("What matters to them (reported): Cost: matters a lot.", ()),
        (f"Options shown in the aid: {'; '.join(o.name for o in ketamine.options)}.", ()),
        (
            "Option they lean towards now (reported): not sure yet. "
            "How ready they feel, SURE test (reported): 1 of 4 answered yes. Self-check: not answered.",
            (),
        ),
        (
            "Top questions for the clinician. The person chose those marked “reported”; the aid picked any others:",
            (
                "Can my partner come in? (reported: their own question)",  # starred; then the pinned one, kept
                "If their thoughts of suicide get worse during treatment, who do they contact, day or night?",
            ),
        ),
    ]
