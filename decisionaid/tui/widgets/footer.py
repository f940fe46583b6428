"""The footer of every step: Textual's Footer, rebuilt only when the keys it shows change (see tui.speedups)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from decisionaid.tui.speedups.overrides import FooterRebuiltOnChange


class AidFooter(FooterRebuiltOnChange, Footer):
    """The keys of the screen, without Textual's command palette key (the aid's help lists it). On a shared
    computer the keys sit closer together: "q New person" is longer than "q Quit", and must be read whole. So do
    they wherever the keys, spaced as usual, would run past the window's edge (longer words in some languages)."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    def compose(self) -> ComposeResult:
        site = getattr(self.app, "site", None)
        compact = bool(site and site.kiosk) or spaced_width(self.screen) > self.app.size.width
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        yield from super().compose()


def spaced_width(screen: Screen) -> int:
    """How wide the screen's footer keys are, spaced as usual: each key and its label, with a space either side."""
    shown: dict[str, str] = {}
    for _, binding, _, _ in screen.active_bindings.values():
        if binding.show:  # keys that share an action are shown once, as the footer does
            shown.setdefault(binding.action, f"{screen.app.get_key_display(binding)} {binding.description}")
    return (
        sum(cell_len(text) for text in shown.values()) + 2 * len(shown) - 1
    )  # the last key's space may fall past the edge
