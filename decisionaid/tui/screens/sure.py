"""The SURE test: four yes/no items, word for word, with their citation and terms of use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from decisionaid.core import pages
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.widgets.choices import ChoiceList

if TYPE_CHECKING:
    from decisionaid.content.models import Sure, SureItem

YES, NO = "yes", "no"


class SureScreen(ChoiceStepScreen):
    """One SURE item; a 'no' shows the item's own sentence on what it may mean, without judgement."""

    STAGE = "sure"
    PAGE_ID = "sure"
    TITLE_KEY = "sure.title"

    @property
    def sure(self) -> Sure:
        sure = self.pack.sure.sure
        assert sure is not None, "the SURE step only exists when the pack has it"
        return sure

    @property
    def item(self) -> SureItem:
        return self.sure.items[self.position]

    def page_lines(self) -> ComposeResult:
        sure, item = self.sure, self.item
        answer = self.session.sure.get(item.id)
        chosen = None if answer is None else (YES if answer else NO)
        words = self.controller.words
        progress = pages.sure_progress(sure.title, self.position, len(sure.items), words)
        yield Static(Content(progress), classes="progress")
        yield Static(Content(item.text), classes="prompt")
        yield ChoiceList([(YES, words("sure.yes")), (NO, words("sure.no"))], chosen, words("choice.chosen"))
        yield Static(Content(item.if_no) if answer is False else "", id="meaning", classes="explanation")
        yield Static(Content(f"{sure.citation} {sure.terms_of_use}"), classes="citation")

    @property
    def choice_count(self) -> int:
        return 2

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        yes = event.choice_id == YES
        self.report(self.controller.answer_sure(self.item.id, yes))
        self.query_one("#meaning", Static).update("" if yes else Content(self.item.if_no))
