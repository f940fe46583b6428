"""`python -m bench.walk [--pack PACK]`: walk plain mode taking the defaults, and count what a person meets.

The defaults: Enter at every prompt, except at a self-check question, answered "not sure" (its not_sure
choice), so its feedback is read as well. The walk runs in-process, from the welcome until the question
list is shown, with the answers in a temporary folder. A prompt is each time plain mode waits for input;
words are the runs of letters it prints, web addresses left out (`decisionaid.core.timing.count_words`).
The question list itself is counted apart: it is where the walk arrives.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from decisionaid.content import ContentError, Pack, load_pack
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.controller import Controller
from decisionaid.core.journey import Journey
from decisionaid.core.timing import WORDS_PER_MINUTE, count_words, minutes_for, short_path_time
from decisionaid.plain.console import Console, EndOfInput
from decisionaid.plain.flow import PlainAid
from decisionaid.storage.store import AnswersFile

ROOT = Path(__file__).resolve().parent.parent
TARGET_PROMPTS = 40
TARGET_WORDS = 2_250
PROMPT_LIMIT = 1_000  # a walk that never reaches the list is a bug, not a long pack


@dataclass
class Walk:
    """What the walk met: prompts and words before the question list, the list's own words, words by part."""

    prompts: int = 0
    words: int = 0
    list_words: int = 0
    by_part: Counter = field(default_factory=Counter)
    transcript: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return minutes_for(self.words)


class DefaultsConsole(Console):
    """A console that answers every prompt with the default and counts what is printed, part by part."""

    def __init__(self, width: int, walk: Walk) -> None:
        super().__init__(io.StringIO(), io.StringIO(), width=width, echo=False)
        self.walk = walk
        self.controller: Controller | None = None

    def _part(self) -> str:
        assert self.controller is not None
        if self.controller.session is None:
            return "welcome"
        part = self.controller.journey.part_of(self.controller.place)
        return part.id if part else self.controller.place[0]

    def _count(self, text: str) -> None:
        words = count_words(text)
        self.walk.transcript.append(text)
        if self._part() == "summary":
            self.walk.list_words += words
            return
        self.walk.words += words
        self.walk.by_part[self._part()] += words

    def show(self, lines) -> None:
        lines = list(lines)
        for line in lines:
            self._count(line)
        super().show(lines)

    def read(self, prompt: str) -> str:
        if self._part() == "summary" or self.walk.prompts >= PROMPT_LIMIT:
            raise EndOfInput
        self._count(prompt)
        self.walk.prompts += 1
        answer = self.default()
        self.walk.transcript.append(f"> {answer}")
        return answer

    def default(self) -> str:
        """'not sure' at a self-check question not yet answered; Enter everywhere else."""
        controller = self.controller
        assert controller is not None
        stage, position = controller.place
        session = controller.session
        if session is None or stage != "self_check" or not controller.journey.is_item((stage, position)):
            return ""
        item = controller.pack.self_check[position]
        if item.id in session.self_check:
            return ""
        return str(next(n for n, c in enumerate(item.choices, 1) if c.not_sure))


def walk_defaults(pack: Pack, *, width: int = 80) -> Walk:
    """Walk plain mode from the welcome to the question list, taking every default."""
    walk = Walk()
    with tempfile.TemporaryDirectory(prefix="decisionaid-walk-") as scratch:
        controller = Controller(pack, AnswersFile(Path(scratch) / "answers.toml"))
        console = DefaultsConsole(width, walk)
        console.controller = controller
        PlainAid(controller, console).run()
    if walk.prompts >= PROMPT_LIMIT:
        raise RuntimeError(f"the walk did not reach the question list after {PROMPT_LIMIT} prompts")
    return walk


def keys_in_tui(pack: Pack) -> int:
    """Key presses for the same walk in the full-screen aid: one to go on from each step, one per 'not sure'."""
    journey = Journey(pack)
    return len(journey.steps) - 1 + len(journey.short["self_check"])


def report(pack: Pack, walk: Walk) -> list[str]:
    """The numbers, against the targets."""
    timed = short_path_time(pack)
    prompts_ok = "met" if walk.prompts <= TARGET_PROMPTS else "missed"
    words_ok = "met" if walk.words <= TARGET_WORDS else "missed"
    marked = "marked" if timed.marked else "not marked, so everything is on it"
    lines = [
        f"pack {pack.meta.id} {pack.meta.version}: plain mode, taking the defaults, "
        "from the welcome to the question list",
        f"  prompts: {walk.prompts} (target at most {TARGET_PROMPTS}: {prompts_ok})",
        f"  words printed: {walk.words:,}, {walk.minutes} minutes at {WORDS_PER_MINUTE} a minute "
        f"(target at most {TARGET_WORDS:,}: {words_ok})",
        f"  words on the question list (not counted above): {walk.list_words:,}",
        f"  key presses for the same walk in the full-screen aid: {keys_in_tui(pack)}",
        f"  short path ({marked}): {_many(timed.cards, 'card')}, {_many(timed.self_check, 'self-check item')}, "
        f"{_many(timed.values, 'values item')}; the page models say {timed.words:,} words, {timed.minutes} minutes "
        f"(pack target {timed.target_minutes})",
        "  words printed, by part:",
    ]
    lines += [f"    {part:<12} {words:>6,}" for part, words in walk.by_part.items()]
    return lines


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.walk", description=__doc__.splitlines()[0])
    parser.add_argument("--pack", type=Path, default=ROOT / "content" / "ketamine", help="a pack folder")
    parser.add_argument("--width", type=int, default=80, help="the terminal width plain mode wraps to")
    parser.add_argument("--transcript", action="store_true", help="print everything the walk met, then the numbers")
    args = parser.parse_args(argv)
    try:
        pack = load_pack(args.pack)
    except ContentError as exc:
        print("\n".join(exc.lines(load_catalogue())), file=sys.stderr)
        return 2
    walk = walk_defaults(pack, width=args.width)
    if args.transcript:
        print("\n".join(walk.transcript), end="\n\n")
    print("\n".join(report(pack, walk)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
