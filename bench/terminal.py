"""Run a program on a pseudo-terminal and watch what it draws, through a pyte screen."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import queue
import select
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pyte

COLUMNS, ROWS = 100, 30


class TerminalTimeout(Exception):
    """The expected text did not appear in time."""


def squeeze(text: str) -> str:
    """Collapse runs of whitespace, so text wrapped over lines still matches."""
    return " ".join(text.split())


class Terminal:
    """One child process on a pty of COLUMNS x ROWS, with its output fed into a pyte screen.

    Times are `time.perf_counter()` values; `started` is taken just before the fork. A thread reads the output
    as it comes and notes when each chunk arrived, and text counts as shown when the chunk that completes it
    arrived: pyte, pure Python, takes about 4 ms per KiB to parse (17 ms for one full 100x30 frame of the aid,
    on the benchmark's machine), which a real terminal does not, and which would otherwise be counted against
    whichever app draws the bigger frame.
    """

    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: str | None = None) -> None:
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.rusage: os.struct_rusage | None = None
        self.status: int | None = None
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.arrived = self.started  # when the last chunk fed to the screen arrived
        self._chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        self._stop = threading.Event()
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))  # the reader notes arrivals within 1 ms
        self._reader = threading.Thread(target=self._read_as_it_comes, name="pty-reader", daemon=True)
        self._reader.start()

    # --- reading -------------------------------------------------------------------

    def _read_as_it_comes(self) -> None:
        """The reader thread: each chunk of output with the time it arrived; an empty chunk at the end."""
        while not self._stop.is_set():
            try:
                if not select.select([self.fd], [], [], 0.05)[0]:
                    continue
                data = os.read(self.fd, 65536)
            except OSError as exc:
                if exc.errno not in (errno.EIO, errno.EBADF):  # EIO: the child closed the terminal
                    raise
                data = b""
            self._chunks.put((time.perf_counter(), data))
            if not data:
                return

    def _read(self, timeout: float) -> int:
        """Feed the next chunk that arrives within `timeout` seconds to the screen; the byte count, or -1 at end of
        output."""
        try:
            arrived, data = self._chunks.get(timeout=max(timeout, 0))
        except queue.Empty:
            return 0
        if not data:
            self._chunks.put((arrived, data))  # the end stays seen
            return -1
        self.stream.feed(data)
        self.arrived = arrived
        return len(data)

    def cpu_ticks(self) -> int | None:
        """The processor time the program has used so far, in clock ticks (user and system); None without /proc."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat

    def text(self) -> str:
        return squeeze("\n".join(self.screen.display))

    def wait_for(self, marker: str, timeout: float) -> float:
        """Read until `marker` is on screen; returns the perf_counter time the output that shows it arrived."""
        wanted = squeeze(marker)
        deadline = time.perf_counter() + timeout
        while wanted not in self.text():
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TerminalTimeout(f"{marker!r} not on screen after {timeout:.0f} s; screen:\n{self.dump()}")
            if self._read(left) < 0:
                raise TerminalTimeout(f"output ended before {marker!r} appeared; screen:\n{self.dump()}")
        return self.arrived

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until, for `quiet` seconds, nothing arrives and the program uses at most one clock tick of processor
        time (or `timeout` passes): the app is idle, waiting for a key. On a busy machine silence alone does not
        say so: an app can work for longer than `quiet` without drawing."""
        deadline = time.perf_counter() + timeout
        since, ticks = time.perf_counter(), self.cpu_ticks()
        while (now := time.perf_counter()) < deadline:
            if now - since >= quiet:
                used = self.cpu_ticks()
                if used is None or ticks is None or used - ticks <= 1:
                    return
                since, ticks = now, used
                continue
            got = self._read(min(quiet - (now - since), deadline - now))
            if got < 0:
                return
            if got:
                since, ticks = time.perf_counter(), self.cpu_ticks()

    def dump(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    # --- writing and ending ----------------------------------------------------------

    def send(self, keys: bytes) -> float:
        """Write keys to the terminal; returns the time just before writing (the program may answer, and the
        reader note its answer, before this thread runs again after the write)."""
        sent = time.perf_counter()
        os.write(self.fd, keys)
        return sent

    def finish(self, quit_keys: bytes | None, timeout: float = 5.0) -> os.struct_rusage:
        """Ask the program to quit (keys, then SIGTERM, then SIGKILL) and collect its resource usage."""
        steps: list[tuple[str, float]] = [("keys", timeout), ("term", 2.0), ("kill", 2.0)]
        for step, grace in steps:
            if step == "keys" and quit_keys:
                self._safe_send(quit_keys)
            elif step == "term":
                self._signal(signal.SIGTERM)
            elif step == "kill":
                self._signal(signal.SIGKILL)
            if self._reap(grace):
                break
        assert self.rusage is not None
        return self.rusage

    def _safe_send(self, keys: bytes) -> None:
        with contextlib.suppress(OSError):
            os.write(self.fd, keys)

    def _signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, sig)

    def _reap(self, grace: float) -> bool:
        """Drain output and wait up to `grace` seconds for the child to exit."""
        deadline = time.perf_counter() + grace
        while True:
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage = status, rusage
                self.close()
                return True
            left = deadline - time.perf_counter()
            if left <= 0:
                return False
            if self._read(min(left, 0.05)) < 0:
                time.sleep(min(left, 0.01))  # output closed; the child is on its way out

    def close(self) -> None:
        """Kill the child if it still runs and release the terminal; safe to call twice."""
        if self.status is None:
            self._signal(signal.SIGKILL)
            try:
                _, self.status, self.rusage = os.wait4(self.pid, 0)
            except ChildProcessError:
                self.status = -1
        self._stop.set()
        self._reader.join(timeout=1)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def peak_rss_mib(rusage: os.struct_rusage) -> float:
    """ru_maxrss is in KiB on Linux. It includes the forked copy of the benchmark itself before exec."""
    return rusage.ru_maxrss / 1024


def program_peak_rss_mib(pid: int) -> float | None:
    """The program's own peak resident memory (VmHWM), counted from its exec; None where /proc has no such line.

    ru_maxrss cannot be used for this: a child forked from the benchmark starts as a copy of it, and the
    kernel keeps that copy's size as the child's peak even after exec.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None
