"""From a pack and a person's answers to the summary: questions for the clinician, each with its reasons.

The rules only list questions and repeat what the person said; they never weigh the options.
Pure Python: never imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.core.checking import Verdict, verdict
from decisionaid.core.session import Session, set_aside_unknown

if TYPE_CHECKING:
    from decisionaid.content.models import Pack, Source


@dataclass(frozen=True)
class SuggestedQuestion:
    """A question for the clinician and why it is on the list."""

    id: str
    text: str
    topic: str
    reasons: tuple[str, ...]
    core: bool
    ticked: bool


@dataclass(frozen=True)
class TopicGroup:
    """The suggested questions of one topic, in clinician.toml order."""

    topic: str
    title: str
    questions: tuple[SuggestedQuestion, ...]


@dataclass(frozen=True)
class SureAnswer:
    """One answered SURE item."""

    text: str
    yes: bool
    meaning: str | None


@dataclass(frozen=True)
class Summary:
    """Everything the summary screen and the export show."""

    title: str
    pack_version: str
    evidence_reviewed: date
    groups: tuple[TopicGroup, ...]
    matters: tuple[str, ...]
    unsure: tuple[str, ...]
    own_questions: tuple[str, ...]
    note: str
    sure: tuple[SureAnswer, ...]
    sources_read: tuple[Source, ...]

    def ticked_groups(self) -> tuple[TopicGroup, ...]:
        """The groups keeping only ticked questions; groups left empty are dropped."""
        kept = []
        for group in self.groups:
            ticked = tuple(q for q in group.questions if q.ticked)
            if ticked:
                kept.append(TopicGroup(group.topic, group.title, ticked))
        return tuple(kept)

    def questions(self) -> tuple[SuggestedQuestion, ...]:
        """Every suggested question, in the order shown."""
        return tuple(q for group in self.groups for q in group.questions)


def not_sure_reason(topic: str) -> str:
    return f"You were not sure about {topic}."


def differed_reason(topic: str) -> str:
    return f"Your answer about {topic} differed from what the studies found."


def sure_no_reason(item_text: str) -> str:
    return f"You answered 'no' to: {item_text}"


def build_summary(pack: Pack, session: Session) -> Summary:
    """The summary for `session`; answers naming ids the pack no longer has are left out."""
    answers = set_aside_unknown(session, pack)
    reasons = _Reasons()
    for question in pack.clinician.questions:
        if question.core:
            reasons.add([question.id], question.reason)
    unsure = _self_check(pack, answers, reasons)
    matters = _values(pack, answers, reasons)
    sure = _sure(pack, answers, reasons)
    return Summary(
        title=pack.meta.title,
        pack_version=pack.meta.version,
        evidence_reviewed=pack.meta.evidence_reviewed,
        groups=_groups(pack, reasons, set(answers.unticked)),
        matters=tuple(matters),
        unsure=tuple(unsure),
        own_questions=tuple(session.own_questions),
        note=session.note,
        sure=tuple(sure),
        sources_read=_sources_read(pack, answers.cards_read),
    )


class _Reasons:
    """Question id -> its reasons, first come first listed, each reason once."""

    def __init__(self) -> None:
        self.by_question: dict[str, list[str]] = {}

    def add(self, question_ids: Iterable[str], reason: str) -> None:
        for question_id in question_ids:
            listed = self.by_question.setdefault(question_id, [])
            if reason not in listed:
                listed.append(reason)


def _self_check(pack: Pack, answers: Session, reasons: _Reasons) -> list[str]:
    """Add questions for answers that were wrong or 'not sure'; return the 'not sure about' lines."""
    unsure = []
    for item in pack.self_check.self_check:
        chosen = answers.self_check.get(item.id)
        if chosen is None:
            continue
        judged = verdict(item, chosen)
        if judged is Verdict.not_sure:
            reasons.add(item.adds, not_sure_reason(item.topic))
            unsure.append(f"I was not sure about {item.topic}.")
        elif judged is Verdict.not_quite:
            reasons.add(item.adds, differed_reason(item.topic))
            unsure.append(f"My answer about {item.topic} differed from the evidence.")
    return unsure


def _values(pack: Pack, answers: Session, reasons: _Reasons) -> list[str]:
    """Add the questions each chosen value adds; return the 'what matters to me' lines."""
    matters = []
    for item in pack.values.values:
        chosen = answers.values.get(item.id)
        choice = next((c for c in item.choices if c.id == chosen), None)
        if choice is None:
            continue
        if choice.adds and choice.reason:
            reasons.add(choice.adds, choice.reason)
        if choice.summary:
            matters.append(choice.summary)
    return matters


def _sure(pack: Pack, answers: Session, reasons: _Reasons) -> list[SureAnswer]:
    """Add questions for SURE items answered 'no'; return every answered item."""
    if pack.sure.sure is None:
        return []
    found = []
    for item in pack.sure.sure.items:
        yes = answers.sure.get(item.id)
        if yes is None:
            continue
        if not yes:
            reasons.add(item.adds, sure_no_reason(item.text))
        found.append(SureAnswer(text=item.text, yes=yes, meaning=None if yes else item.if_no))
    return found


def _groups(pack: Pack, reasons: _Reasons, unticked: set[str]) -> tuple[TopicGroup, ...]:
    groups = []
    for topic in pack.clinician.topics:
        questions = tuple(
            SuggestedQuestion(
                id=q.id,
                text=q.text,
                topic=q.topic,
                reasons=tuple(reasons.by_question[q.id]),
                core=q.core,
                ticked=q.id not in unticked,
            )
            for q in pack.clinician.questions
            if q.topic == topic.id and q.id in reasons.by_question
        )
        if questions:
            groups.append(TopicGroup(topic=topic.id, title=topic.title, questions=questions))
    return tuple(groups)


def _sources_read(pack: Pack, cards_read: list[str]) -> tuple[Source, ...]:
    """The sources cited by the cards read and the figures on them, in sources.toml order."""
    cited: set[str] = set()
    read = set(cards_read)
    figures = {f.id: f for f in pack.figures.figures}
    for card in pack.cards.cards:
        if card.id in read:
            cited.update(card.sources)
            for figure_id in card.figures:
                if figure_id in figures:
                    cited.update(figures[figure_id].sources)
    return tuple(s for s in pack.sources.sources if s.id in cited)
