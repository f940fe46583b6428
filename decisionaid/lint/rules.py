"""The lint rules: a loaded pack checked against the IPDAS criteria and plain, non-directive wording.

What the loader already refuses is not checked again here (see `lint_pack`).
"""

from __future__ import annotations

import re
import typing
from dataclasses import replace
from datetime import date
from pathlib import Path

from decisionaid.content import PACK_FILES, Pack
from decisionaid.content.models import CardKind, SureItem
from decisionaid.content.problems import by_id
from decisionaid.content.release import uncovered_changes
from decisionaid.content.retired import retired_keys
from decisionaid.core.catalogue import Catalogue, interface_language, languages, load_catalogue, words_for
from decisionaid.core.journey import Journey
from decisionaid.core.timing import WORDS_PER_MINUTE, Timing
from decisionaid.core.voicing import handout_texts
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
DISCLOSED = ("funding", "conflicts")  # each with its example sentence in the catalogue (lint.example_funding)
SURE_NEEDS = typing.get_args(SureItem.model_fields["need"].annotation)


def lint_pack(pack: Pack, folder: Path, today: date, words: Catalogue | None = None) -> LintReport:
    """Every lint finding in a loaded pack, the reading grade of each graded text and the short path's length;
    what the catalogue words is said in `words`' language (English by default).

    The loader has already refused a pack where a card, figure or self-check item cites no source, cites an
    unknown one, or a source is never cited; where an option lacks a benefit or a harm card; where a figure lacks
    its comparator, time frame or population; where a clinician question does not end with '?'; where a crisis
    resource has no verified_on date; where funding or conflicts are missing; or where sure.toml has other than
    4 items. Those rules live in content/models.py and content/cross_checks.py and are not repeated here.
    """
    linter = _Linter(pack, Path(folder), today, words or load_catalogue())
    linter.language()
    if linter.wordings is not None:
        linter.wording()
    if linter.report.measure is not None:
        linter.reading_grades()
    linter.balance()
    linter.short_path()
    linter.option_words()
    linter.comparison_cells()
    linter.handout_lines()
    if linter.wordings is not None:
        linter.helper_forms()
    linter.neutral_forms()
    linter.figures()
    linter.clinician_questions()
    linter.review_date()
    linter.crisis_dates()
    linter.disclosure()
    linter.sure_needs()
    for notice in retired_keys(pack, Path(folder)):
        linter.report.findings.append(Finding(notice.path, notice.key, Level.warning, notice.reason(linter.words)))
    linter.change_list()
    linter.report.findings.sort(key=_reading_order)
    ids: dict = {}
    linter.report.findings = [_named_by_id(finding, pack, ids) for finding in linter.report.findings]
    return linter.report


