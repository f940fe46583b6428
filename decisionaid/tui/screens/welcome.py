"""The first screen: what the aid is and is not, and start, resume or delete."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Static

from decisionaid.core.catalogue import load_catalogue
from decisionaid.export.render import long_date
from decisionaid.tui.idle import minutes_words
from decisionaid.tui.screens.base import AidScreen
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar


class WelcomeScreen(AidScreen):
    """Says what the aid does, how long it takes, how current its evidence is, and who paid for it."""

    TITLE = "Welcome"
    AUTO_FOCUS = "#welcome"
    BINDINGS = [
        Binding("s", "start", "Start", id="start"),
        Binding("r", "resume", "Resume", id="resume"),
        Binding("d", "delete", "Delete answers", id="delete"),
    ]

    def compose(self) -> ComposeResult:
        aid = self.aid
        meta = aid.pack.meta
        saved = aid.session
        crisis = aid.pack.crisis.crisis[0]
        words = load_catalogue()
        yield TitleBar(self.aid.pack.meta.title, self.title or "")
        with Page(id="welcome", classes="page"):
            yield Static(Content(meta.title), classes="page-title")
            yield Static(Content(meta.decision), classes="lead")
            if aid.notices:
                yield Static(Content(" ".join(aid.notices)), id="notice", classes="notice")
            if aid.kiosk:
                shared = words(
                    "kiosk.welcome_web" if aid.is_web else "kiosk.welcome_terminal",
                    minutes=minutes_words(aid.idle_seconds),
                )
                yield Static(Content(shared), id="kiosk", classes="notice")
            if saved is not None:
                place = aid.journey.describe(saved.stage, saved.position)
                yield Static(Content(f"Your answers are saved. You left off at {place}."), id="left-off")
            yield Static(
                Content(
                    "This aid explains the options, checks what you know, asks what matters to you and "
                    "builds a list of questions to take to your clinician. It informs and prepares that talk; "
                    "it does not decide for you."
                )
            )
            yield Static(Content(meta.disclaimer), classes="disclaimer")
            yield Static(
                Content(
                    f"About {meta.minutes} minutes. Evidence reviewed {long_date(meta.evidence_reviewed)}; "
                    f"next review due {long_date(meta.review_due)}."
                )
            )
            yield Static(Content(f"Funding: {meta.funding} Conflicts of interest: {meta.conflicts}"), classes="small")
            yield Static(
                Content(f"Crisis help: press F2 at any time. {crisis.name}: {crisis.contact}."), classes="crisis-line"
            )
            if aid.local_help:
                yield Static(Content(words("help_now.local", text=aid.local_help)), classes="crisis-line")
        with Horizontal(classes="nav"):
            if saved is None:
                yield Button("Start (s)", id="start", variant="primary", compact=True)
            else:
                yield Button("Resume (r)", id="resume", variant="primary", compact=True)
                yield Button("Start over (s)", id="start", compact=True)
                yield Button("Delete my answers (d)", id="delete", variant="error", compact=True)
        yield Footer(show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "delete"):
            return self.aid.session is not None
        return True

    async def action_start(self) -> None:
        if self.aid.session is None:
            await self.aid.start()
        else:
            self.aid.confirm_start_over()

    async def action_resume(self) -> None:
        await self.aid.resume()

    def action_delete(self) -> None:
        self.aid.confirm_delete()
