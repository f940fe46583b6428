"""Prompts with single-letter commands: every answer is checked, and a bad one gets a hint and the same prompt."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.journey import Place
from decisionaid.plain.console import Console

BACK, SOURCES, CRISIS, REPEAT, MAP, LIST, HELP, QUIT = "b", "s", "c", "r", "m", "l", "h", "q"
COMMANDS = {
    BACK: "back",
    SOURCES: "sources",
    REPEAT: "repeat",
    MAP: "map",
    LIST: "list",
    CRISIS: "crisis",
    HELP: "help",
    QUIT: "quit",
}
ABOUT = "i"  # about this aid: said by its own catalogue entry, after the commands above
_NUMBERS = re.compile(r"[\s,]+")


class Quit(Exception):
    """The person typed q."""


class Jump(Exception):
    """The person chose another place: a part from the map, or the question list."""

    def __init__(self, place: Place) -> None:
        super().__init__(place)
        self.place = place


@dataclass
class Here:
    """What the commands act on at a prompt: the page to read again, its sources, any extra commands."""

    page: Callable[[], list[str]]
    sources: Callable[[], list[str]] | None = None
    extra: dict[str, str] = field(default_factory=dict)
    first: bool = False


class Prompter:
    """Asks on the console; crisis help, sources, help and reading again are answered in place."""

    def __init__(
        self,
        console: Console,
        crisis: list[str],
        words: Catalogue,
        show_map: Callable[[], None] | None = None,
        about: list[str] | None = None,
    ) -> None:
        """`show_map` prints the map and asks where to go (raising Jump); without it, m and l do nothing.
        `about` is the about page, printed for i."""
        self.console = console
        self.crisis = crisis
        self.about = about
        self.words = words
        self.show_map = show_map

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
            if self._command(here, answer.lower(), [self.words("prompt.numbers_usage", count=count)]):
                continue
            if answer.lower() == BACK:
                return BACK
            parts = _NUMBERS.split(answer.strip(", "))
            if all(p.isdigit() and 1 <= int(p) <= count for p in parts):
                return [int(p) for p in dict.fromkeys(parts)]
            self.console.say(self.words("prompt.numbers_hint", count=count))

    def text(self, here: Here, prompt: str) -> str | None:
        """A line of text as typed ('' for Enter), or None for b."""
        while True:
            answer = self.console.read(prompt)
            letter = answer.strip().lower()
            if self._command(here, letter, [self.words("prompt.text_usage")]):
                continue
            if letter == BACK:
                return None
            return answer

    def confirm(self, here: Here, question: str) -> bool:
        """Yes or no; b counts as no."""
        while True:
            answer = self.console.read(self.words("prompt.confirm", question=question)).strip().lower()
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no", BACK):
                return False
            if not self._command(here, answer, [self.words("prompt.yes_usage"), self.words("prompt.no_usage")]):
                self.console.say(self.words("prompt.confirm_hint"))

    def _command(self, here: Here, letter: str, usage: list[str]) -> bool:
        """Carry out a command that leaves the person at the same prompt; True if `letter` was one."""
        if letter == QUIT:
            raise Quit
        if letter == HELP:
            self.console.say(*self._help(here, usage))
        elif letter == CRISIS and self.crisis:
            self.console.say("", *self.crisis, "")
        elif letter == ABOUT and self.about:
            self.console.say("", *self.about, "")
        elif letter == REPEAT:
            self.console.say("", *here.page())
        elif letter == SOURCES:
            self.console.say(*(here.sources() if here.sources else [self.words("prompt.no_sources")]))
        elif letter == MAP and self.show_map is not None:
            self.show_map()
        elif letter == LIST and self.show_map is not None:
            raise Jump(("summary", 0))
        elif letter == BACK and here.first:
            self.console.say(self.words("prompt.first_page"))
        else:
            return False
        return True

    def _usage(self, count: int, enter: bool) -> list[str]:
        lines = [self.words("prompt.enter_usage")] if enter else []
        if count:
            lines.append(self.words("prompt.number_usage", count=count))
        return lines

    def _hint(self, count: int, enter: bool) -> str:
        if count and enter:
            return self.words("prompt.hint_enter_or_number", count=count)
        if count:
            return self.words("prompt.hint_number", count=count)
        return self.words("prompt.hint_enter")

    def _help(self, here: Here, usage: list[str]) -> list[str]:
        commands = {**here.extra, **{k: self.words(f"prompt.command_{v}") for k, v in COMMANDS.items()}}
        if here.first:
            commands.pop(BACK)
        if here.sources is None:
            commands.pop(SOURCES)
        if not self.crisis:
            commands.pop(CRISIS)
        if self.show_map is None:
            commands.pop(MAP)
            commands.pop(LIST)
        if self.about:  # listed just before h
            listed, at = list(commands.items()), list(commands).index(HELP)
            commands = dict([*listed[:at], (ABOUT, self.words("about.plain_command")), *listed[at:]])
        lines = [self.words("prompt.commands"), *usage]
        lines += [self.words("prompt.command_line", letter=letter, meaning=m) for letter, m in commands.items()]
        return lines
