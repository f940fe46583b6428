"""Paragraphs one under the other, drawn by one widget."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from decisionaid.tui.widgets.wrapped_text import WrappedText

Line = tuple[str, str]  # a line's text, and how it looks: title, bold, heading, hint, or plain ("")


class TextBlock(WrappedText):
    """Paragraphs of lines, a blank line between paragraphs and none in a short window; each line styled by one of
    the component classes below (in app.tcss). A page opens much faster with its text drawn by one widget than by
    one for each line; its margin changes with the screen's `-short` class (app.tcss), so crossing it restyles
    the block and draws it again. Empty lines and paragraphs are left out."""

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
                Content.styled(text, style(f"text-block--{look}")) if look else text for text, look in lines if text
            )
            for lines in self.paragraphs
        ]
        gap = "\n" if self.screen.has_class("-short") else "\n\n"
        return Content(gap).join(paragraph for paragraph in shown if paragraph)
