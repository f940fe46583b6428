"""The lint rules: a loaded pack checked against the IPDAS criteria and plain, non-directive wording.

What the loader already refuses is not checked again here (see `lint_pack`).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from decisionaid.content import PACK_FILES, Pack
from decisionaid.content.models import CardKind, SureItem
from decisionaid.content.problems import dotted
from decisionaid.lint.readability import reading_grade
from decisionaid.lint.report import Finding, GradeRow, Level, LintReport
from decisionaid.lint.wording import (
    advice_verb_at_start,
    count_words,
    directive_phrases,
    one_in_n,
    relative_risk,
    vague_without_number,
)

GRADE_ERROR_ABOVE = 9
GRADE_WARNING_ABOVE = 7
MEDIAN_GRADE_ABOVE = 7
BALANCE_RATIO_LIMIT = 1.25
REVIEW_WARNING_DAYS = 30
CRISIS_MAX_AGE_YEARS = 1
FIGURE_MIN_WORDS = {"population": 3, "time_frame": 2}
DISCLOSURE_MIN_WORDS = 3
DISCLOSURE_EXAMPLES = {"funding": "No external funding", "conflicts": "The authors have no conflicts of interest"}
SURE_NEEDS = typing.get_args(SureItem.model_fields["need"].annotation)


def lint_pack(pack: Pack, folder: Path, today: date) -> LintReport:
    """Every lint finding in a loaded pack, and the reading grade of each card.

    The loader has already refused a pack where a card, figure or self-check item cites no source, cites an
    unknown one, or a source is never cited; where an option lacks a benefit or a harm card; where a figure lacks
    its comparator, time frame or population; where a clinician question does not end with '?'; where a crisis
    resource has no verified_on date; where funding or conflicts are missing; or where sure.toml has other than
    4 items. Those rules live in content/models.py and content/checks.py and are not repeated here.
    """
    linter = _Linter(pack, Path(folder), today)
    linter.wording()
    linter.card_bodies()
    linter.balance()
    linter.figures()
    linter.clinician_questions()
    linter.review_date()
    linter.crisis_dates()
    linter.disclosure()
    linter.sure_needs()
    linter.report.findings.sort(key=_reading_order)
    return linter.report


class _Linter:
    def __init__(self, pack: Pack, folder: Path, today: date) -> None:
        self.pack = pack
        self.folder = folder
        self.today = today
        self.report = LintReport()

    def add(self, file: str, key: str, level: Level, reason: str) -> None:
        self.report.findings.append(Finding(self.folder / PACK_FILES[file], key, level, reason))

    def wording(self) -> None:
        """No advice, no '1 in N' frequencies and no unnumbered 'rare' or 'common' anywhere a reader looks."""
        for file, key, text in _reader_texts(self.pack):
            for phrase in directive_phrases(text):
                self.add(file, key, Level.error, f"directive wording '{phrase}': describe the options, give no advice")
            for phrase in one_in_n(text):
                self.add(file, key, Level.error, f"'{phrase}' style frequency: say how many out of 100 instead")
            for word in vague_without_number(text):
                self.add(
                    file,
                    key,
                    Level.warning,
                    f"vague word '{word}' with no number in the same sentence: say how many out of 100",
                )

    def card_bodies(self) -> None:
        """Relative-risk wording and reading grade of each card body, and the median grade."""
        for i, card in enumerate(self.pack.cards.cards):
            key = f"cards[{i}].body"
            for phrase in relative_risk(card.body):
                self.add(
                    "cards",
                    key,
                    Level.error,
                    f"relative-risk wording '{phrase}': give how many out of 100 for each option instead",
                )
            grade = reading_grade(card.body)
            self.report.grades.append(GradeRow(card.id, count_words(card.body), grade))
            if grade > GRADE_ERROR_ABOVE:
                self.add(
                    "cards",
                    key,
                    Level.error,
                    f"reading grade {grade:.1f} is above {GRADE_ERROR_ABOVE}: use shorter sentences and words",
                )
            elif grade > GRADE_WARNING_ABOVE:
                self.add(
                    "cards",
                    key,
                    Level.warning,
                    f"reading grade {grade:.1f} is above {GRADE_WARNING_ABOVE}: aim for {GRADE_WARNING_ABOVE} or below",
                )
        median = self.report.median_grade
        if median > MEDIAN_GRADE_ABOVE:
            self.add(
                "cards",
                "cards",
                Level.error,
                f"the median reading grade of the cards is {median:.1f}, above {MEDIAN_GRADE_ABOVE}",
            )

    def balance(self) -> None:
        """Benefits and harms of each option told in about the same number of words (IPDAS C1)."""
        for i, option in enumerate(self.pack.options):
            about = [c for c in self.pack.cards.cards if option.id in c.options]
            benefit = sum(count_words(c.body) for c in about if c.kind == CardKind.benefit)
            harm = sum(count_words(c.body) for c in about if c.kind == CardKind.harm)
            ratio = max(benefit, harm) / min(benefit, harm) if min(benefit, harm) else float("inf")
            if ratio > BALANCE_RATIO_LIMIT:
                self.add(
                    "pack",
                    f"options[{i}]",
                    Level.error,
                    f"option '{option.id}': benefit cards have {benefit} words and harm cards {harm} "
                    f"(ratio {ratio:.2f}; keep them within 25% of each other)",
                )

    def figures(self) -> None:
        """Who the numbers are about, over what time, and compared with what, in real words."""
        for i, figure in enumerate(self.pack.figures.figures):
            for field, least in FIGURE_MIN_WORDS.items():
                value = getattr(figure, field)
                words = count_words(value)
                if words < least:
                    self.add(
                        "figures",
                        f"figures[{i}].{field}",
                        Level.error,
                        f"{field.replace('_', ' ')} '{value}' is too short to be clear "
                        f"({words} word{'s' if words != 1 else ''}; write at least {least})",
                    )
            label = figure.comparator.label
            if not count_words(label) or label.casefold() == figure.option_arm.label.casefold():
                self.add(
                    "figures",
                    f"figures[{i}].comparator.label",
                    Level.error,
                    f"comparator label '{label}' does not say what the option is compared with",
                )

    def clinician_questions(self) -> None:
        """Questions the reader asks, not instructions to the reader ('?' at the end is a model rule)."""
        for i, question in enumerate(self.pack.clinician.questions):
            verb = advice_verb_at_start(question.text)
            if verb:
                self.add(
                    "clinician",
                    f"questions[{i}].text",
                    Level.error,
                    f"question starts with the instruction '{verb}': word it as a question the reader asks",
                )

    def review_date(self) -> None:
        """The content is reviewed when it says it will be (IPDAS C4)."""
        due = self.pack.meta.review_due
        days = (due - self.today).days
        if days < 0:
            self.add(
                "pack",
                "meta.review_due",
                Level.error,
                f"review_due {due} has passed (today is {self.today}): review the content and set a new date",
            )
        elif days <= REVIEW_WARNING_DAYS:
            when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
            self.add("pack", "meta.review_due", Level.warning, f"review_due {due} is {when}: plan the review")

    def crisis_dates(self) -> None:
        """Crisis contacts checked within the last 12 months (presence and dates are model rules)."""
        oldest = _years_before(self.today, CRISIS_MAX_AGE_YEARS)
        for i, resource in enumerate(self.pack.crisis.crisis):
            if resource.verified_on < oldest:
                self.add(
                    "crisis",
                    f"crisis[{i}].verified_on",
                    Level.warning,
                    f"verified_on {resource.verified_on} is more than 12 months ago: check the contact again",
                )

    def disclosure(self) -> None:
        """Funding and conflicts said in a real sentence, not a bare 'None' (IPDAS C6)."""
        for field, example in DISCLOSURE_EXAMPLES.items():
            value = getattr(self.pack.meta, field)
            words = count_words(value)
            if words < DISCLOSURE_MIN_WORDS:
                self.add(
                    "pack",
                    f"meta.{field}",
                    Level.warning,
                    f"{field} statement '{value}' is too short to be clear "
                    f"({words} word{'s' if words != 1 else ''}; write at least {DISCLOSURE_MIN_WORDS}, "
                    f"e.g. '{example}')",
                )

    def sure_needs(self) -> None:
        """The SURE items ask about each need once (the model ensures there are 4; their wording is licensed)."""
        sure = self.pack.sure.sure
        if sure is None:
            return
        asked = {item.need for item in sure.items}
        for need in SURE_NEEDS:
            if need not in asked:
                self.add(
                    "sure",
                    "sure.items",
                    Level.error,
                    f"no item has need = '{need}': the 4 items ask about {', '.join(SURE_NEEDS)}, one each",
                )


def _reader_texts(pack: Pack) -> Iterator[tuple[str, str, str]]:
    """(file, dotted key, text) for every string a reader may see.

    Skipped: sources.toml, whose citations quote titles word for word, and the SURE items' text, which is
    licensed verbatim and cannot be reworded (its first item asks about 'the best choice for you').
    """
    for file in PACK_FILES:
        if file == "sources":
            continue
        for loc, text in _strings(getattr(pack, file), ()):
            if file == "sure" and loc[:2] == ("sure", "items") and loc[-1] == "text":
                continue
            yield file, dotted(loc), text


def _strings(value: object, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*loc, i))
    elif isinstance(value, str):
        yield loc, value


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


_FILE_ORDER = {file_name: i for i, file_name in enumerate(PACK_FILES.values())}


def _reading_order(finding: Finding) -> tuple[int, list[str | int]]:
    """By pack file, then by key with numbers compared as numbers (cards[2] before cards[10])."""
    parts = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", finding.key)]
    return _FILE_ORDER[finding.path.name], parts
