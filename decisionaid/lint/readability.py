"""Reading grade, measured with textstat, an optional extra imported only when needed."""

from __future__ import annotations

TEXTSTAT_NEEDED = "decisionaid lint needs textstat 0.7.3: pip install 'decisionaid[lint]'"


class TextstatMissing(Exception):
    """textstat is not installed; it comes with the `lint` extra."""

    def __init__(self) -> None:
        super().__init__(TEXTSTAT_NEEDED)


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`, to one decimal place (textstat 0.7.3)."""
    try:
        import textstat
    except ImportError:
        raise TextstatMissing() from None
    return textstat.flesch_kincaid_grade(text)
