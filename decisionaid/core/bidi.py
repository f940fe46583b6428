"""Right-to-left text: which languages are written right to left, and the numbers and names a front end isolates.

Text is kept in logical order, the order it is read in; the display reorders it. Where a sentence of one
direction holds a number or a name of the other ("Card 2 of 5", "Read the card: <an Arabic title>"), the
Unicode bidirectional algorithm can carry the number across the name, so each front end isolates them: plain
mode with the isolate characters FSI and PDI, the browser with <bdi>. `Isolator.spans` finds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from decisionaid.core.formats import babel_locale

if TYPE_CHECKING:
    from decisionaid.content import Pack

FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2068", "\u2069"
# The shipped catalogues' languages, each written left to right (a test checks them against CLDR): the full-screen
# aid asks at every start, and Babel's locale data for the answer would add some 5 MiB to its memory.
LEFT_TO_RIGHT = frozenset({"en", "es", "fr"})
# A number: digits with the separators CLDR groups them with (comma, stop, spaces) and a percent sign; never digits
# inside a word, a file's name or a path, which are copied as they are.
_NUMBER = r"(?<![\w./\\:-])\d(?:[\d.,\u00a0\u202f]*\d)?(?:[ \u00a0\u202f]?%)?(?![\w/\\])"


def is_right_to_left(language: str) -> bool:
    """Whether CLDR writes `language` right to left (Arabic, Hebrew, Persian, Urdu...)."""
    if language in LEFT_TO_RIGHT:
        return False
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(babel_locale(language)).character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):
        return False


def pack_names(pack: Pack) -> list[str]:
    """The short texts of a pack that interface sentences name: its title, options, sections, cards, self-check
    topics, figures' labels and its vocabulary."""
    meta = pack.meta
    names = [meta.title, *(option.name for option in pack.options), *(section.title for section in pack.sections)]
    names += [card.title for card in pack.cards]
    names += [item.topic for item in pack.self_check]
    names += [topic.title for topic in pack.topics]
    names += [word for word in (getattr(meta.vocabulary, name, None) for name in ("expert", "counted")) if word]
    return names


class Isolator:
    """Finds the numbers and the names in a text, to isolate each from the sentence around it."""

    def __init__(self, names: Iterable[str]) -> None:
        ordered = sorted({name.strip() for name in names if name.strip()}, key=len, reverse=True)
        named = "|".join(re.escape(name) for name in ordered)
        self._pattern = re.compile(f"(?:{named})|{_NUMBER}" if named else _NUMBER)

    def spans(self, text: str) -> Iterator[tuple[str, bool]]:
        """The text in pieces, in order, each with whether it is a number or a name to isolate."""
        at = 0
        for found in self._pattern.finditer(text):
            if found.start() > at:
                yield text[at : found.start()], False
            yield found.group(), True
            at = found.end()
        if at < len(text):
            yield text[at:], False

    def isolate(self, text: str) -> str:
        """The text with each number and name between FSI and PDI."""
        return "".join(
            f"{FIRST_STRONG_ISOLATE}{piece}{POP_ISOLATE}" if odd else piece for piece, odd in self.spans(text)
        )


def isolator_for(pack: Pack, language: str) -> Isolator | None:
    """An isolator when the pack or the interface (`language`) is written right to left, else None."""
    if is_right_to_left(pack.meta.language) or is_right_to_left(language):
        return Isolator(pack_names(pack))
    return None
