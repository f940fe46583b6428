"""From a pack and a person's answers to the summary: the handout's facts and the questions for the clinician.

The rules only list questions and repeat what the person said; they never weigh the options. Every
sentence is taken from the catalogue, and every text of the pack in its helper form where it has one, in the voice
of whoever filled the aid in. Private answers stay off the copy unless the person chose to show them: one left off
says nothing, every question any answer to it could add is asked in its neutral form (the same whatever the
answer was), and it is counted.
Pure Python: never imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, words_for
from decisionaid.core.changes import answered_before_change
from decisionaid.core.self_check import Verdict, verdict
from decisionaid.core.session import LEANING_NOT_SURE, Session, set_aside_unknown
from decisionaid.core.voicing import voiced

TOP_QUESTIONS = 5

if TYPE_CHECKING:
    from decisionaid.content.models import ClinicianQuestion, Pack, SelfCheck, Source


@dataclass(frozen=True)
class SuggestedQuestion:
    """A question for the clinician and why it is on the list."""

    id: str
    text: str
    topic: str
    reasons: tuple[str, ...]
    sources: tuple[Source, ...]  # where the first reason's facts come from
    core: bool
    ticked: bool
    priority: int
    starred: bool
    added: bool  # an answer put it on the list (not only being a core question)
    pinned: bool = False  # stays among the top questions whatever is starred
    general: bool = False  # only answers left off the copy put it there: asked in general, for whatever they were


@dataclass(frozen=True)
class TopicGroup:
    """The suggested questions of one topic, in clinician.toml order."""

    topic: str
    title: str
    questions: tuple[SuggestedQuestion, ...]


@dataclass(frozen=True)
class TopQuestion:
    """One of the handout's top questions: a suggested one (with its id) or the person's own (id '')."""

    text: str
    reasons: tuple[str, ...] = ()
    id: str = ""
    sources: tuple[Source, ...] = ()  # where the first reason's facts come from

    @property
    def own(self) -> bool:
        return not self.id


@dataclass(frozen=True)
class Statement:
    """A values or situation answer as the handout states it."""

    item: str
    text: str


@dataclass(frozen=True)
class PrivateAnswer:
    """An answered sensitive item, and whether the person lets it go into the saved copy."""

    item: str
    text: str
    included: bool


@dataclass(frozen=True)
class Differed:
    """A self-check answer that differed from the evidence, said in one line."""

    item: str
    topic: str
    line: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Checked:
    """The self-check result: how many were answered as the evidence says, what differed, what was unsure."""

    asked: int  # the items on the short path, and any other the person answered
    answered: int
    as_evidence: int
    differed: tuple[Differed, ...]
    not_sure: tuple[str, ...]
    earlier: tuple[str, ...] = ()  # answers given on an earlier version, before their question changed
    details: int = 0  # answers on small details (trivia) that did not match: counted, not listed
    details_unsure: int = 0  # answers 'not sure' on small details: counted, not listed, never called a mismatch


@dataclass(frozen=True)
class SureAnswer:
    """One answered SURE item."""

    text: str
    yes: bool


@dataclass(frozen=True)
class SureResult:
    """The SURE test: the answered items in pack order, and how many were answered yes."""

    answers: tuple[SureAnswer, ...]
    total: int
    citation: str

    @property
    def yes(self) -> int:
        return sum(a.yes for a in self.answers)


@dataclass(frozen=True)
class Summary:
    """Everything the summary screen and the exports show, in the voice of whoever filled it in."""

    title: str
    pack_version: str
    evidence_reviewed: date
    reader: str
    groups: tuple[TopicGroup, ...]
    top: tuple[TopQuestion, ...]
    top_starred: bool
    value_kinds: frozenset[str]
    values: tuple[Statement, ...]
    situation: tuple[Statement, ...]
    private: tuple[PrivateAnswer, ...]
    withheld: int
    checked: Checked | None
    sure: SureResult | None
    leaning: str
    own_questions: tuple[str, ...]
    note: str
    answers: Session = field(compare=False, repr=False)  # the answers it was made from, unknown ids set aside

    @property
    def voice(self) -> str:
        return voice_of(self.reader)

    def more_groups(self) -> tuple[TopicGroup, ...]:
        """The ticked questions that are not among the top ones, for after the handout."""
        top = {q.id for q in self.top if not q.own}
        return _keep(self.groups, lambda q: q.ticked and q.id not in top)

    def more_own(self) -> tuple[str, ...]:
        """The person's own questions that are not among the top ones."""
        top = {q.text for q in self.top if q.own}
        return tuple(q for q in self.own_questions if q not in top)

    def next_questions(self) -> tuple[SuggestedQuestion, ...]:
        """The ticked questions that are not among the top ones, in the order the top ones were picked in."""
        top = {q.id for q in self.top if not q.own}
        return tuple(q for q in _ranked(self.groups) if q.id not in top)

    def questions(self) -> tuple[SuggestedQuestion, ...]:
        """Every suggested question, in the order shown."""
        return tuple(q for group in self.groups for q in group.questions)


