"""A shared computer's answers: one private temporary folder per run, deleted when the run ends.

The folder is made inside the system's temporary folder ($TMPDIR), so a server that starts one run
per browser tab can give every run the same command and still keep each person's answers apart.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "decisionaid-kiosk-"
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class _Ended(BaseException):
    """Raised by SIGTERM or SIGHUP while the folder exists, so that it is still deleted."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def kiosk_folder() -> Iterator[Path]:
    """A new folder readable only by this user (0700), removed with everything in it on leaving.

    SIGTERM and SIGHUP end the process with status 128 + the signal's number and the folder removed.
    Outside an event loop they end the block; inside one (an app still starting, before it takes these
    signals itself) unwinding could leave threads waiting, so the folder is removed and the process ends
    at once.
    """
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    previous = {signum: signal.getsignal(signum) for signum in ENDING_SIGNALS}

    def end(signum: int, _frame: object) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            raise _Ended(signum) from None
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(128 + signum)

    try:
        for signum in ENDING_SIGNALS:
            signal.signal(signum, end)
        yield folder
    except _Ended as ended:
        raise SystemExit(128 + ended.signum) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
