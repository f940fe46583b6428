"""`python -m bench.terminal_close [--runs 100]`: close the aid's terminal again and again; count what happens.

Each run starts the full-screen aid on a new pseudo-terminal as its controlling terminal, does one of
three things, then closes the terminal (the master side, as a terminal window does when it closes):

- backed-up: output is suspended (XOFF), then cards are turned one key at a time, a random number of
  times or until the app's main thread is stuck handing over output; the worst case for Textual's writer;
- busy: a burst of keys, reading the output, then the terminal closes a random moment later;
- idle: the welcome screen is shown and nothing else happens.

A run passes when the process is gone within 30 seconds with status 129 (128 + SIGHUP) and the answers
file reads back. Prints one line per outcome and exits 1 if any run left a process behind.
Linux only (thread states come from /proc).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import fcntl
import os
import random
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "tests" / "packs" / "commute"
GONE_WITHIN = 30.0
SCENARIOS = ("backed-up", "busy", "idle")


def _take_terminal() -> None:
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Run:
    """The aid on a fresh 80x24 pseudo-terminal, its answers in a folder of their own."""

    def __init__(self, folder: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.terminal = os.ttyname(slave)
        self.answers = folder / "commute-answers.toml"
        env = {**os.environ, "DECISIONAID_DATA_DIR": str(folder), "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "decisionaid", "--pack", str(PACK)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=folder,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.output = b""

    def read(self, wait: float) -> None:
        if select.select([self.master], [], [], wait)[0]:
            with contextlib.suppress(OSError):
                self.output += os.read(self.master, 65536)

    def wait_for_welcome(self) -> None:
        deadline = time.monotonic() + GONE_WITHIN
        while b"F2 at any time" not in self.output.replace(b"\x1b", b" ") and time.monotonic() < deadline:
            self.read(0.05)
        if time.monotonic() >= deadline:
            raise RuntimeError("the welcome screen never appeared")

    def main_thread(self) -> str:
        try:
            where = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/wchan").read_text()
        except OSError:
            return ""
        return "idle" if "epoll" in where else "lock" if "futex" in where else ""

    def position(self) -> int | None:
        try:
            return tomllib.loads(self.answers.read_text(encoding="utf-8"))["position"]
        except (OSError, tomllib.TOMLDecodeError, KeyError):
            return None

    def press(self, key: bytes, position: int) -> bool:
        """Turn to `position`; False if the app got stuck handing over output instead."""
        os.write(self.master, key)
        deadline = time.monotonic() + GONE_WITHIN
        while time.monotonic() < deadline:
            state = self.main_thread()
            if state == "idle" and self.position() == position:
                return True
            if state == "lock" and all(time.sleep(0.02) is None and self.main_thread() == "lock" for _ in range(10)):
                return False
            time.sleep(0.01)
        return False

    def suspend_output(self) -> None:
        fd = os.open(self.terminal, os.O_RDWR | os.O_NOCTTY)
        try:
            termios.tcflow(fd, termios.TCOOFF)
        finally:
            os.close(fd)

    def close_terminal(self) -> str:
        """Close the terminal; 'exit N' or 'hung' (then the process is killed)."""
        os.close(self.master)
        try:
            status = self.proc.wait(timeout=GONE_WITHIN)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return "hung"
        return f"exit {status}"


def one_run(scenario: str, rng: random.Random) -> str:
    with tempfile.TemporaryDirectory() as folder:
        run = Run(Path(folder))
        run.wait_for_welcome()
        if scenario == "backed-up":
            run.suspend_output()
            keys = [(b"s", 0), (b"n", 0)] + [(b"n", 1), (b"b", 0)] * rng.randint(0, 20)  # the table, then cards
            for key, position in keys:
                if not run.press(key, position):
                    break
        elif scenario == "busy":
            os.write(run.master, b"s" + bytes(rng.choice(b"nb") for _ in range(rng.randint(1, 60))))
            end = time.monotonic() + rng.uniform(0, 0.5)
            while time.monotonic() < end:
                run.read(0.01)
        outcome = run.close_terminal()
        if outcome == "exit 129" and run.answers.exists():
            tomllib.loads(run.answers.read_text(encoding="utf-8"))
        return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.terminal_close", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--scenario", choices=SCENARIOS, action="append", help="only these (default: all, in turn)")
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        print("bench.terminal_close: Linux only (reads thread states from /proc)", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    scenarios = args.scenario or list(SCENARIOS)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for n in range(args.runs):
        scenario = scenarios[n % len(scenarios)]
        outcome = one_run(scenario, rng)
        counts[scenario, outcome] += 1
        print(f"{n + 1:>4} {scenario:<10} {outcome}", flush=True)
    print()
    for (scenario, outcome), count in sorted(counts.items()):
        print(f"{scenario:<10} {outcome:<10} {count}")
    hung = sum(count for (_, outcome), count in counts.items() if outcome == "hung")
    print(f"closed the terminal {args.runs} times: {args.runs - hung} exited, {hung} hung")
    return 1 if hung else 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
