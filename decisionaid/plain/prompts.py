"""Prompts with single-letter commands: every answer is checked, and a bad one gets a hint and the same prompt."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from decisionaid.plain.console import Console

BACK, SOURCES, CRISIS, REPEAT, HELP, QUIT = "b", "s", "c", "r", "h", "q"
COMMANDS = {
    BACK: "back to the previous page",
    SOURCES: "the sources for this page",
    REPEAT: "read this page again",
    CRISIS: "crisis help: who to contact now",
    HELP: "this list of commands",
    QUIT: "quit; your answers are saved",
}
_NUMBERS = re.compile(r"[\s,]+")


class Quit(Exception):
    """The person typed q."""


@dataclass
class Here:
    """What the commands act on at a prompt: the page to read again, its sources, any extra commands."""

    page: Callable[[], list[str]]
    sources: Callable[[], list[str]] | None = None
    extra: dict[str, str] = field(default_factory=dict)
    first: bool = False


class Prompter:
    """Asks on the console; crisis help, sources, help and reading again are answered in place."""

    def __init__(self, console: Console, crisis: list[str]) -> None:
        self.console = console
        self.crisis = crisis

    def choose(
        self, here: Here, prompt: str, *, count: int = 0, enter: bool = False, usage: list[str] | None = None
    ) -> int | str:
        """A number from 1 to `count`, '' for Enter (when `enter`), or 'b' or one of here.extra's letters.

        `usage` replaces the first lines of the help (what Enter and the numbers do).
        """
        while True:
            answer = self.console.read(prompt).strip()
            letter = answer.lower()
            if answer == "" and enter:
                return ""
            if self._command(here, letter, self._usage(count, enter) if usage is None else usage):
                continue
            if letter == BACK or letter in here.extra:
                return letter
            if count and answer.isdigit() and 1 <= int(answer) <= count:
                return int(answer)
            self.console.say(self._hint(count, enter))

    def numbers(self, here: Here, prompt: str, count: int) -> list[int] | str:
        """Several numbers from 1 to `count`, separated by spaces or commas; '' for Enter, or 'b'."""
        while True:
            answer = self.console.read(prompt).strip()
            if answer == "":
                return ""
            if self._command(here, answer.lower(), [f"1 to {count}: the numbers, separated by spaces."]):
                continue
            if answer.lower() == BACK:
                return BACK
            parts = _NUMBERS.split(answer.strip(", "))
            if all(p.isdigit() and 1 <= int(p) <= count for p in parts):
                return [int(p) for p in dict.fromkeys(parts)]
            self.console.say(f"Type numbers from 1 to {count}, for example 1 3, or press Enter for no change.")

    def text(self, here: Here, prompt: str) -> str | None:
        """A line of text as typed ('' for Enter), or None for b."""
        while True:
            answer = self.console.read(prompt)
            letter = answer.strip().lower()
            if self._command(here, letter, ["Type your text, then press Enter."]):
                continue
            if letter == BACK:
                return None
            return answer

    def confirm(self, here: Here, question: str) -> bool:
        """Yes or no; b counts as no."""
        while True:
            answer = self.console.read(f"{question} Type y for yes or n for no:").strip().lower()
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no", BACK):
                return False
            if not self._command(here, answer, ["y: yes.", "n: no."]):
                self.console.say("Type y for yes or n for no.")

    def _command(self, here: Here, letter: str, usage: list[str]) -> bool:
        """Carry out a command that leaves the person at the same prompt; True if `letter` was one."""
        if letter == QUIT:
            raise Quit
        if letter == HELP:
            self.console.say(*self._help(here, usage))
        elif letter == CRISIS:
            self.console.say("", *self.crisis, "")
        elif letter == REPEAT:
            self.console.say("", *here.page())
        elif letter == SOURCES:
            self.console.say(*(here.sources() if here.sources else ["This page has no sources."]))
        elif letter == BACK and here.first:
            self.console.say("This is the first page; there is nothing before it.")
        else:
            return False
        return True

    @staticmethod
    def _usage(count: int, enter: bool) -> list[str]:
        lines = ["Enter: go on."] if enter else []
        if count:
            lines.append(f"1 to {count}: choose that answer.")
        return lines

    def _hint(self, count: int, enter: bool) -> str:
        if count and enter:
            return f"Press Enter to go on, or type a number from 1 to {count}. Type h for help."
        if count:
            return f"Type a number from 1 to {count}, then press Enter. Type h for help."
        return "Press Enter to go on, or type h for help."

    @staticmethod
    def _help(here: Here, usage: list[str]) -> list[str]:
        commands = {**here.extra, **COMMANDS}
        if here.first:
            commands.pop(BACK)
        if here.sources is None:
            commands.pop(SOURCES)
        lines = ["Commands: type one, then press Enter.", *usage]
        lines += [f"{letter}: {meaning}." for letter, meaning in commands.items()]
        return lines
