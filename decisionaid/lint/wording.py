"""Word lists for non-directive, IPDAS-style wording, and the matches they find in a text.

Every pattern is case-insensitive, matches whole words only and lets any run of spaces or line
breaks stand between the words of a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DIRECTIVE_PHRASES = (
    "you should",
    "you must",
    "we recommend",
    "we suggest",
    "recommended for you",
    "best option",
    "best treatment",
    "best choice",
    "right for you",
    "is right for you",
    "suits you best",
    "you need to",
    "you ought to",
)

RELATIVE_RISK_PHRASES = (
    "times more likely",
    "times less likely",
    "times as likely",
    "twice as likely",
    "halves the risk",
    "doubles the risk",
    "hazard ratio",
    "odds ratio",
    "relative risk",
    "risk ratio",
)

VAGUE_WORDS = (
    "rare",
    "rarely",
    "common",
    "commonly",
    "uncommon",
    "frequent",
    "frequently",
    "very few",
    "most people",
    "many people",
)

ADVICE_VERBS = ("ask", "tell", "make sure", "do not", "don't", "avoid")

_NUMBER_WORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "half",
)


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(word) for word in words.split())


def _any_of(phrases: Iterable[str]) -> str:
    """One alternation, longest phrase first so 'is right for you' wins over 'right for you'."""
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


def _whole_words(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_any_of(phrases)})(?!\w)", re.IGNORECASE)


_DIRECTIVE = _whole_words(DIRECTIVE_PHRASES)
_RELATIVE_RISK = re.compile(
    rf"(?:(?<!\w)(?:{_any_of(RELATIVE_RISK_PHRASES)})s?|(?:%|(?<!\w)per\s*cent)\s+(?:more|less)\s+likely)(?!\w)",
    re.IGNORECASE,
)
_ONE_IN_N = re.compile(
    rf"(?<![\w.,])(?:1|one)[\s-]+in[\s-]+(?:every\s+)?(?:a\s+)?(?:\d[\d,]*|{'|'.join(_NUMBER_WORDS)})(?!\w)",
    re.IGNORECASE,
)
_VAGUE = _whole_words(VAGUE_WORDS)
_NUMBER = re.compile(rf"\d|(?<!\w)(?:{'|'.join(_NUMBER_WORDS)})(?!\w)", re.IGNORECASE)
_ADVICE_START = re.compile(rf"^(?:{_any_of(ADVICE_VERBS)})(?!\w)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\S*\w\S*")


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    """Each distinct match (ignoring case), in order, with its spacing tidied."""
    seen: dict[str, str] = {}
    for match in pattern.finditer(text):
        tidy = " ".join(match.group().split())
        seen.setdefault(tidy.casefold(), tidy)
    return list(seen.values())


def directive_phrases(text: str) -> list[str]:
    """Phrases that tell the reader what to do or which option to take."""
    return _found(_DIRECTIVE, text)


def one_in_n(text: str) -> list[str]:
    """'1 in 5' and 'one in ten' style frequencies."""
    return _found(_ONE_IN_N, text)


def relative_risk(text: str) -> list[str]:
    """Relative-risk wording, which overstates effects without the absolute numbers."""
    return _found(_RELATIVE_RISK, text)


def vague_without_number(text: str) -> list[str]:
    """Verbal probability words in sentences that give no number.

    Words inside quotation marks are left alone: quoting a claim ("side effects are rare") to test it
    is not making it.
    """
    found: dict[str, str] = {}
    for sentence in _SENTENCE_END.split(_QUOTED.sub("", text)):
        if not _NUMBER.search(sentence):
            for word in _found(_VAGUE, sentence):
                found.setdefault(word.casefold(), word)
    return list(found.values())


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


def has_number(text: str) -> bool:
    """Whether the text gives a number, in digits or in words ('two', 'half')."""
    return _NUMBER.search(text) is not None


def advice_verb_at_start(text: str) -> str | None:
    """The instruction a text opens with ('Ask', 'Make sure', ...), if any."""
    match = _ADVICE_START.match(text.strip())
    return " ".join(match.group().split()) if match else None


def count_words(text: str) -> int:
    """Words separated by white space; lone punctuation does not count."""
    return len(_WORD.findall(text))