class _Linter:
    def __init__(self, pack: Pack, folder: Path, today: date, words: Catalogue) -> None:
        self.pack = pack
        self.folder = folder
        self.today = today
        self.words = words
        self.wordings = WORDING.get(pack.meta.language)
        self.report = LintReport(measure=MEASURES.get(pack.meta.language))

    def language(self) -> None:
        """Say when the interface has no sentences in the pack's language (it speaks the closest one it has), and
        when lint has no wording rules or readability measure for it (the checks that hold in any language still
        run: numbers, balance, dates, placeholders)."""
        language = self.pack.meta.language
        if language not in languages():
            shown = interface_language(language)
            self.add("pack", "meta.language", Level.warning, self.say("no_interface", language=language, shown=shown))
        if self.wordings is None or self.report.measure is None:
            self.add("pack", "meta.language", Level.warning, self.say("no_rules", language=language))

    def has_number(self, text: str) -> bool:
        """Whether a text gives a number: digits, or number words in the pack's language when lint knows them."""
        if self.wordings is None:
            return any(c.isdigit() for c in text)
        return self.wordings.has_number(text)

    def say(self, sentence: str, *, count: int | None = None, **values: object) -> str:
        """A reason in the interface's language: the catalogue's sentence `lint.<sentence>`."""
        return self.words(f"lint.{sentence}", count=count, **values)

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
                self.add(file, key, Level.error, self.say("directive", phrase=phrase))
            for phrase in wordings.one_in_n(text.text):
                self.add(file, key, Level.error, self.say("one_in_n", phrase=phrase))
            for phrase in wordings.relative_risk(text.text):
                self.add(file, key, Level.error, self.say("relative_risk", phrase=phrase))
            for word in wordings.vague_without_number(text.text):
                self.add(file, key, Level.warning, self.say("vague", word=word))

    def reading_grades(self) -> None:
        """The readability of every card body and of every other text of 12 words or more, and their median: in
        English a reading grade (at most 9 anywhere, 7 in a card body and as the median); in Spanish the
        INFLESZ reading ease (at least 40 anywhere, 55 in a card body and as the median)."""
        measure = self.report.measure
        for text in graded_texts(self.pack):
            score = measure.score(text.text)
            self.report.grades.append(GradeRow(text.label, count_words(text.text), score))
            if measure.beyond(score, measure.error_limit):
                reason = self.words(f"{measure.says}_error", score=f"{score:.1f}", limit=measure.error_limit)
                self.add(text.file, text.key, Level.error, reason)
            elif measure.beyond(score, measure.warning_limit) and text.is_card_body:
                reason = self.words(f"{measure.says}_warning", score=f"{score:.1f}", limit=measure.warning_limit)
                self.add(text.file, text.key, Level.warning, reason)
        if not self.report.grades:
            return
        median = self.report.median_grade
        if measure.beyond(median, measure.median_limit):
            self.report.findings.append(
                Finding(
                    self.folder,
                    "",
                    Level.error,
                    self.words(
                        f"{measure.says}_median",
                        count=len(self.report.grades),
                        median=f"{median:.1f}",
                        limit=measure.median_limit,
                        least=GRADED_MIN_WORDS,
                    ),
                )
            )

    def balance(self) -> None:
        """Benefits and harms of each option told in about the same number of words (IPDAS C1)."""
        for i, option in enumerate(self.pack.options):
            about = [c for c in self.pack.cards if option.id in c.options]
            benefit = sum(count_words(c.body) for c in about if c.kind == CardKind.benefit)
            harm = sum(count_words(c.body) for c in about if c.kind == CardKind.harm)
            ratio = max(benefit, harm) / min(benefit, harm) if min(benefit, harm) else float("inf")
            if ratio > BALANCE_RATIO_LIMIT:
                reason = self.say("balance", option=option.id, benefit=benefit, harm=harm, ratio=f"{ratio:.2f}")
                self.add("pack", f"options[{i}]", Level.error, reason)

    def short_path(self) -> None:
        """The short path fits its target at 150 words a minute (a pack with no marks has everything on it)."""
        timing = Timing(self.pack, Journey(self.pack), words_for(self.pack))
        measured = timing.path_time()
        self.report.short_path = measured
        self.report.comparison_words = timing.words_at(("compare", 0)) if self.pack.comparison else 0
        if measured.over_target:
            reason = self.say(
                "short_path" if measured.marked else "short_path_unmarked",
                minutes=f"{measured.minutes_to_a_tenth:.1f}",
                words=measured.words,
                per_minute=WORDS_PER_MINUTE,
                target=measured.target_minutes,
            )
            self.add("pack", "meta.short_path_minutes", Level.error, reason)

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
        for ratio, field in ((self.report.pack_ratio, "pack"), (self.report.short_path_ratio, "short_path")):
            if ratio is None or not ratio.over:
                continue
            most = max(active, key=lambda c: getattr(c, field))
            fewest = min(active, key=lambda c: getattr(c, field))
            most_words, fewest_words = getattr(most, field), getattr(fewest, field)
            reason = self.say(
                f"no_card_{field}" if not fewest_words else f"fewer_words_{field}",
                fewest=fewest.option,
                most=most.option,
                fewest_words=fewest_words,
                most_words=most_words,
                ratio=f"{ratio.ratio:.2f}",
                limit=ratio.limit,
            )
            self.add("pack", f"options[{ids.index(fewest.option)}]", Level.error, reason)
        for i, option, kind, other in missing_rows(self.pack):
            reason = self.say("missing_kind", option=option, kind=kind.value, other=other)
            self.add("pack", f"options[{i}]", Level.warning, reason)

    def comparison_cells(self) -> None:
        """A cell that gives a number names where it comes from (wording and grade are checked with all texts)."""
        for i, row in enumerate(self.pack.comparison):
            for j, cell in enumerate(row.cells):
                if self.has_number(cell.text) and not cell.sources:
                    reason = self.say("cell_unsourced", option=cell.option, row=row.id)
                    self.add("comparison", f"rows[{i}].cells[{j}].sources", Level.error, reason)

    def handout_lines(self) -> None:
        """Each self-check item states its fact, and each wrong choice what choosing it meant, for the handout."""
        for i, item in enumerate(self.pack.self_check):
            if item.fact is None:
                self.add("self_check", f"self_check[{i}].fact", Level.warning, self.say("no_fact", item=item.id))
            for j, choice in enumerate(item.choices):
                if choice.id not in item.correct and not choice.not_sure and choice.belief is None:
                    reason = self.say("no_belief", choice=choice.id, item=item.id)
                    self.add("self_check", f"self_check[{i}].choices[{j}].belief", Level.warning, reason)

    def helper_forms(self) -> None:
        """A text the handout shows that speaks as 'I' or 'we' has a helper form, and that form never speaks as 'I':
        a {expert} reading a helper's handout must know whose medicines 'my medicines' are."""
        wordings = self.wordings
        for text in handout_texts(self.pack):
            field = text.key.rsplit(".", 1)[1]
            spoken = wordings.first_person(text.text)
            if spoken and text.helper is None:
                self.add(
                    text.file,
                    text.key,
                    Level.error,
                    self.say("no_helper_form", word=spoken[0], field=f"helper_{field}"),
                )
            if text.helper is not None and (said := wordings.first_person(text.helper, plural=False)):
                self.add(
                    text.file,
                    f"{text.key.rsplit('.', 1)[0]}.helper_{field}",
                    Level.error,
                    self.say("helper_speaks_as_i", word=said[0]),
                )

    def neutral_forms(self) -> None:
        """A question that a private answer adds has a neutral form, for a copy the answer is left off."""
        questions = {q.id: (i, q) for i, q in enumerate(self.pack.questions)}
        named: set[str] = set()
        for item in self.pack.values:
            if not item.sensitive:
                continue
            for choice in item.choices:
                for question_id in choice.adds:
                    i, question = questions[question_id]
                    if question.core or question.neutral is not None or question_id in named:
                        continue
                    named.add(question_id)
                    self.add(
                        "clinician",
                        f"questions[{i}].neutral",
                        Level.error,
                        self.say("no_neutral_form", question=question_id, item=item.id),
                    )

    def figures(self) -> None:
        """Who the numbers are about, over what time, and compared with what, in real words."""
        for i, figure in enumerate(self.pack.figures):
            for field, least in FIGURE_MIN_WORDS.items():
                value = getattr(figure, field)
                words = count_words(value)
                if words < least:
                    reason = self.say("figure_too_short", count=words, field=field, value=value, least=least)
                    self.add("figures", f"figures[{i}].{field}", Level.error, reason)
            label = figure.comparator.label
            if not count_words(label) or label.casefold() == figure.option_arm.label.casefold():
                reason = self.say("comparator", label=label)
                self.add("figures", f"figures[{i}].comparator.label", Level.error, reason)

    def clinician_questions(self) -> None:
        """Questions the reader asks, not instructions to the reader ('?' at the end is a model rule)."""
        for i, question in enumerate(self.pack.questions):
            verb = self.wordings.advice_verb_at_start(question.text) if self.wordings else None
            if verb:
                reason = self.say("instruction", verb=verb)
                self.add("clinician", f"questions[{i}].text", Level.error, reason)

    def review_date(self) -> None:
        """The content is reviewed when it says it will be (IPDAS C4)."""
        due = self.pack.meta.review_due
        days = (due - self.today).days
        if days < 0:
            reason = self.say("review_passed", due=due, today=self.today)
            self.add("pack", "meta.review_due", Level.error, reason)
        elif days <= REVIEW_WARNING_DAYS:
            reason = self.say("review_today", due=due) if days == 0 else self.say("review_soon", count=days, due=due)
            self.add("pack", "meta.review_due", Level.warning, reason)

    def crisis_dates(self) -> None:
        """Crisis contacts checked within the last 12 months (presence and dates are model rules)."""
        oldest = _years_before(self.today, CRISIS_MAX_AGE_YEARS)
        for i, resource in enumerate(self.pack.crisis):
            if resource.verified_on < oldest:
                reason = self.say("contact_old", day=resource.verified_on)
                self.add("crisis", f"crisis[{i}].verified_on", Level.warning, reason)

    def disclosure(self) -> None:
        """Funding and conflicts said in a real sentence, not a bare 'None' (IPDAS C6)."""
        for field in DISCLOSED:
            value = getattr(self.pack.meta, field)
            words = count_words(value)
            if words < DISCLOSURE_MIN_WORDS:
                example = self.say(f"example_{field}")
                reason = self.say(
                    "disclosure", count=words, field=field, value=value, least=DISCLOSURE_MIN_WORDS, example=example
                )
                self.add("pack", f"meta.{field}", Level.warning, reason)

    def sure_needs(self) -> None:
        """The SURE items ask about each need once (the model ensures there are 4; their wording is licensed)."""
        sure = self.pack.sure
        if sure is None:
            return
        asked = {item.need for item in sure.items}
        for need in SURE_NEEDS:
            if need not in asked:
                reason = self.say("sure_need", need=need, needs=", ".join(SURE_NEEDS))
                self.add("sure", "sure.items", Level.error, reason)


_FILE_NAMES = {file_name: name for name, file_name in PACK_FILES.items()}


def _named_by_id(finding: Finding, pack: Pack, ids: dict) -> Finding:
    """The finding with the items in its key named by id: 'cards[id=bike-good].body', not 'cards[1].body'."""
    name = _FILE_NAMES.get(finding.path.name)
    return replace(finding, key=by_id(finding.key, pack.file(name), ids)) if name and finding.key else finding


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
