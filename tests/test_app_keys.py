"""Keys that work everywhere: crisis help from every screen and dialog, the key list, the palette, themes, sizes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tomllib

from textual.screen import Screen

import decisionaid.tui.screens
from decisionaid.storage.paths import settings_path
from decisionaid.tui.screens import base
from decisionaid.tui.screens.changes import ChangesScreen
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.help import HelpScreen
from decisionaid.tui.screens.open_elsewhere import OpenElsewhereScreen
from decisionaid.tui.screens.still_there import StillThereScreen
from tests.conftest import changes_page, shown_text, tab_to


def every_screen_class() -> set[type[Screen]]:
    """Every screen the package defines, except the shared base classes."""
    found: set[type[Screen]] = set()
    for module_info in pkgutil.iter_modules(decisionaid.tui.screens.__path__):
        module = importlib.import_module(f"decisionaid.tui.screens.{module_info.name}")
        if module is base:
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                found.add(cls)
    return found


async def test_crisis_help_opens_from_every_screen_and_dialog(make_app) -> None:
    app = make_app()
    seen: set[type[Screen]] = set()

    async def crisis_opens_here(pilot) -> None:
        here = app.screen
        seen.add(type(here))
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen), f"F2 did nothing on {type(here).__name__}"
        assert "Call your local emergency number" in shown_text(app.screen)
        seen.add(CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is here

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        depth = len(app.screen_stack)
        await pilot.press("f2", "f2")
        await pilot.pause()
        assert len(app.screen_stack) == depth + 1, "crisis help opened twice"
        assert "Checked on 5 January 2026." in shown_text(app.screen)
        await pilot.press("escape")
        await crisis_opens_here(pilot)  # welcome
        await pilot.press("a")
        await pilot.pause()
        await crisis_opens_here(pilot)  # about this aid
        await pilot.press("escape")
        await pilot.press("s")
        await pilot.pause()
        await crisis_opens_here(pilot)  # the options at a glance
        await pilot.press("enter")
        await pilot.pause()
        await crisis_opens_here(pilot)  # a cell's card
        await pilot.press("escape")
        await pilot.press("m")
        await pilot.pause()
        await crisis_opens_here(pilot)  # the map
        await pilot.press("escape")
        await pilot.press("n")
        await pilot.pause()
        await crisis_opens_here(pilot)  # a card
        await pilot.press("question_mark")
        await pilot.pause()
        await crisis_opens_here(pilot)  # the key list
        await pilot.press("escape")
        for stage in ("self_check", "values", "sure", "summary"):
            await app.go(stage, 0)
            await pilot.pause()
            await crisis_opens_here(pilot)
        for place in (("cards", 7), ("self_check", 2), ("values", 2)):
            await app.go(*place)
            await pilot.pause()
            await crisis_opens_here(pilot)  # every card, what was learnt, the values left out
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("3", "r")
        await pilot.pause()
        await crisis_opens_here(pilot)  # a card reopened
        await pilot.press("escape")
        await app.go("summary")
        await pilot.pause()
        await tab_to(pilot, "own-input")
        await pilot.press("x")
        await crisis_opens_here(pilot)  # while typing
        await pilot.press("ctrl+s")
        await pilot.pause()
        await crisis_opens_here(pilot)  # the export dialog, typing a path
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await crisis_opens_here(pilot)  # the command palette
        await pilot.press("escape")
        await pilot.pause()
        app.confirm_start_over()
        await pilot.pause()
        await crisis_opens_here(pilot)  # a confirmation
        await pilot.press("escape")
        controller = app.controller
        await app.push_screen(StillThereScreen(app.words))
        await pilot.pause()
        await crisis_opens_here(pilot)  # a kiosk's idle warning
        await pilot.press("escape")
        await app.push_screen(OpenElsewhereScreen(controller))
        await pilot.pause()
        await crisis_opens_here(pilot)  # answers open in another aid
        await pilot.press("escape")
        await app.push_screen(ChangesScreen(changes_page(controller.pack, app.words), app.words))
        await pilot.pause()
        await crisis_opens_here(pilot)  # what changed since the last visit
    assert every_screen_class() <= seen


async def test_help_lists_every_active_key_of_the_screen(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("s", "n")
        await pilot.pause()
        described = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.description}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app.screen)
        for description in described:
            assert description in text
        for expected in ("←, b", "→, n", "Sources", "f2", "Crisis help", "Quit", "^p", "Actions"):
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = shown_text(app.screen)
        assert "1-3\nChoose" in text and "1-9" not in text, "the numbers the question has"
        assert "Open again the card this question is about (not available right now)" in text


async def test_palette_lists_the_main_actions_and_runs_them(make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Crisis help", "Go to your handout", "Export the handout", "Start over", "Change theme"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"your handout")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "Who is filling this in?" in shown_text(app.screen)


async def test_the_theme_choice_is_remembered(make_app) -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await pilot.pause()
        first.theme = "decisionaid-high-contrast"
        await pilot.pause()
    assert tomllib.loads(settings_path().read_text(encoding="utf-8")) == {"theme": "decisionaid-high-contrast"}
    second = make_app(theme=None)
    assert second.theme == "decisionaid-high-contrast"


async def test_a_figure_follows_the_window_across_the_narrow_breakpoint(make_app) -> None:
    """Side by side in a wide window, stacked in a narrow one, and back, as the window is resized."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("cards", 1)
        await pilot.pause()
        option, comparator = app.screen.query(".figure-pair .arm-icons")
        assert option.region.y == comparator.region.y
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        option, comparator = app.screen.query(".figure-stack .arm-icons")
        assert option.region.y < comparator.region.y and option.region.x == comparator.region.x
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        option, comparator = app.screen.query(".figure-pair .arm-icons")
        assert option.region.y == comparator.region.y and option.region.x < comparator.region.x


async def test_self_check_feedback_drops_its_blank_lines_in_a_short_window_and_gets_them_back(make_app) -> None:
    """A window under 18 lines shows the feedback's parts one under the other; resized taller, a blank line
    comes back between them."""
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        await app.start()
        await app.go("self_check", 0)
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()

        def feedback_lines() -> list[str]:
            feedback = app.screen.query_one("#feedback")
            return [strip.text.rstrip() for strip in feedback.render_lines(feedback.size.region)]

        short = feedback_lines()
        assert short[:6] == [
            "Matches the evidence",
            "Your answer: No",
            "Press a number to change your answer. If the choices are out of view, the",
            "first press brings them back.",
            "The answer: No",
            "On the bus you sit inside, so rain does not get you wet.",
        ]
        assert "" not in short
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        tall = feedback_lines()
        assert tall[:9] == ["Matches the evidence", "", *short[1:4], "", "The answer: No", "", short[5]]
        assert [line for line in tall if line] == short
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        assert feedback_lines() == short
