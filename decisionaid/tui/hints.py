"""Short notices about a key that did nothing, or went on without an answer: each one replaces the one before, so
they never stack over the page, and each goes soon. A problem's notice (answers that could not be saved, say) is
never taken away by them: it is said once, so it stays until it goes by itself."""

from __future__ import annotations

from textual.app import App
from textual.dom import DOMNode

HINT_SECONDS = 4


def hint(node: DOMNode, text: str) -> None:
    """Show `text` as a brief warning, in place of any hint already shown."""
    clear_hints(node.app)
    node.app.notify(text, severity="warning", markup=False, timeout=HINT_SECONDS)


def clear_hints(app: App) -> None:
    """Take the notices off the screen, unless a problem is still unsolved (the app's `last_problem`)."""
    if not getattr(app, "last_problem", None):
        app.clear_notifications()
