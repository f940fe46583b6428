"""What each web page shows: the core's page model for it, and the little a web page adds to it.

The page models (decisionaid.core.pages) carry every sentence a page says and the actions that apply;
a view adds where its links and forms lead (addresses), and the 100 icons of each figure. Each kind of
page has one template, named after its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.core import pages
from decisionaid.core.figures import arm_counts, legend
from decisionaid.core.journey import Journey, Place
from decisionaid.core.kiosk import Site
from decisionaid.core.pages.about import about as about_page
from decisionaid.core.pages.at import Keys
from decisionaid.core.pages.steps import ChangesPage, StepPage
from decisionaid.core.session import LEANING_NOT_SURE, READERS, STAGES
from decisionaid.core.summary import TOP_QUESTIONS, voice_of
from decisionaid.export import FORMATS

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.models import Figure
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


def keys(words: Catalogue) -> Keys:
    """How the pages' sentences name what a web page has instead of keys."""
    return Keys(help=words("welcome.help_key_web"), reopen=words("self_check.reopen_key_web"))


@dataclass(frozen=True)
class Link:
    """An action of the page as a link: its label and its address."""

    label: str
    address: str


@dataclass(frozen=True)
class Icons:
    """A figure's 100 icons for each group ('filled', 'partly', 'empty'), and what the shapes mean."""

    arms: tuple[tuple[str, ...], ...]
    legend: str


@dataclass(frozen=True)
class Step:
    """A step of the journey: its page model, the way back and on, and what its links lead to."""

    page: StepPage
    back: Link | None
    next: Link | None
    links: tuple[Link, ...] = ()  # offers taken up, cards read again
    cells: dict[int, Link] | None = None  # a table cell's card, by the card's position
    icons: tuple[Icons, ...] = ()
    controls: SummaryControls | None = None

    @property
    def template(self) -> str:
        return f"{self.page.kind}.html"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    chosen: bool = False


@dataclass(frozen=True)
class SummaryControls:
    """What the handout page lets a person change besides the questions: who fills it in, the leaning, the
    answers kept private, and the formats to download."""

    reader: tuple[Choice, ...]
    leaning: tuple[Choice, ...]
    private: tuple[Choice, ...]
    formats: tuple[Link, ...]
    own: tuple[tuple[int, str, bool], ...]  # the person's own questions: index, text, starred
    draft: str
    note: str
    stars_left: int
    pinned: int  # questions the pack keeps at the top whatever is starred
    top: int


@dataclass(frozen=True)
class Welcome:
    page: StepPage
    template: str = "welcome.html"


@dataclass(frozen=True)
class Changes:
    """What changed since the person last looked, shown once, before the welcome."""

    page: ChangesPage
    template: str = "changes.html"


@dataclass(frozen=True)
class Crisis:
    page: pages.Page
    template: str = "crisis.html"


@dataclass(frozen=True)
class About:
    page: pages.Page
    template: str = "about.html"


@dataclass(frozen=True)
class MapView:
    aid_map: object
    all_cards: Link
    template: str = "map.html"


@dataclass(frozen=True)
class Peek:
    """A card opened from the table or from a question's feedback: the place stays where it is."""

    page: StepPage
    icons: tuple[Icons, ...]
    template: str = "card.html"


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


def welcome(controller: Controller, site: Site) -> Welcome:
    return Welcome(controller.welcome_page(keys(controller.words), site=site, in_browser=True))


def crisis(pack: Pack, words: Catalogue, site: Site) -> Crisis:
    return Crisis(pages.crisis(pack, words, local_help=site.local_help))


def about(pack: Pack, words: Catalogue) -> About:
    return About(about_page(pack, words))


def aid_map(controller: Controller) -> MapView:
    contents_place = ("cards", controller.journey.counts["cards"])
    return MapView(controller.aid_map(), Link(controller.words("map.all_cards"), step_url(contents_place)))


def icons(figure: Figure, words: Catalogue) -> Icons:
    arms = (figure.option_arm, figure.comparator)
    drawn = []
    for arm in arms:
        counts = arm_counts(arm)
        drawn.append(("filled",) * counts.filled + ("partly",) * counts.partly + ("empty",) * counts.empty)
    return Icons(tuple(drawn), legend(arms, words))


def step(controller: Controller) -> Step:
    """The page at the person's place, with its addresses."""
    journey, words = controller.journey, controller.words
    page = controller.page(keys(words))
    place = page.place
    labels = {action.id: action.label for action in page.actions}
    before, after = journey.previous(*place), controller.following(place)
    back = Link(labels["back"], step_url(before)) if "back" in labels and before != ("welcome", 0) else None
    following = Link(labels["next"], step_url(after)) if "next" in labels and after != place else None
    cards = controller.pack.ordered_cards()
    links: tuple[Link, ...] = ()
    drawn: tuple[Icons, ...] = ()
    controls = None
    cells = None
    if page.kind == "compare":
        positions = {c.card for r in page.table.rows for c in r.cells if c.card is not None}  # type: ignore[union-attr]
        cells = {p: Link(words("web.read_card", title=cards[p].title), f"/card/{p}") for p in positions}
    elif page.kind == "card":
        drawn = tuple(icons(f.figure, words) for f in page.figures)  # type: ignore[union-attr]
    elif page.kind == "question" and page.feedback is not None:  # type: ignore[union-attr]
        reopened = [cards.index(controller.pack.card(c)) for c in page.reopen]  # type: ignore[union-attr]
        links = tuple(Link(words("web.read_card", title=cards[p].title), f"/card/{p}") for p in reopened)
    elif page.kind == "offers":
        links = tuple(Link(offer.label, step_url(offer.place)) for offer in page.page.offers)  # type: ignore[union-attr]
    elif page.kind == "summary":
        controls = summary_controls(controller)
    return Step(page, back, following, links, cells, drawn, controls)


def peek(controller: Controller, position: int) -> Peek:
    page = controller.pages.card(position)
    return Peek(page, tuple(icons(f.figure, controller.words) for f in page.figures))


def summary_controls(controller: Controller) -> SummaryControls:
    words, pack = controller.words, controller.pack
    session = controller.session
    assert session is not None, "the handout is only shown once the person has started"
    voiced = words.in_voice(voice_of(session.reader))
    leanings = [*((o.id, o.name) for o in pack.options), (LEANING_NOT_SURE, words("summary.leaning_not_sure"))]
    leanings.append(("", words("summary.leaning_unsaid")))
    return SummaryControls(
        reader=tuple(Choice(r, words(f"summary.reader_{r}"), session.reader == r) for r in READERS if r),
        leaning=tuple(Choice(value, label, session.leaning == value) for value, label in leanings),
        private=tuple(Choice(p.item, p.text, p.included) for p in controller.summary().private),
        formats=(
            *(Link(words(f"formats.{fmt}"), f"/download/{fmt}") for fmt in FORMATS),
            *((Link(voiced("download.fhir_with_note"), "/download/fhir?note=1"),) if session.note.strip() else ()),
        ),
        own=tuple((i, text, text in session.starred_own) for i, text in enumerate(session.own_questions)),
        draft=session.own_draft,
        note=session.note,
        stars_left=controller.stars_left(),
        top=controller.star_limit(),
        pinned=TOP_QUESTIONS - controller.star_limit(),
    )
