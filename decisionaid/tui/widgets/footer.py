"""The footer of every step: Textual's Footer, rebuilt only when the keys it shows change (see tui.speedups)."""

from __future__ import annotations

from textual.widgets import Footer

from decisionaid.tui.speedups.overrides import FooterRebuiltOnChange


class AidFooter(FooterRebuiltOnChange, Footer):
    """The keys of the screen, without Textual's command palette key (the aid's help lists it). On a shared
    computer the keys sit closer together: "q New person" is longer than "q Quit", and must be read whole."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    def on_mount(self) -> None:
        site = getattr(self.app, "site", None)
        self.compact = bool(site and site.kiosk)
