"""The lint rules: a loaded pack checked against the IPDAS criteria and plain, non-directive wording.

What the loader already refuses is not checked again here (see `lint_pack`).
"""

from __future__ import annotations

import re
import typing
from datetime import date
from pathlib import Path

from decisionaid.content import PACK_FILES, Pack
from decisionaid.content.models import CardKind, SureItem
from decisionaid.content.release import uncovered_changes
from decisionaid.core.catalogue import load_catalogue, words_for
from decisionaid.core.journey import Journey
from decisionaid.core.timing import WORDS_PER_MINUTE, Timing
from decisionaid.lint.fairness import (
    PACK_RATIO_LIMIT,
    SHORT_PATH_RATIO_LIMIT,
    missing_rows,
    option_words,
    words_ratio,
)
from decisionaid.lint.prose import GRADED_MIN_WORDS, graded_texts, reader_texts
from decisionaid.lint.readability import MEASURES
from decisionaid.lint.report import Finding, GradeRow, Level, LintReport
from decisionaid.lint.wording import WORDING, count_words

BALANCE_RATIO_LIMIT = 1.25
REVIEW_WARNING_DAYS = 30
CRISIS_MAX_AGE_YEARS = 1
FIGURE_MIN_WORDS = {"population": 3, "time_frame": 2}
DISCLOSURE_MIN_WORDS = 3
DISCLOSURE_EXAMPLES = {"funding": "No external funding", "conflicts": "The authors have no conflicts of interest"}
SURE_NEEDS = typing.get_args(SureItem.model_fields["need"].annotation)


def lint_pack(pack: Pack, folder: Path, today: date) -> LintReport:
    """Every lint finding in a loaded pack, the reading grade of each graded text and the short path's length.

    The loader has already refused a pack where a card, figure or self-check item cites no source, cites an
    unknown one, or a source is never cited; where an option lacks a benefit or a harm card; where a figure lacks
    its comparator, time frame or population; where a clinician question does not end with '?'; where a crisis
    resource has no verified_on date; where funding or conflicts are missing; or where sure.toml has other than
    4 items. Those rules live in content/models.py and content/cross_checks.py and are not repeated here.
    """
    linter = _Linter(pack, Path(folder), today)
    if linter.wordings is None or linter.report.measure is None:
        linter.add("pack", "meta.language", Level.warning, f"no lint rules for the language '{pack.meta.language}'")
    if linter.wordings is not None:
        linter.wording()
    if linter.report.measure is not None:
        linter.reading_grades()
    linter.balance()
    linter.short_path()
    linter.option_words()
    linter.comparison_cells()
    linter.handout_lines()
    linter.figures()
    linter.clinician_questions()
    linter.review_date()
    linter.crisis_dates()
    linter.disclosure()
    linter.sure_needs()
    linter.change_list()
    linter.report.findings.sort(key=_reading_order)
    return linter.report


