"""Paragraphs one under the other, drawn by one widget."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from decisionaid.core.pages import Line
from decisionaid.tui.widgets.wrapped_text import WrappedText


class TextBlock(WrappedText):
    """Paragraphs of lines (`core.pages.Line`), a blank line between paragraphs and none in a short window; each
    line styled by its role, one of the component classes below (in app.tcss), or plain. A page opens much faster
    with its text drawn by one widget than by one for each line; its margin changes with the screen's `-short`
    class (app.tcss), so crossing it restyles the block and draws it again. Empty lines and paragraphs are left
    out."""

    COMPONENT_CLASSES = {"text-block--title", "text-block--bold", "text-block--heading", "text-block--hint"}

    def __init__(self, paragraphs: Sequence[Sequence[Line]], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="text-block")
        self.paragraphs = paragraphs

    def show(self, paragraphs: Sequence[Sequence[Line]]) -> None:
        self.paragraphs = paragraphs
        self.refresh(layout=True)

    @property
    def content(self) -> Content:
        style = self.get_visual_style
        shown = [
            Content("\n").join(
                Content.styled(line.text, style(f"text-block--{line.role}")) if line.role else line.text
                for line in lines
                if line.text
            )
            for lines in self.paragraphs
        ]
        gap = "\n" if self.screen.has_class("-short") else "\n\n"
        return Content(gap).join(paragraph for paragraph in shown if paragraph)
