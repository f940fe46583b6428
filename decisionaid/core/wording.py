"""Fixed wording every front end shares, kept in one place."""

from __future__ import annotations

from decisionaid.content.models import Certainty

CERTAINTY_WORDS = {
    Certainty.established: "Well established",
    Certainty.uncertain: "Uncertain: studies are few, small or short",
    Certainty.disputed: "Disputed: studies disagree",
}

CORRECT = "✓ Correct"
NOT_QUITE = "✗ Not quite"
NOT_SURE = "? Not sure"


def certainty_words(certainty: Certainty) -> str:
    """How sure the evidence is, in words."""
    return CERTAINTY_WORDS[certainty]
