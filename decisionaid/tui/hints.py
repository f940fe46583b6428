"""Short notices about a key that did nothing, or went on without an answer: each one replaces the one before, so
they never stack over the page, and each goes soon."""

from __future__ import annotations

from textual.dom import DOMNode

HINT_SECONDS = 4


def hint(node: DOMNode, text: str) -> None:
    """Show `text` as a brief warning, in place of any notice already shown."""
    node.app.clear_notifications()
    node.app.notify(text, severity="warning", markup=False, timeout=HINT_SECONDS)
