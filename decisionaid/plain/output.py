"""Writing to standard output, where a full disk or a closed terminal is one clear error, not a traceback."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TextIO


class OutputFailed(Exception):
    """Standard output could not be written; `reason` says why ('No space left on device')."""

    def __init__(self, cause: OSError) -> None:
        self.reason = cause.strerror or str(cause)
        self.broken_pipe = cause.errno == errno.EPIPE
        super().__init__(self.reason)


def write_out(stream: TextIO, text: str) -> None:
    """Write and flush, or raise OutputFailed."""
    try:
        stream.write(text)
        stream.flush()
    except OSError as exc:
        raise OutputFailed(exc) from None


class GuardedStream:
    """A text stream whose failed writes raise OutputFailed; everything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def quiet_stdout() -> None:
    """Point standard output at the null device, so the last flush when Python exits cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file: nothing to quiet
        fileno = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno)
        os.close(devnull)


def tell(line: str) -> None:
    """One line on standard error, if standard error can still take it."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(line, file=sys.stderr, flush=True)
