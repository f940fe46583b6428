"""What matters to the person and their situation: one item per screen, never turned into a verdict."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Checkbox, Static

from decisionaid.core.pages.steps import ValuePage
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.widgets.choices import ChoiceList
from decisionaid.tui.widgets.tick_box import TickBox


class ValuesScreen(ChoiceStepScreen):
    """A values or situation item with its choices; the answer only shapes the questions to ask."""

    PAGE_ID = "values"
    model: ValuePage

    def page_lines(self) -> ComposeResult:
        page = self.model
        chosen = next((c.id for c in page.choices if c.chosen), None)
        yield Static(Content(page.progress), classes="progress")
        if page.hint:
            yield Static(Content(page.hint), classes="hint")
        yield Static(Content(page.statement), classes="prompt")
        if page.private:  # said before the choices, so it is read before answering, in a small window too
            yield Static(Content(page.private.hint), classes="hint")
        yield self.choice_list(chosen)
        yield Static(id="chosen", classes="hint")
        if page.private:
            yield TickBox(page.private.label, page.private.shown, id="show-private")

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        outcome = self.controller.answer_value(self.model.item_id, event.choice_id)
        self.report(outcome)
        self.refresh_model()
        if outcome.saved:
            self.query_one("#chosen", Static).update(self.controller.words("values.saved"))
        if self.model.private:  # its one choice, under the answer, below the fold of a small window
            self.call_after_refresh(self.query_one("#show-private").scroll_visible, animate=False)

    @on(Checkbox.Changed, "#show-private")
    def show_private_changed(self, event: Checkbox.Changed) -> None:
        """Show this private answer on the handout, or keep it off."""
        self.report(self.controller.include_private(self.model.item_id, event.value))
        self.refresh_model()
