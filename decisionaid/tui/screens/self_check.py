"""Self-check: one question per screen, with immediate feedback in words and symbols."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from decisionaid.core import pages
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.screens.card_modal import CardModal
from decisionaid.tui.widgets.choices import ChoiceList
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.sources import source_lines
from decisionaid.tui.widgets.text_block import Line, TextBlock

if TYPE_CHECKING:
    from decisionaid.content.models import SelfCheck


class SelfCheckScreen(ChoiceStepScreen):
    """A question, its choices, and after answering: the verdict, the explanation, sources and the card."""

    STAGE = "self_check"
    PAGE_ID = "self-check"
    TITLE_KEY = "self_check.title"
    BINDINGS = [Binding("r", "reopen", "reopen_card", id="reopen")]

    @property
    def question(self) -> SelfCheck:
        return self.pack.self_check.self_check[self.position]

    def page_lines(self) -> ComposeResult:
        question = self.question
        answer = self.session.self_check.get(question.id)
        progress = pages.self_check_progress(self.controller.journey, self.position, self.controller.words)
        yield Static(Content(progress), classes="progress")
        yield Static(Content(question.prompt), classes="prompt")
        yield ChoiceList([(c.id, c.label) for c in question.choices], answer, self.controller.words("choice.chosen"))
        feedback = TextBlock(self.feedback(answer), id="feedback")
        feedback.display = answer is not None
        yield feedback

    @property
    def choice_count(self) -> int:
        return len(self.question.choices)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            if not self.question.cards:
                return False
            return True if self.question.id in self.session.self_check else None
        return super().check_action(action, parameters)

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        self.report(self.controller.answer_self_check(self.question.id, event.choice_id))
        self.show_feedback(event.choice_id)
        self.refresh_bindings()

    def show_feedback(self, choice_id: str) -> None:
        """Show the feedback composed with the question, now with this answer's verdict."""
        feedback = self.query_one("#feedback", TextBlock)
        feedback.show(self.feedback(choice_id))
        feedback.display = True  # shown, not restyled: a class would restyle the page
        self.call_after_refresh(self.query_one(Page).scroll_to_widget, feedback, animate=False, top=True)

    def feedback(self, choice_id: str | None) -> list[list[Line]]:
        """The verdict in words and symbols, the right answer, the explanation, sources and the card to reopen.

        Composed hidden before an answer, so answering only fills in the verdict and shows it.
        """
        words = self.controller.words
        shown = pages.feedback(self.pack, self.question, choice_id, words, words("self_check.reopen_key_tui"))
        sources = [(words("sources.title"), "heading"), *((line, "") for line in source_lines(shown.sources))]
        return [
            [(shown.verdict, "bold")],
            [(shown.answer, "")],
            [(shown.explanation, "")],
            sources if shown.sources else [],
            [(shown.reopen, "hint")],
        ]

    def action_reopen(self) -> None:
        cards = [self.pack.card(c) for c in self.question.cards]
        self.app.push_screen(CardModal(self.pack, cards, self.controller.words))
