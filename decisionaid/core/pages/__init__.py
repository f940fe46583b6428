"""Page models: everything a page says, as plain data both front ends render.

The full-screen aid turns each `Line` into a widget styled by its `role`; plain mode prints the
texts. A sentence a person reads is chosen here once, from the catalogue and the pack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, languages
from decisionaid.core.figures import count_words, figure_heading, other_side_words
from decisionaid.core.formats import language_name
from decisionaid.core.journey import Journey, Place
from decisionaid.core.kiosk import PERSONAL, Site
from decisionaid.core.pack_status import notices as pack_notices
from decisionaid.core.pack_status import pack_status, status_line
from decisionaid.core.self_check import learnt, right_answer, verdict
from decisionaid.core.session import Session

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.models import Arm, Card, Figure, SelfCheck, Source


@dataclass(frozen=True)
class Line:
    """One paragraph and what it is (title, lead, notice, disclaimer, small, help-now, subheading, hint...)."""

    text: str
    role: str = ""


@dataclass(frozen=True)
class Offer:
    """Something a page offers besides going on, and the place it leads to."""

    label: str
    place: Place


@dataclass(frozen=True)
class Page:
    """A page's title and paragraphs, in order, and what it offers."""

    title: str
    lines: tuple[Line, ...] = ()
    choices: tuple[str, ...] = field(default=())
    offers: tuple[Offer, ...] = field(default=())


def long_date(day: date, words: Catalogue) -> str:
    """'21 November 2026', in the catalogue's language."""
    return words.date(day)


def welcome(
    pack: Pack,
    words: Catalogue,
    notices: Iterable[str],
    left_off: str | None,
    help_key: str,
    minutes: int,
    *,
    site: Site = PERSONAL,
    in_browser: bool = False,
    today: date | None = None,
) -> Page:
    """What the aid is and is not, help now, how long its short path takes (or what is left of it), how current
    it is, and who paid.

    On a shared computer it also says what is kept, for how long, and (`in_browser`) that reloading
    the page starts again; a help line on site follows the first help-now line.
    """
    meta = pack.meta
    lines = [Line(meta.title, "title"), Line(meta.decision, "lead")]
    if pack.help_now:  # near the top, so that even a small window shows it at once
        first = pack.crisis[0]
        lines.append(Line(words("welcome.help_now", key=help_key, name=first.name, contact=first.contact), "help-now"))
        if site.local_help:
            lines.append(Line(words("help_now.local", text=site.local_help), "help-now"))
    found = (other_language(pack, words), *notices, *pack_notices(pack, today or date.today(), words))
    said = " ".join(filter(None, found))  # one notice line
    lines += [Line(said, "notice")] if said else []
    if site.kiosk:
        shared = words("kiosk.welcome_web" if in_browser else "kiosk.welcome_terminal", minutes=site.idle_words(words))
        lines.append(Line(shared, "kiosk"))
    if left_off:
        lines.append(Line(words("welcome.left_off", place=left_off), "left-off"))
    if left_off and not minutes:
        time = words("still_open.welcome_done")
    else:
        time = words("welcome.time_left" if left_off else "welcome.time", count=minutes)
    dates = words(
        "welcome.dates", reviewed=long_date(meta.evidence_reviewed, words), due=long_date(meta.review_due, words)
    )
    lines += [
        Line(words("welcome.about")),
        Line(meta.disclaimer, "disclaimer"),
        Line(f"{time} {dates}", "time"),
        Line(words("welcome.funding", funding=meta.funding, conflicts=meta.conflicts), "small"),
        Line(status_line(pack_status(pack), words), "small"),
    ]
    return Page(words("welcome.title"), tuple(lines))


def other_language(pack: Pack, words: Catalogue) -> str | None:
    """The sentence that says a pack is written in another language than the interface speaks (one it has no
    sentences in, or the person chose another), and which; None when both speak the same language."""
    written = pack.meta.language
    if written == words.language:
        return None
    return words(
        "interface_language.welcome" if written not in languages() else "interface_language.chosen",
        written=language_name(written, words.language),
        shown=language_name(words.language, words.language),
    )