def voice_of(reader: str) -> str:
    """The catalogue voice for who fills the aid in; before it is asked, the person's own."""
    return "helper" if reader == "helper" else "self"


def fact_kind(item: SelfCheck) -> str:
    """The kind of fact a self-check item checks, as the pack names it; 'other' when it does not."""
    return item.kind.value if item.kind else "other"


def build_summary(pack: Pack, session: Session, words: Catalogue | None = None) -> Summary:
    """The summary for `session`; answers naming ids the pack no longer has are left out."""
    answers = set_aside_unknown(session, pack)
    voice = voice_of(answers.reader)
    words = (words or words_for(pack)).in_voice(voice)
    private = _private(pack, answers, voice)
    withheld = {p.item for p in private if not p.included}
    reasons = _Reasons()
    for question in pack.questions:
        if question.core:
            sources = tuple(pack.source(s) for s in question.sources)
            reasons.add([question.id], voiced(question, "reason", voice), added=False, sources=sources)
    checked = _self_check(pack, answers, reasons, words)
    values, situation = _values(pack, answers, reasons, withheld)
    sure = _sure(pack, answers, reasons, words)
    groups = _groups(pack, reasons, answers, words)
    top, starred = _top(groups, answers)
    return Summary(
        title=pack.meta.title,
        pack_version=pack.meta.version,
        evidence_reviewed=pack.meta.evidence_reviewed,
        reader=answers.reader,
        groups=groups,
        top=top,
        top_starred=starred,
        value_kinds=frozenset(item.kind for item in pack.values),
        values=values,
        situation=situation,
        private=private,
        withheld=len(withheld),
        checked=checked,
        sure=sure,
        leaning=_leaning(pack, answers, words),
        own_questions=tuple(session.own_questions),
        note=session.note,
        answers=answers,
    )


class _Reasons:
    """Question id -> its reasons, first come first listed, each reason once; which an answer added; which only
    private answers left off the copy added (their reasons are never kept); and the sources of each reason that
    gives facts."""

    def __init__(self) -> None:
        self.by_question: dict[str, list[str]] = {}
        self.added: set[str] = set()
        self.privately: set[str] = set()
        self.sources: dict[str, tuple[Source, ...]] = {}

    def add(
        self, question_ids: Iterable[str], reason: str, *, added: bool = True, sources: tuple[Source, ...] = ()
    ) -> None:
        if sources:
            self.sources[reason] = sources
        for question_id in question_ids:
            listed = self.by_question.setdefault(question_id, [])
            if reason not in listed:
                listed.append(reason)
            if added:
                self.added.add(question_id)

    def add_privately(self, question_ids: Iterable[str]) -> None:
        """Questions an answer left off the copy added: listed in their neutral form whatever else adds them (their
        own form would tell the answer), and ranked with the core questions unless another reason adds them."""
        self.privately.update(question_ids)


def _self_check(pack: Pack, answers: Session, reasons: _Reasons, words: Catalogue) -> Checked | None:
    """Add questions for answers that were wrong or 'not sure'; return the result of the self-check.

    The score counts every answer, as the self-check's own page does. Trivia items add no questions, and those
    that did not match are only counted, not listed.
    """
    items = pack.self_check
    if not items:
        return None
    right, differed, not_sure, details, details_unsure = 0, [], [], 0, 0
    for item in items:
        chosen = answers.self_check.get(item.id)
        if chosen is None:
            continue
        judged = verdict(item, chosen)
        topic = voiced(item, "topic", words.voice)
        if judged is Verdict.correct:
            right += 1
        elif item.trivia:
            details_unsure += judged is Verdict.not_sure
            details += judged is not Verdict.not_sure
        elif judged is Verdict.not_sure:
            reasons.add(item.adds, words("reasons.not_sure", topic=topic))
            not_sure.append(topic)
        else:
            kind = fact_kind(item)
            reasons.add(item.adds, words("reasons.differed", topic=topic, evidence=words(f"evidence.{kind}")))
            sources = tuple(pack.source(s) for s in item.sources)
            differed.append(Differed(item.id, item.topic, _differed_line(item, chosen, kind, words), sources))
    marked = any(item.short_path for item in items)
    asked = sum(item.short_path or not marked or item.id in answers.self_check for item in items)
    answered = sum(item.id in answers.self_check for item in items)
    earlier = _earlier(pack, answers, words)
    return Checked(asked, answered, right, tuple(differed), tuple(not_sure), earlier, details, details_unsure)


