"""The Textual app: screens, bindings and themes. It shows and collects; it owns no rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen

from decisionaid.content import Pack
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.journey import Journey
from decisionaid.core.session import Session, Stage
from decisionaid.storage.settings import Settings, load_settings, save_settings
from decisionaid.storage.store import SessionStore
from decisionaid.tui.idle import IdleWatch, minutes_words
from decisionaid.tui.screens.base import AidScreen
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from decisionaid.tui.shutdown import catch_exit_signals, exit_status
from decisionaid.tui.themes import THEMES
from decisionaid.tui.widgets.too_small import TooSmall, too_small

LEAVE_TIP = "Leave; your answers are already saved"


class DecisionAidApp(App[int]):
    """The decision aid for one content pack, with answers autosaved to `store`."""

    CSS_PATH = "app.tcss"
    TITLE = "decisionaid"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]
    BINDINGS = [
        Binding("f2", "crisis", "Crisis help", priority=True, id="crisis", tooltip="Crisis lines, from any screen"),
        Binding("question_mark", "help", "Keys", key_display="?", id="help", tooltip="Every key on this screen"),
        Binding("q", "quit", "Quit", id="quit", tooltip=LEAVE_TIP),
        Binding("ctrl+c", "quit", "Quit", show=False, id="quit-ctrl-c", tooltip=LEAVE_TIP),
    ]

    def __init__(
        self,
        pack: Pack,
        store: SessionStore,
        *,
        theme: str | None = None,
        settings_path: Path | None = None,
        export_dir: Path | None = None,
        kiosk: bool = False,
        idle_seconds: float = 600,
        local_help: str | None = None,
    ) -> None:
        super().__init__()
        for extra in THEMES:
            self.register_theme(extra)
        self.settings_path = settings_path
        saved = load_settings(settings_path).theme if settings_path else None
        chosen = theme or saved
        if chosen in self.available_themes:
            self.theme = chosen
        self.pack = pack
        self.store = store
        self.export_dir = export_dir
        self.journey = Journey(pack)
        self.session, self.notices = store.load(pack)
        self.sub_title = pack.meta.title
        self.sources_open = False
        self.leaving = False
        self.kiosk = kiosk
        self.idle_seconds = idle_seconds
        self.local_help = local_help
        self.idle: IdleWatch | None = None
        self._first_theme = self.theme
        self._restore_signals: Callable[[], None] | None = None

    def on_mount(self) -> None:
        self._restore_signals = catch_exit_signals(self.leave_on_signal)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._fit_window)
        if self.kiosk:
            self.idle = IdleWatch(self, self.idle_seconds, self.start_afresh)
        self.push_screen(WelcomeScreen())

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
                screen.mount(TooSmall())

    # --- moving through the journey ------------------------------------------------

    async def start(self) -> None:
        """Begin with fresh answers at the first card."""
        self.session = Session.new(self.pack)
        self.notices = []
        await self.go(*self.journey.first("cards"))

    async def resume(self) -> None:
        """Go back to where the saved answers left off."""
        if self.session is None:
            await self.start()
            return
        stage, position = self.session.stage, self.session.position
        if stage == "welcome":
            stage, position = self.journey.first("cards")
        await self.go(*self.journey.clamp(stage, position))

    async def step(self, delta: int) -> None:
        """Move one step forward (1) or back (-1)."""
        if self.session is None:
            return
        here = (self.session.stage, self.session.position)
        await self.go(*(self.journey.next(*here) if delta > 0 else self.journey.previous(*here)))

    async def go(self, stage: Stage, position: int = 0, *, export: bool = False) -> None:
        """Record the place, save, and show its screen; the next key waits until it is shown."""
        if self.leaving:
            return
        if self.session is None:
            self.session = Session.new(self.pack)
        stage, position = self.journey.arrive(self.session, stage, position)
        self.save()
        from decisionaid.tui.screens.card import CardScreen

        if stage == "cards" and isinstance(self.screen, CardScreen):
            await self.screen.show(position)
            return
        await self.switch_screen(self.screen_for(stage, position, export=export))

    def screen_for(self, stage: Stage, position: int, *, export: bool = False) -> Screen:
        """The screen for a place; each is imported when first needed, to keep start-up short."""
        if stage == "cards":
            from decisionaid.tui.screens.card import CardScreen

            return CardScreen(position)
        if stage == "self_check":
            if position == len(self.pack.self_check.self_check):
                from decisionaid.tui.screens.learnt import LearntScreen

                return LearntScreen(position)
            from decisionaid.tui.screens.self_check import SelfCheckScreen

            return SelfCheckScreen(position)
        if stage == "values":
            from decisionaid.tui.screens.values import ValuesScreen

            return ValuesScreen(position)
        if stage == "sure":
            from decisionaid.tui.screens.sure import SureScreen

            return SureScreen(position)
        if stage == "summary":
            from decisionaid.tui.screens.summary import SummaryScreen

            return SummaryScreen(export=export)
        return WelcomeScreen()

    # --- saving and forgetting -------------------------------------------------------

    def save_now(self) -> None:
        """Save at once, including text typed on any open screen that is waiting to be saved."""
        for screen in self.screen_stack:
            if isinstance(screen, AidScreen):
                screen.keep_typing()
        self.save()

    def save(self) -> None:
        """Autosave; a failure is reported in one line and the answers stay on screen."""
        problem = self.store.save_or_explain(self.session)
        if problem:
            self.notify(problem, severity="error")

    async def delete_answers(self) -> None:
        self.store.delete()
        self.session = None
        self.notices = ["Your answers were deleted."]
        await self.switch_screen(WelcomeScreen())

    async def start_afresh(self) -> None:
        """Kiosk, after the idle time: clear the answers and show the welcome, ready for the next person."""
        self.session = None
        self.store.delete()
        self.notices = [load_catalogue()("kiosk.restarted", minutes=minutes_words(self.idle_seconds))]
        self.sources_open = False
        self.theme = self._first_theme
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(WelcomeScreen())

    def confirm_start_over(self) -> None:
        from decisionaid.tui.screens.confirm import ConfirmScreen

        async def start_over(confirmed: bool | None) -> None:
            if confirmed:
                self.store.delete()
                await self.start()

        self.push_screen(ConfirmScreen("Start over? This clears every answer saved so far.", "Start over"), start_over)

    def confirm_delete(self) -> None:
        from decisionaid.tui.screens.confirm import ConfirmScreen

        async def delete(confirmed: bool | None) -> None:
            if confirmed:
                await self.delete_answers()

        self.push_screen(
            ConfirmScreen(f"Delete your saved answers? The file {self.store.path} will be removed.", "Delete"), delete
        )

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        self.notify(Content(load_catalogue()("download.failed", reason=str(event.exception))), severity="error")

    def _remember_theme(self, _theme: object) -> None:
        if self.settings_path is None:
            return
        try:
            save_settings(Settings(theme=self.theme), self.settings_path)
        except OSError as exc:
            self.notify(f"Could not save the theme choice: {exc}", severity="warning")

    # --- keys everywhere -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "crisis" and isinstance(self.screen, CrisisScreen):
            return None
        return True

    def action_crisis(self) -> None:
        if not isinstance(self.screen, CrisisScreen):
            self.push_screen(CrisisScreen())

    def action_help(self) -> None:
        from decisionaid.tui.screens.help import HelpScreen, help_rows

        self.push_screen(HelpScreen(self.screen.title or self.title, help_rows(self, self.screen.active_bindings)))

    async def action_quit(self) -> None:
        """q, Ctrl+Q, and Ctrl+C when no text is selected to copy: save everything and leave."""
        self.leaving = True
        self.save_now()
        self.exit(0)

    def leave_on_signal(self, signum: int) -> None:
        """SIGTERM, SIGHUP or SIGINT: save first, then leave cleanly, restoring the terminal."""
        self.leaving = True
        self.save_now()
        self.exit(return_code=exit_status(signum))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Crisis help", "Crisis lines you can contact now", self.action_crisis)
        yield SystemCommand("Go to summary", "Your questions for the clinician", self._summary_anywhere)
        yield SystemCommand("Export questions", "Save your questions as a text file", self._export_anywhere)
        yield SystemCommand("Start over", "Clear every answer and begin again", self.confirm_start_over)
        yield SystemCommand("Delete my answers", "Remove the saved answers file", self.confirm_delete)
        yield SystemCommand("Change theme", "Colours, including high contrast", self.action_change_theme)
        yield SystemCommand("Keys", "Every key on this screen", self.action_help)
        yield SystemCommand("Quit", "Leave; your answers are saved", self.action_quit)

    async def _summary_anywhere(self) -> None:
        await self.go("summary")

    async def _export_anywhere(self) -> None:
        from decisionaid.tui.screens.summary import SummaryScreen

        if isinstance(self.screen, SummaryScreen):
            self.screen.action_export()
        else:
            await self.go("summary", export=True)
