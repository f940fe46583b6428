"""About this aid: what a pack says about itself that no step shows (who it is for, its options in one line
each, who made it, how it is kept current, its licence, who paid and any conflicts), in every front end."""

from __future__ import annotations

import html
import re
from pathlib import Path

from decisionaid.content import Pack
from decisionaid.core.catalogue import words_for
from decisionaid.core.pages.about import Row, about, about_rows
from decisionaid.tui.screens.about import AboutScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.conftest import shown_text
from tests.helpers import COMMUTE, run_in_process
from tests.test_serve import Browser, served


def pack_says(pack: Pack) -> list[str]:
    """What the about page must show, as the pack writes it."""
    meta = pack.meta
    texts = [meta.audience, meta.update_policy, meta.licence, meta.funding, meta.conflicts]
    texts += [option.summary for option in pack.options]
    return texts + [author.name for author in meta.authors]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_page_model_is_one_list_of_labelled_rows_holding_all_the_pack_says(commute_pack: Pack) -> None:
    words = words_for(commute_pack)
    rows = about_rows(commute_pack, words)
    assert all(isinstance(row, Row) and row.label and row.lines for row in rows)
    assert [row.label for row in rows][:3] == ["Who it is for", "The options", "Who made it"]
    assert "Keep taking the bus: Carry on as now." in rows[1].lines
    page = about(commute_pack, words)
    shown = "\n".join(line.text for line in page.lines)
    assert page.title == "About this aid"
    assert not [text for text in pack_says(commute_pack) if text not in shown]
    assert [line.text for line in page.lines if line.role == "subheading"] == [row.label for row in rows]


async def test_the_welcome_key_and_the_palette_open_it_in_the_full_screen_aid(commute_pack: Pack, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "About: Who made this aid, its options and its licence" in flat(shown_text(app.screen))
        await pilot.press("escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)
        text = flat(shown_text(app.screen))
        assert not [said for said in pack_says(commute_pack) if flat(said) not in text], text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"About this")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)


def test_plain_mode_shows_it_at_any_prompt_and_lists_the_command(tmp_path: Path) -> None:
    result = run_in_process("--plain", "--pack", str(COMMUTE), cwd=tmp_path, input="h\ni\nq\n")
    out = result.stdout
    assert "i: about this aid: who made it, its options and its licence." in out
    section = out[out.index("About this aid.") :]
    assert "\nWho it is for\nAdults who commute a short distance in a city\n" in section
    assert "\nWho made it\nTest Author: Writer\n" in section
    assert "Start cycling: Ride a bike to work." in section


def test_plain_mode_says_it_in_the_interface_language(tmp_path: Path) -> None:
    out = run_in_process("--plain", "--language", "es", "--pack", str(COMMUTE), cwd=tmp_path, input="i\nq\n").stdout
    assert "Sobre esta herramienta." in out and "\nPara quién es\n" in out and "\nLicencia\nCC BY 4.0\n" in out


async def test_every_web_page_links_to_it_and_it_shows_what_the_pack_says(commute_pack: Pack) -> None:
    _aid, client = await served(commute_pack, kiosk=True)
    browser = Browser(client)
    welcome = await browser.get("/")
    assert re.search(r'<a href="/about">About this aid</a>', welcome)
    page = html.unescape(await browser.get("/about"))
    assert browser.status == 200 and "<h1>About this aid</h1>" in page
    assert "<h2>Who paid for it</h2>" in page
    assert not [said for said in pack_says(commute_pack) if said not in page]
    await client.close()
