"""The handout as a document: a one-page part for the clinician, then the rest, as blocks any format can show.

Every sentence comes from the summary and the catalogue, in the voice of whoever filled the aid in;
the renderers in `decisionaid.export` only lay the blocks out. Text the person typed is cleaned here.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, words_for
from decisionaid.core.pack_status import notices as pack_notices
from decisionaid.core.sources import source_links
from decisionaid.core.summary import TopicGroup
from decisionaid.sanitize import clean_text

if TYPE_CHECKING:
    from decisionaid.content.models import Pack, Source
    from decisionaid.core.summary import Checked, SuggestedQuestion, Summary

CITATION_WIDTH = 58  # with ' (2024)' and a list marker, a citation fits a line of 72
HANDOUT_DIFFERED = 5  # at most this many answers that differed are shown on the one page; the others follow it
PAGE_LINES = 60  # the one-page handout, laid out as text
PAGE_WIDTH = 72  # columns of that text
PRINT_WIDTH = 52  # characters in a line of one column of the printed rest (9 pt, two columns, A4 or Letter)
PRINT_LINES = 138  # such lines the printed rest holds under its title on its one page, both columns together
HANDOUT_NOT_SURE = 6  # topics of 'not sure' answers shown on the one page
KNOWLEDGE_PERCENT_FROM = 5  # fewer answers than this make a percentage say more than they do


@dataclass(frozen=True)
class Entry:
    """One entry of a block: a list item ('-' or '1.'), or a paragraph (marker '').

    `details` are lines under it; `link` is a web address shown after it.
    """

    text: str
    marker: str = "-"
    details: tuple[str, ...] = ()
    link: str = ""


@dataclass(frozen=True)
class Block:
    """A section (level 2) or a group within one (level 3), named by `kind` for styling."""

    heading: str
    entries: tuple[Entry, ...] = ()
    level: int = 2
    kind: str = ""


@dataclass(frozen=True)
class Handout:
    """The title and the lines under it, the blocks of the one-page handout, then the rest."""

    title: str
    top: tuple[str, ...]
    blocks: tuple[Block, ...]
    rest_title: str
    rest: tuple[Block, ...]
    printed_rest: tuple[Block, ...]  # the rest as printed on one page: as many of its questions as fit, by rank
    language: str
    sources: tuple[Source, ...] = ()  # every source behind what it shows, as listed under its sources


def build_handout(summary: Summary, pack: Pack, *, today: date, words: Catalogue | None = None) -> Handout:
    """The document for `summary`: what every export and the summary screen show, in this order."""
    words = (words or words_for(pack)).in_voice(summary.voice)
    title, top = words("handout.title", title=summary.title), _top_lines(summary, pack, today, words)
    shown, next_questions = _fit_page(summary, words, _page_lines(title, top))
    cited = _cited(summary, pack, shown)

    before = tuple(b for b in (record_block(summary, pack, today, words), _checked_more(summary, words, shown)) if b)
    after = (*_closing_blocks(summary, pack, words, cited), _provenance(summary, pack, words))

    def questions(printed: int | None = None) -> tuple[Block, ...]:
        return tuple(_question_blocks(summary, words, next_questions, printed))

    printed = _printed_questions(questions, _printed_lines((*before, *after)))
    return Handout(
        title=title,
        top=top,
        blocks=tuple(b for b in _handout_blocks(summary, words, shown, next_questions) if b is not None),
        rest_title=words("handout.rest"),
        rest=(*before, *questions(), *after),
        printed_rest=(*before, *printed, *after),
        language=words.language,
        sources=cited,
    )


def _printed_questions(questions: Callable[[int | None], tuple[Block, ...]], others: int) -> tuple[Block, ...]:
    """The rest's question blocks, every question when they fit in PRINT_LINES beside the `others` lines of the
    rest, else as many questions as fit, by rank (fewer questions never take more lines)."""
    whole = questions(None)
    room = PRINT_LINES - others
    if _printed_lines(whole) <= room:
        return whole
    low, high = 0, sum(len(b.entries) for b in whole if b.kind == "topic")
    while low < high:
        middle = (low + high + 1) // 2
        if _printed_lines(questions(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    return questions(low)


def _printed_lines(blocks: tuple[Block, ...]) -> int:
    """The lines of PRINT_WIDTH these blocks take printed in the rest's columns: a section's heading and the space
    under it, a group's heading, then the entries; the record's details run on after their entry."""
    total = 0
    for block in blocks:
        total += _line_count(block.heading) + (block.level == 2)
        for entry in block.entries:
            texts = (
                (" ".join((entry.text, *entry.details)),) if block.kind == "record" else (entry.text, *entry.details)
            )
            total += sum(_line_count(text) for text in texts if text.strip())
            total += -(-len(entry.link) // PRINT_WIDTH)
    return total


def _line_count(text: str) -> int:
    """The lines `text` wraps to in a column of the printed rest (a list item's indent taken off); a text too long
    to fit the page whatever its words is counted by its length alone, so that counting stays quick."""
    width = PRINT_WIDTH - 2
    if len(text) > PRINT_LINES * PRINT_WIDTH:
        return -(-len(text) // width)
    return len(_wrap(text, width=width))


def _fit_page(summary: Summary, words: Catalogue, top_lines: int) -> tuple[int, tuple[SuggestedQuestion, ...]]:
    """How many answers that differed the one page shows, and which further questions, within PAGE_LINES.

    Answers that differed give way first (they follow under the rest); then the next questions by rank fill
    what is left.
    """
    differed = len(summary.checked.differed) if summary.checked else 0
    shown = min(differed, HANDOUT_DIFFERED)
    while shown and top_lines + _blocks_lines(_handout_blocks(summary, words, shown, ())) > PAGE_LINES:
        shown -= 1
    fitted: tuple[SuggestedQuestion, ...] = ()
    for question in summary.next_questions():
        trial = (*fitted, question)
        if top_lines + _blocks_lines(_handout_blocks(summary, words, shown, trial)) > PAGE_LINES:
            break
        fitted = trial
    return shown, fitted


def _page_lines(title: str, top: tuple[str, ...]) -> int:
    """The lines of the title, its rule and the lines under it, as the text export lays them out."""
    return len(_wrap(title)) + 1 + sum(len(_wrap(line)) for line in top)


def _blocks_lines(blocks: list[Block | None]) -> int:
    """The lines the one-page blocks take as text: a blank line, the heading and its rule, then the entries."""
    total = 0
    for block in (b for b in blocks if b is not None):
        total += 1 + len(_wrap(block.heading)) + 1
        for entry in block.entries:
            indent = " " * (len(entry.marker) + 1) if entry.marker else ""
            if entry.marker:
                total += len(_wrap(entry.text, entry.marker + " ", indent))
            else:
                total += sum(len(_wrap(line)) if line.strip() else 1 for line in entry.text.split("\n"))
            total += sum(len(_wrap(detail, indent, indent)) for detail in entry.details)
    return total


def _wrap(text: str, first: str = "", indent: str = "", width: int = PAGE_WIDTH) -> list[str]:
    lines = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=indent, break_on_hyphens=False)
    return lines or [first]


def _cited(summary: Summary, pack: Pack, shown: int) -> tuple[Source, ...]:
    """The sources behind what the handout shows: the reasons of the top questions, the facts of the answers
    that differed, and the help-now lines; in the pack's order."""
    cited = {s.id for q in summary.top for s in q.sources}
    checked = summary.checked
    cited |= {s.id for d in (checked.differed[:shown] if checked else ()) for s in d.sources}
    cited |= {r.source for r in pack.crisis}
    return tuple(s for s in pack.sources if s.id in cited)


def _top_lines(summary: Summary, pack: Pack, today: date, words: Catalogue) -> tuple[str, ...]:
    """Not advice; the day it was made and who filled it in; the pack's version and evidence date; help now."""
    made = words("handout.made" if summary.reader else "handout.made_unsaid", made=words.date(today))
    version = _version_line(summary, pack, words)
    version_lines = (version, *pack_notices(pack, today, words))
    if not pack.help_now:
        return (pack.meta.disclaimer, made, *version_lines)
    first = pack.crisis[0]
    help_now = words("handout.help_now", name=first.name, contact=first.contact)
    return (pack.meta.disclaimer, made, *version_lines, help_now)


def _handout_blocks(
    summary: Summary, words: Catalogue, shown: int, next_questions: tuple[SuggestedQuestion, ...]
) -> list[Block | None]:
    """The one page: `shown` answers that differed, and `next_questions` after the top ones."""
    return [
        _top_questions(summary, words),
        _where(summary, words),
        _statements("values", summary.values, 0, words) if _has_kind(summary, "value") else None,
        _statements("situation", summary.situation, summary.withheld, words)
        if _has_kind(summary, "situation")
        else None,
        _checked(summary, words, shown),
        Block(words("handout.next"), tuple(Entry(q.text) for q in next_questions), kind="next")
        if next_questions
        else None,
    ]


def _has_kind(summary: Summary, kind: str) -> bool:
    return kind in summary.value_kinds


def _top_questions(summary: Summary, words: Catalogue) -> Block:
    entries = []
    for number, question in enumerate(summary.top, 1):
        if question.own:
            lines = typed_lines(question.text)
            details = (*lines[1:], words("handout.own_question"))
            entries.append(Entry(lines[0] if lines else "", f"{number}.", details))
        else:
            entries.append(Entry(question.text, f"{number}.", (words("handout.why", reason=question.reasons[0]),)))
    if not entries:
        entries.append(Entry(words("handout.no_questions"), ""))
    elif not summary.top_starred:
        entries.append(Entry(words("handout.top_picked"), ""))
    return Block(words("handout.top"), tuple(entries), kind="top-questions")


def _where(summary: Summary, words: Catalogue) -> Block | None:
    """The SURE result as 'N of 4' with each item answered no (unless every item was: '0 of 4' says it), and the
    option leant towards, if said."""
    entries = []
    sure = summary.sure
    if sure is not None:
        if sure.answers:
            text = words("handout.sure", yes=sure.yes, total=sure.total)
            unanswered = sure.total - len(sure.answers)
            if unanswered:
                text += " " + words("handout.sure_unanswered", count=unanswered)
            every_no = not unanswered and not sure.yes
            noes = () if every_no else tuple(words("handout.sure_no", item=a.text) for a in sure.answers if not a.yes)
            entries.append(Entry(text, details=noes))
        else:
            entries.append(Entry(words("handout.sure_none")))
    if summary.leaning:
        entries.append(Entry(words("handout.leaning", option=summary.leaning)))
    return Block(words("handout.where"), tuple(entries), kind="where") if entries else None


def _statements(kind: str, statements, withheld: int, words: Catalogue) -> Block:
    entries = [Entry(s.text) for s in statements]
    if not entries and not withheld:
        entries.append(Entry(words("handout.not_answered"), ""))
    if withheld:
        entries.append(Entry(words("handout.withheld", count=withheld), ""))
    return Block(words(f"handout.{kind}"), tuple(entries), kind=kind)


def _checked(summary: Summary, words: Catalogue, on_page: int) -> Block | None:
    """'N of M matched the evidence', what I thought where an answer differed (the first `on_page` of them), and
    what I was unsure of."""
    checked = summary.checked
    if checked is None:
        return None
    if not checked.answered:
        return Block(words("handout.checked"), (Entry(words("handout.not_answered"), ""),), kind="checked")
    score = knowledge_score(checked, words)
    skipped = checked.asked - checked.answered
    if skipped:
        score += " " + words("handout.skipped", count=skipped)
    entries = [Entry(score, ""), *(Entry(d.line) for d in checked.differed[:on_page])]
    rest = words("handout.rest")
    more = len(checked.differed) - on_page
    if more > 0:
        key = "handout.differed_more" if on_page else "handout.differed_elsewhere"
        entries.append(Entry(words(key, count=more, rest=rest), ""))
    if checked.details:
        entries.append(Entry(words("handout.details", count=checked.details), ""))
    shown, more = checked.not_sure[:HANDOUT_NOT_SURE], len(checked.not_sure) - HANDOUT_NOT_SURE
    if more > 0:
        entries.append(Entry(words("handout.not_sure_more", topics="; ".join(shown), count=more, rest=rest), ""))
    elif shown:
        entries.append(Entry(words("handout.not_sure", topics="; ".join(shown)), ""))
    if checked.details_unsure:
        entries.append(Entry(words("handout.details_unsure", count=checked.details_unsure), ""))
    entries += [Entry(line, "") for line in checked.earlier]
    return Block(words("handout.checked"), tuple(entries), kind="checked")


def knowledge_score(checked: Checked, words: Catalogue) -> str:
    """'N of M matched the evidence', with the percentage once M is at least KNOWLEDGE_PERCENT_FROM, then how many
    of the M were 'not sure', so that a low score is not read as all wrong."""
    if checked.answered < KNOWLEDGE_PERCENT_FROM:
        said = words("handout.score", right=checked.as_evidence, answered=checked.answered)
    else:
        percent = round(100 * checked.as_evidence / checked.answered)
        said = words("handout.score_percent", right=checked.as_evidence, answered=checked.answered, percent=percent)
    unsure = len(checked.not_sure) + checked.details_unsure
    return f"{said} {words('handout.score_unsure', count=unsure)}" if unsure else said


def record_block(summary: Summary, pack: Pack, today: date, words: Catalogue) -> Block:
    """A short summary for the expert's notes: what the person reported, each part marked so, and the aid used;
    one paragraph for each kind of thing, so it stays short wherever it is pasted."""
    used = words.date(today)
    aid = words("record.aid", title=summary.title, version=summary.pack_version, used=used)
    reader = words(f"record.reader_{summary.reader or 'unsaid'}")
    entries = [
        Entry(words("record.intro"), ""),
        Entry(f"{aid} {reader}"),
        _record_matters(summary, words),
        Entry(words("record.options", options="; ".join(o.name for o in pack.options))),
        Entry(" ".join(_record_where(summary, words))),
        _record_questions(summary, words),
    ]
    return Block(words("record.title"), tuple(entries), kind="record")


def _record_where(summary: Summary, words: Catalogue) -> list[str]:
    """The option leant towards, the SURE test and the self-check, where the pack has them."""
    found = [words("record.leaning", option=summary.leaning) if summary.leaning else words("record.leaning_unsaid")]
    if (sure := summary.sure) is not None:
        found.append(
            words("record.sure", yes=sure.yes, total=sure.total) if sure.answers else words("record.sure_none")
        )
    if (checked := summary.checked) is not None and checked.answered:
        found.append(words("record.knowledge", score=knowledge_score(checked, words)))
    elif checked is not None:
        found.append(words("record.knowledge_none"))
    return found


def _record_questions(summary: Summary, words: Catalogue) -> Entry:
    """The top questions, each on one line: those the person wrote or starred marked "reported", the others
    said to be the aid's picks from their answers."""
    if not summary.top:
        return Entry(words("record.questions_none"))
    starred = {q.id for q in summary.questions() if q.starred}
    lines = []
    for question in summary.top:
        text = " ".join(typed_lines(question.text))
        if question.own:
            text = words("record.own_question", question=text)
        elif question.id in starred:
            text = words("record.chosen_question", question=text)
        lines.append(text)
    chose = any(q.own or q.id in starred for q in summary.top)
    heading = words("record.questions_chosen") if chose else words("record.questions", count=len(lines))
    return Entry(heading, details=tuple(lines))


def _record_matters(summary: Summary, words: Catalogue) -> Entry:
    """The values and facts the person gave, run on in one paragraph: 'Cost: matters a lot; Age group: 18 to 64.'"""
    said = "; ".join(s.text.removesuffix(".") for s in (*summary.values, *summary.situation))
    if said:
        said += "."
    if summary.withheld:
        said = f"{said} {words('handout.withheld', count=summary.withheld)}".strip()
    return Entry(f"{words('record.matters')} {said}") if said else Entry(words("record.matters_none"))


def _checked_more(summary: Summary, words: Catalogue, shown: int) -> Block | None:
    """The topics of the answers that differed and the 'not sure' topics that did not fit on the one page."""
    checked = summary.checked
    if checked is None:
        return None
    more = checked.differed[shown:]
    entries = [Entry(words("handout.differed_topics", topics="; ".join(d.topic for d in more)), "")] if more else []
    if len(checked.not_sure) > HANDOUT_NOT_SURE:
        topics = "; ".join(checked.not_sure[HANDOUT_NOT_SURE:])
        entries.append(Entry(words("handout.not_sure", topics=topics), ""))
    return Block(words("handout.checked_more"), tuple(entries), kind="checked-more") if entries else None


def _question_blocks(
    summary: Summary, words: Catalogue, next_questions: tuple[SuggestedQuestion, ...], printed: int | None = None
) -> list[Block]:
    """More questions, grouped and short (own ones first); only the first `printed` of the suggested ones by rank,
    if given, then how many more there are."""
    blocks = []
    own = [typed_lines(q) for q in summary.more_own()]
    own = [lines for lines in own if lines]
    on_page = {q.id for q in next_questions}
    ranked = [q.id for q in summary.next_questions() if q.id not in on_page]
    kept = set(ranked[:printed] if printed is not None else ranked)
    groups = tuple(
        TopicGroup(g.topic, g.title, shown)
        for g in summary.more_groups()
        if (shown := tuple(q for q in g.questions if q.id in kept))
    )
    left = len(ranked) - len(kept)
    if own or groups or left:
        blocks.append(Block(words("handout.more"), kind="more"))
    if own:
        entries = tuple(Entry(lines[0], details=tuple(lines[1:])) for lines in own)
        blocks.append(Block(words("handout.own"), entries, level=3, kind="own"))
    for group in groups:
        entries = tuple(Entry(q.text) for q in group.questions)
        blocks.append(Block(group.title, entries, level=3, kind="topic"))
    if left:
        last = blocks.pop()
        blocks.append(replace(last, entries=(*last.entries, Entry(words("handout.printed_more", count=left), ""))))
    return blocks


def _closing_blocks(summary: Summary, pack: Pack, words: Catalogue, cited: tuple[Source, ...]) -> list[Block]:
    """The note, the sources, and help now."""
    blocks = []
    note = clean_text(summary.note).strip()
    if note:
        blocks.append(Block(words("handout.note"), (Entry(note, ""),), kind="note"))
    sources = [Entry(compact_citation(s), link=next(iter(source_links(s)), "")) for s in cited]
    if summary.sure is not None and summary.sure.answers:
        sources.append(Entry(words("handout.sure_source", citation=summary.sure.citation)))
    if sources:
        blocks.append(Block(words("handout.sources"), tuple(sources), kind="sources"))
    crisis = tuple(
        Entry(
            words("handout.crisis_details", name=r.name, region=r.region, contact=r.contact, details=r.details)
            if r.details
            else words("handout.crisis_line", name=r.name, region=r.region, contact=r.contact)
        )
        for r in pack.crisis
    )
    if crisis:
        blocks.append(Block(words("handout.crisis"), crisis, kind="crisis"))
    return blocks


def _provenance(summary: Summary, pack: Pack, words: Catalogue) -> Block:
    """Where the content stands: its version and dates, who paid for it and any conflicts of interest."""
    meta = pack.meta
    entries = (
        Entry(_version_line(summary, pack, words), ""),
        Entry(words("welcome.funding", funding=meta.funding, conflicts=meta.conflicts), ""),
    )
    return Block(words("handout.provenance"), entries, kind="provenance")


def _version_line(summary: Summary, pack: Pack, words: Catalogue) -> str:
    return words(
        "handout.version",
        version=summary.pack_version,
        reviewed=words.date(summary.evidence_reviewed),
        due=words.date(pack.meta.review_due),
    )


def compact_citation(source: Source) -> str:
    """A citation cut at a word to fit one short line with its year: 'Popova V, et al. Efficacy and… (2019)'."""
    year = str(source.year)
    short = textwrap.shorten(source.citation, CITATION_WIDTH, placeholder="")
    if short != " ".join(source.citation.split()):
        short = short.rstrip(" .,;:") + "…"
    return short if year in short else f"{short} ({year})"


def typed_lines(text: str) -> list[str]:
    """The non-blank lines of something the person typed, cleaned."""
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]
