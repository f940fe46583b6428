"""Every word of the interface comes from the catalogue or the pack: proved with a pseudo-language.

The pseudo-language is English with every catalogue text marked ⟦like this⟧ (tests/pseudo.py). Both front ends
are walked through in it, every screen, dialog and export; once the marked spans are taken away, a word left over
that is not the pack's own was written somewhere else, and the failure names it with the place it was shown.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core import catalogue, formats
from decisionaid.core.catalogue import load_catalogue, words_for
from tests import pseudo
from tests.pseudo import PSEUDO, Reading


@pytest.fixture
def pseudo_language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The catalogue's languages, with the pseudo-language among them; its dates are written as English's."""
    monkeypatch.setattr(catalogue, "LOCALES", pseudo.write_locales(tmp_path / "locales"))
    monkeypatch.setitem(formats.BABEL_LOCALES, PSEUDO, formats.babel_locale("en"))
    load_catalogue.cache_clear()
    yield PSEUDO
    load_catalogue.cache_clear()


def test_the_pseudo_language_marks_every_text_and_the_check_finds_what_is_not_marked(
    pseudo_language, commute_pack: Pack
):
    english, marked = load_catalogue("en"), load_catalogue(pseudo_language)
    assert set(marked.entries) == set(english.entries) and pseudo_language in catalogue.languages()
    assert marked("card.progress", n=2, total=5) == "⟦Card ⟧2⟦ of ⟧5⟦⟧"
    assert marked("prompt.no_sources") == "⟦This page has no sources.⟧" and marked.vocabulary["expert"] == "⟦adviser⟧"
    left = marked("progress.left", minutes=marked("time.about", count=4))
    assert left == "⟦⟧⟦about ⟧4⟦ minutes⟧⟦ left⟧" and pseudo.unmarked(left).split() == ["4"]
    assert pseudo.unmarked("⟦Card ⟦2 of\n 5⟧⟧ Two ways ⟦to ⟦go⟧⟧ home").split() == ["Two", "ways", "home"]
    reading = Reading(commute_pack)
    reading.read("a card", f"{marked('card.progress', n=2, total=5)} Good points of cycling Press Enter")
    reading.read("a status line", marked("summary.saved_to", path="somewhere else"))
    reading.read("a date", marked("crisis.checked", day=marked.date(date(2026, 1, 5))))
    assert reading.stray == {"a card": {"press", "enter"}, "a status line": {"somewhere", "else"}}
    assert "  a card: enter, press\n" in reading.report()


# --- the full-screen aid -------------------------------------------------------------------------------------------


def _plain(value: object) -> str:
    """The words of a text Textual shows (a string, Content or Rich Text); anything else shows none."""
    from rich.text import Text
    from textual.content import Content

    if isinstance(value, Content | Text):
        return value.plain
    return value if isinstance(value, str) else ""


