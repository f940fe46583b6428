"""The summary screen with the keyboard: who fills it in, stars, the leaning, private answers and the formats,
each shown at once in the handout as the saved file will say it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.geometry import Region

from decisionaid.storage.paths import session_path
from decisionaid.tui.screens.export import ExportScreen
from decisionaid.tui.widgets.handout import HandoutView
from tests.conftest import shown_text, tab_to


def saved() -> dict:
    return tomllib.loads(session_path("commute").read_text(encoding="utf-8"))


def handout_text(app) -> str:
    return shown_text(app.screen.query_one("#handout", HandoutView))


async def open_summary(app, pilot, **answers) -> None:
    await pilot.pause()
    await app.start()
    for item, choice in answers.items():
        app.controller.answer_value(item.replace("_", "-"), choice)
    app.controller.answer_self_check("rain", "unsure")
    await app.go("summary")
    await pilot.pause()


async def test_the_aid_asks_who_fills_it_in_and_the_handout_takes_that_voice(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        assert app.focused is not None and app.focused.id == "reader"
        assert "Made on" in handout_text(app) and "by me" not in handout_text(app)
        await pilot.press("down", "down", "enter")  # nothing is highlighted before a choice
        await pilot.pause()
        assert saved()["reader"] == "helper"
        text = handout_text(app)
        assert "Our handout: Cycling or the bus to work" in text and "Our top questions" in text
        assert "Why: We were not sure about travelling in the rain." in text
        assert "Our own questions" in shown_text(app.screen)
        assert "Why: We were not sure about travelling in the rain." in shown_text(app.screen.query_one("#questions"))
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await again.resume()
        await pilot.pause()
        assert again.focused is not None and again.focused.id == "summary", "asked once"


async def test_s_stars_the_question_in_focus_for_the_top_and_leaving_it_out_unstars_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        assert "The aid picked these; I did not star any." in handout_text(app)
        await tab_to(pilot, "question-q-start")
        assert app.screen.query_one("#questions").size.height > 0 and app.focused.size.height > 0, "shown"
        await pilot.press("s")
        await pilot.pause()
        assert saved()["starred"] == ["q-start"]
        text = handout_text(app)
        assert "1. What do people like me usually choose?" in text
        assert "What happens on rainy days?" not in text.split("Next on my list")[0], "no longer a top question"
        assert "The aid picked these" not in text
        assert "★ What do people like me usually choose?" in shown_text(app.screen)
        assert "Starred for the top of the handout: What do people like me usually choose?" in shown_text(app.screen)
        await pilot.press("space")
        await pilot.pause()
        assert saved()["starred"] == [] and saved()["unticked"] == ["q-start"]
        assert "Left out: What do people like me usually choose?" in shown_text(app.screen)
        await pilot.press("s")
        await pilot.pause()
        assert saved()["starred"] == ["q-start"] and saved()["unticked"] == [], "starring puts it back"


async def test_own_questions_star_by_button_or_key_and_the_top_holds_five(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        for n in range(5):
            app.controller.add_own_question(f"Mine {n}?")
        await app.screen.show_own_questions()
        await pilot.pause()
        await tab_to(pilot, "star-own-0")
        await pilot.press("enter")  # the button
        await pilot.pause()
        assert saved()["starred_own"] == ["Mine 0?"]
        assert "1. Mine 0?" in handout_text(app) and "My own question." in handout_text(app)
        for n in range(1, 5):
            await tab_to(pilot, f"star-own-{n}")
            await pilot.press("s")
            await pilot.pause()
        assert saved()["starred_own"] == [f"Mine {n}?" for n in range(5)]
        await tab_to(pilot, "question-q-rain")
        await pilot.press("s")
        await pilot.pause()
        assert saved()["starred"] == []
        assert "The handout has room for 5 top questions. Unstar one first." in shown_text(app.screen)


async def test_the_leaning_is_the_persons_statement_in_the_handout(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        questions = shown_text(app.screen.query_one("#questions"))
        await tab_to(pilot, "leaning")
        await pilot.press("down", "down", "down", "enter")  # nothing is highlighted before a choice
        await pilot.pause()
        assert saved()["leaning"] == "not sure yet"
        assert "The option I am leaning towards now: not sure yet." in handout_text(app)
        await pilot.press("up", "enter")
        await pilot.pause()
        assert saved()["leaning"] == "bike"
        assert "The option I am leaning towards now: Start cycling." in handout_text(app)
        assert shown_text(app.screen.query_one("#questions")) == questions, "the leaning never changes the list"
        await pilot.press("4")  # the last choice, by its number
        await pilot.pause()
        assert saved()["leaning"] == "" and "leaning towards" not in handout_text(app)


async def test_a_private_answer_is_on_the_copy_only_once_its_box_is_ticked(make_app, handout_pack) -> None:
    app = make_app(pack=handout_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot, money_tight="yes")
        text = " ".join(handout_text(app).split())
        assert "Money is tight this month." not in text and saved()["shown"] == []
        assert "1 private answer is left off this copy. The questions it could add are asked" in text
        questions = shown_text(app.screen.query_one("#questions"))
        assert "How much does each way cost in a month?" in questions, "the question stays, in its neutral form"
        assert "How much would each way cost me in a month?" not in questions
        await tab_to(pilot, "private-money-tight")
        await pilot.press("space")
        await pilot.pause()
        assert saved()["shown"] == ["money-tight"] and "Money is tight this month." in handout_text(app)
        assert "How much would each way cost me in a month?" in shown_text(app.screen.query_one("#questions"))
        await pilot.press("space")
        await pilot.pause()
        assert saved()["shown"] == [] and "Money is tight this month." not in handout_text(app)


async def test_a_private_question_offers_one_choice_to_show_its_answer(make_app, handout_pack) -> None:
    app = make_app(pack=handout_pack)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await app.start()
        position = [v.id for v in handout_pack.values].index("money-tight")
        await app.go("values", position)
        await pilot.pause()
        assert "This answer is private. It stays off the handout unless you choose to show it." in shown_text(
            app.screen
        )
        await pilot.press("1")
        await pilot.pause()
        assert saved()["values"]["money-tight"] == "yes" and saved()["shown"] == []
        await tab_to(pilot, "show-private")
        await pilot.press("space")
        await pilot.pause()
        assert saved()["shown"] == ["money-tight"]
        assert "Money is tight this month." in app.controller.summary().situation[0].text


async def test_the_export_dialog_offers_the_four_formats(make_app, export_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "1. Text (72 columns)" in shown_text(app.screen) and "3. Web page to print (HTML)" in shown_text(
            app.screen
        )
        await pilot.press("3")  # the formats have the focus
        await pilot.pause()
        path = Path(app.screen.query_one("#path").value)
        assert path.suffix == ".html" and path.parent == export_dir
        await pilot.click("#save")
        await pilot.pause()
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path").value = str(export_dir / "mine.md")
        await pilot.press("enter")
        await pilot.pause()
        assert (export_dir / "mine.md").read_text(encoding="utf-8").startswith("# My handout")
        await pilot.press("e")
        await pilot.pause()
        assert "4. FHIR record (JSON, for the adviser's system)" in shown_text(app.screen)
        app.screen.query_one("#path").value = str(export_dir / "record.json")
        await pilot.press("enter")
        await pilot.pause()
        assert '"resourceType": "QuestionnaireResponse"' in (export_dir / "record.json").read_text(encoding="utf-8")
        for name in ("~nosuchuser/x.txt", "a" * 300 + ".txt"):
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#path").value = name
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen), "the dialog stays, saying why"
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running


async def test_the_note_stays_in_view_when_the_handout_above_it_grows(make_app) -> None:
    """A question left out just before Tab reaches the note is shown again in the handout after the note has the
    focus: the note is scrolled back into view, so that what is typed in it is seen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.go("summary")
        await pilot.pause()
        summary = app.screen
        for question in ("q-start", "q-rain"):
            app.controller.include_question(question, False)
        await summary.show_handout()
        await tab_to(pilot, "note")
        note = summary.query_one("#note")
        for _ in range(100):
            await pilot.pause()
            if summary.region.contains_region(note.region):
                break
        assert summary.region.contains_region(note.region), "Tab brings the note into view"
        for question in ("q-start", "q-rain"):
            app.controller.include_question(question, True)  # the change lands after the focus moved
        await summary.show_handout()
        for _ in range(100):  # until the scroll after the next refresh is done, however busy the machine
            await pilot.pause()
            if summary.region.contains_region(note.region):
                break
        assert summary.region.contains_region(note.region), "the note was pushed out of view"