class _Linter:
    def __init__(self, pack: Pack, folder: Path, today: date) -> None:
        self.pack = pack
        self.folder = folder
        self.today = today
        self.wordings = WORDING.get(pack.meta.language)
        self.report = LintReport(measure=MEASURES.get(pack.meta.language))

    def has_number(self, text: str) -> bool:
        """Whether a text gives a number: digits, or number words in the pack's language when lint knows them."""
        if self.wordings is None:
            return any(c.isdigit() for c in text)
        return self.wordings.has_number(text)

    def add(self, file: str, key: str, level: Level, reason: str) -> None:
        self.report.findings.append(Finding(self.folder / PACK_FILES[file], key, level, reason))

    def change_list(self) -> None:
        """Every item that differs from the last release is listed in this version's change-list entry, no id
        removed in an earlier release is used again, and answer codes change only with a 'changed' line."""
        words = load_catalogue()
        for key, code, values in uncovered_changes(self.pack):
            self.add("changes", key, Level.error, words(code, **values))

    def wording(self) -> None:
        """No advice, no '1 in N' frequencies, no relative risks and no unnumbered 'rare' anywhere a reader looks."""
        wordings = self.wordings
        for text in reader_texts(self.pack):
            file, key = text.file, text.key
            for phrase in wordings.directive_phrases(text.text):
                self.add(file, key, Level.error, f"directive wording '{phrase}': describe the options, give no advice")
            for phrase in wordings.one_in_n(text.text):
                self.add(file, key, Level.error, f"'{phrase}' style frequency: say how many out of 100 instead")
            for phrase in wordings.relative_risk(text.text):
                self.add(
                    file,
                    key,
                    Level.error,
                    f"relative-risk wording '{phrase}': give how many out of 100 for each option instead",
                )
            for word in wordings.vague_without_number(text.text):
                self.add(
                    file,
                    key,
                    Level.warning,
                    f"vague word '{word}' with no number in the same sentence: say how many out of 100",
                )

    def reading_grades(self) -> None:
        """The readability of every card body and of every other text of 12 words or more, and their median: in
        English a reading grade (at most 9 anywhere, 7 in a card body and as the median); in Spanish the
        INFLESZ reading ease (at least 40 anywhere, 55 in a card body and as the median)."""
        measure = self.report.measure
        name, past, within = measure.name, measure.past, measure.within
        for text in graded_texts(self.pack):
            score = measure.score(text.text)
            self.report.grades.append(GradeRow(text.label, count_words(text.text), score))
            if measure.beyond(score, measure.error_limit):
                self.add(
                    text.file,
                    text.key,
                    Level.error,
                    f"{name} {score:.1f} is {past} {measure.error_limit}: use shorter sentences and words",
                )
            elif measure.beyond(score, measure.warning_limit) and text.is_card_body:
                limit = measure.warning_limit
                self.add(
                    text.file,
                    text.key,
                    Level.warning,
                    f"{name} {score:.1f} is {past} {limit}: aim for {limit} or {within}",
                )
        if not self.report.grades:
            return
        median = self.report.median_grade
        if measure.beyond(median, measure.median_limit):
            self.report.findings.append(
                Finding(
                    self.folder,
                    "",
                    Level.error,
                    f"the median {name} of the {len(self.report.grades)} graded texts is {median:.1f}, "
                    f"{past} {measure.median_limit} (graded: card bodies, and other texts of {GRADED_MIN_WORDS} "
                    "words or more)",
                )
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

    def short_path(self) -> None:
        """The short path fits its target at 150 words a minute (a pack with no marks has everything on it)."""
        timing = Timing(self.pack, Journey(self.pack), words_for(self.pack))
        measured = timing.path_time()
        self.report.short_path = measured
        self.report.comparison_words = timing.words_at(("compare", 0)) if self.pack.comparison.rows else 0
        if measured.over_target:
            fix = (
                "move cards, self-check items or values items off it"
                if measured.marked
                else "mark a shorter path with short_path = true"
            )
            self.add(
                "pack",
                "meta.short_path_minutes",
                Level.error,
                f"the short path takes {measured.minutes_to_a_tenth:.1f} minutes ({measured.words} words at "
                f"{WORDS_PER_MINUTE} a minute), over its target of {measured.target_minutes}: {fix}",
            )

    def option_words(self) -> None:
        """Every option told fairly: among the options other than the status quo, the words of their cards within
        PACK_RATIO_LIMIT of each other across the pack and SHORT_PATH_RATIO_LIMIT on the short path; the status
        quo is held to the same kinds of card, not the same length."""
        marked = self.report.short_path.marked
        counted = option_words(self.pack, marked)
        self.report.option_words = counted
        active = [c for c in counted if not c.status_quo]
        self.report.pack_ratio = words_ratio([c.pack for c in active], PACK_RATIO_LIMIT)
        if marked:
            self.report.short_path_ratio = words_ratio([c.short_path for c in active], SHORT_PATH_RATIO_LIMIT)
        ids = [c.option for c in counted]
        for ratio, field, where in (
            (self.report.pack_ratio, "pack", "across the pack"),
            (self.report.short_path_ratio, "short_path", "on the short path"),
        ):
            if ratio is None or not ratio.over:
                continue
            most = max(active, key=lambda c: getattr(c, field))
            fewest = min(active, key=lambda c: getattr(c, field))
            most_words, fewest_words = getattr(most, field), getattr(fewest, field)
            reason = (
                f"option '{fewest.option}' has no card {where} and '{most.option}' has {most_words} words"
                if not fewest_words
                else f"option '{fewest.option}' has {fewest_words} words of cards {where} and '{most.option}' "
                f"{most_words} (ratio {ratio.ratio:.2f}; keep it at most {ratio.limit})"
            )
            fix = f"tell '{fewest.option}' more, or '{most.option}' less"
            self.add("pack", f"options[{ids.index(fewest.option)}]", Level.error, f"{reason}: {fix}")
        for i, option, kind, other in missing_rows(self.pack):
            self.add(
                "pack",
                f"options[{i}]",
                Level.warning,
                f"option '{option}' has no {kind.value} card and '{other}' has one: give every option the same "
                "kinds of card",
            )

    def comparison_cells(self) -> None:
        """A cell that gives a number names where it comes from (wording and grade are checked with all texts)."""
        for i, row in enumerate(self.pack.comparison.rows):
            for j, cell in enumerate(row.cells):
                if self.has_number(cell.text) and not cell.sources:
                    self.add(
                        "comparison",
                        f"rows[{i}].cells[{j}].sources",
                        Level.error,
                        f"the cell for '{cell.option}' in row '{row.id}' gives a number but cites no source",
                    )

    def handout_lines(self) -> None:
        """Each self-check item states its fact, and each wrong choice what choosing it meant, for the handout."""
        for i, item in enumerate(self.pack.self_check.self_check):
            if item.fact is None:
                self.add(
                    "self_check",
                    f"self_check[{i}].fact",
                    Level.warning,
                    f"item '{item.id}' has no fact: give the fact in one line for the handout",
                )
            for j, choice in enumerate(item.choices):
                if choice.id not in item.correct and not choice.not_sure and choice.belief is None:
                    self.add(
                        "self_check",
                        f"self_check[{i}].choices[{j}].belief",
                        Level.warning,
                        f"choice '{choice.id}' of '{item.id}' has no belief: say what choosing it means the person "
                        "believed, for the handout",
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
            verb = self.wordings.advice_verb_at_start(question.text) if self.wordings else None
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


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


_FILE_ORDER = {file_name: i for i, file_name in enumerate(PACK_FILES.values())}


def _reading_order(finding: Finding) -> tuple[int, list[str | int]]:
    """The whole pack first, then by pack file, then by key with numbers compared as numbers (cards[2] before
    cards[10])."""
    parts = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", finding.key)]
    return _FILE_ORDER.get(finding.path.name, -1), parts
