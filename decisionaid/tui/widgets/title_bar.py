"""A one-line bar naming the aid and the step, at the top of every screen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """'<aid title> · <step>'; plain text, so brackets in a title survive."""

    def __init__(self, aid_title: str, step: str) -> None:
        super().__init__(Content(f"{aid_title} · {step}"), classes="title-bar")
