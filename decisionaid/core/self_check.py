"""Self-check answers: whether a choice matches the evidence, and what the answers say was learnt.

Pure Python, shared by every front end so they all judge an answer the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content.models import SelfCheck


class Verdict(StrEnum):
    """How a self-check answer compares with what the studies found."""

    correct = "correct"
    not_quite = "not_quite"
    not_sure = "not_sure"


def verdict(item: SelfCheck, choice_id: str) -> Verdict:
    """The verdict for choosing `choice_id`; any choice that is neither correct nor 'not sure' is not quite."""
    if choice_id in item.correct:
        return Verdict.correct
    if any(c.id == choice_id and c.not_sure for c in item.choices):
        return Verdict.not_sure
    return Verdict.not_quite


def right_answer(item: SelfCheck) -> str:
    """The correct choices' labels, e.g. 'No' or 'False, Partly true'."""
    return ", ".join(c.label for c in item.choices if c.id in item.correct)


@dataclass(frozen=True)
class Learnt:
    """Topics answered correctly, and topics answered otherwise (worth talking through)."""

    known: tuple[str, ...]
    to_ask: tuple[str, ...]


def learnt(items: Sequence[SelfCheck], answers: Mapping[str, str]) -> Learnt:
    """What the answers say, in question order; unanswered questions appear in neither list."""
    answered = [(item, answers[item.id]) for item in items if item.id in answers]
    return Learnt(
        known=tuple(item.topic for item, choice in answered if verdict(item, choice) is Verdict.correct),
        to_ask=tuple(item.topic for item, choice in answered if verdict(item, choice) is not Verdict.correct),
    )
