"""What a self-check answer shows, drawn as one block of text."""

from __future__ import annotations

from textual.content import Content

from decisionaid.core.pages import Feedback
from decisionaid.tui.widgets.sources import source_text
from decisionaid.tui.widgets.wrapped_text import WrappedText


class FeedbackView(WrappedText):
    """The verdict, the right answer, the explanation, its sources and the card to reopen, one under the other.

    One widget draws it all, its parts styled by the component classes below (in app.tcss): a question's page
    opens much faster than with a widget for each part. A short window leaves out the blank lines between them; its
    margin changes with the screen's `-short` class too (app.tcss), so crossing it restyles and draws it again."""

    COMPONENT_CLASSES = {"feedback--verdict", "feedback--heading", "feedback--hint"}

    def __init__(self, shown: Feedback, sources_title: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="feedback")
        self.shown = shown
        self.sources_title = sources_title

    def show(self, shown: Feedback) -> None:
        self.shown = shown
        self.refresh(layout=True)

    @property
    def content(self) -> Content:
        shown, style = self.shown, self.get_visual_style
        parts: list[Content] = [
            Content.styled(shown.verdict, style("feedback--verdict")),
            Content(shown.answer),
            Content(shown.explanation),
        ]
        if shown.sources:
            listed = "\n".join(f"• {source_text(source)}" for source in shown.sources)
            parts.append(Content.assemble(Content.styled(self.sources_title, style("feedback--heading")), "\n", listed))
        if shown.reopen:
            parts.append(Content.styled(shown.reopen, style("feedback--hint")))
        gap = "\n" if self.screen.has_class("-short") else "\n\n"
        return Content(gap).join(part for part in parts if part)
