"""The first screen: what the aid is and is not, and start, resume or delete."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal

from decisionaid.core.controller import Controller
from decisionaid.core.kiosk import PERSONAL, Site
from decisionaid.tui.hints import hint
from decisionaid.tui.keys import page_keys
from decisionaid.tui.messages import DeleteRequested, ResumeRequested, StartRequested
from decisionaid.tui.screens.base import AidScreen
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.page_lines import line_widgets


class WelcomeScreen(AidScreen):
    """Says what the aid does, how long it takes, how current its evidence is, and who paid for it."""

    TITLE_KEY = "welcome.title"
    AUTO_FOCUS = "#welcome"
    BINDINGS = [  # s only starts, on a first visit; with answers saved, starting over is o, so s never means both
        Binding("s", "start", "start", id="start"),
        # With answers saved, s says that r resumes and o starts over: never silent.
        Binding("s", "say_how_to_start", "say_how_to_start", show=False, id="start-on-return"),
        Binding("r", "resume", "resume", id="resume"),
        Binding("o", "start_over", "start_over", id="start-over"),
        Binding("d", "delete", "delete_answers", id="delete"),
        Binding("a", "app.about", "about", show=False, id="about"),  # in the keys help: the footer has no room
        Binding("enter", "primary", "primary", show=False, id="primary"),  # as the highlighted button says
    ]

    def __init__(self, controller: Controller, site: Site = PERSONAL) -> None:
        super().__init__(controller)
        self.site = site

    def compose(self) -> ComposeResult:
        controller, words = self.controller, self.controller.words
        page = controller.welcome_page(page_keys(words), site=self.site)
        yield self.title_bar()
        with Page(id="welcome", classes="page"):
            yield from line_widgets(page.page.lines)
        with Horizontal(classes="nav"):
            if not controller.started:
                yield ActionButton(words("welcome.start"), "screen.start", variant="primary", id="start")
            else:
                yield ActionButton(words("welcome.resume"), "screen.resume", variant="primary", id="resume")
                yield ActionButton(words("welcome.start_over"), "screen.start_over", id="start")
                yield ActionButton(words("welcome.delete"), "screen.delete", variant="error", id="delete")
        yield AidFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "delete", "start_over"):
            return self.controller.started
        if action == "start":
            return not self.controller.started
        if action == "say_how_to_start":
            return self.controller.started
        return True

    def action_primary(self) -> None:
        """Enter on the page: the highlighted button's action, start on a first visit and resume after."""
        self.post_message(ResumeRequested() if self.controller.started else StartRequested())

    def action_start(self) -> None:
        self.post_message(StartRequested())

    def action_say_how_to_start(self) -> None:
        """`s` with answers saved: it neither resumes nor starts over, and says which keys do."""
        hint(self, self.controller.words("welcome.s_on_return"))

    def action_start_over(self) -> None:
        """Starting with answers saved: the app asks first."""
        self.post_message(StartRequested())

    def action_resume(self) -> None:
        self.post_message(ResumeRequested())

    def action_delete(self) -> None:
        self.post_message(DeleteRequested())
