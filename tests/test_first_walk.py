"""What a first walk through the terminal aid tripped over: keys, counts, focus and the kiosk, each as a person
meets it."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from decisionaid.core.session import LEANING_NOT_SURE
from tests.conftest import open_question, open_summary, shown_text, tab_to


def in_view(app, widget) -> bool:
    """Whether the widget's top line is inside the summary page's visible area."""
    page = app.screen.query_one("#summary")
    return page.region.y <= widget.region.y < page.region.bottom


async def test_a_change_shown_again_never_scrolls_the_note_being_typed_out_of_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await tab_to(pilot, "leaning")
        app.screen.keep_focus_in_view()  # a change shown again, as choosing a leaning does
        note = app.screen.query_one("#note", TextArea)
        app.screen.set_focus(note)  # a quick Tab to the note before the change is laid out,
        app.screen.query_one("#summary").scroll_to_widget(note, animate=False, immediate=True)  # and shown
        await pilot.pause()
        await pilot.pause()
        assert in_view(app, note), "the page scrolled back to the question left behind"


def saved() -> dict:
    import tomllib

    from decisionaid.storage.paths import session_path

    return tomllib.loads(session_path("commute").read_text(encoding="utf-8"))


def notices(app) -> str:
    """The notices on screen (the app must run with notifications=True)."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def test_number_keys_pick_on_the_handout_page_and_in_the_export_dialog(make_app, export_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        assert app.focused.id == "reader"
        await pilot.press("2")
        assert saved()["reader"] == "helper"
        await tab_to(pilot, "leaning")
        await pilot.press("3")
        assert saved()["leaning"] == LEANING_NOT_SURE
        await pilot.press("e")
        assert app.focused.id == "format", "the focus starts on the formats, not in the file's name"
        await pilot.press("2", "enter")
        assert [path.suffix for path in export_dir.iterdir()] == [".md"], "Markdown, under the name offered"


