"""How the aid is set up where it runs: a shared computer (kiosk mode) and its idle time, and help on site."""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.core.catalogue import Catalogue

IDLE_MINUTES = 10


@dataclass(frozen=True)
class Site:
    """`kiosk`: each run is its own person, whose answers live only as long as the run; after
    `idle_seconds` without a key, click or touch the aid starts again. `local_help`: a line such as
    "Front desk: ask any staff member", shown first with the help-now resources."""

    kiosk: bool = False
    idle_seconds: float = IDLE_MINUTES * 60
    local_help: str | None = None

    def idle_words(self, words: Catalogue) -> str:
        """'10 minutes', '1 minute': the idle time as the welcome and the notices say it."""
        return words("kiosk.minutes", count=max(1, round(self.idle_seconds / 60)))


PERSONAL = Site()  # one person's own computer: no kiosk mode, no help line on site
