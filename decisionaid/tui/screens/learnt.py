"""The end of the self-check: what the person now knows, said as learning, never as a score."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Static

from decisionaid.core.checking import learnt
from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar


class LearntScreen(StepScreen):
    """Topics answered correctly as 'You now know…'; the others as things to ask about."""

    TITLE = "Self-check"
    AUTO_FOCUS = "#learnt"

    def compose(self) -> ComposeResult:
        result = learnt(self.aid.pack.self_check.self_check, self.session.self_check)
        known, to_ask = result.known, result.to_ask
        yield TitleBar(self.aid.pack.meta.title, self.title or "")
        with Page(id="learnt", classes="page"):
            if known:
                yield Static("You now know about:", classes="subheading")
                yield Static(Content("\n".join(f"✓ {topic}" for topic in known)), id="known")
            if to_ask:
                yield Static("Worth talking through with your clinician:", classes="subheading")
                yield Static(Content("\n".join(f"• {topic}" for topic in to_ask)), id="to-ask")
                yield Static("They are listed in your summary, to talk through.", classes="hint")
            if not known and not to_ask:
                yield Static("You skipped the self-check. You can go back to it at any time.")
        yield from self.navigation()
        yield Footer(show_command_palette=False)
