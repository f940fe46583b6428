"""The terminal driver, made safe for a terminal that goes away while the aid is writing to it.

Textual 8.2.8 hands every piece of output to a writer thread through a queue of at most 30 items
(`textual/drivers/_writer_thread.py`). That thread does not catch errors: when the terminal is closed,
its next write fails (EIO), the thread ends, and nothing empties the queue again. The next write that
finds the queue full, or the `stop()` on the way out, then waits forever in the main thread, where the
event loop runs; so the handlers for SIGHUP and SIGTERM never run and the process stays alive with
the person's last answers unsaved. It happens when output is backed up at the moment the terminal
closes (a busy screen, a terminal that stopped reading before it closed).

The driver here gives that thread a stream that cannot fail: once writing to the terminal fails, the
rest of the output is dropped, the queue keeps emptying, and the aid saves and leaves as it does for
any hangup. See docs/textual-writer-hang/ for a reproduction without the aid.

Its input thread is guarded too, in one place (`run_input_thread` below): Textual 8.2.8 decodes what the
terminal sends as strict UTF-8 and reads a kitty key sequence's numbers with `chr()`, so a byte that is
not UTF-8 or a sequence such as `ESC[99999999999u` raises in the input thread, which ends the aid
(docs/upstream/textual-input-parser.md). Here such input is dropped and reading goes on.
"""

from __future__ import annotations

from typing import IO

from textual.driver import Driver


class TerminalOutput:
    """The terminal's output stream for the writer thread: once a write or flush fails, output is dropped."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.lost = False

    def write(self, text: str) -> None:
        if self.lost:
            return
        try:
            self._stream.write(text)
        except (OSError, ValueError):
            self.lost = True

    def flush(self) -> None:
        if self.lost:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self.lost = True

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()


def safe_driver(driver_class: type[Driver]) -> type[Driver]:
    """The Linux and macOS driver with its output through TerminalOutput; any other driver as it is."""
    from textual.drivers.linux_driver import LinuxDriver

    if driver_class is not LinuxDriver:
        return driver_class

    class SafeLinuxDriver(LinuxDriver):
        """LinuxDriver whose writer thread survives a closed terminal."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._file = TerminalOutput(self._file)

        def run_input_thread(self) -> None:
            """Textual's input loop, started again (with the bytes it choked on dropped) when input it cannot
            decode or parse raises: a stray byte or a malformed key sequence never ends the aid."""
            while True:
                try:
                    return super().run_input_thread()
                except (ValueError, OverflowError):  # UnicodeDecodeError is a ValueError
                    if self.exit_event.is_set():
                        return

    return SafeLinuxDriver
