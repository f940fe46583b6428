"""Page model lines as widgets: each paragraph a Static, styled by its role."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from decisionaid.core.pages import Line

ROLE_CLASSES = {"title": "page-title", "help-now": "crisis-line", "left-off": ""}
ROLE_IDS = {"notice": "notice", "left-off": "left-off", "known": "known", "to-ask": "to-ask", "kiosk": "kiosk"}


def line_widgets(lines: Iterable[Line]) -> list[Static]:
    """A Static per line; author and person text is shown as text, never as markup."""
    return [
        Static(
            Content(line.text),
            classes=ROLE_CLASSES.get(line.role, line.role) or None,
            id=ROLE_IDS.get(line.role),
        )
        for line in lines
    ]
