"""The end of the self-check: what the person now knows, said as learning, never as a score."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from decisionaid.core import pages
from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.page_lines import line_widgets
from decisionaid.tui.widgets.title_bar import TitleBar


class LearntScreen(StepScreen):
    """Topics answered correctly as 'You now know…'; the others as things to ask about."""

    TITLE_KEY = "learnt.title"
    AUTO_FOCUS = "#learnt"

    def compose(self) -> ComposeResult:
        page = pages.learnt_page(self.pack, self.session, self.controller.words)
        yield TitleBar(self.pack.meta.title, self.title or "")
        with Page(id="learnt", classes="page"):
            yield from line_widgets(page.lines)
        yield from self.navigation()
        yield Footer(show_command_palette=False)