async def test_a_number_with_no_choice_says_which_numbers_there_are(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_question(app, pilot)
        await pilot.press("4")
        assert "Press a number from 1 to 3 to choose" in notices(app)
        assert "rain" not in saved().get("self_check", {})


async def test_enter_on_a_format_saves_in_that_format(make_app, export_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("e", "down", "down", "enter")
        assert [path.suffix for path in export_dir.iterdir()] == [".html"]


async def test_page_keys_scroll_the_handout_page_while_a_list_has_the_focus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        page = app.screen.query_one("#summary")
        assert app.focused.id == "reader"
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert page.scroll_y == page.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert page.scroll_y == 0 and app.focused.id == "reader"


async def test_escape_leaves_the_note_in_place_and_shift_tab_goes_to_the_question_box_above(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("w")
        assert app.focused.id == "note", "w goes to the note"
        await pilot.press("escape", "shift+tab")
        assert app.focused.id == "own-input"
        await pilot.press("escape", "tab")
        assert app.focused.id == "note"
        await pilot.press("escape", "a")
        assert app.focused.id == "own-input", "a goes to the box for a question of one's own"


def test_every_offer_and_every_time_left_counts_only_what_is_still_open(tmp_path) -> None:
    """In the page models every front end shows: the extra questions, values and cards, the welcome, the map."""
    from decisionaid.content import load_pack
    from decisionaid.core.controller import Controller
    from decisionaid.core.pages.at import Keys
    from decisionaid.storage.store import AnswersFile
    from tests.helpers import KETAMINE, default_walk

    pack, keys = load_pack(KETAMINE), Keys("F2", "r")
    controller = default_walk(pack, tmp_path / "answers.toml")
    journey, items = controller.journey, pack.self_check

    def said(stage: str) -> str:
        page = controller.page(keys, (stage, journey.counts[stage])).page
        return "\n".join([*(line.text for line in page.lines), *(offer.label for offer in page.offers)])

    extra = journey.left_out["self_check"]
    assert len(extra) > 2
    controller.go("self_check", extra[0])
    assert "minutes left" in controller.where(), "the questions ahead count"
    for i in extra[:-1]:
        controller.answer_self_check(items[i].id, items[i].choices[0].id)
    text = said("self_check")
    assert f"Answered so far: {len(extra) - 1} of {len(extra)}." in text
    assert "1 question not on the short path is still open (about 1 minute)." in text
    assert "Answer the question still open" in text and "more questions" not in text
    controller.answer_self_check(items[extra[-1]].id, items[extra[-1]].choices[0].id)
    assert "Look at those answers again" in said("self_check") and "minute" not in said("self_check")

    values = pack.values
    for i in journey.left_out["values"]:
        controller.answer_value(values[i].id, values[i].choices[0].id)
    assert "Answer them" not in said("values") and "Look at those answers again" in said("values")

    cards = journey.left_out["cards"]
    for i in cards[:-2]:
        controller.go("cards", i)
    assert (
        "2 cards the short path left out are still unread (about "
        in controller.page(keys, ("cards", journey.counts["cards"])).contents.lead
    )
    controller.go("summary")
    controller.leave()
    back = Controller(pack, AnswersFile(tmp_path / "answers.toml"))
    try:
        assert "You have been through the whole short path." in "\n".join(back.welcome_page(keys).texts())
    finally:
        back.leave()


def test_the_maps_rows_add_up_to_the_time_left_and_a_card_from_the_list_adds_only_itself(tmp_path) -> None:
    """Walking the ketamine pack: the header's minutes are the sum of the map's rows at every step; opening a card
    from the list of cards adds at most that card, not its section; taking the extra questions adds them."""
    import re

    from decisionaid.content import load_pack
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    controller = Controller(pack, AnswersFile(tmp_path / "answers.toml"))
    journey = controller.journey

    def left() -> int:
        found = re.search(r"about (\d+) minutes? left", controller.where())
        return int(found.group(1)) if found else 0

    def rows_add_up() -> None:
        rows = controller.aid_map().rows
        assert sum(row.minutes for row in rows) == left(), [row.describe(controller.words) for row in rows]

    controller.start()
    before = {row.id: row.minutes for row in controller.aid_map().rows}
    for place in journey.steps[1:-1]:
        left_part = journey.part_of(controller.place)
        controller.go(*place)
        rows_add_up()
        now = {row.id: row.minutes for row in controller.aid_map().rows}
        touched = {part.id for part in (left_part, journey.part_of(place)) if part is not None}
        assert {k: v for k, v in now.items() if k not in touched} == {
            k: v for k, v in before.items() if k not in touched
        }, "a part's minutes change only with what is done in it"
        before = now
    contents = ("cards", journey.counts["cards"])
    controller.go(*contents)
    at_the_list = left()
    card = journey.left_out["cards"][0]
    controller.go("cards", card)
    rows_add_up()
    assert at_the_list <= left() <= at_the_list + 1, "a card opened from the list counts only itself"
    more = {row.id: row for row in controller.aid_map().rows}["more"]
    assert more.optional == len(journey.left_out["cards"]) - 1
    assert "if you want them" in more.describe(controller.words)
    controller.go(*contents)
    assert left() == at_the_list

    end = ("self_check", journey.counts["self_check"])
    controller.go(*end)
    before = left()
    extra = journey.left_out["self_check"]
    controller.go("self_check", extra[0])
    rows_add_up()
    assert left() >= before + len(extra) // 2, "the run of extra questions taken up counts"
    self_check = {row.id: row for row in controller.aid_map().rows}["self_check"]
    assert self_check.state == "in_progress" and self_check.optional == 0
    controller.go(*end)
    self_check = {row.id: row for row in controller.aid_map().rows}["self_check"]
    assert self_check.optional == len(extra) - 1, "the questions still open are offered, not counted"
    controller.leave()


async def test_the_options_table_says_n_goes_on_and_breaks_no_word_without_a_hyphen(make_app) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.comparison_table import ComparisonTable, hyphenated
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 200)) as pilot:  # 80 wide, and tall enough to show every row at once
        await pilot.pause()
        await app.start()
        await pilot.pause()
        shown = [b.binding for b in app.screen.active_bindings.values() if b.binding.show]
        assert [app.get_key_display(b) for b in shown if b.action == "next"] == ["n"], "→ moves in the table"
        table = app.screen.query_one(ComparisonTable)
        lines = [table.render_line(y).text for y in range(table.header_height, table.size.height)]
        left = table.ordered_columns[0].get_render_width(table)
        for n, column in enumerate(table.ordered_columns[1:]):
            right = left + column.get_render_width(table)
            said = [word for line in lines for word in line[left:right].split()]
            cells = " ".join(hyphenated(row.cells[n].text, column.width - 1) for row in app.screen.table.rows)
            assert said == cells.split(), "a word cut without a sign"
            left = right
    assert "TRD" not in " ".join(app.controller.page(app.keys, ("compare", 0)).texts()), "not explained yet"


async def test_at_80x24_crisis_help_the_title_and_every_footer_key_are_shown_whole(make_app) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.footer import AidFooter
    from decisionaid.tui.widgets.title_bar import TitleLine
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = app.screen.query(".crisis-line")
        shown = lines.first().region if lines else None
        assert shown and shown.height and shown.bottom <= app.screen.query_one("#welcome").region.bottom, "below"
        await app.start()
        await app.go("cards", app.controller.journey.counts["cards"])
        await pilot.pause()
        assert "…" not in str(app.screen.query_one(TitleLine).render()), "the title is cut"
        assert "No card has b, m, n or q: they are keys of their own." in shown_text(app.screen)
        keys = app.screen.query_one(AidFooter).query("FooterKey")
        assert keys and all(key.region.width and key.region.right <= 80 for key in keys), "cut at the window's edge"


async def test_the_keys_help_speaks_the_aids_words_and_s_never_starts_over(make_app) -> None:
    from decisionaid.tui.screens.confirm import ConfirmScreen
    from decisionaid.tui.screens.help import HelpScreen
    from decisionaid.tui.screens.welcome import WelcomeScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("cards", 1)
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = shown_text(app.screen.query_one("#keys"))
        for textual_own in ("Focus Next", "Focus Previous", "palette", "command prompt", "super+c"):
            assert textual_own not in keys
        await pilot.press("escape")
        await app.go("welcome")
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, WelcomeScreen), "with answers saved, s does nothing"
        await pilot.press("o")
        assert isinstance(app.screen, ConfirmScreen), "o starts over, asking first"


