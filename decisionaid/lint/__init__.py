"""`lint`: IPDAS-style checks of a loaded content pack. Never imports Textual; textstat only when grading."""

from decisionaid.lint.readability import TextstatMissing
from decisionaid.lint.report import Finding, GradeRow, Level, LintReport, OptionWords, WordsRatio
from decisionaid.lint.rules import lint_pack

__all__ = [
    "Finding",
    "GradeRow",
    "Level",
    "LintReport",
    "OptionWords",
    "TextstatMissing",
    "WordsRatio",
    "lint_pack",
]