def _earlier(pack: Pack, answers: Session, words: Catalogue) -> tuple[str, ...]:
    """A line for each self-check answer given on an earlier version of the pack, before its question changed."""
    lines = []
    for item in pack.self_check:
        on = answers.answered_on.get(f"self_check:{item.id}", "")
        if item.id in answers.self_check and answered_before_change(pack, f"self_check:{item.id}", on):
            lines.append(words("release.answered_earlier", topic=item.topic, version=on))
    return tuple(lines)


def _differed_line(item: SelfCheck, chosen: str, kind: str, words: Catalogue) -> str:
    """What the person thought and what the evidence says, from the chosen choice's belief and the item's fact."""
    voice = words.voice
    belief = next(voiced(c, "belief", voice) for c in item.choices if c.id == chosen)
    topic, fact = voiced(item, "topic", voice), voiced(item, "fact", voice)
    says, evidence = words(f"evidence_says.{kind}"), words(f"evidence.{kind}")
    if belief and fact:
        return words("checked.thought", belief=belief, says=says, fact=fact)
    if belief:
        return words("checked.thought_only", belief=belief, evidence=evidence)
    if fact:
        return words("checked.differed_fact", topic=topic, says=says, fact=fact)
    return words("reasons.differed", topic=topic, evidence=evidence)


def _values(
    pack: Pack, answers: Session, reasons: _Reasons, withheld: set[str]
) -> tuple[tuple[Statement, ...], tuple[Statement, ...]]:
    """Add the questions each chosen value adds; return the value and the situation statements.

    Values are listed from the answers that matter most (the first choices of an item) to the least;
    situation facts in the pack's order. A withheld answer says nothing: the questions of all its item's answers
    come, without a reason, so the copy cannot tell which answer it was.
    """
    voice = voice_of(answers.reader)
    ranked: list[tuple[int, Statement]] = []
    situation: list[Statement] = []
    for item in pack.values:
        chosen = answers.values.get(item.id)
        position = next((i for i, c in enumerate(item.choices) if c.id == chosen), None)
        if position is None:
            continue
        choice = item.choices[position]
        if item.id in withheld:  # every question any answer to it could add: the copy cannot tell which was given
            reasons.add_privately(q for c in item.choices for q in c.adds)
            continue
        if choice.adds and choice.reason:
            reasons.add(choice.adds, voiced(choice, "reason", voice))
        if choice.summary:
            statement = Statement(item.id, voiced(choice, "summary", voice))
            if item.kind == "value":
                ranked.append((position, statement))
            else:
                situation.append(statement)
    values = tuple(statement for _, statement in sorted(ranked, key=lambda pair: pair[0]))
    return values, tuple(situation)


def _private(pack: Pack, answers: Session, voice: str) -> tuple[PrivateAnswer, ...]:
    """Each sensitive item whose answer says something or adds questions, and whether the person chose to show it
    on the copy (it stays off until they do).

    The answer reads as its summary, or else as the statement and the chosen label.
    """
    found = []
    for item in pack.values:
        choice = next((c for c in item.choices if c.id == answers.values.get(item.id)), None)
        if item.sensitive and choice is not None and (choice.summary or choice.adds):
            text = voiced(choice, "summary", voice) or f"{item.statement} {choice.label}"
            found.append(PrivateAnswer(item.id, text, item.id in answers.shown))
    return tuple(found)


def _sure(pack: Pack, answers: Session, reasons: _Reasons, words: Catalogue) -> SureResult | None:
    """Add questions for SURE items answered 'no'; return every answered item."""
    sure = pack.sure
    if sure is None:
        return None
    found = []
    for item in sure.items:
        yes = answers.sure.get(item.id)
        if yes is None:
            continue
        if not yes:
            reasons.add(item.adds, words("reasons.sure_no", item=item.text))
        found.append(SureAnswer(text=item.text, yes=yes))
    return SureResult(tuple(found), len(sure.items), sure.citation)