async def test_the_handout_on_screen_is_wrapped_again_when_the_window_changes_width_or_the_handout_changes(
    make_app,
) -> None:
    """Every line drawn fits the handout's width, and the lines hold the handout's words in order, after a
    resize and after a change of who fills it in."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_summary(app, pilot)

        def drawn() -> tuple[int, list[str]]:
            """The handout's lines as the screen draws them, and its width."""
            handout = app.screen.query_one("#handout", HandoutView)
            width, height = handout.content_size
            gutter = handout.styles.gutter
            strips = handout.render_lines(Region(gutter.left, gutter.top, width, height))
            return width, [strip.text.rstrip() for strip in strips]

        def fits(width: int, lines: list[str]) -> bool:
            words = " ".join(str(app.screen.query_one("#handout", HandoutView).content).split())
            return all(len(line) <= width for line in lines) and " ".join(" ".join(lines).split()) == words

        wide, lines = drawn()
        assert fits(wide, lines) and any(len(line) > 60 for line in lines)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        narrow, lines = drawn()
        assert narrow < 60 < wide and fits(narrow, lines)
        assert lines[-1], "as tall as its lines: the last line drawn holds text"
        await pilot.press("2")  # someone helping: the handout speaks as "we"
        await pilot.pause()
        narrow, lines = drawn()
        assert fits(narrow, lines) and any(line.startswith("Our handout") for line in lines)


async def test_a_fhir_record_holds_the_note_only_when_the_person_ticks_it_in(make_app, export_dir: Path) -> None:
    from textual.widgets import Checkbox

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        app.controller.set_note("Ask about the winter timetable")
        for name, ticked in (("left-out.json", False), ("kept.json", True)):
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("1")  # a text handout (the dialog offers the format saved last)
            await pilot.pause()
            choice = app.screen.query_one("#with-note", Checkbox)
            assert not choice.display, "no choice for a text handout"
            await pilot.press("4")  # a FHIR record
            await pilot.pause()
            assert choice.display and "Put my note in the record too" in shown_text(app.screen)
            choice.value = ticked
            path = app.screen.query_one("#path")
            path.value = str(export_dir / name)
            path.focus()
            await pilot.press("enter")
            await pilot.pause()
            record = (export_dir / name).read_text(encoding="utf-8")
            assert ("Ask about the winter timetable" in record) is ticked
