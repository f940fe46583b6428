"""The Textual app: it moves between screens and shows what the controller reports; it owns no rules."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Awaitable, Callable, Iterable
from contextlib import suppress
from functools import partial
from pathlib import Path

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen

from decisionaid.core.controller import Controller, Outcome
from decisionaid.core.faults import FAULT_STATUS, fault_report
from decisionaid.core.journey import Place
from decisionaid.core.kiosk import PERSONAL, Site
from decisionaid.core.pages.steps import StepPage
from decisionaid.core.session import Stage
from decisionaid.tui import speedups
from decisionaid.tui.actions import AidActions, AidThemes
from decisionaid.tui.collector import settled
from decisionaid.tui.fields import takes_typing
from decisionaid.tui.idle import IdleWatch
from decisionaid.tui.keys import KeyLabels, page_keys
from decisionaid.tui.messages import Changed, DeleteRequested, GoTo, Move, ResumeRequested, StartRequested
from decisionaid.tui.screens.base import AidScreen, StepScreen
from decisionaid.tui.screens.changes import ChangesScreen
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from decisionaid.tui.shutdown import catch_exit_signals, exit_status
from decisionaid.tui.terminal import safe_driver
from decisionaid.tui.themes import THEMES
from decisionaid.tui.widgets.too_small import TooSmall, too_small

SUMMARY_MODULES = ("summary", "export")  # the summary's code brings a text editor and the export renderers

OPENING_NOTE_SECONDS = 12
SCREENS = {  # the screen that shows each kind of page: module and class
    "compare": ("decisionaid.tui.screens.compare", "CompareScreen"),
    "card": ("decisionaid.tui.screens.card", "CardScreen"),
    "contents": ("decisionaid.tui.screens.contents", "ContentsScreen"),
    "question": ("decisionaid.tui.screens.self_check", "SelfCheckScreen"),
    "offers": ("decisionaid.tui.screens.offers", "OffersScreen"),
    "value": ("decisionaid.tui.screens.values", "ValuesScreen"),
    "sure": ("decisionaid.tui.screens.sure", "SureScreen"),
    "summary": ("decisionaid.tui.screens.summary", "SummaryScreen"),
}


def import_screens(modules: Iterable[str] | None = None) -> None:
    """Import screens' modules (every one but the summary's, by default) off the interface's thread, so that the
    first visit to a screen does not wait for its code (each is still imported where it is first used)."""
    import pkgutil
    from importlib import import_module

    from decisionaid.tui import screens

    names = [m.name for m in pkgutil.iter_modules(screens.__path__) if m.name not in SUMMARY_MODULES]
    for name in names if modules is None else modules:
        import_module(f"{screens.__name__}.{name}")


def settle() -> None:
    """Once the first screen is up: import the screens' code, then set aside everything made so far (Textual, the
    code, the pack, the sentences) from the garbage collector and let it run again (see tui.collector). It all
    lasts as long as the aid, and the collector's full passes, walking it all, had taken 60 ms and more in the
    middle of a key. A speed-up (`import_later` and `paint_later` in tui.speedups)."""
    try:
        import_screens()
    finally:
        settled()  # the collector runs again even if a screen's code failed to import here


class DecisionAidApp(App[int]):
    """The decision aid for one content pack; every change goes through `controller`."""

    CSS_PATH = "app.tcss"
    COMMANDS = {AidActions}  # the list of actions (Ctrl+P): the aid's own, in its words
    TITLE = "decisionaid"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]
    BINDINGS = [  # each description names its words in the catalogue (see tui.keys)
        Binding("f2", "crisis", "crisis", priority=True, id="crisis"),
        Binding("question_mark", "help", "help", key_display="?", priority=True, id="help"),  # in dialogs too
        Binding("m", "map", "map", id="map"),
        Binding("q", "quit", "quit", id="quit"),
        Binding("q", "new_person", "new_person", id="new-person"),  # on a shared computer, in place of quitting
        Binding("ctrl+c", "quit", "quit", show=False, id="quit-ctrl-c"),
        Binding("ctrl+q", "quit", "quit_app", show=False, priority=True, id="quit-ctrl-q"),
        Binding("ctrl+p", "command_palette", "command_palette", show=False, priority=True, id="command-palette"),
    ]

    def __init__(
        self,
        controller: Controller,
        *,
        theme: str | None = None,
        export_dir: Path | None = None,
        site: Site = PERSONAL,
        opening: Place | None = None,
    ) -> None:
        super().__init__()
        for extra in THEMES:
            self.register_theme(extra)
        chosen = theme or controller.saved_theme()
        if chosen in self.available_themes:
            self.theme = chosen
        self.controller = controller
        controller.save_after(self._save_when_drawn)
        self.words = controller.words
        self.key_labels = KeyLabels(self.words)
        self.keys = page_keys(self.words)
        self.export_dir = export_dir
        self.sub_title = controller.pack.meta.title
        self.leaving = False
        self.farewell: str | None = None
        self.last_problem: str | None = None
        self.hint_for_next_page = False  # a hint said for the page being shown next (see tui.hints)
        self.site = site
        self.opening = opening  # a step to open at, for an author's look, instead of the welcome
        self.idle: IdleWatch | None = None
        # The export dialog's "put the note in the record" box, as last saved: kept for this run only (never
        # saved), and unticked again whenever the answers are cleared.
        self.note_in_record = False
        self._first_theme = self.theme
        self._restore_signals: Callable[[], None] | None = None

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, with output that survives a terminal closing while it writes (see tui.terminal)."""
        return safe_driver(super().get_driver_class())

    def on_mount(self) -> None:
        self._restore_signals = catch_exit_signals(self.leave_on_signal)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._fit_window)
        if self.site.kiosk:
            self.idle = IdleWatch(self, self.site.idle_seconds, self.start_afresh, self.words)
        if self.opening is None:
            self.push_screen(WelcomeScreen(self.controller, self.site))
            if changed := self.controller.what_changed():
                self.push_screen(ChangesScreen(changed, self.words), self._changes_seen)
        else:
            self.show_outcome(self.controller.go(*self.opening))
            self.push_screen(self.screen_for(self.controller.page(self.keys)))
            self.notify(self.words("at.note"), markup=False, timeout=OPENING_NOTE_SECONDS)
        if self.controller.open_elsewhere:
            from decisionaid.tui.screens.open_elsewhere import OpenElsewhereScreen

            self.push_screen(OpenElsewhereScreen(self.controller), self._opened)
        if speedups.on("import_later"):
            self.call_after_refresh(self.run_worker, settle, thread=True, exit_on_error=False)

    async def _changes_seen(self, place: tuple[Stage, int] | None) -> None:
        """What changed was shown: this version is the one last used; a line chosen opens its item."""
        self.show_outcome(self.controller.changes_seen())
        if place is not None:
            await self.go(*place)

    async def _opened(self, claimed: bool | None) -> None:
        """The answers that were open elsewhere are ours now: the welcome shows them afresh."""
        if claimed:
            await self.switch_screen(WelcomeScreen(self.controller, self.site))
            self.notify(self.words("lock.claimed"), markup=False)

    def on_unmount(self) -> None:
        if self._restore_signals is not None:
            self._restore_signals()

    # --- the window ------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if self.idle is not None and isinstance(event, events.InputEvent | events.Paste) and not event.is_forwarded:
            self.idle.touch()
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_window)

    def _fit_window(self, _screen: object = None) -> None:
        """While the window is too small, cover each open screen with a message; crisis help stays readable."""
        small = too_small(*self.size)
        for screen in self.screen_stack:
            covers = screen.query(TooSmall)
            if not small:
                covers.remove()
            elif not covers and not isinstance(screen, CrisisScreen):
                screen.mount(TooSmall(self.words, help_now=self.controller.pack.help_now))

    # --- moving through the journey ------------------------------------------------

    @on(Changed)
    def report(self, message: Changed) -> None:
        self.show_outcome(message.outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        """A problem from the controller, in one line, once until something works again; the answers stay on
        screen."""
        if outcome.problem and outcome.problem != self.last_problem:
            self.notify(outcome.problem, severity="error", markup=False)
        self.last_problem = outcome.problem

    @on(Move)
    async def move(self, message: Move) -> None:
        await self.go(*self.controller.step(message.delta))

    @on(GoTo)
    async def go_to(self, message: GoTo) -> None:
        await self.go(message.stage, message.position, export=message.export)

    @on(StartRequested)
    async def start(self) -> None:
        """Begin with fresh answers at the first step; with answers saved, ask first."""
        if self.controller.started:
            self.confirm_start_over()
            return
        self.show_outcome(self.controller.start())
        await self.show(*self.controller.place)

    @on(ResumeRequested)
    async def resume(self) -> None:
        """Go back to where the saved answers left off."""
        await self.go(*self.controller.resume_place())

    @on(DeleteRequested)
    def delete(self) -> None:
        self.confirm_delete()

    async def go(self, stage: Stage, position: int = 0, *, export: bool = False) -> None:
        """Record the place, save, and show its screen; the next key waits until it is shown."""
        if self.leaving:
            return
        self.show_outcome(self.controller.go(stage, position))
        await self.show(*self.controller.place, export=export)

    async def show(self, stage: Stage, position: int, *, export: bool = False) -> None:
        """Show the page at a place: in place on the screen already up when it shows that kind of page (another
        card, another question of the same step; the speed-up `in_place`, tui.speedups), or on a new screen."""
        place = (stage, position)
        if stage == "welcome":
            await self.switch_screen(WelcomeScreen(self.controller, self.site))
            return
        page = self.controller.page(self.keys, place)
        screen = self.screen
        if speedups.on("in_place") and isinstance(screen, StepScreen) and screen.shows_in_place(page):
            await screen.show(page)
        else:
            await self.switch_screen(self.screen_for(page, export=export))
        if self.controller.journey.next(*place)[0] == "summary" and stage != "summary":
            self._prepare_summary()

    def _prepare_summary(self) -> None:
        """The summary's code, imported in the background once the step before it is up (`import_later`): kept out
        of the start, where it would take memory and time that few first minutes need."""
        if "decisionaid.tui.screens.summary" in sys.modules or not speedups.on("import_later"):
            return  # imported already, or left to be imported where it is first used
        summary_code = partial(import_screens, SUMMARY_MODULES)
        self.call_after_refresh(self.run_worker, summary_code, thread=True, exit_on_error=False)

    def screen_for(self, page: StepPage, *, export: bool = False) -> Screen:
        """The screen for a page model, by its kind; each screen's code is imported when first needed."""
        module, name = SCREENS[page.kind]
        screen_class = getattr(importlib.import_module(module), name)
        if page.kind == "summary":
            return screen_class(self.controller, page, export=export, export_dir=self.export_dir)
        if page.kind == "contents":
            return screen_class(self.controller, page, read_last=self.card_on_screen())
        return screen_class(self.controller, page)

    def card_on_screen(self) -> int | None:
        """The position of the card on screen now, if a card is: the card list opens on it."""
        model = getattr(self.screen, "model", None)
        return model.place[1] if getattr(model, "kind", "") == "card" else None

    # --- saving and forgetting -------------------------------------------------------

    def keep_typing(self) -> None:
        """Hand the controller text typed on any open screen that is still waiting to be recorded."""
        for screen in self.screen_stack:
            if isinstance(screen, AidScreen):
                screen.keep_typing()

    def confirm_start_over(self) -> None:
        self._confirm_then(self.words("confirm.start_over"), self.words("confirm.start_over_button"), self._start_over)

    def confirm_delete(self) -> None:
        question = self.words("confirm.delete", path=self.controller.answers.path)
        self._confirm_then(question, self.words("confirm.delete_button"), self._delete)

    def _confirm_then(self, question: str, button: str, act: Callable[[], Awaitable[None]]) -> None:
        """Ask first; only a yes carries out `act`."""
        from decisionaid.tui.screens.confirm import ConfirmScreen

        async def answered(confirmed: bool | None) -> None:
            if confirmed:
                await act()

        self.push_screen(ConfirmScreen(question, button, self.words), answered)

    async def _start_over(self) -> None:
        outcome = self.controller.start_over()
        self.show_outcome(outcome)
        if outcome.done:
            self.note_in_record = False
            await self.show(*self.controller.place)

    async def _delete(self) -> None:
        outcome = self.controller.delete()
        self.show_outcome(outcome)
        if outcome.done:
            self.note_in_record = False
            await self.switch_screen(WelcomeScreen(self.controller, self.site))

    async def start_afresh(self, notice: str | None = None) -> None:
        """Kiosk, after the idle time (or when asked, saying `notice`): clear the answers and show the welcome,
        ready for the next person."""
        notice = notice or self.words("kiosk.restarted", minutes=self.site.idle_words(self.words))
        self.show_outcome(self.controller.clear_for_next_person(notice))
        self.theme = self._first_theme
        self.note_in_record = False
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(WelcomeScreen(self.controller, self.site))

    def _save_when_drawn(self, save: Callable[[], Outcome]) -> None:
        """Answers are saved just after the screen shows them, so a key is never kept waiting on the disk."""
        self.call_after_refresh(lambda: self.show_outcome(save()))

    def _remember_theme(self, _theme: object) -> None:
        self.show_outcome(self.controller.remember_theme(self.theme))

    # --- keys everywhere -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("quit", "new_person"):  # a shared computer never leaves to its shell from a key
            return (action == "new_person") == self.site.kiosk
        if action == "crisis" and not self.controller.pack.help_now:
            return False  # a pack without help-now lines shows neither the key nor the wording
        if action == "crisis" and isinstance(self.screen, CrisisScreen):
            return None
        if action == "help":  # a text field types "?"
            return not takes_typing(self.screen.focused)
        return True

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and the keys help write it, in the interface's language."""
        return self.key_labels.key_name(super().get_key_display(binding))

    def action_command_palette(self) -> None:
        """Textual's command palette, its search field's hint in the interface's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=self.words("command.search"), id="--command-palette"))

    def search_themes(self) -> None:
        """Textual's list of themes to choose from, its search field's hint in the interface's language."""
        self.push_screen(CommandPalette(providers=[AidThemes], placeholder=self.words("command.search_themes")))

    def action_map(self) -> None:
        """The map of the aid over the current screen; choosing a part goes there, Escape stays."""
        from decisionaid.tui.screens.map import MapScreen

        if isinstance(self.screen, MapScreen) or self.leaving:
            return
        all_cards = ("cards", self.controller.journey.counts["cards"])

        async def chosen(place: tuple[Stage, int] | None) -> None:
            if place is None:
                return
            while len(self.screen_stack) > 2 and not isinstance(self.screen, AidScreen):
                await self.pop_screen()  # a dialog the map was opened over closes, changing nothing
            self.keep_typing()
            await self.go(*place)

        self.push_screen(MapScreen(self.controller.aid_map(), all_cards, self.words), chosen)

    def action_crisis(self) -> None:
        if not isinstance(self.screen, CrisisScreen):
            self.push_screen(CrisisScreen(self.controller, local_help=self.site.local_help))

    def action_about(self) -> None:
        """About this aid, over the current screen."""
        from decisionaid.tui.screens.about import AboutScreen

        if not isinstance(self.screen, AboutScreen):
            self.push_screen(AboutScreen(self.controller))

    def action_help(self) -> None:
        from decisionaid.tui.screens.help import HelpScreen, help_rows

        if isinstance(self.screen, HelpScreen):  # ? opens the keys help, in a dialog too, and closes it
            self.screen.dismiss()
            return
        screen = self.screen
        rows = help_rows(self, screen.active_bindings)
        boxed = [str(box.border_title) for box in screen.query(".dialog") if box.border_title]  # a dialog's name
        self.push_screen(HelpScreen(screen.title or next(iter(boxed), self.title), rows, self.words))

    async def action_new_person(self) -> None:
        """Kiosk: ask first, saying what is deleted; then the next person gets a fresh welcome. With no answers
        yet there is nothing to delete or ask about: the welcome is shown fresh, saying so."""
        if not self.controller.started:
            await self.start_afresh(self.words("kiosk_quit.nothing"))
            return
        notice = self.words("kiosk_quit.done")
        self._confirm_then(
            self.words("kiosk_quit.confirm"), self.words("kiosk_quit.button"), partial(self.start_afresh, notice)
        )

    async def action_quit(self) -> None:
        """q, Ctrl+Q, and Ctrl+C when no text is selected to copy: save everything and leave."""
        self.leave(0)

    def leave_on_signal(self, signum: int) -> None:
        """SIGTERM, SIGHUP or SIGINT: save first, then leave cleanly, restoring the terminal."""
        self.leave(exit_status(signum))

    def leave(self, status: int) -> None:
        """Save and exit; when the save fails, the status says so and a line on leaving says where answers are."""
        self.leaving = True
        self.keep_typing()
        outcome = self.controller.leave()
        if not outcome.saved:
            self.farewell = " ".join(filter(None, (outcome.problem, outcome.said)))
            status = status or 1
        self.exit(return_code=status)

    def _fatal_error(self) -> None:
        """A fault in the aid. Textual's own report prints a traceback with every local variable, and so what a
        person typed; this one saves what it can and keeps for the farewell line only the kind of fault and
        where it was (Textual's hook, private: the one place the aid reaches into Textual's workings)."""
        error = sys.exc_info()[1] or self._exception
        with suppress(Exception):  # the fault may be in keeping what is typed: the rest is still saved
            self.keep_typing()
        try:
            outcome = self.controller.leave()
            answers = " ".join(filter(None, (outcome.problem, outcome.said))) or self.words("leave.saved")
        except Exception:
            answers = self.words("leave.lost")
        self.farewell = fault_report(error, self.words, answers) if error else None
        self._return_code = FAULT_STATUS
        self.bell()
        self._close_messages_no_wait()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        words = self.words
        if self.controller.pack.help_now:
            yield SystemCommand(words("command.crisis"), words("command.crisis_help"), self.action_crisis)
        yield SystemCommand(words("command.map"), words("command.map_help"), self.action_map)
        yield SystemCommand(words("about.command"), words("about.command_help"), self.action_about)
        if self.controller.journey.lengths["compare"]:
            yield SystemCommand(words("command.compare"), words("command.compare_help"), self._compare_anywhere)
        yield SystemCommand(words("command.summary"), words("command.summary_help"), self._summary_anywhere)
        yield SystemCommand(words("command.export"), words("command.export_help"), self._export_anywhere)
        yield SystemCommand(words("command.start_over"), words("command.start_over_help"), self.confirm_start_over)
        yield SystemCommand(words("command.delete"), words("command.delete_help"), self.confirm_delete)
        yield SystemCommand(words("command.theme"), words("command.theme_help"), self.action_change_theme)
        yield SystemCommand(words("command.keys"), words("command.keys_help"), self.action_help)
        if self.site.kiosk:
            yield SystemCommand(
                words("bindings.new_person.label"), words("bindings.new_person.tip"), self.action_new_person
            )
        else:
            yield SystemCommand(words("command.quit"), words("command.quit_help"), self.action_quit)

    async def _compare_anywhere(self) -> None:
        await self.go("compare")

    async def _summary_anywhere(self) -> None:
        await self.go("summary")

    async def _export_anywhere(self) -> None:
        from decisionaid.tui.screens.summary import SummaryScreen

        if isinstance(self.screen, SummaryScreen):
            self.screen.action_export()
        else:
            await self.go("summary", export=True)