def test_the_card_list_says_what_its_marks_mean_in_plain_mode(commute_pack, tmp_path) -> None:
    from tests.test_plain_short_path import CARDS, Run

    run = Run(commute_pack, tmp_path, "", "", *CARDS, "3", "", "")
    assert "(read): you have read it. (more): the short path left it out.\nPractical matters:" in run.out


async def test_enter_on_the_welcome_does_what_its_highlighted_button_says(make_app) -> None:
    from decisionaid.tui.screens.compare import CompareScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the page has the focus, the Start button is highlighted
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_enter_on_the_notes_tick_box_saves_the_record_as_ticked(make_app, export_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        app.controller.set_note("Ask about the winter timetable")
        await pilot.press("e", "4", "tab", "space", "enter")  # a FHIR record; the tick box; tick it; save
        await pilot.pause()
        [record] = export_dir.iterdir()
        assert record.suffix == ".json" and "Ask about the winter timetable" in record.read_text(encoding="utf-8")


async def test_a_tick_box_left_empty_looks_empty_not_only_a_different_colour(make_app) -> None:
    from decisionaid.tui.widgets.question_box import QuestionBox

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        box = app.screen.query(QuestionBox).first()
        assert box.value and "▐X▌" in box.render().plain
        box.value = False
        await pilot.pause()
        assert "▐ ▌" in app.screen.query(QuestionBox).first().render().plain


async def test_the_export_dialog_offers_the_format_saved_last(make_app, export_dir) -> None:
    from pathlib import Path

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("e", "4", "enter")  # a FHIR record
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.fmt == "fhir" and Path(app.screen.query_one("#path").value).suffix == ".json"


async def test_n_on_the_options_table_shows_each_row_in_a_small_window_before_moving_on(make_app) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.screens.compare import CompareScreen
    from decisionaid.tui.widgets.comparison_table import ComparisonTable
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one(ComparisonTable)
        rows = table.row_count
        assert table.max_scroll_y > 0, "at 80x24 the table does not fit"
        for row in range(1, rows):
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, CompareScreen) and table.cursor_row == row
        await pilot.press("b")  # back up a row, as n went down
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and table.cursor_row == rows - 2
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


