"""Leaving when the system asks: SIGTERM, SIGHUP and SIGINT are routed to one callback in the event loop.

Without this, SIGTERM and SIGHUP end the process at once: the terminal is left in full-screen mode and
a note typed in the last half second is never saved.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

EXIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


def exit_status(signum: int) -> int:
    """The shell's convention for a process ended by a signal: 128 + its number."""
    return 128 + signum


def catch_exit_signals(on_signal: Callable[[int], None]) -> Callable[[], None]:
    """Call `on_signal(signum)` in the running loop when an exit signal arrives.

    Returns a function that puts the previous handlers back. Where the loop cannot take signal
    handlers (Windows, or a thread other than the main one), nothing is changed.
    """
    loop = asyncio.get_running_loop()
    previous: dict[int, object] = {}
    for signum in EXIT_SIGNALS:
        before = signal.getsignal(signum)
        try:
            loop.add_signal_handler(signum, on_signal, signum)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        previous[signum] = before

    def restore() -> None:
        for signum, before in previous.items():
            loop.remove_signal_handler(signum)
            signal.signal(signum, before if before is not None else signal.SIG_DFL)
        previous.clear()

    return restore
