"""What a tired reader leaning on Enter met at 80x24: the map after questions left unanswered, Enter on every kind
of page, the notices Enter leaves, and the footers in Spanish and French."""

from __future__ import annotations

import pytest

from decisionaid.content import load_pack
from tests.conftest import open_question
from tests.helpers import KETAMINE


def test_the_map_says_how_many_questions_of_a_part_done_were_left_unanswered(tmp_path) -> None:
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile

    controller = Controller(load_pack(KETAMINE), AnswersFile(tmp_path / "answers.toml"))
    journey = controller.journey
    controller.start()
    for place in journey.steps[1:]:
        controller.go(*place)
    said = {row.id: row.describe(controller.words) for row in controller.aid_map().rows}
    sure = len(journey.sure_ids)
    assert said["sure"] == f"done; {sure} not answered"
    assert said["self_check"].startswith(f"done; {len(journey.short['self_check'])} not answered;")
    assert said["compare"] == "done", "a part with no questions is just done"
    assert "the end of the short path" in controller.where(), "every step was shown"
    controller.leave()


async def test_enter_goes_on_from_a_card_the_card_list_and_an_offers_page_and_opens_what_is_highlighted(
    make_app,
) -> None:
    from decisionaid.tui.screens.help import HelpScreen

    app = make_app(pack=load_pack(KETAMINE))
    journey = app.controller.journey
    contents, values_end = ("cards", journey.counts["cards"]), ("values", journey.counts["values"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        first, second = journey.short["cards"][:2]
        await app.go("cards", first)
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert any(row.endswith("⏎ Next") for row in help_lines(app.screen)), "the keys help does not name Enter"
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert app.controller.place == ("cards", second), "Enter on a card goes on as n does"
        await app.go(*contents)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.controller.place == journey.next(*contents), "Enter with nothing highlighted goes on"
        await app.go(*contents)
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        assert app.controller.place[0] == "cards" and app.controller.place != contents, "the highlighted card opens"
        await app.go(*values_end)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.controller.place == journey.next(*values_end), "Enter on an offers page goes on"


def help_lines(screen) -> list[str]:
    """The keys help's rows: the keys, then what they do."""
    texts = [str(s.content) for s in screen.query(".key, .key-description")]
    return [f"{keys} {said}" for keys, said in zip(texts[::2], texts[1::2], strict=True)]


def notices(app) -> list[str]:
    """The notices on screen (the app must run with notifications=True)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_enter_says_what_it_did_and_its_notices_neither_stack_nor_cover_the_export_dialog(make_app) -> None:
    from decisionaid.tui.screens.export import ExportScreen

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_question(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert notices(app) == ["You went on without an answer. To answer, press b to go back, then a number."]
        await app.go("summary")
        await pilot.pause()
        assert app.focused.id == "reader"
        await pilot.press("enter")
        await pilot.pause()
        said = notices(app)
        assert len(said) == 1 and said[0].startswith("Enter chose nothing: no choice is highlighted."), said
        assert "Enter" not in said[0].partition(".")[2], "it tells a person who pressed Enter to press Enter"
        await pilot.press("9", "9")
        await pilot.pause()
        assert len(notices(app)) == 1, "notices stack"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert notices(app) == [], "a notice lies over the dialog's buttons"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
async def test_at_80x24_in_spanish_and_french_every_footer_key_and_every_title_are_shown_whole(language) -> None:
    from decisionaid.core.catalogue import words_for
    from decisionaid.tui.factory import make_app
    from decisionaid.tui.screens.welcome import WelcomeScreen
    from decisionaid.tui.widgets.footer import AidFooter
    from decisionaid.tui.widgets.title_bar import TitleLine

    pack = load_pack(KETAMINE)
    app = make_app(pack, theme="textual-dark", words=words_for(pack, language=language))
    journey = app.controller.journey
    places = [(stage, 0) for stage in ("compare", "cards", "self_check", "values", "sure", "summary")]
    places += [end for stage in ("cards", "self_check", "values") if (end := journey.end_page(stage))]
    cut = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cut += whole_or_cut(app.screen, "welcome", AidFooter, TitleLine)
        await app.start()
        for place in places:
            await app.go(*place)
            await pilot.pause()
            cut += whole_or_cut(app.screen, place, AidFooter, TitleLine)
        await app.push_screen(WelcomeScreen(app.controller, app.site))
        await pilot.pause()
        cut += whole_or_cut(app.screen, "return welcome", AidFooter, TitleLine)
    assert not cut, cut


def whole_or_cut(screen, where, footer, title_line) -> list[str]:
    """What is cut on this screen at 80 columns: a footer key's text past the window's edge (the space after the last
    one may fall past it), or a title ending in '…'."""
    shown = screen.query_one(footer)
    edge = 80 if shown.compact else 81  # spaced as usual, a key is drawn with a space after it
    past = [key for key in shown.query("FooterKey") if not key.region.width or key.region.right > edge]
    cut = [f"{where}: footer"][: len(past)]
    titles = screen.query(title_line)
    return cut + [f"{where}: title" for title in titles if "…" in str(title.render())][:1]


async def test_n_in_the_options_table_scrolls_the_next_row_to_the_top_of_the_view(make_app) -> None:
    from decisionaid.tui.screens.compare import CompareScreen
    from decisionaid.tui.widgets.comparison_table import ComparisonTable

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await pilot.pause()
        table = app.screen.query_one(ComparisonTable)
        steps = 0
        while isinstance(app.screen, CompareScreen) and table.scroll_y < table.max_scroll_y:
            await pilot.press("n")
            await pilot.pause()
            steps += 1
            top = sum(row.height for row in table.ordered_rows[: table.cursor_row])
            assert table.scroll_y == min(top, table.max_scroll_y), f"row {table.cursor_row} starts part-way down"
        assert steps > 1


async def test_a_hint_never_takes_away_the_notice_of_a_problem_still_unsolved(make_app) -> None:
    from decisionaid.core.controller import Outcome

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_question(app, pilot)
        app.show_outcome(Outcome(problem="Your answers could not be saved."))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Your answers could not be saved." in notices(app), "said once: it must not be cleared away"