@pytest.mark.parametrize("stage", ["compare", "cards", "self_check", "values", "sure", "summary"])
async def test_at_80x24_every_footer_key_of_every_kind_of_step_is_shown_whole(make_app, stage) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.footer import AidFooter
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go(stage, 0)
        await pilot.pause()
        keys = app.screen.query_one(AidFooter).query("FooterKey")
        assert keys and all(key.region.width and key.region.right <= 80 for key in keys), "cut at the window's edge"


async def test_a_number_key_goes_to_the_list_in_view_not_to_one_scrolled_away(make_app) -> None:
    from decisionaid.tui.widgets.choices import KeyedChoiceList

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        reader, leaning = app.screen.query(KeyedChoiceList)[:2]
        reader.focus()
        await pilot.pause()
        for _ in range(8):  # the page scrolls until the reader's list is out of view and the leaning's in it
            if not in_view(app, reader) and in_view(app, leaning):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert not in_view(app, reader) and in_view(app, leaning) and app.focused is reader
        await pilot.press("2")
        await pilot.pause()
        assert app.focused is leaning and leaning.chosen == leaning.choices[1][0]
        assert app.controller.session.reader == ""


async def test_escape_on_a_card_opened_from_the_card_list_goes_back_to_the_list(make_app) -> None:
    from decisionaid.tui.screens.card import CardScreen
    from decisionaid.tui.screens.contents import ContentsScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        journey = app.controller.journey
        left_out = journey.left_out["cards"][0]
        await app.go("cards", left_out)
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        await app.go("cards", 0)  # a card on the short path: Escape leaves it where it is
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)


async def test_quitting_from_the_handout_page_leaves_no_lock_file(make_app) -> None:
    from decisionaid.storage.paths import session_path

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    answers = session_path("commute")
    assert answers.exists() and not answers.with_name(answers.name + ".lock").exists()


def test_a_source_without_a_year_is_cited_without_one() -> None:
    from types import SimpleNamespace

    from decisionaid.tui.screens.compare import short_citation

    assert (
        short_citation(SimpleNamespace(citation="Cleveland Clinic. Ketamine therapy.", year=None)) == "Cleveland Clinic"
    )
    assert short_citation(SimpleNamespace(citation="Popova V, et al. A trial.", year=2019)) == "Popova V, et al, 2019"


async def test_a_number_key_never_changes_a_self_check_answer_scrolled_out_of_view(make_app) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.choices import ChoiceList, shown_part
    from decisionaid.tui.widgets.page import Page
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    app = make_app(pack=pack)
    async with app.run_test(size=(80, 14)) as pilot:
        await open_question(app, pilot)
        await pilot.press("1")
        await pilot.pause()
        item = app.controller.page(app.keys, app.controller.place).item_id
        answered = app.controller.session.self_check[item]
        app.screen.query_one(Page).scroll_end(animate=False, immediate=True)
        await pilot.pause()
        choices = app.screen.query_one(ChoiceList)
        assert shown_part(choices) == 0, "the feedback has pushed the choices out of view"
        await pilot.press("2")
        await pilot.pause()
        assert app.controller.session.self_check[item] == answered
        assert shown_part(choices) > 0, "the key brought the choices back into view"


