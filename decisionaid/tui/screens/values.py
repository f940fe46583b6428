"""What matters to the person and their situation: one item per screen, never turned into a verdict."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Static

from decisionaid.content.models import ValueItem
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.widgets.choices import ChoiceList
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar


class ValuesScreen(ChoiceStepScreen):
    """A values or situation item with its choices; the answer only shapes the questions to ask."""

    TITLE = "What matters to you"

    @property
    def item(self) -> ValueItem:
        return self.aid.pack.values.values[self.position]

    def compose(self) -> ComposeResult:
        item = self.item
        total = len(self.aid.pack.values.values)
        kind = "About you" if item.kind == "situation" else "What matters to you"
        yield TitleBar(self.aid.pack.meta.title, self.title or "")
        with Page(id="values", classes="page"):
            yield Static(Content(f"{kind}: {self.position + 1} of {total}"), classes="progress")
            yield Static(
                "There are no right or wrong answers. They only shape the questions for your clinician.",
                classes="hint",
            )
            yield Static(Content(item.statement), classes="prompt")
            yield ChoiceList([(c.id, c.label) for c in item.choices], self.session.values.get(item.id))
            yield Static(id="chosen", classes="hint")
        yield from self.navigation()
        yield Footer(show_command_palette=False)

    @property
    def choice_count(self) -> int:
        return len(self.item.choices)

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        self.session.values = {**self.session.values, self.item.id: event.choice_id}
        self.aid.save()
        self.query_one("#chosen", Static).update("Saved. Press → or n to go on.")