def crisis(pack: Pack, words: Catalogue, *, local_help: str | None = None) -> Page:
    """The help-now resources, each with the day it was last checked; a help line on site comes first."""
    lines = [Line(words("crisis.lead"), "lead")]
    if local_help:
        lines.append(Line(words("help_now.local", text=local_help), "resource"))
    for resource in pack.crisis:
        parts = [words("crisis.name", name=resource.name, region=resource.region), resource.contact]
        if resource.details:
            parts.append(resource.details)
        parts.append(words("crisis.checked", day=long_date(resource.verified_on, words)))
        lines.append(Line("\n".join(parts), "resource"))
    return Page(words("crisis.title"), tuple(lines))


def learnt_page(
    pack: Pack, journey: Journey, session: Session, words: Catalogue, minutes_of: Callable[[Iterable[Place]], int]
) -> Page:
    """What the self-check answers say, learning and never a score; it offers the questions skipped and the
    questions the short path left out that are still open (`minutes_of(places)`: how long they take)."""
    items = pack.self_check
    result = learnt(items, session.self_check)
    lines: list[Line] = []
    if result.known:
        lines.append(Line(words("learnt.known"), "subheading"))
        lines.append(Line("\n".join(words("learnt.known_item", topic=t) for t in result.known), "known"))
    if result.to_ask:
        lines.append(Line(words("learnt.to_ask"), "subheading"))
        lines.append(Line("\n".join(words("learnt.to_ask_item", topic=t) for t in result.to_ask), "to-ask"))
        lines.append(Line(words("learnt.listed"), "hint"))
    skipped = [i for i in journey.short["self_check"] if items[i].id not in session.self_check]
    more = journey.left_out["self_check"]
    offers = []
    if not result.known and not result.to_ask and skipped:
        lines.append(Line(words("learnt.skipped")))
    if skipped and (result.known or result.to_ask):
        lines.append(Line(words("learnt.some_skipped", count=len(skipped)), "hint"))
    if skipped:
        offers.append(Offer(words("learnt.answer_skipped", count=len(skipped)), ("self_check", skipped[0])))
    if more:
        unanswered = [i for i in more if items[i].id not in session.self_check]
        still_open = StillOpen("self_check", more, unanswered, "questions")
        lines += still_open.lines(words, minutes_of, first=("learnt.more", "more"))
        offers.append(still_open.offer(words, first="learnt.answer_more"))
    return Page(words("learnt.title"), tuple(lines), offers=tuple(offers))


@dataclass(frozen=True)
class StillOpen:
    """Items the short path left out (`left_out`, positions in `stage`) and those of them still open: what a page
    offering them says, and the time it gives, come from what is still open. `kind` names the catalogue's words."""

    stage: str
    left_out: tuple[int, ...]
    open: list[int]
    kind: str  # "questions", "values" or "cards"

    def lines(
        self, words: Catalogue, minutes_of: Callable[[Iterable[Place]], int], *, first: tuple[str, str]
    ) -> list[Line]:
        """`first` is the key and role of the line said before any is done."""
        key, role = first
        total, still = len(self.left_out), len(self.open)
        if not self.open:
            return [Line(words(f"still_open.{self.kind}_done", count=total), role)]
        minutes = minutes_words(minutes_of((self.stage, i) for i in self.open), words)  # type: ignore[misc]
        if still == total:
            return [Line(words(key, count=total, minutes=minutes), role)]
        done = Line(words("progress.left_out_answered", count=total - still, total=total), "hint")
        return [Line(words(f"still_open.{self.kind}", count=still, minutes=minutes), role), done]

    def offer(self, words: Catalogue, *, first: str) -> Offer:
        """Answering them all, then those still open, then looking at the answers again."""
        if not self.open:
            return Offer(words("still_open.again"), (self.stage, self.left_out[0]))  # type: ignore[arg-type]
        key = first if len(self.open) == len(self.left_out) else f"still_open.answer_{self.kind}"
        return Offer(words(key, count=len(self.open)), (self.stage, self.open[0]))  # type: ignore[arg-type]


