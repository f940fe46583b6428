"""What each page of the aid shows in a browser: one view per kind of page, made from the controller.

A view holds the page model the other front ends show (the welcome, crisis help, the table, the map, the
handout...) and the little a web page adds: where its links and forms lead. Every sentence comes from
those models, from the catalogue or from the pack; the templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from decisionaid.core import pages
from decisionaid.core.comparison import Comparison, comparison
from decisionaid.core.figures import arm_counts, count_words, figure_heading, legend, other_side_words
from decisionaid.core.handout import Handout, build_handout
from decisionaid.core.journey import Journey, Place
from decisionaid.core.more import Contents, contents, values_more
from decisionaid.core.parts import AidMap
from decisionaid.core.session import LEANING_NOT_SURE, READERS, STAGES
from decisionaid.core.site import Site
from decisionaid.core.summary import TOP_QUESTIONS, Summary
from decisionaid.export import FORMATS

if TYPE_CHECKING:
    from decisionaid.content.models import Card, Pack
    from decisionaid.core.catalogue import Catalogue
    from decisionaid.core.controller import Controller


def step_url(place: Place) -> str:
    """The address of a step: /step/cards/3."""
    return f"/step/{place[0]}/{place[1]}"


def place_from(stage: str, position: str, journey: Journey) -> Place | None:
    """The place an address names, or None when it names none."""
    if stage not in STAGES or not position.isdigit() or len(position) > 6:
        return None
    place = journey.clamp(stage, int(position))  # type: ignore[arg-type]
    return place if place == (stage, int(position)) else None


@dataclass(frozen=True)
class Choice:
    """One answer to pick: its value in the form, its label, and whether it is the one saved."""

    value: str
    label: str
    chosen: bool = False


@dataclass(frozen=True)
class SourceView:
    citation: str
    links: tuple[str, ...]


@dataclass(frozen=True)
class Arm:
    """One group of a figure: its reading in words and its 100 icons (filled, partly, empty)."""

    reading: str
    icons: tuple[str, ...]


@dataclass(frozen=True)
class FigureView:
    heading: str
    arms: tuple[Arm, ...]
    legend: str
    how_sure: str


@dataclass(frozen=True)
class CardView:
    """A card: where it is, its heading, its text in paragraphs, its figures and sources."""

    progress: str
    section: str
    title: str
    about: tuple[str, ...]
    paragraphs: tuple[str, ...]
    figures: tuple[FigureView, ...]
    sources: tuple[SourceView, ...]
    template: str = "card.html"


@dataclass(frozen=True)
class Nav:
    """The ways on from a step: back and next, as addresses (None where there is none)."""

    back: str | None
    next: str | None


@dataclass(frozen=True)
class WelcomeView:
    page: pages.Page
    started: bool
    template: str = "welcome.html"


@dataclass(frozen=True)
class CompareView:
    table: Comparison
    card_titles: dict[int, str]
    sources: tuple[SourceView, ...]
    template: str = "compare.html"


@dataclass(frozen=True)
class ContentsView:
    table: Contents
    template: str = "contents.html"


@dataclass(frozen=True)
class OffersView:
    """A page that ends a part and offers what the short path left out (what was learnt, values left out)."""

    page: pages.Page
    links: tuple[tuple[str, str], ...]  # label, address
    template: str = "offers.html"


@dataclass(frozen=True)
class QuestionView:
    """A self-check, values or SURE question: its progress, its words, its choices and what follows an answer."""

    kind: str  # self_check, value, sure
    item: str
    progress: str
    intro: tuple[str, ...]
    prompt: str
    choices: tuple[Choice, ...]
    feedback: pages.Feedback | None = None
    feedback_sources: tuple[SourceView, ...] = ()
    reopen: tuple[tuple[str, str], ...] = ()  # card title, address
    after: str = ""  # a sentence for the answer saved (a SURE item's 'no')
    template: str = "question.html"


@dataclass(frozen=True)
class QuestionRow:
    id: str
    text: str
    why: str
    ticked: bool
    starred: bool


@dataclass(frozen=True)
class SummaryView:
    """The last page: the handout as it will be saved, and every control that changes it."""

    handout: Handout
    reader: tuple[Choice, ...]
    groups: tuple[tuple[str, tuple[QuestionRow, ...]], ...]
    own: tuple[tuple[int, str, bool], ...]
    draft: str
    note: str
    leaning: tuple[Choice, ...]
    private: tuple[Choice, ...]
    formats: tuple[tuple[str, str], ...]  # format, label
    stars_left: int
    top: int
    template: str = "summary.html"


@dataclass(frozen=True)
class CrisisView:
    page: pages.Page
    template: str = "crisis.html"


@dataclass(frozen=True)
class MapView:
    aid_map: AidMap
    all_cards: str
    all_cards_url: str
    template: str = "map.html"


@dataclass(frozen=True)
class Confirm:
    """Asked before answers are cleared: start over, delete them, or (kiosk) a new person."""

    what: str
    template: str = "confirm.html"


@dataclass(frozen=True)
class StillThere:
    """The warning before an idle kiosk session ends, with the seconds left."""

    seconds: int
    template: str = "still_there.html"


@dataclass(frozen=True)
class Step:
    """A step of the journey as a browser shows it: its view, and the way back and on."""

    place: Place
    view: object
    nav: Nav = field(default_factory=lambda: Nav(None, None))


def sources_of(found: object) -> tuple[SourceView, ...]:
    return tuple(SourceView(s.citation, tuple(pages.source_links(s))) for s in found)  # type: ignore[attr-defined]


def welcome(controller: Controller, site: Site) -> WelcomeView:
    words = controller.words
    page = pages.welcome(
        controller.pack,
        words,
        controller.notices,
        controller.left_off(),
        words("welcome.help_key_web"),
        controller.minutes(),
        site=site,
        in_browser=True,
    )
    return WelcomeView(page, controller.started)


def crisis(pack: Pack, words: Catalogue, site: Site) -> CrisisView:
    return CrisisView(pages.crisis(pack, words, local_help=site.local_help))


def aid_map(controller: Controller) -> MapView:
    contents_place = ("cards", controller.journey.counts["cards"])
    return MapView(controller.aid_map(), controller.words("map.all_cards"), step_url(contents_place))


def card(pack: Pack, card: Card, progress: str, words: Catalogue) -> CardView:
    heading = pages.card_heading(pack, card, words)
    figures = tuple(_figure(pack.figure(f), words) for f in card.figures)
    paragraphs = tuple(p.strip() for p in card.body.split("\n\n") if p.strip())
    return CardView(
        progress=progress,
        section=heading[0].text,
        title=heading[1].text,
        about=tuple(line.text for line in heading[2:]),
        paragraphs=paragraphs,
        figures=figures,
        sources=sources_of(pages.card_sources(pack, card)),
    )


def _figure(figure, words: Catalogue) -> FigureView:
    arms = []
    for arm in (figure.option_arm, figure.comparator):
        label = f"{arm.label[:1].upper()}{arm.label[1:]}"
        reading = words("figure.arm", label=label, count=count_words(arm, words), rest=other_side_words(arm, words))
        counts = arm_counts(arm)
        icons = ("filled",) * counts.filled + ("partly",) * counts.partly + ("empty",) * counts.empty
        arms.append(Arm(reading, icons))
    return FigureView(
        heading=words("figure.heading", heading=figure_heading(figure, words)),
        arms=tuple(arms),
        legend=legend((figure.option_arm, figure.comparator), words),
        how_sure=words("figure.how_sure", certainty=words(f"certainty.{figure.certainty.value}")),
    )


def step(controller: Controller) -> Step:
    """The view of the place the person is at."""
    place = controller.place
    journey, pack, words = controller.journey, controller.pack, controller.words
    session = controller.session
    assert session is not None, "a step is only shown once the person has started"
    stage, position = place
    back = None if journey.previous(*place) == ("welcome", 0) else step_url(journey.previous(*place))
    following = journey.next(*place)
    nav = Nav(back, None if following == place else step_url(following))
    item = journey.is_item(place)
    timing = controller.timing
    if stage == "compare":
        table = comparison(pack, words)
        titles = {c.card: pack.ordered_cards()[c.card].title for r in table.rows for c in r.cells if c.card is not None}
        return Step(place, CompareView(table, titles, sources_of(table.sources)), nav)
    if stage == "cards" and item:
        shown = pack.ordered_cards()[position]
        return Step(place, card(pack, shown, pages.card_progress(journey, position, words), words), nav)
    if stage == "cards":
        return Step(place, ContentsView(contents(pack, journey, session, words, timing.left_out_minutes("cards"))), nav)
    if stage == "self_check" and item:
        return Step(place, _self_check(controller, position), nav)
    if stage == "self_check":
        page = pages.learnt_page(pack, journey, session, words, timing.left_out_minutes("self_check"))
        return Step(place, _offers(page), nav)
    if stage == "values" and item:
        return Step(place, _value(controller, position), nav)
    if stage == "values":
        return Step(place, _offers(values_more(pack, journey, session, words, timing.left_out_minutes("values"))), nav)
    if stage == "sure":
        return Step(place, _sure(controller, position), nav)
    return Step(place, summary(controller), Nav(back, None))


def _offers(page: pages.Page) -> OffersView:
    return OffersView(page, tuple((offer.label, step_url(offer.place)) for offer in page.offers))


def _self_check(controller: Controller, position: int) -> QuestionView:
    pack, words, journey = controller.pack, controller.words, controller.journey
    item = pack.self_check.self_check[position]
    chosen = controller.session.self_check.get(item.id) if controller.session else None
    shown = pages.feedback(pack, item, chosen, words, words("self_check.reopen_key_web")) if chosen else None
    cards = pack.ordered_cards()
    reopen = tuple((pack.card(c).title, f"/card/{cards.index(pack.card(c))}") for c in item.cards) if chosen else ()
    return QuestionView(
        kind="self_check",
        item=item.id,
        progress=pages.self_check_progress(journey, position, words),
        intro=(),
        prompt=item.prompt,
        choices=tuple(Choice(c.id, c.label, c.id == chosen) for c in item.choices),
        feedback=shown,
        feedback_sources=sources_of(shown.sources) if shown else (),
        reopen=reopen,
    )


def _value(controller: Controller, position: int) -> QuestionView:
    words, journey = controller.words, controller.journey
    item = controller.pack.values.values[position]
    chosen = controller.session.values.get(item.id) if controller.session else None
    intro = (words("values.no_wrong_answers"),) if pages.first_of_its_kind(journey, ("values", position)) else ()
    return QuestionView(
        kind="value",
        item=item.id,
        progress=pages.value_progress(journey, item.kind, position, words),
        intro=intro,
        prompt=item.statement,
        choices=tuple(Choice(c.id, c.label, c.id == chosen) for c in item.choices),
    )


def _sure(controller: Controller, position: int) -> QuestionView:
    words = controller.words
    sure = controller.pack.sure.sure
    assert sure is not None, "a SURE step exists only when the pack has the SURE test"
    item = sure.items[position]
    answer = controller.session.sure.get(item.id) if controller.session else None
    yes_no = (Choice("yes", words("sure.yes"), answer is True), Choice("no", words("sure.no"), answer is False))
    return QuestionView(
        kind="sure",
        item=item.id,
        progress=pages.sure_progress(sure.title, position, len(sure.items), words),
        intro=(sure.title, words("plain.from", citation=sure.citation), sure.terms_of_use),
        prompt=item.text,
        choices=yes_no,
        after=item.if_no if answer is False else "",
    )


def summary(controller: Controller) -> SummaryView:
    words, pack = controller.words, controller.pack
    session = controller.session
    assert session is not None, "the summary is only shown once the person has started"
    result: Summary = controller.summary()
    handout = build_handout(result, pack, today=controller.today(), words=words)
    groups = tuple(
        (
            group.title,
            tuple(
                QuestionRow(q.id, q.text, words("summary.why", reasons=" ".join(q.reasons)), q.ticked, q.starred)
                for q in group.questions
            ),
        )
        for group in result.groups
    )
    own = tuple((i, text, text in session.starred_own) for i, text in enumerate(session.own_questions))
    leanings = [*((o.id, o.name) for o in pack.options), (LEANING_NOT_SURE, words("summary.leaning_not_sure"))]
    leanings.append(("", words("summary.leaning_unsaid")))
    return SummaryView(
        handout=handout,
        reader=tuple(Choice(r, words(f"summary.reader_{r}"), session.reader == r) for r in READERS if r),
        groups=groups,
        own=own,
        draft=session.own_draft,
        note=session.note,
        leaning=tuple(Choice(value, label, session.leaning == value) for value, label in leanings),
        private=tuple(Choice(p.item, p.text, p.included) for p in result.private),
        formats=tuple((fmt, words(f"formats.{fmt}")) for fmt in FORMATS),
        stars_left=controller.stars_left(),
        top=TOP_QUESTIONS,
    )


def peek(controller: Controller, position: int) -> CardView:
    """A card opened from the table or from a question's feedback: the place stays where it is."""
    pack, words = controller.pack, controller.words
    shown = pack.ordered_cards()[position]
    return card(pack, shown, pages.card_progress(controller.journey, position, words), words)
