"""Kiosk mode's idle time: a warning near the end, then the aid starts again for the next person."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from math import ceil
from time import monotonic

from textual.app import App

from decisionaid.core.catalogue import load_catalogue
from decisionaid.tui.screens.still_there import StillThereScreen

WARNING_SECONDS = 60


def minutes_words(seconds: float) -> str:
    """'10 minutes', '1 minute': the idle time as the welcome and the notices say it."""
    return load_catalogue()("kiosk.minutes", count=max(1, round(seconds / 60)))


class IdleWatch:
    """Counts the time since the last key, click or touch; warns for the last minute, then calls `on_idle`.

    The warning lasts a minute, or a fifth of the idle time when that is shorter.
    """

    def __init__(self, app: App, idle_seconds: float, on_idle: Callable[[], Awaitable[None]]) -> None:
        self.app = app
        self.idle_seconds = idle_seconds
        self.warning_seconds = min(WARNING_SECONDS, idle_seconds / 5)
        self.on_idle = on_idle
        self.last_input = monotonic()
        self.warning: StillThereScreen | None = None
        app.set_interval(min(1.0, idle_seconds / 20), self.check)

    def touch(self) -> None:
        """The person is here: start counting again, and take the warning away."""
        self.last_input = monotonic()
        if self.warning is not None:
            self.warning.dismiss()
            self.warning = None

    async def check(self) -> None:
        left = self.idle_seconds - (monotonic() - self.last_input)
        if left <= 0:
            self.warning = None
            self.last_input = monotonic()
            await self.on_idle()
        elif left <= self.warning_seconds:
            if self.warning is None:
                self.warning = StillThereScreen(ceil(left))
                await self.app.push_screen(self.warning)
            else:
                self.warning.count_down(ceil(left))
