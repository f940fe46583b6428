"""Kiosk mode's idle time: a warning near the end, then the aid starts again for the next person."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from math import ceil
from time import monotonic

from textual.app import App

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.screens.still_there import StillThereScreen

WARNING_SECONDS = 60


class IdleWatch:
    """Counts the time since the last key, click or touch; warns near the end, then calls `on_idle`.

    The warning lasts a minute, or a fifth of the idle time when that is shorter, and it is always
    shown for that long, even when the aid was too busy to show it on time.
    """

    def __init__(self, app: App, idle_seconds: float, on_idle: Callable[[], Awaitable[None]], words: Catalogue) -> None:
        self.app = app
        self.words = words
        self.idle_seconds = idle_seconds
        self.warning_seconds = min(WARNING_SECONDS, idle_seconds / 5)
        self.on_idle = on_idle
        self.last_input = monotonic()
        self.warning: StillThereScreen | None = None
        self.deadline = 0.0
        app.set_interval(min(1.0, idle_seconds / 20), self.check)

    def touch(self) -> None:
        """The person is here: start counting again, and take the warning away."""
        self.last_input = monotonic()
        if self.warning is not None:
            self.warning.dismiss()
            self.warning = None

    async def check(self) -> None:
        now = monotonic()
        if self.warning is None:
            if now - self.last_input >= self.idle_seconds - self.warning_seconds:
                self.deadline = now + self.warning_seconds
                self.warning = StillThereScreen(self.words, ceil(self.warning_seconds))
                await self.app.push_screen(self.warning)
        elif now >= self.deadline:
            self.warning = None
            self.last_input = now
            await self.on_idle()
        else:
            self.warning.count_down(ceil(self.deadline - now))
