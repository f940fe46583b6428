"""What a fresh walk at 80x24 found in the lists of choices: an answer is only ever one the person chose, the keys
say the numbers there are, and a list shows what was chosen and where the person was."""

from __future__ import annotations

import pytest

from tests.conftest import tab_to
from tests.test_first_walk import notices, open_summary


@pytest.mark.parametrize("stage", ["self_check", "values", "sure"])
async def test_enter_on_a_list_not_yet_answered_goes_on_and_records_nothing(make_app, stage) -> None:
    from decisionaid.tui.widgets.choices import ChoiceList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        journey = app.controller.journey
        place = next(p for p in journey.steps if p[0] == stage and journey.is_item(p))
        await app.go(*place)
        await pilot.pause()
        assert app.screen.query_one(ChoiceList).highlighted is None, "no choice is highlighted before one is made"
        await pilot.press("enter")
        await pilot.pause()
        session = app.controller.session
        assert not (session.self_check or session.values or session.sure), "Enter alone answered nothing"
        assert app.controller.place == journey.next(*place), "Enter went on, as n does"
        await app.go(*place)
        await pilot.pause()
        await pilot.press("down", "enter")
        assert getattr(app.controller.session, stage), "the arrow keys then Enter choose"


async def test_enter_on_the_handout_pages_lists_before_a_choice_says_the_numbers_and_records_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_summary(app, pilot)
        assert app.focused.id == "reader" and app.focused.highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.controller.session.reader == ""
        assert "Press a number from 1 to 2 to choose" in notices(app)
        await tab_to(pilot, "leaning")
        assert app.focused.id == "leaning" and app.focused.highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.controller.session.leaning == ""


def footer_keys(app) -> dict[str, str]:
    """The footer's keys as shown, each with its label."""
    from decisionaid.tui.widgets.footer import AidFooter

    return {key.key_display: key.description for key in app.screen.query_one(AidFooter).query("FooterKey")}


async def test_the_footer_says_the_numbers_a_step_has_not_1_to_9(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        journey = app.controller.journey
        for stage in ("self_check", "values", "sure"):
            place = next(p for p in journey.steps if p[0] == stage and journey.is_item(p))
            await app.go(*place)
            await pilot.pause()
            count = len(app.controller.page(app.keys, place).choices)
            assert footer_keys(app).get(f"1-{count}") == "Choose", (stage, footer_keys(app))
        app.controller.answer_self_check("rain", "no")  # the question on the path: one offer is left
        await app.go("self_check", journey.counts["self_check"])
        await pilot.pause()
        assert len(app.controller.page(app.keys, app.controller.place).page.offers) == 1
        assert footer_keys(app).get("1") == "Take up an offer", footer_keys(app)
        assert "1-9" not in footer_keys(app)


async def test_a_card_the_short_path_left_out_is_titled_by_its_part_as_plain_mode_says(make_app, tmp_path) -> None:
    import contextlib
    import io

    from decisionaid.core.controller import Controller
    from decisionaid.plain.console import Console
    from decisionaid.plain.flow import PlainAid
    from decisionaid.storage.store import AnswersFile
    from decisionaid.tui.widgets.title_bar import TitleLine

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        journey = app.controller.journey
        await app.go("cards", journey.left_out["cards"][0])
        await pilot.pause()
        heading = app.screen.query_one(TitleLine).heading
        assert heading.endswith("More about the options") and "Part 3 of 7" in app.controller.where()
        await app.go("cards", 0)
        await pilot.pause()
        assert app.screen.query_one(TitleLine).heading.endswith("Information"), "a card on the short path"
    out = io.StringIO()
    controller = Controller(app.controller.pack, AnswersFile(tmp_path / "plain.toml"))
    controller.start()
    controller.go("cards", journey.left_out["cards"][0])
    with contextlib.suppress(EOFError):
        PlainAid(controller, Console(io.StringIO("1\n"), out, width=100, echo=True)).run()  # 1: resume
    assert "More about the options. Part 3 of 7" in " ".join(out.getvalue().split())


async def test_escape_from_a_card_opened_from_the_card_list_keeps_its_section_open_on_that_card(make_app) -> None:
    from decisionaid.tui.screens.contents import ContentsScreen
    from decisionaid.tui.widgets.contents_list import CARD_KEYS, ContentsList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        journey = app.controller.journey
        await app.go("cards", journey.counts["cards"])
        await pilot.pause()
        sections = app.screen.query_one(ContentsList).table.sections
        number, letter, position = next(
            (n, CARD_KEYS[i], card.position)
            for n, section in enumerate(sections, 1)
            for i, card in enumerate(section.cards)
            if journey.is_left_out(("cards", card.position)) and i > 0
        )
        await pilot.press(str(number), letter)
        await pilot.pause()
        assert app.controller.place == ("cards", position)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        listing = app.screen.query_one(ContentsList)
        assert listing.open_section == number - 1, "the section opened before is open again"
        assert listing.highlighted_option.id == f"card-{position}", "on the card just read"
        await pilot.press("b")  # back along the path, then on again: the list opens as it first did
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(ContentsList).open_section is None


async def test_the_self_checks_feedback_says_the_persons_own_answer_and_what_a_number_does(make_app) -> None:
    from tests.conftest import shown_text

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("self_check", app.controller.journey.short["self_check"][0])
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        feedback = shown_text(app.screen.query_one("#feedback"))
        assert "Your answer: Yes" in feedback and "The answer: No" in feedback
        assert (
            "Press a number to change your answer. If the choices are out of view, the first press brings them back."
            in feedback
        )
        await pilot.press("3", "3")  # the first may only bring the choices into view, as the feedback says
        await pilot.pause()
        assert "Your answer: Not sure" in shown_text(app.screen.query_one("#feedback"))


async def test_the_browsers_feedback_says_the_persons_own_answer(commute_pack) -> None:
    from tests.test_serve import Browser, served

    aid, client = await served(commute_pack)
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    await browser.get("/step/self_check/0")
    await browser.post(action="answer", kind="self_check", item="rain", choice="yes")
    await browser.get("/step/self_check/0")
    assert "Your answer: Yes" in browser.page and "The answer: No" in browser.page
    await client.close()
    await aid.stop()


async def test_a_private_question_shows_every_choice_and_then_its_tick_box_at_80x24(make_app) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.choices import ChoiceList
    from decisionaid.tui.widgets.page import Page
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    app = make_app(pack=pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        private = ("values", [v.id for v in pack.values].index("safety-screen"))
        await app.go(*app.controller.journey.previous(*private))
        await pilot.pause()
        await pilot.press("n")  # on to it, as a person comes to it
        await pilot.pause()
        assert app.controller.place == private
        await pilot.press("2")  # its label and "← your answer" take two lines
        await pilot.pause()
        await pilot.pause()
        choices = app.screen.query_one(ChoiceList)
        assert choices.max_scroll_y == 0, "the list grew: no choice is scrolled out of it"
        page, box = app.screen.query_one(Page).region, app.screen.query_one("#show-private").region
        assert page.y <= box.y and box.bottom <= page.bottom, "the tick box came into view"
