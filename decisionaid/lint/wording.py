"""Word lists for non-directive, IPDAS-style wording, per language, and the matches they find in a text.

Every pattern is case-insensitive, matches whole words only and lets any run of spaces or line
breaks stand between the words of a phrase. `WORDING` has one `Wording` per language with rules;
the module's functions are English's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

ENGLISH_NUMBER_WORDS = (
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

SPANISH_NUMBER_WORDS = (
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
    "cien",
    "ciento",
    "mil",
    "millón",
    "millones",
    "mitad",
)

FRENCH_NUMBER_WORDS = (
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "mille",
    "million",
    "millions",
    "moitié",
    "tiers",
    "quart",
)


@dataclass(frozen=True)
class WordLists:
    """One language's lists: what gives advice, what states risk relatively or vaguely, what opens an instruction.

    `one_in_n` is a regular expression for '1 in 5' style frequencies; `more_likely` one for '50% more
    likely' wording; `number_words` are numbers written out ('two', 'half'); `speaks_as_i` and `speaks_as_we` the
    words that speak as 'I' and as 'we' (a word written in capitals, such as 'US', is an abbreviation).
    """

    directive: tuple[str, ...]
    relative_risk: tuple[str, ...]
    vague: tuple[str, ...]
    advice_verbs: tuple[str, ...]
    number_words: tuple[str, ...]
    one_in_n: str
    more_likely: str
    speaks_as_i: tuple[str, ...] = ()
    speaks_as_we: tuple[str, ...] = ()


ENGLISH = WordLists(
    directive=(
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
    ),
    relative_risk=(
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
    ),
    vague=(
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
    ),
    advice_verbs=("ask", "tell", "make sure", "do not", "don't", "avoid"),
    number_words=ENGLISH_NUMBER_WORDS,
    one_in_n=(
        rf"(?<![\w.,])(?:1|one)[\s-]+in[\s-]+(?:every\s+)?(?:a\s+)?(?:\d[\d,]*|{'|'.join(ENGLISH_NUMBER_WORDS)})(?!\w)"
    ),
    more_likely=r"(?:%|(?<!\w)per\s*cent)\s+(?:more|less)\s+likely(?!\w)",
    speaks_as_i=("I", "me", "my", "mine", "myself"),
    speaks_as_we=("we", "us", "our", "ours", "ourselves"),
)

SPANISH = WordLists(
    directive=(
        "debería",
        "deberías",
        "debería usted",
        "debe usted",
        "usted debe",
        "usted no debe",
        "tiene que",
        "tienes que",
        "tiene usted que",
        "usted necesita",
        "necesita usted",
        "necesitas",
        "le recomendamos",
        "te recomendamos",
        "recomendamos",
        "se recomienda que usted",
        "recomendado para usted",
        "le aconsejamos",
        "te aconsejamos",
        "aconsejamos",
        "le sugerimos",
        "te sugerimos",
        "sugerimos",
        "lo mejor es",
        "lo mejor para usted",
        "lo mejor para ti",
        "la mejor opción",
        "la mejor elección",
        "la mejor decisión",
        "el mejor tratamiento",
        "lo adecuado para usted",
        "lo más adecuado para usted",
        "lo que más le conviene",
        "le conviene",
        "te conviene",
    ),
    relative_risk=(
        "veces más probable",
        "veces más probables",
        "veces menos probable",
        "veces menos probables",
        "veces más riesgo",
        "veces menos riesgo",
        "el doble de probable",
        "el doble de riesgo",
        "duplica el riesgo",
        "reduce el riesgo a la mitad",
        "reduce a la mitad el riesgo",
        "riesgo relativo",
        "reducción relativa del riesgo",
        "cociente de riesgos",
        "razón de riesgos",
        "razón de momios",
        "razón de probabilidades",
        "hazard ratio",
        "odds ratio",
    ),
    vague=(
        "raro",
        "rara",
        "raros",
        "raras",
        "rara vez",
        "raramente",
        "común",
        "comunes",
        "frecuente",
        "frecuentes",
        "frecuentemente",
        "infrecuente",
        "infrecuentes",
        "poco frecuente",
        "poco frecuentes",
        "a menudo",
        "muy pocos",
        "muy pocas",
        "la mayoría",
        "mucha gente",
        "muchas personas",
    ),
    advice_verbs=(
        "pregunte",
        "pregúntele",
        "pregunta",
        "pregúntale",
        "asegúrese",
        "asegúrate",
        "dígale",
        "dile",
        "pida",
        "pide",
        "compruebe",
        "comprueba",
        "consulte",
        "consulta",
        "evite",
        "evita",
        "no olvide",
        "no olvides",
        "no deje",
        "no dejes",
    ),
    number_words=SPANISH_NUMBER_WORDS,
    # '1 de cada 5': but 'de cada 100' is the way to give a frequency, so 1 out of 100 (or 1.000) is not flagged
    one_in_n=(
        r"(?<![\w.,])(?:1|una?|uno)\s+de\s+cada\s+"
        rf"(?!(?:100|1\.?000|cien|mil)(?!\w))(?:\d[\d.,]*|{'|'.join(SPANISH_NUMBER_WORDS)})(?!\w)"
    ),
    more_likely=r"(?:%|(?<!\w)por\s+ciento)\s+(?:más|menos)\s+(?:probables?|riesgo)(?!\w)",
    speaks_as_i=(
        *("yo", "me", "mi", "mis", "mí", "conmigo", "mío", "mía", "míos", "mías"),
        # Spanish often leaves 'yo' out: the verbs that can only speak as 'I', common in a question to an expert
        *("puedo", "tengo", "quiero", "estoy", "soy", "voy", "hago", "necesito", "debo"),
    ),
    speaks_as_we=("nosotros", "nosotras", "nos", "nuestro", "nuestra", "nuestros", "nuestras"),
)

FRENCH = WordLists(
    directive=(
        "vous devriez",
        "tu devrais",
        "vous devez",
        "tu dois",
        "il faut que vous",
        "il faut que tu",
        "vous avez besoin de",
        "nous recommandons",
        "nous vous recommandons",
        "je vous recommande",
        "on vous recommande",
        "il est recommandé que vous",
        "recommandé pour vous",
        "nous conseillons",
        "nous vous conseillons",
        "je vous conseille",
        "on vous conseille",
        "nous suggérons",
        "nous vous suggérons",
        "je vous suggère",
        "la meilleure option",
        "le meilleur choix",
        "la meilleure décision",
        "la meilleure solution",
        "le meilleur traitement",
        "le mieux pour vous",
        "le mieux pour toi",
        "ce qui vous convient le mieux",
        "vous convient le mieux",
        "ce qu'il vous faut",
        "ce qu’il vous faut",
    ),
    relative_risk=(
        "fois plus probable",
        "fois plus probables",
        "fois moins probable",
        "fois moins probables",
        "fois plus de risque",
        "fois plus de risques",
        "fois moins de risque",
        "fois moins de risques",
        "fois plus de chances",
        "fois moins de chances",
        "double le risque",
        "réduit le risque de moitié",
        "divise le risque par deux",
        "risque relatif",
        "réduction relative du risque",
        "rapport de risque",
        "rapport de risques",
        "rapport des cotes",
        "rapport de cotes",
        "hazard ratio",
        "odds ratio",
    ),
    vague=(
        "rare",
        "rares",
        "rarement",
        "exceptionnel",
        "exceptionnelle",
        "exceptionnels",
        "exceptionnelles",
        "courant",
        "courante",
        "courants",
        "courantes",
        "fréquent",
        "fréquente",
        "fréquents",
        "fréquentes",
        "fréquemment",
        "peu fréquent",
        "peu fréquente",
        "peu fréquents",
        "peu fréquentes",
        "souvent",
        "très peu",
        "la plupart",
        "la majorité",
        "beaucoup de gens",
        "beaucoup de personnes",
    ),
    advice_verbs=(
        "demandez",
        "demande",
        "dites",
        "dis",
        "assurez-vous",
        "assure-toi",
        "vérifiez",
        "vérifie",
        "évitez",
        "évite",
        "consultez",
        "n'oubliez pas",
        "n’oubliez pas",
        "n'oublie pas",
        "n’oublie pas",
        "ne prenez pas",
        "ne laissez pas",
    ),
    number_words=FRENCH_NUMBER_WORDS,
    # '1 sur 5', 'une personne sur dix': but 'sur 100' is the way to give a frequency, so out of 100 (or 1 000)
    # is not flagged
    one_in_n=(
        r"(?<![\w.,])(?:1|une?)\s+(?:[^\W\d]+\s+)?sur\s+"
        rf"(?!(?:100|1[\s.\u00a0\u202f]?000|cent|mille)(?!\w))(?:\d(?:[\d.,]*\d)?|{'|'.join(FRENCH_NUMBER_WORDS)})(?!\w)"
    ),
    more_likely=r"(?:%|(?<!\w)pour\s+cent)\s+(?:plus|moins)\s+(?:probables?|de\s+risques?)(?!\w)",
)


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(word) for word in words.split())


def _any_of(phrases: Iterable[str]) -> str:
    """One alternation, longest phrase first so 'is right for you' wins over 'right for you'."""
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


def _whole_words(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_any_of(phrases)})(?!\w)", re.IGNORECASE)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\S*\w\S*")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')
_OPENING_MARKS = "¿¡"  # Spanish opens a question or an exclamation with these


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    """Each distinct match (ignoring case), in order, with its spacing tidied."""
    seen: dict[str, str] = {}
    for match in pattern.finditer(text):
        tidy = " ".join(match.group().split())
        seen.setdefault(tidy.casefold(), tidy)
    return list(seen.values())


class Wording:
    """The wording checks of one language, compiled from its word lists."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists
        self._directive = _whole_words(lists.directive)
        self._relative_risk = re.compile(
            rf"(?:(?<!\w)(?:{_any_of(lists.relative_risk)})s?(?!\w)|{lists.more_likely})", re.IGNORECASE
        )
        self._one_in_n = re.compile(lists.one_in_n, re.IGNORECASE)
        self._vague = _whole_words(lists.vague)
        self._number = re.compile(rf"\d|(?<!\w)(?:{'|'.join(lists.number_words)})(?!\w)", re.IGNORECASE)
        self._advice_start = re.compile(rf"^(?:{_any_of(lists.advice_verbs)})(?!\w)", re.IGNORECASE)
        self._as_i = _whole_words(lists.speaks_as_i) if lists.speaks_as_i else None
        self._as_we = _whole_words(lists.speaks_as_we) if lists.speaks_as_we else None

    def directive_phrases(self, text: str) -> list[str]:
        """Phrases that tell the reader what to do or which option to take."""
        return _found(self._directive, text)

    def one_in_n(self, text: str) -> list[str]:
        """'1 in 5' and 'one in ten' style frequencies."""
        return _found(self._one_in_n, text)

    def relative_risk(self, text: str) -> list[str]:
        """Relative-risk wording, which overstates effects without the absolute numbers."""
        return _found(self._relative_risk, text)

    def vague_without_number(self, text: str) -> list[str]:
        """Verbal probability words in sentences that give no number.

        Words inside quotation marks are left alone: quoting a claim ("side effects are rare") to test it
        is not making it.
        """
        found: dict[str, str] = {}
        for sentence in _SENTENCE_END.split(_QUOTED.sub("", text)):
            if not self._number.search(sentence):
                for word in _found(self._vague, sentence):
                    found.setdefault(word.casefold(), word)
        return list(found.values())

    def first_person(self, text: str, *, plural: bool = True) -> list[str]:
        """The words outside quotation marks that speak as 'I' ('my', 'mis', 'puedo') and, with `plural`, as 'we';
        'US' and the like are abbreviations."""
        unquoted = _QUOTED.sub("", text)
        patterns = [p for p in (self._as_i, self._as_we if plural else None) if p is not None]
        found = [w for pattern in patterns for w in _found(pattern, unquoted)]
        return [w for w in found if w == "I" or not (len(w) > 1 and w.isupper())]

    def has_number(self, text: str) -> bool:
        """Whether the text gives a number, in digits or in words ('two', 'half')."""
        return self._number.search(text) is not None

    def advice_verb_at_start(self, text: str) -> str | None:
        """The instruction a text opens with ('Ask', 'Make sure', '¿Pregunte', ...), if any."""
        match = self._advice_start.match(text.strip().lstrip(_OPENING_MARKS))
        return " ".join(match.group().split()) if match else None


WORDING = {"en": Wording(ENGLISH), "es": Wording(SPANISH), "fr": Wording(FRENCH)}

_ENGLISH = WORDING["en"]
directive_phrases = _ENGLISH.directive_phrases
one_in_n = _ENGLISH.one_in_n
relative_risk = _ENGLISH.relative_risk
vague_without_number = _ENGLISH.vague_without_number
has_number = _ENGLISH.has_number
advice_verb_at_start = _ENGLISH.advice_verb_at_start


def count_words(text: str) -> int:
    """Words separated by white space; lone punctuation does not count."""
    return len(_WORD.findall(text))
