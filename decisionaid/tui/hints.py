"""Short notices about a key that did nothing, or went on without an answer: each one replaces the one before, so
they never stack over the page, and each goes soon, or with the page it is about. A problem's notice (answers that
could not be saved, say) is never taken away by them: it is said once, so it stays until it goes by itself."""

from __future__ import annotations

from textual.app import App
from textual.dom import DOMNode

HINT_SECONDS = 4


def hint(node: DOMNode, text: str, *, for_next_page: bool = False) -> None:
    """Show `text` as a brief warning, in place of any hint already shown. A hint is about the page it is said on,
    and goes with it (`page_shown`), unless it is said `for_next_page` (going on without an answer)."""
    clear_hints(node.app)
    node.app.notify(text, severity="warning", markup=False, timeout=HINT_SECONDS)
    node.app.hint_for_next_page = for_next_page  # type: ignore[attr-defined] (the aid's app has it)


def page_shown(app: App) -> None:
    """Another page is shown: the hints about the one before go, so none sits over this page's buttons; one said
    for this page stays."""
    if getattr(app, "hint_for_next_page", False):
        app.hint_for_next_page = False  # type: ignore[attr-defined]
    else:
        clear_hints(app)


def clear_hints(app: App) -> None:
    """Take the notices off the screen, unless a problem is still unsolved (the app's `last_problem`)."""
    if not getattr(app, "last_problem", None):
        app.clear_notifications()