def _groups(pack: Pack, reasons: _Reasons, answers: Session, words: Catalogue) -> tuple[TopicGroup, ...]:
    """The listed questions by topic, in the reader's voice.

    One a private answer left off the copy could add is in its neutral form, whatever else added it, with only the
    other reasons (or a general one); without a neutral form it is left out, unless it is a core question, listed
    anyway.
    """
    unticked, starred, voice = set(answers.unticked), set(answers.starred), words.voice
    listed = [
        (q, _listed_text(q, q.id in reasons.privately, voice), tuple(reasons.by_question.get(q.id, ())))
        for q in pack.questions
        if q.id in reasons.by_question or q.id in reasons.privately
    ]
    listed = [(q, text, why or (words("private_answer.reason"),)) for q, text, why in listed]
    groups = []
    for topic in pack.topics:
        questions = tuple(
            SuggestedQuestion(
                id=q.id,
                text=text,
                topic=q.topic,
                reasons=why,
                sources=reasons.sources.get(why[0], ()) if why else (),
                core=q.core,
                ticked=q.id not in unticked,
                priority=q.priority,
                starred=q.id in starred and q.id not in unticked,
                added=q.id in reasons.added,
                pinned=q.pinned,
                general=q.id in reasons.privately and q.id not in reasons.by_question,
            )
            for q, text, why in listed
            if q.topic == topic.id and text
        )
        if questions:
            groups.append(TopicGroup(topic=topic.id, title=voiced(topic, "title", voice), questions=questions))
    return tuple(groups)


def _listed_text(question: ClinicianQuestion, privately: bool, voice: str) -> str:
    """The question's own form, or its neutral form when a private answer left off the copy added it."""
    if not privately:
        return voiced(question, "text", voice)
    return voiced(question, "neutral", voice) or (voiced(question, "text", voice) if question.core else "")


def _top(groups: tuple[TopicGroup, ...], answers: Session) -> tuple[tuple[TopQuestion, ...], bool]:
    """The starred questions (own ones first), or until there are any, the highest-priority ones.

    Those an answer added come first, then core ones, then those asked in general for answers left off the copy;
    then by priority, by the number of reasons, and in the pack's order. Pinned questions the reader kept close the
    top either way.
    """
    listed = [q for group in groups for q in group.questions if q.ticked]
    pinned = [_top_question(q) for q in listed if q.pinned]
    room = TOP_QUESTIONS - len(pinned)
    own = [TopQuestion(text) for text in dict.fromkeys(answers.own_questions) if text in answers.starred_own]
    by_id = {q.id: q for q in listed if not q.pinned}
    chosen = [by_id[i] for i in dict.fromkeys(answers.starred) if i in by_id]
    if own or chosen:
        return tuple((own + [_top_question(q) for q in chosen])[:room] + pinned), True
    ranked = [q for q in _ranked(groups) if not q.pinned]
    return tuple([_top_question(q) for q in ranked[:room]] + pinned), False


def _top_question(question: SuggestedQuestion) -> TopQuestion:
    return TopQuestion(question.text, question.reasons, question.id, question.sources)


def star_limit(summary: Summary) -> int:
    """How many questions the reader can star: the top's places, less those pinned questions the reader kept."""
    return TOP_QUESTIONS - sum(q.pinned and q.ticked for q in summary.questions())


def _ranked(groups: tuple[TopicGroup, ...]) -> list[SuggestedQuestion]:
    """The ticked questions: those an answer added first, then core ones, then those asked in general (see `_top`);
    then by priority, by the number of reasons, and in the pack's order."""
    listed = [q for group in groups for q in group.questions if q.ticked]
    order = {q.id: n for n, q in enumerate(listed)}
    return sorted(listed, key=lambda q: (not q.added, q.general, q.priority, -len(q.reasons), order[q.id]))


def _leaning(pack: Pack, answers: Session, words: Catalogue) -> str:
    """The option the person said they lean towards, 'not sure yet', or '' when not said."""
    if answers.leaning == LEANING_NOT_SURE:
        return words("leaning.not_sure")
    return next((o.name for o in pack.options if o.id == answers.leaning), "")


def _keep(groups: tuple[TopicGroup, ...], wanted) -> tuple[TopicGroup, ...]:
    kept = []
    for group in groups:
        questions = tuple(q for q in group.questions if wanted(q))
        if questions:
            kept.append(TopicGroup(group.topic, group.title, questions))
    return tuple(kept)
