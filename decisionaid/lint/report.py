"""What `lint` finds: one line per finding, the reading grade of every graded text and the short path's length."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from decisionaid.content.problems import Words, display_path
from decisionaid.core.timing import PathTime
from decisionaid.lint.readability import FLESCH_KINCAID, Measure


class Level(StrEnum):
    """An error fails the lint; a warning is shown but passes."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    """One thing to fix or look at, located by pack file and dotted key (no key: the whole pack)."""

    path: Path
    key: str
    level: Level
    reason: str

    def line(self, words: Words) -> str:
        """'file: key: level: reason', the level in the interface's language (the reason already is)."""
        where = f"{display_path(self.path)}: {self.key}" if self.key else display_path(self.path)
        return f"{where}: {words(f'lint.level_{self.level}')}: {self.reason}"


@dataclass(frozen=True)
class GradeRow:
    """The length and readability score (a reading grade, or a reading ease) of one graded text, named like
    'cards about-trd.body'."""

    label: str
    words: int
    grade: float


@dataclass(frozen=True)
class OptionWords:
    """The words of the cards that name one option (title and body; a card naming n options counts for each),
    across the pack and on the short path."""

    option: str
    status_quo: bool
    pack: int
    short_path: int


@dataclass(frozen=True)
class WordsRatio:
    """The most words any option other than the status quo gets over the fewest, against its limit."""

    ratio: float
    limit: float

    @property
    def over(self) -> bool:
        return self.ratio > self.limit


@dataclass
class LintReport:
    """Everything `lint_pack` found in one pack; `measure` is the readability measure of the pack's language
    (None when lint has no rules for it)."""

    findings: list[Finding] = field(default_factory=list)
    grades: list[GradeRow] = field(default_factory=list)
    measure: Measure | None = FLESCH_KINCAID
    short_path: PathTime | None = None
    comparison_words: int = 0
    option_words: list[OptionWords] = field(default_factory=list)
    pack_ratio: WordsRatio | None = None  # None with fewer than 2 options other than the status quo
    short_path_ratio: WordsRatio | None = None  # None then too, or when the pack marks no short path

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.warning]

    @property
    def median_grade(self) -> float:
        return statistics.median(row.grade for row in self.grades)

    def grades_hardest_first(self) -> list[GradeRow]:
        measure = self.measure or FLESCH_KINCAID
        return sorted(self.grades, key=lambda row: (measure.hardest_first(row.grade), row.label))
