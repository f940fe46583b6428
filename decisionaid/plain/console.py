"""Reading answers and printing wrapped lines: nothing that only makes sense on a screen."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Iterable
from typing import TextIO

from decisionaid.core.sanitize import clean_text

MIN_WIDTH = 20
_HANGING = re.compile(r"^(\s*(?:\d+\.\s+)?)")


class EndOfInput(Exception):
    """The input ended (end of a pipe, or Ctrl+D)."""


def terminal_width() -> int:
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def wrap(line: str, width: int) -> list[str]:
    """One line wrapped at `width`; continuation lines hang under the text after any indent or 'N. '."""
    if not line.strip():
        return [""]
    text = line.lstrip(" ")
    indent = line[: len(line) - len(text)]
    hang = " " * len(_HANGING.match(line).group(1))  # type: ignore[union-attr]
    return textwrap.wrap(
        text, width, initial_indent=indent, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False
    )


class Console:
    """Prints lines wrapped to the width and reads one answer at a time.

    Everything printed passes through clean_text, so no text can move the cursor or change colours.
    When the answers come from a pipe, each one is echoed after its prompt, so the output reads as a transcript.
    """

    def __init__(self, stdin: TextIO, stdout: TextIO, *, width: int, echo: bool) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.width = width
        self.echo = echo
        self.waiting = False
        self.interrupted = False

    def interrupt(self) -> None:
        """Ctrl+C: stop at once while waiting for an answer; while printing, stop at the next prompt.

        Raising in the middle of a write would leave the output stream unusable for the goodbye line.
        """
        if self.waiting:
            raise KeyboardInterrupt
        self.interrupted = True

    def show(self, lines: Iterable[str]) -> None:
        """Print each line wrapped; an empty string prints a blank line."""
        for line in lines:
            for text in clean_text(line).split("\n"):
                for wrapped in wrap(text, self.width):
                    self.stdout.write(wrapped.rstrip() + "\n")
        self.stdout.flush()

    def say(self, *lines: str) -> None:
        self.show(lines)

    def read(self, prompt: str) -> str:
        """Print the prompt (its last line stays open for the answer) and return the answer without its newline."""
        *before, last = wrap(clean_text(prompt), self.width)
        for line in before:
            self.stdout.write(line + "\n")
        self.stdout.write(last + " ")
        self.stdout.flush()
        if self.interrupted:
            raise KeyboardInterrupt
        self.waiting = True
        try:
            answer = self.stdin.readline()
        finally:
            self.waiting = False
        if not answer:
            self.stdout.write("\n")
            raise EndOfInput
        answer = answer.rstrip("\r\n")
        if self.echo:
            self.stdout.write(clean_text(answer) + "\n")
        self.stdout.flush()
        return answer
