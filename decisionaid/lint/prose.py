"""The texts a person reads in a pack: each with its pack file, its dotted key and a label naming its item."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from decisionaid.content import PACK_FILES, Pack
from decisionaid.content.problems import dotted
from decisionaid.content.records import Record
from decisionaid.lint.wording import count_words

GRADED_MIN_WORDS = 12


@dataclass(frozen=True)
class Text:
    """One string a reader may see, e.g. file 'cards', key 'cards[3].body', label 'cards about-trd.body'."""

    file: str
    key: str
    label: str
    text: str

    @property
    def is_card_body(self) -> bool:
        return self.file == "cards" and self.key.endswith(".body")


def reader_texts(pack: Pack) -> Iterator[Text]:
    """Every string a reader may see.

    Left out: sources.toml, whose citations quote titles word for word, and the SURE items' text, which is
    licensed verbatim and cannot be reworded (its first item asks about 'the best choice for you').
    """
    for file in PACK_FILES:
        if file in ("sources", "manifest"):  # the manifest holds hashes, written by the release command
            continue
        for loc, label, text in _strings(pack.file(file), (), ()):
            if file == "sure" and loc[:2] == ("sure", "items") and loc[-1] == "text":
                continue
            yield Text(file, dotted(loc), f"{file} {'.'.join(label)}", text)


def graded_texts(pack: Pack) -> Iterator[Text]:
    """The prose whose reading grade is measured: every card body, and any other text of 12 words or more.

    The SURE test's citation is a reference, not prose, and is not graded.
    """
    for text in reader_texts(pack):
        if text.key == "sure.citation":
            continue
        if text.is_card_body or count_words(text.text) >= GRADED_MIN_WORDS:
            yield text


def _strings(
    value: object, loc: tuple[str | int, ...], label: tuple[str, ...]
) -> Iterator[tuple[tuple[str | int, ...], tuple[str, ...], str]]:
    """(dotted location, label, text) for each string below `value`; list items are named by their id."""
    if isinstance(value, Record):
        for name in value._fields:
            yield from _strings(getattr(value, name), (*loc, name), (*label, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            name = _item_name(item)
            item_label = (*label[:-1], name) if name else (*label[:-1], f"{label[-1]}[{i}]")
            yield from _strings(item, (*loc, i), item_label)
    elif isinstance(value, str):
        yield loc, label, value


def _item_name(item: object) -> str | None:
    """An item's id, or for a comparison cell the option it is about."""
    for attribute in ("id", "option"):
        name = getattr(item, attribute, None)
        if isinstance(name, str):
            return name
    return None
