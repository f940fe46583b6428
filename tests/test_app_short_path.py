"""The short path in the full-screen aid, by keys: the map, the table of options, every card, the offers."""

from __future__ import annotations

import tomllib

from decisionaid.content import load_pack
from decisionaid.core.end_pages import contents
from decisionaid.core.session import Session
from decisionaid.storage.paths import session_path
from decisionaid.tui.screens.card import CardScreen
from decisionaid.tui.screens.card_modal import CardModal
from decisionaid.tui.screens.compare import CompareScreen
from decisionaid.tui.screens.contents import ContentsScreen
from decisionaid.tui.screens.help import HelpScreen
from decisionaid.tui.screens.map import MapScreen
from decisionaid.tui.screens.offers import OffersScreen
from decisionaid.tui.screens.self_check import SelfCheckScreen
from decisionaid.tui.screens.sure import SureScreen
from decisionaid.tui.screens.values import ValuesScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from decisionaid.tui.widgets.contents_list import CARD_KEYS
from tests.conftest import shown_text
from tests.helpers import KETAMINE

MAX_KEYS = 3


def saved() -> dict:
    return tomllib.loads(session_path("commute").read_text(encoding="utf-8"))


def one_place_per_screen(app) -> list:
    """A place of the short path for each kind of screen on it, in order."""
    kinds: dict[str, tuple] = {}
    for place in app.controller.journey.steps[1:]:
        kinds.setdefault(app.controller.page(app.keys, place).kind, place)
    return list(kinds.values())


def keys_from_the_map(controller, position: int) -> list[str]:
    """The keys that open the card at `position` once the map is open: c, the section's number, its letter."""
    session = controller.session or Session(pack=controller.pack.meta.id)
    table = contents(controller.pack, controller.journey, session, controller.words, lambda places: 0)
    for number, section in enumerate(table.sections, 1):
        for index, card in enumerate(section.cards):
            if card.position == position:
                return ["c", str(number), CARD_KEYS[index]]
    raise AssertionError(f"card {position} is in no section")


async def test_the_map_opens_from_every_screen_and_escape_leaves_things_as_they_were(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:

        async def map_opens_here() -> None:
            here, depth = app.screen, len(app.screen_stack)
            await pilot.press("m")
            await pilot.pause()
            assert isinstance(app.screen, MapScreen), f"m did nothing on {type(here).__name__}"
            assert "Map of the aid" in shown_text(app.screen) or app.screen.query_one("#map").border_title
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is here and len(app.screen_stack) == depth

        await pilot.pause()
        await map_opens_here()  # the welcome
        await pilot.press("s")
        for place in one_place_per_screen(app):
            await app.go(*place)
            await pilot.pause()
            await map_opens_here()
        await app.go("compare")
        await pilot.pause()
        await pilot.press("enter")  # a cell's card
        await pilot.pause()
        await map_opens_here()
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), "a dialog keeps its keys: Escape first"


async def test_the_map_shows_every_part_and_goes_to_the_one_chosen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "n", "n", "m")
        await pilot.pause()
        text = shown_text(app.screen)
        assert "Part 2 of 7 · about 4 minutes left" in text
        assert "1. Options at a glance: done\n" in text, "a part done has no time left"
        assert "2. Information: in progress, about 1 minute  ← you are here" in text
        assert "7. Your handout: not started" in text
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckScreen)
        assert saved()["stage"] == "self_check"
        await pilot.press("m", "2")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen) and "Card 3 of 5" in shown_text(app.screen)


async def test_the_map_and_the_table_are_in_the_command_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Map of the aid" in titles and "Options at a glance" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"map of")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)


async def test_choosing_a_part_from_a_dialog_closes_the_dialog_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CardModal)
        await pilot.press("m", "7")
        await pilot.pause()
        assert "Who is filling this in?" in shown_text(app.screen)
        assert not any(isinstance(screen, CardModal | CompareScreen) for screen in app.screen_stack)


def test_every_card_has_three_keys_from_the_map_in_both_packs(commute_pack) -> None:
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile

    for pack in (commute_pack, load_pack(KETAMINE)):
        controller = Controller(pack, AnswersFile(session_path(pack.meta.id)))
        for position in range(len(pack.cards)):
            keys = keys_from_the_map(controller, position)
            assert len(keys) <= MAX_KEYS and keys[1] in "123456789", (pack.meta.id, position, keys)


