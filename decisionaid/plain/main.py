"""Starting plain mode on the standard streams."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.bidi import isolator_for
from decisionaid.core.controller import Controller
from decisionaid.core.faults import FAULT_STATUS, fault_report
from decisionaid.core.journey import Place
from decisionaid.plain.console import Console, terminal_width
from decisionaid.plain.flow import PlainAid
from decisionaid.plain.output import OutputFailed, quiet_stdout, tell
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.catalogue import Catalogue


def run_plain(
    pack: Pack, *, answers: Path | None = None, at: Place | None = None, words: Catalogue | None = None
) -> int:
    """Run the journey on stdin and stdout, in `words` (default: the pack's language); never a traceback for bad
    bytes in or out.

    The answers are kept in the person's own file unless `answers` names another. With `at`, the aid opens
    at that step, without the welcome, for an author's look (the CLI then gives it a throwaway file).

    When standard output cannot be written (a full disk, a closed terminal), the answers are saved and one
    line on standard error says so, or says where they are if the save failed too; the exit status is 1.
    """
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    controller = Controller(pack, AnswersFile(answers or session_path(pack.meta.id)), words, offer_copies=not answers)
    isolator = isolator_for(pack, controller.words.language)
    console = Console(
        sys.stdin,
        sys.stdout,
        width=terminal_width(),
        echo=not sys.stdin.isatty(),
        words=controller.words,
        isolate=isolator.isolate if isolator else None,
    )
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: console.interrupt())
    try:
        return PlainAid(controller, console, at=at).run()
    except OutputFailed as failed:
        quiet_stdout()
        outcome = controller.leave()
        words = controller.words
        if not controller.started:
            tell(words("output.plain_failed_nothing", reason=failed.reason))
        elif outcome.saved:
            tell(words("output.plain_failed_saved", reason=failed.reason))
        else:
            tell(" ".join(filter(None, (words("output.failed", reason=failed.reason), outcome.problem, outcome.said))))
        return 1
    except Exception as fault:  # a fault in the aid: no traceback, whose values may hold what was typed
        tell(fault_report(fault, controller.words, _leave_after_fault(controller)))
        return FAULT_STATUS
    finally:
        signal.signal(signal.SIGINT, previous)


def _leave_after_fault(controller: Controller) -> str:
    """Save what can be saved after a fault; what became of the answers, in words."""
    try:
        outcome = controller.leave()
    except Exception:
        return controller.words("leave.lost")
    if outcome.saved:
        return controller.words("leave.saved") if controller.started else ""
    return " ".join(filter(None, (outcome.problem, outcome.said)))
