"""The garbage collector while the full-screen aid starts: paused until its first screen is up.

Nearly everything made before the first frame lasts as long as the aid: Textual's modules, the aid's code, the
pack, the sentences. Each of the collector's passes walks it all without finding much to free (some 1,500
objects of cycles in a start, most of them small), and those passes took 35-45 ms of the start; a full one had
come just before the first frame. Once the first screen is up, what was made is set aside from the collector for
good (`gc.freeze`) and collection resumes, so the keys that follow are not slowed by it either.

This module imports nothing of Textual's, so the pause can begin before Textual is imported. It is one of the
aid's speed-ups (`paint_later` in tui.speedups) and obeys their switch.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from decisionaid.tui.speedups import on


@contextmanager
def paused_until_settled() -> Iterator[None]:
    """Pause the collector for the aid's start; `settled` resumes it once the first screen is up, and leaving the
    block does in any case (an aid that stops before its first screen, an error)."""
    was_enabled = gc.isenabled() and on("paint_later")
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settled() -> None:
    """The first screen is up: set aside everything made so far from the collector, then let it run again."""
    if on("paint_later"):
        gc.freeze()
        gc.enable()
