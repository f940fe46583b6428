"""The SURE test: four yes/no items, word for word, with their citation; s shows the terms of use in full."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.pages.at import YES
from decisionaid.core.pages.steps import SurePage
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.choices import ChoiceList


class SureScreen(ChoiceStepScreen):
    """One SURE item; a 'no' shows the item's own sentence on what it may mean, without judgement."""

    PAGE_ID = "sure"
    BINDINGS = [Binding("s", "sources", "sources", show=False, id="sources")]  # a button under the page shows it
    model: SurePage

    def page_lines(self) -> ComposeResult:
        page = self.model
        chosen = next((c.id for c in page.choices if c.chosen), None)
        yield Static(Content(page.progress), classes="progress")
        yield Static(Content(page.text), classes="prompt")
        yield self.choice_list(chosen)
        yield Static(Content(page.meaning), id="meaning", classes="explanation")
        yield Static(Content(page.credit), classes="citation")
        terms = Static(Content(f"{page.citation}\n{page.terms}"), id="terms", classes="citation")
        terms.display = False
        yield terms

    def navigation(self) -> ComposeResult:
        """Back, Sources and Next under the item, as under a card."""
        words = self.controller.words
        with Horizontal(classes="nav"):
            yield ActionButton(words("nav.back"), "screen.back", id="back")
            yield ActionButton(words("card.sources"), "screen.sources", id="sources")
            yield ActionButton(words("nav.next"), "screen.next", variant="primary", id="next")

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        self.report(self.controller.answer_sure(self.model.item_id, event.choice_id == YES))
        self.refresh_model()
        self.query_one("#meaning", Static).update(Content(self.model.meaning))

    def action_sources(self) -> None:
        """Show or hide the SURE test's citation and terms of use in full."""
        terms = self.query_one("#terms", Static)
        terms.display = not terms.display
