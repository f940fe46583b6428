"""How long the short path takes to read: the words of the pack's own text on it, at 150 words a minute.

The short path is what the default journey shows: the cards, self-check items and values items marked
`short_path = true`. A pack with no marks at all has everything on it. Interface text (headings, buttons,
prompts) is not counted, so a pack should stay somewhat below its target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from decisionaid.content import Pack
from decisionaid.content.models import Card, SelfCheck, ValueItem
from decisionaid.lint.wording import count_words

WORDS_PER_MINUTE = 150


@dataclass(frozen=True)
class ShortPath:
    """The short path's length in words against its target in minutes."""

    marked: bool
    cards: int
    self_check: int
    values: int
    words: int
    target_minutes: int

    @property
    def minutes(self) -> float:
        """Minutes at 150 words a minute, rounded up to a tenth, so a path over its target never looks on it."""
        return math.ceil(self.words * 10 / WORDS_PER_MINUTE) / 10

    @property
    def over_target(self) -> bool:
        return self.words > self.target_minutes * WORDS_PER_MINUTE


def measure_short_path(pack: Pack) -> ShortPath:
    """The cards, self-check items and values items on the short path, and how many words they show."""
    cards = pack.cards.cards
    checks = pack.self_check.self_check
    values = pack.values.values
    marked = any(item.short_path for item in (*cards, *checks, *values))

    def on(items):
        return [item for item in items if item.short_path or not marked]

    on_cards, on_checks, on_values = on(cards), on(checks), on(values)
    words = (
        sum(card_words(pack, card) for card in on_cards)
        + sum(self_check_words(item) for item in on_checks)
        + sum(value_words(item) for item in on_values)
    )
    return ShortPath(marked, len(on_cards), len(on_checks), len(on_values), words, pack.meta.short_path_minutes)


def card_words(pack: Pack, card: Card) -> int:
    """The title, the body and the text of each figure drawn on the card."""
    texts = [card.title, card.body]
    for figure_id in card.figures:
        figure = pack.figure(figure_id)
        texts += [figure.counted, figure.population, figure.time_frame]
        texts += [figure.option_arm.label, figure.comparator.label]
    return sum(map(count_words, texts))


def self_check_words(item: SelfCheck) -> int:
    """The prompt, every choice and the explanation shown after an answer."""
    return sum(map(count_words, [item.prompt, *(c.label for c in item.choices), item.explanation]))


def value_words(item: ValueItem) -> int:
    """The statement and every choice."""
    return sum(map(count_words, [item.statement, *(c.label for c in item.choices)]))


def comparison_words(pack: Pack) -> int:
    """The words of the comparison table: each row's question and its cells."""
    return sum(
        count_words(row.question) + sum(count_words(cell.text) for cell in row.cells) for row in pack.comparison.rows
    )