async def test_the_keys_from_the_map_open_the_last_card_of_every_section(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        cards = app.controller.pack.ordered_cards()
        lasts = {card.section: position for position, card in enumerate(cards)}
        for position in lasts.values():
            card = cards[position]
            await pilot.press("m")
            await pilot.pause()
            keys = keys_from_the_map(app.controller, position)
            assert len(keys) <= MAX_KEYS
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            assert isinstance(app.screen, CardScreen), f"{keys} did not open '{card.title}'"
            assert card.title in shown_text(app.screen)
        await pilot.press("m", "3", "3", "a")  # the part that offers what was left out works the same way
        await pilot.pause()
        assert "What a rider needs" in shown_text(app.screen)


async def test_the_shipped_pack_keeps_every_card_three_keys_from_the_map(make_app) -> None:
    pack = load_pack(KETAMINE)
    assert len(pack.sections) <= 9, "a section's number is one key"
    assert max(sum(c.section == s.id for c in pack.cards) for s in pack.sections) <= len(CARD_KEYS)
    app = make_app(pack=pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        table = contents(pack, app.controller.journey, app.controller.session, app.controller.words, lambda places: 0)
        deepest = max(table.sections, key=lambda s: len(s.cards)).cards[-1]
        keys = keys_from_the_map(app.controller, deepest.position)
        await pilot.press("m", *keys)
        await pilot.pause()
        assert len(keys) <= MAX_KEYS and deepest.title in shown_text(app.screen)


def title_line(app) -> str:
    """The title bar's line as drawn at the window's width, without crisis help."""
    return str(app.screen.query_one("#title-line").render())


async def test_every_screen_says_where_the_person_is_in_the_whole_journey(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "7 parts · about 4 minutes" in shown_text(app.screen)
        await pilot.press("s")
        for place in one_place_per_screen(app):
            await app.go(*place)
            await pilot.pause()
            progress = app.controller.where()
            assert title_line(app).endswith(f"  {progress}") and progress.startswith("Part "), place
        for place in app.controller.journey.steps:
            app.controller.go(*place)
        await app.go("summary")
        await pilot.pause()
        assert title_line(app).endswith("  Part 7 of 7 · the end of the short path")
        await app.go("cards", 0)
        await pilot.press("n")  # a card turned in place updates it too
        await pilot.pause()
        assert title_line(app).endswith(f"  {app.controller.where()}")


async def test_the_table_moves_by_cell_and_opens_a_cells_card(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        detail = app.screen.query_one("#cell")
        assert shown_text(detail).startswith("Keep taking the bus · What does it cost?")
        await pilot.press("down", "right")
        await pilot.pause()
        assert shown_text(detail).startswith("Start cycling · How many feel fresh at work?\nEnter: read the card")
        assert "60 out of 100 riders.\nSources: Example Travel Survey, 2025" in shown_text(detail)
        await pilot.press("left", "left")
        await pilot.pause()
        assert shown_text(detail).startswith("Keep taking the bus · How many"), "never onto the question column"
        assert "Enter: read the card “Good points of the bus”." in shown_text(detail)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardModal) and "You can sit and read." in shown_text(app.screen)
        assert saved()["cards_read"] == ["bus-good"] and saved()["stage"] == "compare"
        await pilot.press("escape", "n")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen) and "Card 1 of 5" in shown_text(app.screen)


async def test_the_list_of_every_card_opens_a_section_and_a_card_by_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("cards", 7)
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        text = shown_text(app.screen)
        assert "The short path left out 2 cards (about 1 minute)." in text
        assert "▸ 3. Practical matters: 2 cards, 2 more to read" in text
        assert app.screen.active_bindings["a"].enabled is False, "no section is open yet"
        await pilot.press("3")
        await pilot.pause()
        assert "    a  What a rider needs (more)" in shown_text(app.screen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        text = shown_text(app.screen)
        assert "Bus passes" in text and "More: card 2 of 2 in this section" in text
        assert "Part 3 of 7" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen), "after the section's cards left out, back to the list"
        assert "Practical matters: 2 cards, 1 read, 1 more to read" in shown_text(app.screen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckScreen)


async def test_the_pages_that_end_a_part_offer_what_was_skipped_or_left_out(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("self_check", 2)
        await pilot.pause()
        assert isinstance(app.screen, OffersScreen)
        text = shown_text(app.screen)
        assert "You skipped the self-check questions. You can answer them now, or later from the map." in text
        assert "1. Answer the question you skipped" in text and "2. Answer 1 more question" in text
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckScreen)
        assert "More questions: 1 of 1. Not a test" in shown_text(app.screen)
        await pilot.press("2", "n")
        await pilot.pause()
        assert isinstance(app.screen, OffersScreen) and "how riders felt at work" in shown_text(app.screen)
        await pilot.press("n", "n")
        await pilot.pause()
        assert isinstance(app.screen, OffersScreen)
        assert "1 more question about you was left out of the short path (about 1 minute)." in shown_text(app.screen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ValuesScreen)
        assert "More about what matters to you: 1 of 1" in shown_text(app.screen)
        await pilot.press("1", "n")
        await pilot.pause()
        text = shown_text(app.screen)
        assert "You answered the 1 question about you that the short path left out." in text
        assert "1. Look at those answers again" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SureScreen)
    assert saved()["self_check"] == {"fresh": "sixty"} and saved()["values"] == {"exercise": "a-lot"}


async def test_the_welcome_gives_the_short_paths_minutes_and_the_time_left_on_return(make_app) -> None:
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "The short path takes about 4 minutes" in shown_text(first.screen)
        await pilot.press("s", "n", "n", "n", "q")
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, WelcomeScreen)
        text = shown_text(again.screen)
        assert "About 4 minutes of the short path are left." in text and "about 4 minutes left" in text, "as the map"
