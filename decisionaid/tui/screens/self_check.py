"""Self-check: one question per screen, with immediate feedback in words and symbols."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from decisionaid.core.pages import Line
from decisionaid.core.pages.steps import QuestionPage
from decisionaid.tui.screens.base import ChoiceStepScreen
from decisionaid.tui.screens.card_modal import CardModal
from decisionaid.tui.widgets.choices import ChoiceList
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.sources import source_lines
from decisionaid.tui.widgets.text_block import TextBlock


class SelfCheckScreen(ChoiceStepScreen):
    """A question, its choices, and after answering: the verdict, the explanation, sources and the card."""

    PAGE_ID = "self-check"
    BINDINGS = [Binding("r", "reopen", "reopen_card", id="reopen")]
    model: QuestionPage

    def page_lines(self) -> ComposeResult:
        page = self.model
        chosen = next((c.id for c in page.choices if c.chosen), None)
        yield Static(Content(page.progress), classes="progress")
        yield Static(Content(page.prompt), classes="prompt")
        yield self.choice_list(chosen)
        feedback = TextBlock(self.feedback(page), id="feedback")
        feedback.display = page.feedback is not None
        yield feedback

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            if not self.model.reopen:
                return False
            return True if self.model.feedback else None
        return super().check_action(action, parameters)

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        self.report(self.controller.answer_self_check(self.model.item_id, event.choice_id))
        self.refresh_model()
        self.show_feedback()
        self.refresh_bindings()

    def show_feedback(self) -> None:
        """Show the feedback composed with the question, now with the answer's verdict."""
        feedback = self.query_one("#feedback", TextBlock)
        feedback.show(self.feedback(self.model))
        feedback.display = True  # shown, not restyled: a class would restyle the page
        self.call_after_refresh(self.query_one(Page).scroll_to_widget, feedback, animate=False, top=True)

    def feedback(self, page: QuestionPage) -> list[list[Line]]:
        """The verdict in words and symbols, the right answer, the explanation, sources and the card to reopen.

        Composed hidden before an answer, so answering only fills in the verdict and shows it.
        """
        shown = page.feedback
        if shown is None:
            return []
        words = self.controller.words
        sources = [Line(words("sources.title"), "heading"), *(Line(line) for line in source_lines(shown.sources))]
        return [
            [Line(shown.verdict, "bold")],
            [Line(shown.chosen), Line(words("your_answer.change_tui"), "hint")],
            [Line(shown.answer)],
            [Line(shown.explanation)],
            sources if shown.sources else [],
            [Line(shown.reopen, "hint")],
        ]

    def action_reopen(self) -> None:
        card_ids = self.controller.journey.card_ids
        cards = self.card_pages(card_ids.index(card_id) for card_id in self.model.reopen)
        self.app.push_screen(CardModal(cards, self.controller.words))
