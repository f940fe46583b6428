"""What matters to the person and their situation: one item per screen, never turned into a verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from decisionaid.core import pages
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.widgets.choices import ChoiceList

if TYPE_CHECKING:
    from decisionaid.content.models import ValueItem


class ValuesScreen(ChoiceStepScreen):
    """A values or situation item with its choices; the answer only shapes the questions to ask."""

    STAGE = "values"
    PAGE_ID = "values"
    TITLE_KEY = "values.title"

    @property
    def item(self) -> ValueItem:
        return self.pack.values.values[self.position]

    def page_lines(self) -> ComposeResult:
        item = self.item
        journey, words = self.controller.journey, self.controller.words
        progress = pages.value_progress(journey, item.kind, self.position, words)
        yield Static(Content(progress), classes="progress")
        if pages.first_of_its_kind(journey, ("values", self.position)):
            yield Static(words("values.no_wrong_answers"), classes="hint")
        yield Static(Content(item.statement), classes="prompt")
        yield ChoiceList(
            [(c.id, c.label) for c in item.choices], self.session.values.get(item.id), words("choice.chosen")
        )
        yield Static(id="chosen", classes="hint")

    @property
    def choice_count(self) -> int:
        return len(self.item.choices)

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        outcome = self.controller.answer_value(self.item.id, event.choice_id)
        self.report(outcome)
        if outcome.saved:
            self.query_one("#chosen", Static).update(self.controller.words("values.saved"))
