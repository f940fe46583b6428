"""What a fresh walk at 80x24 still tripped over in the dialogs and the options table: the export dialog's file
name and note box, the list of actions, the keys dialog's columns and the table's cell details."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Static

from tests.conftest import open_summary, shown_text, tab_to


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).content)


async def test_a_formats_number_in_the_untouched_file_name_picks_the_format_and_an_edited_name_takes_digits(
    make_app, export_dir
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("e", "2")
        name = app.screen.query_one("#path", Input)
        assert name.value.endswith(".md")
        await pilot.press("tab", "3")
        await pilot.pause()
        assert app.focused is name
        assert name.value.endswith(".html"), "the suggested name is never replaced, and 3 is the web page"
        assert "In the list of formats, press a format's number" in shown_text(app.screen)
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "2", ".", "m", "d")
        assert name.value.endswith("2.md"), "once the name is edited, a number is part of it"
        await pilot.press("enter")
        await pilot.pause()
        assert [path.name for path in export_dir.iterdir()] == [name.value.rsplit("/", 1)[-1]]


async def test_the_note_box_speaks_in_the_helpers_voice_and_keeps_its_tick_for_the_run(make_app, export_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("2")  # someone helping fills it in
        app.controller.set_note("Ask about the drive home.")
        await pilot.press("e", "4")
        box = app.screen.query_one("#with-note", Checkbox)
        assert str(box.label) == "Put our note in the record too"
        assert box.value is False, "left out unless asked for"
        await tab_to(pilot, "with-note")
        await pilot.press("space", "enter")
        await pilot.pause()
        assert "Saved to" in status(app)
        await pilot.press("e")
        assert app.screen.query_one("#with-note", Checkbox).value is True, "ticked as the person left it"
        await pilot.press("escape")
        app.confirm_start_over()
        await pilot.pause()
        await pilot.press("y")
        await open_summary(app, pilot)
        app.controller.set_note("A new note.")
        await pilot.press("e", "4")
        assert app.screen.query_one("#with-note", Checkbox).value is False, "starting over leaves the note out"
        await pilot.press("escape")
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await open_summary(again, pilot)
        await pilot.press("e", "4")
        assert again.screen.query_one("#with-note", Checkbox).value is False, "a fresh start leaves the note out"


async def test_a_cancelled_replace_leaves_no_saved_line_behind(make_app, export_dir) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("e", "enter")
        await pilot.pause()
        assert "Saved to" in status(app)
        await pilot.press("e", "enter")  # the same name again: replace it?
        await pilot.pause()
        await pilot.press("n", "escape")
        await pilot.pause()
        assert status(app) == "", "nothing was saved this time"


@pytest.mark.parametrize(
    ("language", "typed", "no_match"),
    [("es", "zzz", "Ninguna acción tiene esas palabras"), ("fr", "zzz", "Aucune action n'a ces mots")],
)
async def test_the_list_of_actions_speaks_the_interfaces_language(commute_pack, language, typed, no_match) -> None:
    from textual.command import CommandInput, CommandList

    from decisionaid.core.catalogue import words_for
    from decisionaid.tui.factory import make_app

    pack = commute_pack
    app = make_app(pack, theme="textual-dark", words=words_for(pack, language=language))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert "palette" not in shown_text(app.screen).lower(), "the keys dialog names the list in the aid's words"
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        search = app.screen.query_one(CommandInput)
        assert search.placeholder == words_for(pack, language=language)("command.search")
        await pilot.press(*typed)
        await app.workers.wait_for_complete()
        await pilot.pause()
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert len(prompts) == 1 and prompts[0].startswith(no_match), prompts
        assert "No matches" not in "\n".join(prompts)


async def test_the_keys_dialog_keeps_its_key_column_clear_of_wrapped_descriptions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        keys = list(app.screen.query(".key"))
        descriptions = list(app.screen.query(".key-description"))
        assert len(keys) == len(descriptions) > 5
        column = {d.region.x for d in descriptions}
        assert len(column) == 1, "every description starts in the same column"
        assert max(k.region.right for k in keys) < column.pop(), "no description runs under a key"
        tab = next(d for d in descriptions if "Item before" in str(d.content))
        assert tab.region.height >= 2, "a long description wraps, within its own column"


async def test_every_cell_of_the_options_table_says_how_to_open_its_card_and_shows_all_its_details(
    make_app,
) -> None:
    from decisionaid.content import load_pack
    from decisionaid.tui.widgets.comparison_table import ComparisonTable
    from tests.helpers import KETAMINE

    app = make_app(pack=load_pack(KETAMINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(ComparisonTable)
        rows, columns = len(table.table.rows), len(table.table.rows[0].cells)
        seen = set()
        for row in range(rows):
            for _ in range(columns):
                await pilot.pause()
                at = table.cursor_coordinate
                cell = table.cell_at(at)
                card, body = screen.query_one("#cell-card", Static), screen.query_one("#cell-body", Static)
                if cell.card is not None:
                    assert str(card.content).startswith("Enter: read the card"), at
                for part in (card, body):
                    assert screen.find_widget(part).visible_region == part.region, (at, str(part.content))
                assert cell.text in str(body.content)
                seen.add((at.row, at.column))
                await pilot.press("right" if row % 2 == 0 else "left")
            await pilot.press("down")
        assert len(seen) == rows * columns
