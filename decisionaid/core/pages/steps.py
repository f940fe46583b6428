"""The page models of the journey's steps: one frozen class per kind of page, carrying every sentence it shows.

`texts()` gives those sentences in reading order: plain mode prints them, the full-screen aid shows them, and
the reading time is counted from them. Each page also lists its `actions`, an id and a label each, which every
front end binds to its own keys, digits, links or buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from decisionaid.core.comparison import Comparison
from decisionaid.core.end_pages import Contents
from decisionaid.core.journey import Place
from decisionaid.core.pages import Feedback, Line, Page

if TYPE_CHECKING:
    from decisionaid.content.models import Card, Figure, Source
    from decisionaid.core.handout import Handout
    from decisionaid.core.summary import Summary


@dataclass(frozen=True)
class Action:
    """Something a page lets the person do besides answering: its id (what the front end binds) and label."""

    id: str
    label: str


@dataclass(frozen=True)
class Choice:
    """One numbered choice of a question, and whether it is the one chosen."""

    id: str
    label: str
    chosen: bool = False


@dataclass(frozen=True)
class FigureText:
    """A figure and the same numbers said in words (the icon array is drawn from `figure`); the last line says how
    sure the figure is."""

    figure: Figure
    lines: tuple[str, ...]

    @property
    def how_sure(self) -> str:
        return self.lines[-1]


@dataclass(frozen=True)
class WelcomePage:
    kind: ClassVar[str] = "welcome"
    place: Place
    page: Page
    actions: tuple[Action, ...]

    @property
    def title(self) -> str:
        return self.page.title

    def texts(self) -> tuple[str, ...]:
        return tuple(line.text for line in self.page.lines)


@dataclass(frozen=True)
class ComparePage:
    kind: ClassVar[str] = "compare"
    place: Place
    title: str
    table: Comparison
    actions: tuple[Action, ...]

    def texts(self) -> tuple[str, ...]:
        return self.table.texts()


@dataclass(frozen=True)
class CardPage:
    """One information card: where it is, its heading, its text, its figures and their sources."""

    kind: ClassVar[str] = "card"
    place: Place
    title: str
    progress: str
    heading: tuple[Line, ...]  # the section, the card's title, the options it is about, how sure
    card: Card
    figures: tuple[FigureText, ...]
    sources: tuple[Source, ...]
    actions: tuple[Action, ...]

    @property
    def section(self) -> str:
        return self.heading[0].text

    def texts(self) -> tuple[str, ...]:
        return (
            self.progress,
            *(line.text for line in self.heading),
            self.card.body,
            *(line for figure in self.figures for line in figure.lines),
        )


@dataclass(frozen=True)
class ContentsPage:
    kind: ClassVar[str] = "contents"
    place: Place
    contents: Contents
    actions: tuple[Action, ...]

    @property
    def title(self) -> str:
        return self.contents.title

    def texts(self) -> tuple[str, ...]:
        return self.contents.texts()


@dataclass(frozen=True)
class QuestionPage:
    """A self-check question; once answered, the feedback on the answer chosen."""

    kind: ClassVar[str] = "question"
    place: Place
    item_id: str
    title: str
    progress: str
    prompt: str
    choices: tuple[Choice, ...]
    feedback: Feedback | None
    reopen: tuple[str, ...]  # the ids of the cards the question is about
    sources: tuple[Source, ...]
    actions: tuple[Action, ...]

    def texts(self) -> tuple[str, ...]:
        shown = self.feedback
        said = (shown.verdict, shown.chosen, shown.answer, shown.explanation, shown.reopen) if shown else ()
        return (self.progress, self.prompt, *(c.label for c in self.choices), *filter(None, said))


@dataclass(frozen=True)
class OffersPage:
    """A page that ends a part and offers what the short path left out (what the self-check showed, values)."""

    kind: ClassVar[str] = "offers"
    place: Place
    title: str  # the part's name
    page: Page
    actions: tuple[Action, ...]

    def texts(self) -> tuple[str, ...]:
        page = self.page
        return (page.title, *(line.text for line in page.lines), *(offer.label for offer in page.offers))


@dataclass(frozen=True)
class PrivateChoice:
    """The one choice a private answer's page offers: show the answer on the handout, or keep it off (until shown)."""

    hint: str
    label: str
    shown: bool


@dataclass(frozen=True)
class ValuePage:
    """A values or situation item: its statement and choices, never turned into a verdict; a private one offers
    to show its answer on the handout."""

    kind: ClassVar[str] = "value"
    place: Place
    item_id: str
    title: str
    progress: str
    hint: str  # that there are no wrong answers, on the first item of its part
    statement: str
    choices: tuple[Choice, ...]
    actions: tuple[Action, ...]
    private: PrivateChoice | None = None

    def texts(self) -> tuple[str, ...]:
        """The page's sentences; a private item's choice is not counted: plain mode offers it once answered."""
        return (self.progress, *filter(None, (self.hint,)), self.statement, *(c.label for c in self.choices))


@dataclass(frozen=True)
class SurePage:
    """A SURE item word for word, its yes and no, what a 'no' may mean once chosen, and its credit line."""

    kind: ClassVar[str] = "sure"
    place: Place
    item_id: str
    title: str
    progress: str
    text: str
    choices: tuple[Choice, ...]
    meaning: str  # the item's own sentence on a 'no', once 'no' is the answer
    citation: str
    credit: str  # the citation, and where to read the terms of use in full
    terms: str  # the terms of use, read in full with the sources
    actions: tuple[Action, ...]

    def texts(self) -> tuple[str, ...]:
        said = (self.progress, self.text, *(c.label for c in self.choices), self.meaning, self.credit)
        return tuple(filter(None, said))


@dataclass(frozen=True)
class SummaryPage:
    """The question list: the handout as it will be saved, and every question with what can change it."""

    kind: ClassVar[str] = "summary"
    place: Place
    title: str
    hint: str
    summary: Summary
    handout: Handout
    actions: tuple[Action, ...]

    def texts(self) -> tuple[str, ...]:
        return (self.title, self.hint)


StepPage = (
    WelcomePage | ComparePage | CardPage | ContentsPage | QuestionPage | OffersPage | ValuePage | SurePage | SummaryPage
)


@dataclass(frozen=True)
class Change:
    """One line of the page, and the place it opens (None for an item no longer in the pack)."""

    text: str
    place: Place | None


@dataclass(frozen=True)
class ChangesPage:
    """What changed in the pack since the person last looked, one line per change."""

    kind: ClassVar[str] = "changes"
    title: str
    intro: str
    changes: tuple[Change, ...]
    closing: str

    def texts(self) -> tuple[str, ...]:
        return (self.intro, *(change.text for change in self.changes), self.closing)
