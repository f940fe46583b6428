"""A pseudo-language for tests: the English catalogue with every text marked ⟦like this⟧.

Whatever a front end shows in this language, once every marked span is taken away, must leave only words of the
pack's own text: any other word was written somewhere other than the catalogue or the pack. The values put into a
sentence stay outside its marks ('⟦Card ⟧2⟦ of ⟧5⟦⟧'), so they are read too: a value that is itself a sentence
of the catalogue is marked, a pack's text is the pack's, and anything else is found.
"""

from __future__ import annotations

import html
import re
import string
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

import tomli_w

from decisionaid.content.records import Record
from decisionaid.core import catalogue
from decisionaid.core.formats import language_name, long_date

PSEUDO = "qps"  # in ISO 639's range for local use (qaa-qtz), so no real language's code
OPEN, CLOSE = "⟦", "⟧"
INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
WORD = re.compile(r"[^\W\d_]{2,}")
HTML_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
HTML_TAG = re.compile(r"<[^>]*>")

# What the front ends show that is neither the catalogue's nor the pack's, and why. Names are allowed where they
# are shown (the aid's own, the themes'). Textual keeps a few words of its own that the walk does not meet: the
# command palette's "No matches found" after a search that finds nothing, and the editing keys of a text field,
# which the keys help leaves out.
KNOWN = {
    "txt": "the ending of a text file's name (a handout saved as text)",
    "md": "the ending of a Markdown file's name",
    "html": "the ending of a web page's name",
}
LANGUAGES = {  # the welcome names the pack's language and the interface's, over an English pack
    language_name(code, "en").casefold(): "a language's name: from CLDR, not the catalogue" for code in ("en", PSEUDO)
}
MONTHS = {
    word.casefold(): "a month's name: dates follow the language's CLDR forms, not the catalogue"
    for month in range(1, 13)
    for word in WORD.findall(long_date(date(2026, month, 1), "en"))
}


def marked(entry: object) -> object:
    """Every text of a catalogue entry marked: the words between its placeholders wrapped in ⟦ ⟧, the placeholders
    as they were, between the marks."""
    if isinstance(entry, str):
        pieces = []
        for literal, field, spec, conversion in string.Formatter().parse(entry):
            pieces.append(f"{OPEN}{literal.replace('{', '{{').replace('}', '}}')}{CLOSE}")
            if field is not None:
                pieces.append(
                    "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                )
        if not pieces or pieces[-1].endswith("}"):
            pieces.append(OPEN + CLOSE)
        return "".join(pieces)
    if isinstance(entry, Mapping):
        return {key: marked(value) for key, value in entry.items()}
    raise TypeError(f"not a catalogue entry: {entry!r}")


def write_locales(folder: Path) -> Path:
    """A locales folder with the shipped catalogues and the pseudo-language, made from English."""
    folder.mkdir(parents=True, exist_ok=True)
    for shipped in catalogue.LOCALES.glob("*.toml"):
        (folder / shipped.name).write_bytes(shipped.read_bytes())
    english = tomllib.loads((catalogue.LOCALES / "en.toml").read_text(encoding="utf-8"))
    (folder / f"{PSEUDO}.toml").write_text(tomli_w.dumps(marked(english)), encoding="utf-8")
    return folder


def unmarked(text: str) -> str:
    """What is left of `text` once every marked span, however nested or wrapped across lines, is taken away."""
    text = " ".join(text.split())
    while (shorter := INNERMOST.sub(" ", text)) != text:
        text = shorter
    return text


def page_text(page: str) -> str:
    """A web page's text: its style sheet and tags taken away, its entities read."""
    return html.unescape(HTML_TAG.sub(" ", HTML_STYLE.sub(" ", page)))


def words_in(texts: Iterable[str]) -> set[str]:
    """The words (two letters or more) of some texts, in lower case."""
    return {word.casefold() for text in texts for word in WORD.findall(text)}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Record):
        for name in value._fields:
            yield from _strings(getattr(value, name))
    elif isinstance(value, Mapping):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _strings(inner)


def pack_words(pack) -> set[str]:
    """Every word of a pack's own text, in any of its files."""
    return words_in(_strings(pack))


class Reading:
    """What a person was shown, place by place, and the words in it that neither the catalogue nor the pack gave."""

    def __init__(self, pack, *, hide: Iterable[str] = (), allowed: Iterable[str] = ()) -> None:
        self.allowed = pack_words(pack) | set(KNOWN) | set(MONTHS) | set(LANGUAGES) | {w.casefold() for w in allowed}
        self.hide = sorted(filter(None, hide), key=len, reverse=True)  # the test's own text, such as its folders
        self.stray: dict[str, set[str]] = {}
        self.places = 0

    def read(self, where: str, text: str) -> None:
        for hidden in self.hide:
            text = text.replace(hidden, " ")
        self.places += 1
        stray = words_in([unmarked(text)]) - self.allowed
        if stray:
            self.stray.setdefault(where, set()).update(stray)

    def report(self) -> str:
        lines = [f"  {where}: {', '.join(sorted(words))}" for where, words in self.stray.items()]
        return "words neither from the catalogue nor from the pack, by where they were shown:\n" + "\n".join(lines)
