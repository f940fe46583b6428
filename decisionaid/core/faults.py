"""A fault in the aid itself, told without what a person typed: the kind of fault and where it happened, by
file, line and function name only. Never the message or a variable's value, which may hold typed text."""

from __future__ import annotations

import traceback
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.core.catalogue import Catalogue

FAULT_STATUS = 70  # EX_SOFTWARE: the aid's own fault
MOST_FRAMES = 8  # the innermost calls are where a fault is; the rest is how the aid got there


def fault_trace(error: BaseException) -> str:
    """'ValueError at controller.py:381 add_own_question < summary.py:312 on_input_submitted': innermost first."""
    frames = traceback.extract_tb(error.__traceback__)[-MOST_FRAMES:]
    places = [f"{PurePath(frame.filename).name}:{frame.lineno} {frame.name}" for frame in reversed(frames)]
    return f"{type(error).__name__} at {' < '.join(places) or '?'}"


def fault_report(error: BaseException, words: Catalogue, answers: str = "") -> str:
    """One paragraph for the person: the aid stopped, what became of the answers (a sentence, if any), and the
    line to report."""
    parts = (words("fault.stopped"), answers, words("fault.report", trace=fault_trace(error)))
    return " ".join(part for part in parts if part)
