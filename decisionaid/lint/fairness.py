"""Fair to every option: how many words of cards each option gets, and which kinds of card it has."""

from __future__ import annotations

from decisionaid.content import Pack
from decisionaid.content.models import CardKind
from decisionaid.lint.report import OptionWords, WordsRatio
from decisionaid.lint.wording import count_words

PACK_RATIO_LIMIT = 2.5
SHORT_PATH_RATIO_LIMIT = 1.5
ROW_KINDS = (CardKind.benefit, CardKind.harm, CardKind.practical, CardKind.uncertainty)


def option_words(pack: Pack, marked: bool) -> list[OptionWords]:
    """The words (title and body) of the cards naming each option, in the pack and on the short path; a card
    naming n options counts for each, and with no short path marked every card is on it."""
    counted = []
    for option in pack.options:
        about = [card for card in pack.cards if option.id in card.options]
        words = [count_words(card.title) + count_words(card.body) for card in about]
        on_path = [n for card, n in zip(about, words, strict=True) if card.short_path or not marked]
        counted.append(OptionWords(option.id, option.status_quo, sum(words), sum(on_path)))
    return counted


def words_ratio(counts: list[int], limit: float) -> WordsRatio | None:
    """Most words over fewest among the options other than the status quo; None with fewer than 2 of them."""
    if len(counts) < 2:
        return None
    fewest = min(counts)
    return WordsRatio(max(counts) / fewest if fewest else float("inf"), limit)


def missing_rows(pack: Pack) -> list[tuple[int, str, CardKind, str]]:
    """(index, option, kind, another option that has it) for each kind of card in ROW_KINDS that some option
    has and another lacks: every option, the status quo too, gets the same rows, not the same length."""
    kinds = {option.id: {card.kind for card in pack.cards if option.id in card.options} for option in pack.options}
    missing = []
    for kind in ROW_KINDS:
        having = [option for option, has in kinds.items() if kind in has]
        if not having:
            continue
        for i, option in enumerate(pack.options):
            if kind not in kinds[option.id]:
                missing.append((i, option.id, kind, having[0]))
    return missing
