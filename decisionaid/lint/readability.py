"""How hard a text is to read, per language, measured with textstat, an optional extra imported only when needed.

English: the Flesch-Kincaid grade (a school grade; higher is harder). Spanish: the Szigriszt-Pazos
perspicuity score read on the INFLESZ scale, validated for texts for patients by Barrio-Cantalejo IM,
Simón-Lorda P, Melguizo M, Escalona I, Marijuán MI, Hernando P (Validación de la Escala INFLESZ para evaluar
la legibilidad de los textos dirigidos a pacientes. An Sist Sanit Navar. 2008;31(2):135-152). It is an ease
score, not a grade, and higher is easier: below 40 is "muy difícil", 40-55 "algo difícil", 55-65 "normal",
65-80 "bastante fácil", above 80 "muy fácil" (the paper found adults' news-stand reading at about 60).
The target of at least 55, the start of "normal", is the level studies of texts for patients hold as
acceptable (for example Ballesteros-Peña S, Fernández-Aedo I. An Sist Sanit Navar. 2013;36(3)).
Its limits: a formula of word and sentence length only, blind to vocabulary and layout; and textstat counts
syllables from pyphen's hyphenation points, which miss Spanish syllables in hiatus and at the edges of
words ('día', 'país' and 'agua' count one), so its scores run a little easy: a guide, not a measurement.

French: Kandel and Moles's adaptation of Flesch's reading ease (Kandel L, Moles A. Application de l'indice de
Flesch à la langue française. Cahiers Études de Radio-Télévision. 1958;19:253-274): 207 - 1.015 x words per
sentence - 73.6 x syllables per word, on Flesch's scale, higher is easier: 60-70 is "standard", 70-80 "fairly
easy". Lint holds card bodies and the median to at least 60 and every text to at least 40, as for Spanish.
Its limits are those of Flesch's formula, and textstat's syllables come from pyphen's French hyphenation,
which counts a silent final 'e' as no syllable but misses some vowels in hiatus ('pays', 'réunion').

`textstat.set_lang` changes a setting for the whole process, so every measurement sets its own language.
"""

from __future__ import annotations

from dataclasses import dataclass


class TextstatMissing(Exception):
    """textstat is not installed; it comes with the `lint` extra (the command line names how to install it)."""


@dataclass(frozen=True)
class Measure:
    """One language's readability formula, which way is harder, and the limits lint holds texts to.

    `error_limit` holds for every graded text, `warning_limit` for card bodies and `median_limit` for the
    median of all graded texts; `column` and `summary` name the catalogue's words for the lint table, and
    `says` its findings (`lint.grade` for `lint.grade_error`, `lint.grade_warning`, `lint.grade_median`).
    """

    name: str
    textstat_language: str
    formula: str
    higher_is_harder: bool
    error_limit: float
    warning_limit: float
    median_limit: float
    column: str
    summary: str
    says: str

    def score(self, text: str) -> float:
        """The text's score, to the decimal places textstat gives."""
        try:
            import textstat
        except ImportError:
            raise TextstatMissing() from None
        textstat.set_lang(self.textstat_language)
        return getattr(textstat, self.formula)(text)

    def beyond(self, score: float, limit: float) -> bool:
        """Whether `score` is harder to read than `limit`."""
        return score > limit if self.higher_is_harder else score < limit

    def hardest_first(self, score: float) -> float:
        """A sort key that puts the hardest text first."""
        return -score if self.higher_is_harder else score


FLESCH_KINCAID = Measure(
    name="reading grade",
    textstat_language="en_US",
    formula="flesch_kincaid_grade",
    higher_is_harder=True,
    error_limit=9,
    warning_limit=7,
    median_limit=7,
    column="cli.lint_grade",
    summary="cli.lint_grades",
    says="lint.grade",
)

INFLESZ = Measure(
    name="reading ease (Szigriszt-Pazos, INFLESZ)",
    textstat_language="es",
    formula="szigriszt_pazos",
    higher_is_harder=False,
    error_limit=40,
    warning_limit=55,
    median_limit=55,
    column="cli.lint_ease",
    summary="cli.lint_eases",
    says="lint.ease",
)

KANDEL_MOLES = Measure(
    name="reading ease (Kandel-Moles)",
    textstat_language="fr",
    formula="flesch_reading_ease",  # for French, textstat uses Kandel and Moles's constants: 207, 1.015, 73.6
    higher_is_harder=False,
    error_limit=40,
    warning_limit=60,
    median_limit=60,
    column="cli.lint_ease",
    summary="lint_measure.kandel_moles",
    says="lint.kandel",
)

MEASURES = {"en": FLESCH_KINCAID, "es": INFLESZ, "fr": KANDEL_MOLES}


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`, to one decimal place (textstat 0.7.3)."""
    return FLESCH_KINCAID.score(text)
