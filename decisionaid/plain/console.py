"""Reading answers and printing wrapped lines: nothing that only makes sense on a screen."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from decisionaid.core.catalogue import Catalogue, load_catalogue
from decisionaid.core.controller import MAX_NOTE
from decisionaid.plain.lines import close_isolates, wrap
from decisionaid.plain.output import write_out
from decisionaid.sanitize import clean_text

MIN_WIDTH = 20
MAX_LINE = MAX_NOTE  # no one answer can be longer than the longest note
ANSWER_ROOM = 10  # a prompt's last line leaves room for a short answer typed after it


class EndOfInput(Exception):
    """The input ended (end of a pipe, or Ctrl+D)."""


def terminal_width() -> int:
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


class Console:
    """Prints lines wrapped to the width and reads one answer at a time.

    Everything printed passes through clean_text, so no text can move the cursor or change colours.
    When the answers come from a pipe, each one is echoed after its prompt, so the output reads as a transcript.
    For a right-to-left pack, `isolate` puts its numbers and names between isolates once cleaned, in logical order.
    """

    def __init__(
        self,
        stdin: TextIO,
        stdout: TextIO,
        *,
        width: int,
        echo: bool,
        words: Catalogue | None = None,
        isolate: Callable[[str], str] | None = None,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.width = width
        self.echo = echo
        self.isolate = isolate
        self.words = words or load_catalogue()
        self.waiting = False
        self.interrupted = False

    def interrupt(self) -> None:
        """Ctrl+C: stop at once while waiting for an answer; while printing, stop at the next prompt.

        Raising in the middle of a write would leave the output stream unusable for the goodbye line.
        """
        if self.waiting:
            raise KeyboardInterrupt
        self.interrupted = True

    def pause(self, seconds: float) -> None:
        """Wait a moment with nothing to read; Ctrl+C stops at once."""
        if self.interrupted:
            raise KeyboardInterrupt
        self.waiting = True
        try:
            time.sleep(seconds)
        finally:
            self.waiting = False

    def show(self, lines: Iterable[str]) -> None:
        """Print each line wrapped; an empty string prints a blank line. OutputFailed when stdout is broken."""
        out = [
            wrapped.rstrip() + "\n"
            for line in lines
            for text in clean_text(line).split("\n")
            for wrapped in self._wrapped(text, self.width)
        ]
        write_out(self.stdout, "".join(out))

    def _wrapped(self, text: str, width: int) -> list[str]:
        if self.isolate is None:
            return wrap(text, width)
        return close_isolates(wrap(self.isolate(text), width))

    def say(self, *lines: str) -> None:
        self.show(lines)

    def note(self, *lines: str) -> None:
        """Print what the aid says about a page rather than the page itself: where it is, a key that lists its
        sources, what an answer did. Printed as `say` prints; the pages' words, and their reading time, are apart."""
        self.show(lines)

    def read(self, prompt: str) -> str:
        """Print the prompt (its last line stays open for the answer) and return the answer without its newline.

        A line longer than MAX_LINE characters is refused whole, with a message, and the prompt is asked again;
        an input that cannot be read any more counts as its end.
        """
        *before, last = self._wrapped(clean_text(prompt), max(self.width - ANSWER_ROOM, ANSWER_ROOM))
        while True:
            write_out(self.stdout, "".join(line + "\n" for line in before) + last + " ")
            if self.interrupted:
                raise KeyboardInterrupt
            self.waiting = True
            try:
                answer = self._read_line()
            finally:
                self.waiting = False
            if answer is not None:
                break
            self.show([self.words("typing.line_too_long", limit=self.words.number(MAX_LINE))])
        answer = answer.rstrip("\r\n")
        if self.echo:
            write_out(self.stdout, clean_text(answer) + "\n")
        return answer

    def _read_line(self) -> str | None:
        """One line of at most MAX_LINE characters; None (after reading past the rest) for a longer one."""
        try:
            answer = self.stdin.readline(MAX_LINE + 1)
            if not answer:
                raise EndOfInput
            if len(answer) <= MAX_LINE or answer.endswith("\n"):
                return answer
            while (more := self.stdin.readline(MAX_LINE)) and not more.endswith("\n"):
                pass
        except OSError:
            raise EndOfInput from None
        except EndOfInput:
            write_out(self.stdout, "\n")
            raise
        return None
