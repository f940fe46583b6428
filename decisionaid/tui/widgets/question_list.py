"""The handout page's suggested questions as one stop for Tab: the arrow keys move from question to question."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Vertical

from decisionaid.tui.widgets.question_box import QuestionBox


class QuestionList(Vertical):
    """Topic titles, and each question's tick box with its reasons.

    A long list would take a Tab per question to cross (some 40 on a full handout). Here Tab and Shift+Tab leave the
    list at once, to what follows it or what comes before; ↑ and ↓ go from question to question, and past the first
    or the last they scroll the page as elsewhere.
    """

    BINDINGS = [
        Binding("up", "step(-1)", "previous_question", show=False, id="previous-question"),
        Binding("down", "step(1)", "next_question", show=False, id="next-question"),
        Binding("tab", "leave(1)", "past_the_questions", show=False, id="past-the-questions"),
        Binding("shift+tab", "leave(-1)", "before_the_questions", show=False, id="before-the-questions"),
    ]

    def boxes(self) -> list[QuestionBox]:
        return list(self.query_children(QuestionBox))

    def action_step(self, step: int) -> None:
        """Focus the question above (-1) or below (1); past either end, the key scrolls the page."""
        boxes, focused = self.boxes(), self.screen.focused
        if focused not in boxes:
            raise SkipAction()
        index = boxes.index(focused) + step  # type: ignore[arg-type]
        if not 0 <= index < len(boxes):
            raise SkipAction()
        boxes[index].focus()

    def action_leave(self, step: int) -> None:
        """Focus what comes after the last question (1) or before the first (-1), as Tab and Shift+Tab would."""
        chain, boxes = self.screen.focus_chain, set(self.boxes())
        inside = [index for index, widget in enumerate(chain) if widget in boxes]
        if not inside:
            raise SkipAction()
        edge = inside[-1] if step > 0 else inside[0]
        self.screen.set_focus(chain[(edge + step) % len(chain)])
