"""The handout's targets on the ketamine pack, for the walk that takes every default ('not sure' where asked):
at most 60 lines of 72 columns, the whole text export at most 150 lines, and one printed page in a real browser
(A4 and Letter, default margins, no header or footer) with body text of at least 10 pt; fully answered, two printed
pages at most, the handout alone on the first and the rest (at least 9 pt) on the second."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.handout import build_handout
from decisionaid.core.session import load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.html import render_html
from decisionaid.export.markdown import render_markdown
from decisionaid.export.text import handout_lines, render_text
from tests.helpers import KETAMINE, TESTS, default_walk, fully_answered, require_tool

TODAY = date(2026, 11, 21)
CHROMIUM = "/usr/bin/chromium"
PAPER = ("A4", "Letter")
TEN_POINTS_IN_PIXELS = 10 * 96 / 72
NINE_POINTS_IN_PIXELS = 9 * 96 / 72
PROFILES = sorted(p.stem for p in (TESTS / "sessions" / "ketamine").glob("*.toml"))

pytestmark = pytest.mark.xdist_group("handout-print")  # one browser for the module, beside the browser tests


@pytest.fixture(scope="module")
def ketamine():
    return load_pack(KETAMINE)


@pytest.fixture(scope="module")
def walked(ketamine, tmp_path_factory):
    """The handout of the default walk."""
    controller = default_walk(ketamine, tmp_path_factory.mktemp("walk") / "answers.toml")
    return build_handout(controller.summary(), ketamine, today=TODAY)


def test_the_default_walk_answers_not_sure_wherever_it_can(walked, ketamine, tmp_path):
    summary = default_walk(ketamine, tmp_path / "answers.toml").summary()
    assert summary.checked.answered == summary.checked.asked == len(summary.checked.not_sure)
    assert all(s.text.endswith("not sure.") for s in summary.situation)
    assert summary.leaning == "not sure yet"


def test_the_handout_is_at_most_60_lines_and_the_whole_export_at_most_150(walked):
    handout = handout_lines(walked)
    whole = render_text(walked).splitlines()
    assert len(handout) <= 60, "\n".join(handout)
    assert len(whole) <= 150
    assert [line for line in whole if len(line) > 72 and not line.strip().startswith("https://")] == []


@pytest.fixture(scope="module")
def browser():
    require_tool("chromium", "the printed page count is checked in a real browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


def printed(browser, html: str, paper: str) -> list[str]:
    """The text of each page of the web page printed on `paper`, as Chromium prints it to PDF."""
    import pypdf

    page = browser.new_page()
    try:
        page.set_content(html)
        pdf = page.pdf(format=paper, display_header_footer=False)
    finally:
        page.close()
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pages]  # no ligatures


def assert_handout_on_page_one(pages: list[str], handout) -> None:
    first_page = pages[0]
    last_entry = handout.blocks[-1].entries[-1].text
    assert " ".join(last_entry.split())[-40:] in first_page, "the handout runs over its page"
    assert handout.rest[0].heading not in first_page
    assert pages[1].startswith(f"{handout.rest_title} {handout.rest[0].heading}"), "the rest starts on the next page"


@pytest.mark.parametrize("paper", PAPER)
def test_the_default_walk_prints_the_handout_on_one_page(browser, walked, paper):
    pages = printed(browser, render_html(walked), paper)
    assert_handout_on_page_one(pages, walked)
    assert walked.title in pages[0]


@pytest.mark.parametrize("name", PROFILES)
def test_every_profile_prints_its_handout_on_one_page(browser, ketamine, name):
    summary = build_summary(ketamine, load_session(TESTS / "sessions" / "ketamine" / f"{name}.toml"))
    handout = build_handout(summary, ketamine, today=TODAY)
    for paper in PAPER:
        assert_handout_on_page_one(printed(browser, render_html(handout), paper), handout)


@pytest.mark.parametrize("reader", ["self", "helper"])
def test_a_fully_answered_handout_prints_on_two_pages_the_handout_alone_on_the_first(browser, ketamine, reader):
    handout = build_handout(build_summary(ketamine, fully_answered(ketamine, reader)), ketamine, today=TODAY)
    for paper in PAPER:
        pages = printed(browser, render_html(handout), paper)
        assert_handout_on_page_one(pages, handout)
        assert len(pages) == 2, f"{paper}: {len(pages)} pages"
        assert handout.printed_rest[-1].entries[-1].text in pages[1], f"{paper}: the rest runs over its page"


@pytest.mark.parametrize("reader", ["self", "helper"])
def test_the_printed_rest_holds_the_questions_that_fit_by_rank_and_says_where_the_others_are(ketamine, reader):
    summary = build_summary(ketamine, fully_answered(ketamine, reader))
    handout = build_handout(summary, ketamine, today=TODAY)
    on_page = {e.text for b in handout.blocks if b.kind == "next" for e in b.entries}
    ranked = [q.text for q in summary.next_questions() if q.text not in on_page]
    printed = [e.text for b in handout.printed_rest if b.kind == "topic" for e in b.entries if e.marker]
    left = len(ranked) - len(printed)
    assert 0 < len(printed) < len(ranked)
    assert set(printed) == set(ranked[: len(printed)]), "the printed questions are the first by rank"
    more = f"{left} more questions are in the text and Markdown copies and in the aid."
    assert [e.text for b in handout.printed_rest for e in b.entries if "Markdown copies" in e.text] == [more]
    for whole in (render_text(handout), render_markdown(handout)):
        assert "Markdown copies" not in whole
        assert all(" ".join(q.split()[:6]) in " ".join(whole.split()) for q in ranked)


def test_printed_body_text_is_at_least_10_points_on_the_handout_and_9_on_the_rest(browser, walked):
    page = browser.new_page()
    try:
        page.set_content(render_html(walked))
        page.emulate_media(media="print")
        applied = page.evaluate("getComputedStyle(document.querySelector('.handout')).breakAfter")
        sizes = page.evaluate(
            """() => Object.fromEntries(['handout', 'rest'].map(part => [part,
                Array.from(document.querySelectorAll(`.${part} *`))
                    .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
                    .map(e => parseFloat(getComputedStyle(e).fontSize))]))"""
        )
    finally:
        page.close()
    assert applied == "page", "the style sheet is allowed by the Content-Security-Policy"
    assert sizes["handout"] and min(sizes["handout"]) >= TEN_POINTS_IN_PIXELS - 0.01
    assert sizes["rest"] and min(sizes["rest"]) >= NINE_POINTS_IN_PIXELS - 0.01


def test_the_page_loads_nothing_from_anywhere(browser, walked, tmp_path: Path):
    path = tmp_path / "handout.html"
    path.write_text(render_html(walked), encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(path.as_uri())
    finally:
        page.close()
    assert requests == [path.as_uri()]