async def test_the_export_dialog_shows_save_and_cancel_at_80x24_with_the_notes_tick_box(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        app.controller.set_note("Ask about the winter timetable")
        await pilot.press("e", "4")
        await pilot.pause()
        assert app.screen.query_one("#with-note").display
        for button in ("#save", "#cancel"):
            region = app.screen.query_one(button).region
            assert region.height and region.bottom <= 24, f"{button} is out of view"


async def test_a_private_answers_whole_label_shows_at_80x24(make_app) -> None:
    from decisionaid.content import load_pack
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        app.controller.answer_value("safety-screen", "heart")
        await app.go("summary")
        for _ in range(50):  # the part below the handout is mounted just after the top is shown
            await pilot.pause()
            if app.screen.query("#private-safety-screen"):
                break
        box = app.screen.query_one("#private-safety-screen")
        await pilot.pause()
        lines = box.render().wrap(box.content_region.width or 76)
        assert "brain bleed" in " ".join(str(line) for line in lines) and box.region.height >= len(lines)


async def test_a_private_questions_hint_is_read_before_its_choices_at_80x24(make_app) -> None:
    from textual.widgets import Static

    from decisionaid.content import load_pack
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    app = make_app(pack=pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("values", [v.id for v in pack.values].index("safety-screen"))
        await pilot.pause()
        hint = next(s for s in app.screen.query(Static) if "This answer is private" in str(s.render()))
        choices = app.screen.query_one("ChoiceList")
        assert hint.region.y < choices.region.y, "said before the choices"
        assert 0 < hint.region.bottom <= 24 - 3, "in view above the buttons and footer, without scrolling"


def test_after_the_question_still_open_next_goes_back_to_the_offers_not_through_every_answer(tmp_path) -> None:
    """In the controller every front end asks, and so in the browser's Next link too."""
    from decisionaid.content import load_pack
    from decisionaid.core.controller import Controller
    from decisionaid.serve import views
    from decisionaid.storage.store import AnswersFile
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    controller = Controller(pack, AnswersFile(tmp_path / "answers.toml"))
    journey, items = controller.journey, pack.self_check
    extra, end = journey.left_out["self_check"], ("self_check", journey.counts["self_check"])

    def answer(i: int) -> None:
        controller.answer_self_check(items[i].id, items[i].choices[0].id)

    controller.start()
    for i in extra[:3] + extra[4:7] + extra[8:]:
        answer(i)
    controller.go("self_check", extra[1])
    assert controller.step(1) == ("self_check", extra[3]), "while some are open, n goes to the next open one"
    assert views.step(controller).next.address.endswith(f"/step/self_check/{extra[3]}")
    controller.go("self_check", extra[3])
    answer(extra[3])
    assert controller.step(1) == ("self_check", extra[7])
    controller.go("self_check", extra[7])
    answer(extra[7])
    assert controller.step(1) == end, "the last open one answered: back to the offers"
    assert views.step(controller).next.address.endswith(f"/step/self_check/{end[1]}")
    controller.go(*end)
    controller.go("self_check", extra[0])
    assert controller.step(1) == ("self_check", extra[1]), "none open: looking at the answers again walks them in order"
    controller.leave()


async def test_the_suggested_questions_are_one_tab_stop_and_the_arrows_move_through_them(make_app) -> None:
    """On a full handout the own-question box was some 40 Tabs from the top; the list is now crossed in one."""
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.question_box import QuestionBox
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    app = make_app(pack=pack)
    async with app.run_test(size=(80, 24)) as pilot:
        for item in pack.self_check:  # each answer unsure or wrong adds a question
            app.controller.answer_self_check(item.id, item.choices[-1].id)
        await open_summary(app, pilot)
        boxes = list(app.screen.query(QuestionBox))
        assert len(boxes) > 20, "a long list, as a full handout has"
        assert app.focused.id == "reader"
        tabs = 0
        while app.focused.id != "own-input":
            await pilot.press("tab")
            tabs += 1
            assert tabs < 8, f"still on {app.focused.id} after {tabs} Tabs"
        await pilot.press("shift+tab")
        assert app.focused is boxes[-1], "Shift+Tab comes back to the list's last question"
        await pilot.press("up", "up")
        assert app.focused is boxes[-3]
        await pilot.press("shift+tab")
        assert not isinstance(app.focused, QuestionBox), "Shift+Tab leaves the list at once"
        await pilot.press("tab")
        assert app.focused is boxes[0]
        await pilot.press("down", "space")
        assert app.focused is boxes[1] and not boxes[1].value, "Space still leaves a question out"
        assert in_view(app, boxes[1])
        await pilot.press("up", "up")
        assert app.focused is boxes[0], "above the first question, ↑ scrolls the page and keeps the focus"


async def test_s_with_nothing_to_star_or_start_says_which_keys_do(make_app) -> None:
    """On the handout page with no question in use, and on a return visit's welcome, s is not silent."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_summary(app, pilot)
        assert app.focused.id == "reader"
        await pilot.press("s")
        assert "Tab to the list of questions, then move with ↑ and ↓." in notices(app)
        assert not saved().get("starred")
        await tab_to(pilot, "question-q-start")
        await pilot.press("s")
        assert saved()["starred"] == ["q-start"]
        await pilot.press("ctrl+q")
        await pilot.pause()
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "press r to resume, or o to start over" in notices(app)
        assert app.screen.id != "summary" and saved()["starred"] == ["q-start"], "nothing started over"


async def test_a_wrapped_questions_later_lines_start_under_its_first_word_not_under_the_box(make_app) -> None:
    from decisionaid.tui.widgets.question_box import QuestionBox

    app = make_app()
    async with app.run_test(size=(40, 24)) as pilot:  # narrow: every question wraps
        await open_summary(app, pilot)
        box = app.screen.query(QuestionBox).first()
        box.scroll_visible()
        await pilot.pause()
        lines = [box.render_line(y).text.rstrip() for y in range(box.size.height)]
        assert len(lines) > 1 and lines[0].startswith("▐X▌ ")
        start = len("▐X▌ ")
        assert all(line[:start].isspace() and line[start] != " " for line in lines[1:]), lines


async def test_a_number_on_a_tick_box_changes_nothing_and_says_where_numbers_work(make_app) -> None:
    from decisionaid.content import load_pack
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await app.start()
        app.controller.answer_value("safety-screen", "heart")
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "private-safety-screen")
        box = app.focused
        await pilot.press("2")
        assert "Press Tab or Shift+Tab to reach one first." in notices(app)
        assert app.focused is box and not box.value
        session = app.screen.session
        assert not session.leaning and not session.reader, "no list took the number unseen"


async def test_while_typing_the_footer_offers_only_keys_that_do_not_type(make_app) -> None:
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)

        def footer() -> list[tuple[str, str]]:
            return [(key.key_display, key.description) for key in app.screen.query(FooterKey)]

        assert ("e/^s", "Export") in footer() and ("←/b", "Back") in footer()
        await pilot.press("a", "e")
        await pilot.pause()
        assert app.focused.value == "e", "e types in the box"
        assert ("^s", "Export") in footer() and not [k for k, _ in footer() if k in ("e/^s", "←/b", "q", "?")]
        await pilot.press("escape")
        await pilot.pause()
        assert ("e/^s", "Export") in footer(), "letters act as keys again"


async def test_the_keys_help_names_the_tick_box_keys_and_only_the_numbers_a_list_has(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "1, 2\nChoose\n" in shown_text(app.screen), "Who is filling this in? has two choices"
        await pilot.press("escape")
        await tab_to(pilot, "question-q-start")
        await pilot.press("question_mark")
        await pilot.pause()
        said = shown_text(app.screen)
        assert "Tick or untick the box" in said and "Question below" in said


async def test_the_card_lists_keys_help_says_letter_once_and_a_letter_with_no_card_says_why(make_app) -> None:
    """At 80x24 the keys help listed every letter of the alphabet in one row, leaving no room to say what they do."""
    from decisionaid.content import load_pack
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("cards", app.controller.journey.counts["cards"])
        await pilot.pause()
        await pilot.press("w")
        assert "Open a section first: press its number." in notices(app)
        await pilot.press("1", "question_mark")
        await pilot.pause()
        said = shown_text(app.screen)
        assert "letter\nOpen a card\n" in said and "w, x" not in said
        await pilot.press("escape", "z")
        assert "No card in this section has the letter z." in notices(app)


async def test_under_a_dialog_the_footer_offers_no_keys_of_the_screen_beneath(make_app) -> None:
    """Under the export dialog the footer offered ?, m, b and q, which do nothing there."""
    from decisionaid.tui.screens.export import ExportScreen
    from decisionaid.tui.widgets.footer import AidFooter

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        footer = app.screen.query_one(AidFooter)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and not footer.visible
        await pilot.press("escape")
        await pilot.pause()
        assert footer.visible


async def test_enter_on_the_answer_already_chosen_goes_on(make_app) -> None:
    """A tired reader answered with a number, then pressed Enter again and again: each Enter chose the same
    answer, and nothing seemed to happen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_question(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        chosen = saved()["self_check"]
        await pilot.press("enter")
        await pilot.pause()
        assert saved()["stage"] == "self_check" and saved().get("position", 0) > 0, "Enter went on"
        assert saved()["self_check"] == chosen, "and changed no answer"


async def test_at_80x24_the_map_shows_every_part_without_scrolling(make_app) -> None:
    from decisionaid.content import load_pack
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()  # the options at a glance: its row says "you are here", on two lines
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        parts = app.screen.query_one("#parts")
        assert parts.option_count == 7 and parts.max_scroll_y == 0, "row 7 was below the fold on a first visit"


async def test_a_hint_about_one_page_goes_with_it_and_the_one_about_going_on_stays(make_app) -> None:
    """Hints stayed over the next pages' buttons; only the notice of a skipped question is for the next page."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_question(app, pilot)
        await pilot.press("7")
        assert "Press a number from 1 to 3" in notices(app)
        await pilot.press("enter")  # nothing chosen: goes on without an answer, and says so on the next page
        await pilot.pause()
        assert "You went on without an answer" in notices(app) and "Press a number" not in notices(app)
        await pilot.press("n")
        await pilot.pause()
        assert notices(app) == "", "each hint goes with the page it is about"


async def test_question_mark_opens_the_keys_help_in_a_dialog_too_but_types_in_a_field(make_app) -> None:
    from decisionaid.tui.screens.export import ExportScreen
    from decisionaid.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and "Cancel" in shown_text(app.screen), "the dialog's own keys"
        assert app.screen.query_one("#help").border_title.startswith("Keys: Save the handout"), "named as the dialog"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen), "? closes the keys help"
        await pilot.press("escape", "a", "question_mark")
        await pilot.pause()
        assert app.focused.id == "own-input" and app.focused.value == "?", "a text field types it"


async def test_starring_a_left_out_question_says_it_is_back_on_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await tab_to(pilot, "question-q-start")
        await pilot.press("space", "s")
        await pilot.pause()
        said = shown_text(app.screen.query_one("#status"))
        assert "Put back on the list and starred for the top of the handout" in said
        assert saved()["starred"] == ["q-start"] and not saved().get("unticked")