def shown_on(app) -> str:
    """Everything the screen on top shows or can show: each widget's text, its border's titles and its tooltip,
    and the keys the footer and the keys help name."""
    from textual.widgets import DataTable, Input, OptionList, TextArea

    from decisionaid.tui.screens.help import help_rows
    from decisionaid.tui.widgets.title_bar import TitleLine
    from decisionaid.tui.widgets.wrapped_text import WrappedText

    screen, parts = app.screen, []
    for widget in [screen, *screen.query("*")]:
        parts += [_plain(widget.border_title), _plain(widget.border_subtitle), _plain(widget.tooltip)]
        if isinstance(widget, Input):
            parts += [widget.value, _plain(widget.placeholder)]
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, OptionList):
            parts += [_plain(option.prompt) for option in widget.options]
        elif isinstance(widget, WrappedText):  # drawn wrapped to the window's width
            parts.append(_plain(widget.content))
        elif isinstance(widget, TitleLine):  # drawn cut to the window's width
            parts += [widget.heading, widget.progress, widget.progress_short]
        elif isinstance(widget, DataTable):
            parts += [_plain(column.label) for column in widget.columns.values()]
            parts += [_plain(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
        else:
            parts.append(_plain(widget.render()))
    parts += [f"{row.keys} {row.description}" for row in help_rows(app, screen.active_bindings)]
    return "\n".join(parts)


class Walk:
    """A person at the keyboard, reading each screen they reach."""

    def __init__(self, pilot, reading: Reading) -> None:
        self.pilot, self.app, self.reading = pilot, pilot.app, reading
        self.notices: list[str] = []  # those not yet read
        self.notified: list[str] = []
        self.screens: set[str] = set()  # the names of the screens read
        notify = self.app.notify

        def noted(message, *args, **kwargs):
            self.notices.append(" ".join([str(message), str(kwargs.get("title", ""))]))
            self.notified.append(self.notices[-1])
            return notify(message, *args, **kwargs)

        self.app.notify = noted

    def look(self, where: str) -> None:
        screen = type(self.app.screen).__name__
        self.screens.add(screen)
        self.reading.read(f"{where} ({screen})", shown_on(self.app))
        for notice in self.notices:
            self.reading.read(f"a notification, after {where}", notice)
        self.notices.clear()

    async def press(self, *keys: str, then: str | None = None) -> None:
        """Press the keys; then, given where that leads, read the screen."""
        await self.pilot.press(*keys)
        if then is not None:
            self.look(then)

    async def until(self, done: Callable[[], bool]) -> None:
        """Let the app work until `done` holds (a list filled in the background, a page laid out)."""
        for _ in range(200):
            if done():
                return
            await self.pilot.pause()
        raise AssertionError("the app never got there")


async def test_every_screen_and_dialog_of_the_full_screen_aid_says_only_catalogue_and_pack_words(
    pseudo_language, handout_pack: Pack, tmp_path: Path
):
    from textual.widgets import Input

    from decisionaid.tui.factory import make_app
    from decisionaid.tui.screens.changes import ChangesScreen
    from decisionaid.tui.screens.still_there import StillThereScreen
    from decisionaid.tui.widgets.too_small import TooSmall
    from tests.conftest import changes_page

    words = words_for(handout_pack, language=pseudo_language)
    app = make_app(handout_pack, theme="textual-dark", export_dir=tmp_path, words=words)
    saved = tmp_path / "handout.txt"
    system_words = os.strerror(errno.ENOENT)  # the system's own reason may follow the aid's sentence
    hide = [str(saved), *folders(tmp_path), "/proc/nope/x.txt", system_words]
    reading = Reading(handout_pack, hide=hide, allowed=names_in(app))
    async with app.run_test(size=(80, 24)) as pilot:
        walk = Walk(pilot, reading)
        await pilot.pause()
        walk.look("the welcome")
        await walk.press("question_mark", then="the keys of the welcome")
        await walk.press("escape", "a", then="about this aid")
        await walk.press("escape", "s", then="the options at a glance")
        await walk.press("ctrl+p")
        await walk.until(lambda: listed(app))
        walk.look("the command palette")
        await walk.press("escape", "m", then="the map")
        await walk.press("escape", "f2", then="crisis help")
        await walk.press("escape", "n", "s", then="a card and its sources")
        await walk.press("question_mark", then="the keys of a card")
        await walk.press("escape", "n", then="a card with a figure")
        await walk.press("m", "3", then="the list of every card")
        await walk.press("2", then="a section of the list opened")
        await walk.press("n", then="a self-check question")
        await walk.press("1", then="the self-check's feedback")
        await walk.press("r", then="the card it is about")
        await walk.press("escape", "n", then="what you learnt")
        await walk.press("1", then="a self-check question left out of the short path")
        await walk.press("3", then="its feedback, not sure")
        await walk.press("n", "n", then="what matters to you")
        await walk.press("1", "n", "1", then="a private question answered")
        await walk.press("n", then="more about what matters")
        await walk.press("n", "2", then="a SURE question answered no")
        await walk.press("m", "7", then="the summary, asking who fills it in")
        await walk.press("1")
        await walk.until(lambda: bool(app.screen.query("#rest")))
        walk.look("the summary and the handout")
        app.screen.query_one("#question-q-rain").focus()
        await walk.press("s", then="a question starred")
        typed = app.screen.query_one("#own-input", Input)
        typed.value = "Is the bus late on rainy days?"  # the pack's words, as a person might type them
        typed.focus()
        await walk.press("enter", then="a question of one's own added")
        await walk.press("escape", "e", then="the export dialog")
        path = app.screen.query_one("#path", Input)
        path.value = ""
        await walk.press("enter", then="the export dialog, with no file name")
        path.value = str(saved)
        await walk.press("enter", then="the handout saved")
        await walk.press("e")
        app.screen.query_one("#path", Input).value = str(saved)
        await walk.press("enter", then="replace the file?")
        await walk.press("y", then="the file replaced")
        reading.read("the handout saved as text", saved.read_text(encoding="utf-8"))
        await walk.press("e")
        app.screen.query_one("#path", Input).value = "/proc/nope/x.txt"
        await walk.press("enter", then="the export dialog, saving where nothing can be written")
        await walk.press("escape")
        app.confirm_start_over()
        await pilot.pause()
        walk.look("start over?")
        await walk.press("n")
        await app.push_screen(StillThereScreen(words, 30))
        walk.look("are you still there, on a shared computer")
        app.pop_screen()
        await app.push_screen(ChangesScreen(changes_page(handout_pack, words), words))
        walk.look("what changed since the last visit")
        app.pop_screen()
        app.action_change_theme()
        await walk.until(lambda: listed(app))
        walk.look("the list of themes")
        await walk.press("escape")
        await pilot.resize_terminal(30, 10)
        await walk.until(lambda: bool(app.screen.query(TooSmall)))
        walk.look("a window too small")
        await pilot.resize_terminal(80, 24)
        app.confirm_delete()
        await pilot.pause()
        walk.look("delete the answers?")
        await walk.press("y", then="the answers deleted")
    assert reading.stray == {}, reading.report()
    assert walk.screens >= every_screen() - {"OpenElsewhereScreen"}, "the next test shows that one"


async def test_answers_open_in_another_aid_are_read_without_saving_in_catalogue_words(
    pseudo_language, handout_pack: Pack, tmp_path: Path
):
    """The dialog about answers open elsewhere, the welcome with saved answers, and the words of reading only."""
    from decisionaid.core.controller import Controller
    from decisionaid.storage.lock import AnswersLock
    from decisionaid.storage.paths import session_path
    from decisionaid.storage.store import AnswersFile
    from decisionaid.tui.factory import make_app

    if not AnswersLock.supported:
        pytest.skip("no fcntl here: locking is not available")
    first = Controller(handout_pack, AnswersFile(session_path("commute")))
    first.start()
    first.answer_self_check("rain", "no")
    app = make_app(handout_pack, theme="textual-dark", words=words_for(handout_pack, language=pseudo_language))
    reading = Reading(handout_pack, hide=folders(tmp_path), allowed=names_in(app))
    async with app.run_test(size=(80, 24)) as pilot:
        walk = Walk(pilot, reading)
        await pilot.pause()
        walk.look("answers open elsewhere")
        await walk.press("w", then="waiting for the other aid")
        await walk.press("r", then="the welcome, with saved answers read only")
        await walk.press("o", then="start over?")
        await walk.press("y", then="start over, not done")
        await walk.press("r", "n", then="a step read only")
        await walk.press("q")
    kept_aside = str(app.controller.fallback)  # a temporary file's name
    reading.read("the line on leaving", (app.farewell or "").replace(kept_aside, " "))
    assert reading.stray == {}, reading.report()
    assert {"OpenElsewhereScreen", "WelcomeScreen", "ConfirmScreen", "CardScreen"} <= walk.screens
    assert any("⟦Not deleted: " in notice for notice in walk.notified) and app.farewell


async def test_answers_that_cannot_be_used_are_said_in_catalogue_words(
    pseudo_language, handout_pack: Pack, tmp_path: Path
):
    """The welcome over an answers file whose pack is a number: why it could not be read, and where it was kept."""
    from decisionaid.storage.paths import session_path
    from decisionaid.tui.factory import make_app

    answers = session_path("commute")
    answers.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    answers.write_text("schema_version = 2\npack = 5\n", encoding="utf-8")
    words = words_for(handout_pack, language=pseudo_language)
    app = make_app(handout_pack, theme="textual-dark", export_dir=tmp_path, words=words)
    kept = f"{answers}.bad-"
    reading = Reading(handout_pack, hide=folders(tmp_path), allowed=names_in(app))
    async with app.run_test(size=(100, 40)) as pilot:
        walk = Walk(pilot, reading)
        await pilot.pause()
        shown = re.sub(re.escape(kept) + r"[0-9-]+", " ", shown_on(app))
        assert "pack⟦: must be text⟧" in shown, "the welcome says which field, and why in the catalogue's words"
        reading.read("the welcome, over answers that cannot be used", shown)
        await walk.press("q")
    assert reading.stray == {}, reading.report()


def listed(app) -> bool:
    """The command palette on top has found what it lists."""
    return any(found.option_count for found in app.screen.query("CommandList"))


def every_screen() -> set[str]:
    """The names of the aid's screens and dialogs (the steps' shared bases left out)."""
    import importlib
    import inspect
    import pkgutil

    from textual.screen import Screen

    from decisionaid.tui import screens

    found = set()
    for module in pkgutil.iter_modules(screens.__path__):
        loaded = importlib.import_module(f"{screens.__name__}.{module.name}")
        for name, value in vars(loaded).items():
            if inspect.isclass(value) and issubclass(value, Screen) and value.__module__ == loaded.__name__:
                found.add(name)
    return found - {"AidScreen", "StepScreen", "ChoiceStepScreen", "OfferingScreen"}


def folders(tmp_path: Path) -> list[str]:
    """The test's folder and the answers file in it, as the aid names them."""
    from decisionaid.storage.paths import session_path

    return [str(session_path("commute")), str(tmp_path)]


def names_in(app) -> set[str]:
    """Names the aid shows as they are, in any language: its own, and those of the themes to choose from."""
    return pseudo.words_in([app.title, *app.available_themes])


# --- plain mode ------------------------------------------------------------------------------------------------------

# Every page and command of plain mode, on the commute pack with a private question, a fact and a belief.
PLAIN_WALK = [
    "h", "c", "",  # the welcome: its commands, crisis help, then start
    "s", "o", "r", "m", "",  # the table: its sources, by option, again, the map (stay there)
    "", "s", "b", "", "", "", "", "",  # the cards: one's sources, back to the table, on through the five
    "3", "1",  # the list of every card: the section left out of the short path, and a card in it
    "m", "4", "1", "o", "",  # the map to the self-check: an answer that differs, the card again
    "1", "3", "", "",  # what you learnt: the question left out, not sure; on to what matters
    "1", "1", "y", "1", "1", "",  # what matters, and about you (private, shown); the one left out
    "1", "2", "1", "1",  # SURE, one answer no
    "2",  # someone helping fills it in
    "1", "1", "2", "2",  # star one question, leave out another
    "3", "", "3", "Is the bus late on rainy days?", "4", "1", "3", "Is the bus late on rainy days?",
    "5", "Rain", "", "5", "", "y",  # a note, then deleted
    "6", "1", "7", "1", "8", "1",  # the leaning, a private answer left out, now the person themself
    "s", "m", "", "h",  # the sources, the map, the commands
    "9", "1", "", "9", "2", "", "9", "3", "",  # saved as text, Markdown and a web page
    "9", "1", "", "n", "b",  # the text again: not replaced, go back
    "9", "1", "/proc/nope/x.txt", "b",  # saved where nothing can be written: not saved, go back
    "q",
]  # fmt: skip
# Answers open in another aid: read them only; then start over (not done) and resume; quit.
PLAIN_READ_ONLY = ["2", "2", "y", "1", "q"]
# Answers saved: start over (no), delete (yes), then quit before starting again.
PLAIN_AGAIN = ["2", "n", "3", "y", "q"]
# An answers file that cannot be used: the welcome says why, then quit.
PLAIN_BROKEN = ["q"]


def test_plain_mode_and_its_exports_say_only_catalogue_and_pack_words(
    pseudo_language, handout_pack: Pack, handout_pack_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from decisionaid.core.controller import Controller
    from decisionaid.storage.lock import AnswersLock
    from decisionaid.storage.paths import session_path
    from decisionaid.storage.store import AnswersFile
    from tests.helpers import run_in_process

    system_words = os.strerror(errno.ENOENT)  # the system's own reason may follow the aid's sentence
    reading = Reading(handout_pack, hide=[*folders(tmp_path), "/proc/nope/x.txt", system_words])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where answers not saved are kept aside
    monkeypatch.setenv("TMPDIR", str(tmp_path))

    def plain(where: str, answers: list[str]) -> None:
        args = ("--plain", "--language", pseudo_language, "--pack", str(handout_pack_dir))
        result = run_in_process(*args, cwd=tmp_path, input="".join(f"{a}\n" for a in answers), env={"COLUMNS": "80"})
        assert result.returncode in (0, 1), result.stderr
        shown = result.stdout + result.stderr
        shown = re.sub(re.escape(str(tmp_path)) + r"[^\s,;:()⟦⟧]*", " ", shown)  # the test's files, kept aside or not
        reading.read(where, shown)

    plain("plain mode, the whole walk", PLAIN_WALK)
    saved = sorted(tmp_path.glob("*handout*"))
    assert [path.suffix for path in saved] == [".html", ".md", ".txt"]
    for path in saved:
        text = path.read_text(encoding="utf-8")
        reading.read(f"the handout saved as {path.suffix}", pseudo.page_text(text) if path.suffix == ".html" else text)
    exported = run_in_process("export", "--language", pseudo_language, "--pack", str(handout_pack_dir))
    reading.read("the handout printed by `decisionaid export`", exported.stdout + exported.stderr)
    if AnswersLock.supported:
        first = Controller(handout_pack, AnswersFile(session_path("commute")))
        plain("plain mode, answers open elsewhere", PLAIN_READ_ONLY)
        first.leave()
    plain("plain mode, with answers saved", PLAIN_AGAIN)
    assert not session_path("commute").exists(), "the walk went as far as deleting the answers"
    session_path("commute").write_text("schema_version = 2\npack = 5\n", encoding="utf-8")
    plain("plain mode, answers that cannot be used", PLAIN_BROKEN)
    assert reading.stray == {}, reading.report()


# Every part of plain mode in a short walk of the two laptop packs: the welcome's commands, the table's sources and
# its reading by option, the cards, a self-check answer that differs, a value, SURE, the handout's sources and map,
# and the handout saved as text.
PLAIN_SHORT_WALK = [
    "h", "", "s", "o", *[""] * 7, "1", "", "", "1", "", "", "1", "2", "1", "1", "s", "m", "", "9", "1", "", "q"
]  # fmt: skip


@pytest.mark.parametrize("kind", ["a language without a catalogue", "right to left"])
def test_plain_mode_says_only_catalogue_and_pack_words_for_packs_in_other_languages(
    pseudo_language, tmp_path: Path, kind: str
):
    """A pack in Catalan (no catalogue: the welcome says so, once) and the Arabic pack, written right to left (its
    numbers and names isolated), walked in the pseudo-language."""
    from decisionaid.content import load_pack
    from decisionaid.core.formats import language_name
    from tests.helpers import PORTATIL, TESTS, copy_pack, edit, run_in_process

    if kind == "right to left":
        folder = TESTS / "packs" / "hasoub"
    else:
        folder = copy_pack(PORTATIL, tmp_path / "pack")
        edit(folder, "pack.toml", 'language = "es"', 'language = "ca"')
    pack = load_pack(folder)
    named = [language_name(pack.meta.language, pseudo_language), pseudo_language]  # CLDR's names, as dates are
    reading = Reading(pack, hide=[str(tmp_path)], allowed=pseudo.words_in(named))
    args = ("--plain", "--language", pseudo_language, "--pack", str(folder))
    answers = "".join(f"{a}\n" for a in PLAIN_SHORT_WALK)
    result = run_in_process(*args, cwd=tmp_path, input=answers, env={"COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    reading.read(f"plain mode, a pack {kind}", result.stdout + result.stderr)
    assert [path.suffix for path in tmp_path.glob("*handout*")] == [".txt"], "the walk went as far as saving"
    assert reading.stray == {}, reading.report()
    notice = load_catalogue(pseudo_language)("interface_language.welcome", written=named[0], shown=named[1])
    assert " ".join(result.stdout.split()).count(" ".join(notice.split())) == 1, "the welcome says so, once"


def test_the_web_pages_say_only_catalogue_and_pack_words(pseudo_language, commute_pack: Pack, tmp_path: Path):
    """Every kind of web page, at every step of the journey, with the messages a session is shown."""
    from decisionaid.core.controller import Controller
    from decisionaid.serve import views
    from decisionaid.serve.app import ServeOptions, WebAid
    from decisionaid.serve.render import Message
    from decisionaid.serve.sessions import Aid, WebSession
    from decisionaid.storage.store import AnswersFile

    aid = WebAid(ServeOptions(pack=commute_pack, language=pseudo_language, kiosk=True))
    controller = Controller(commute_pack, AnswersFile(tmp_path / "answers.toml"), aid.words)
    session = WebSession("id", "token", Aid(controller), 0.0)
    reading = Reading(commute_pack, hide=[str(tmp_path), "Own question"])

    def read(where: str, view: object, *, with_session: bool = True) -> None:
        reading.read(where, pseudo.page_text(aid.renderer.html(view, session if with_session else None)))

    read("the welcome", views.welcome(controller, aid.site))
    controller.start()
    item = commute_pack.self_check[0]
    controller.answer_self_check(item.id, item.choices[0].id)
    controller.add_own_question("Own question")
    session.said.append(aid.words("web.stale"))
    for place in [*controller.journey.steps[1:], ("cards", 5)]:
        controller.go(*place)
        read(f"the step {place}", views.step(controller))
    read("the welcome, started", views.welcome(controller, aid.site))
    read("crisis help", views.crisis(commute_pack, aid.words, aid.site))
    read("the map", views.aid_map(controller))
    read("a card from the table", views.peek(controller, 1))
    for what in ("start_over", "delete", "new_person"):
        read(f"confirm {what}", views.Confirm(what))
    read("still there", views.StillThere(30))
    read("the page when full", Message(aid.words("web.full")), with_session=False)
    assert reading.places > 20
    assert reading.stray == {}, reading.report()
