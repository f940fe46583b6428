"""Starting plain mode on the standard streams."""

from __future__ import annotations

import signal
import sys

from decisionaid.content import Pack
from decisionaid.core.controller import Controller
from decisionaid.plain.console import Console, terminal_width
from decisionaid.plain.flow import PlainAid
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile


def run_plain(pack: Pack) -> int:
    """Run the journey on stdin and stdout; never a traceback for bad bytes in or out."""
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    console = Console(sys.stdin, sys.stdout, width=terminal_width(), echo=not sys.stdin.isatty())
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: console.interrupt())
    try:
        return PlainAid(Controller(pack, AnswersFile(session_path(pack.meta.id))), console).run()
    finally:
        signal.signal(signal.SIGINT, previous)
