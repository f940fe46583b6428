"""Crisis lines, one key away from every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from decisionaid.core.catalogue import load_catalogue
from decisionaid.export.render import long_date


class CrisisScreen(ModalScreen[None]):
    """The pack's crisis resources, each with when it was last checked."""

    BINDINGS = [Binding("escape,enter", "close", "Close", id="close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="crisis") as box:
            box.border_title = "Crisis help"
            box.border_subtitle = "Escape: back to where you were"
            yield Static("If you are in danger or might harm yourself, contact one of these now:", classes="lead")
            local_help = getattr(self.app, "local_help", None)
            if local_help:
                text = load_catalogue()("help_now.local", text=local_help)
                yield Static(Content(text), id="local-help", classes="resource")
            for resource in self.app.pack.crisis.crisis:  # type: ignore[attr-defined]
                lines = [f"{resource.name} ({resource.region})", resource.contact]
                if resource.details:
                    lines.append(resource.details)
                lines.append(f"Checked on {long_date(resource.verified_on)}.")
                yield Static(Content("\n".join(lines)), classes="resource")

    def action_close(self) -> None:
        self.dismiss()