def minutes_words(minutes: int, words: Catalogue) -> str:
    """'about 1 minute', 'about 9 minutes'."""
    return words("time.about", count=max(minutes, 1))


def card_sources(pack: Pack, card: Card) -> list[Source]:
    """The card's sources, then its figures' sources, each once."""
    ids = dict.fromkeys([*card.sources, *(s for f in card.figures for s in pack.figure(f).sources)])
    return [pack.source(s) for s in ids]


def card_heading(pack: Pack, card: Card, words: Catalogue) -> tuple[Line, ...]:
    """Section, title, the options it is about and how sure the evidence is."""
    section = pack.section(card.section)
    lines = [Line(section.title, "section-title"), Line(card.title, "card-title")]
    if card.options:
        names = ", ".join(pack.option(o).name for o in card.options)
        lines.append(Line(words("card.about", options=names), "card-options"))
    lines.append(Line(words("card.how_sure", certainty=words(f"certainty.{card.certainty.value}")), "certainty"))
    return tuple(lines)


def card_progress(journey: Journey, position: int, words: Catalogue) -> str:
    """'Card 3 of 18' on the short path; a card it left out counts within its section."""
    n, total = journey.counter(("cards", position))
    return words(
        "card.progress_more" if journey.is_left_out(("cards", position)) else "card.progress", n=n, total=total
    )


def figure_words(figure: Figure, words: Catalogue) -> tuple[str, ...]:
    """A figure in words: what was counted, each group's count and the other side, and how sure."""
    return (
        words("figure.heading", heading=figure_heading(figure, words)),
        *(_arm(arm, words) for arm in (figure.option_arm, figure.comparator)),
        words("figure.how_sure", certainty=words(f"certainty.{figure.certainty.value}")),
    )


def _arm(arm: Arm, words: Catalogue) -> str:
    label = f"{arm.label[:1].upper()}{arm.label[1:]}"
    return words("figure.arm", label=label, count=count_words(arm, words), rest=other_side_words(arm, words))


@dataclass(frozen=True)
class Feedback:
    """What a self-check answer shows: verdict, the person's own answer, the answer, the explanation, sources, cards
    to reopen."""

    verdict: str
    answer: str
    explanation: str
    sources: tuple[Source, ...]
    reopen: str
    chosen: str = ""  # 'Your answer: Partly true'


def feedback(pack: Pack, item: SelfCheck, choice_id: str | None, words: Catalogue, reopen_key: str) -> Feedback:
    titles = "; ".join(pack.card(c).title for c in item.cards)
    label = next((choice.label for choice in item.choices if choice.id == choice_id), None)
    return Feedback(
        chosen=words("your_answer.self_check", answer=label) if label else "",
        verdict=words(f"verdict.{verdict(item, choice_id).value}") if choice_id else "",
        answer=words("self_check.answer", answer=right_answer(item)),
        explanation=item.explanation,
        sources=tuple(pack.source(s) for s in item.sources),
        reopen=words("self_check.reopen", key=reopen_key, titles=titles) if item.cards else "",
    )


def self_check_progress(journey: Journey, position: int, words: Catalogue) -> str:
    """'Question 2 of 4.'; the first question also says it is not a test."""
    n, total = journey.counter(("self_check", position))
    more = journey.is_left_out(("self_check", position))
    progress = words("self_check.progress_more" if more else "self_check.progress", n=n, total=total)
    return f"{progress} {words('self_check.not_a_test')}" if n == 1 else progress


def first_of_its_kind(journey: Journey, place: Place) -> bool:
    """The first item of its part on the short path, or of the group left out: where a part explains itself."""
    return journey.counter(place)[0] == 1


def value_progress(journey: Journey, kind: str, position: int, words: Catalogue) -> str:
    n, total = journey.counter(("values", position))
    more = "_more" if journey.is_left_out(("values", position)) else ""
    return words(f"values.progress_{kind}{more}", n=n, total=total)


def sure_progress(title: str, position: int, total: int, words: Catalogue) -> str:
    return words("sure.progress", title=title, n=position + 1, total=total)
