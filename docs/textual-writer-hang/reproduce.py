"""Reproduce the hang: `python reproduce.py` (Linux or macOS, Textual 8.2.8). Prints one line per case.

full:   the app's output goes to /dev/full, so the writer thread's first write fails. The app should
        exit by itself after 3 seconds; it never does.
hangup: the app runs on a pseudo-terminal that stops taking output (XOFF) and is then closed, as a
        terminal window closing while output is backed up. The kernel sends SIGHUP, whose handler calls
        App.exit(); the process never ends, and SIGTERM does not end it either.
"""

import fcntl
import os
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

APP = Path(__file__).with_name("repro_app.py")
WAIT = 10


def take_terminal() -> None:
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def start(stderr_to_full: bool) -> tuple[subprocess.Popen, int, str]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    name = os.ttyname(slave)
    err = os.open("/dev/full", os.O_WRONLY) if stderr_to_full else slave  # Textual draws on stderr
    proc = subprocess.Popen(
        [sys.executable, str(APP)],
        stdin=slave,
        stdout=slave,
        stderr=err,
        env={**os.environ, "TERM": "xterm-256color"},
        preexec_fn=take_terminal,
    )
    os.close(slave)
    if stderr_to_full:
        os.close(err)
    return proc, master, name


def outcome(proc: subprocess.Popen) -> str:
    try:
        proc.wait(timeout=WAIT)
        return f"exited ({proc.returncode})"
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=3)
            return "HUNG (ended by SIGTERM)"
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return f"HUNG after {WAIT} s; SIGTERM ignored; killed"


def case_full() -> str:
    proc, master, _ = start(stderr_to_full=True)
    try:
        return outcome(proc)
    finally:
        os.close(master)


def case_hangup() -> str:
    proc, master, name = start(stderr_to_full=False)
    time.sleep(1)  # let it draw
    fd = os.open(name, os.O_RDWR | os.O_NOCTTY)
    termios.tcflow(fd, termios.TCOOFF)  # the terminal stops taking output
    os.close(fd)
    time.sleep(1)  # 100 frames are waiting: the writer thread is blocked and its queue is full
    os.close(master)  # the terminal closes: SIGHUP, and the blocked write fails with EIO
    return outcome(proc)


if __name__ == "__main__":
    import textual

    print(f"textual {textual.__version__}, python {sys.version.split()[0]}, {sys.platform}")
    print("full:  ", case_full())
    print("hangup:", case_hangup())
