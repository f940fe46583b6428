"""Which page is at a place, and what it says: the one switch every front end and the reading time go through."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.core import pages
from decisionaid.core.catalogue import Catalogue
from decisionaid.core.comparison import comparison
from decisionaid.core.end_pages import contents, values_more
from decisionaid.core.journey import Journey, Place
from decisionaid.core.pages.steps import (
    Action,
    CardPage,
    Choice,
    ComparePage,
    ContentsPage,
    FigureText,
    OffersPage,
    PrivateChoice,
    QuestionPage,
    StepPage,
    SummaryPage,
    SurePage,
    ValuePage,
    WelcomePage,
)
from decisionaid.core.session import Session

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.summary import Summary


@dataclass(frozen=True)
class Keys:
    """How a front end names the keys that some sentences mention (help now; reading a card again)."""

    help: str
    reopen: str


YES, NO = "yes", "no"


class Pages:
    """Builds the page at any place of one pack's journey, from the answers so far.

    `minutes_of(places)` is how long the steps at these places take to read, for the pages that offer what the short
    path left out and is still open.
    """

    def __init__(
        self, pack: Pack, journey: Journey, words: Catalogue, minutes_of: Callable[[Iterable[Place]], int]
    ) -> None:
        self.pack = pack
        self.journey = journey
        self.words = words
        self.minutes_of = minutes_of
        self.cards = pack.ordered_cards()
        self._summary: tuple[Session, Summary] | None = None
        self._actions: dict[tuple[str, ...], tuple[Action, ...]] = {}

    def summarise(self, session: Session) -> Summary:
        """The questions and statements the answers lead to, made once for each state of the answers (a session
        is never changed, only replaced)."""
        from decisionaid.core.summary import build_summary  # here: a module of many classes, not needed to start

        if self._summary is None or self._summary[0] is not session:
            self._summary = (session, build_summary(self.pack, session, self.words))
        return self._summary[1]

    def actions(self, *ids: str) -> tuple[Action, ...]:
        """The actions with these ids, labelled once for each set asked for: every page of a kind has the same."""
        if ids not in self._actions:
            self._actions[ids] = tuple(Action(i, self.words(f"bindings.{i}.label")) for i in ids)
        return self._actions[ids]

    def at(self, place: Place, session: Session, keys: Keys, *, today: date | None = None) -> StepPage:
        """The page at `place`, any place but the welcome (`welcome` makes that one: it needs what the answers
        file said and how long the rest of the short path takes)."""
        stage, position = self.journey.clamp(*place)
        place = (stage, position)
        item = self.journey.is_item(place)
        if stage == "compare":
            table = comparison(self.pack, self.words)
            return ComparePage(place, table.title, table, self.actions("back", "next", "sources"))
        if stage == "cards":
            return self.card(position) if item else self.contents(session)
        if stage == "self_check":
            return self.question(position, session, keys) if item else self.learnt(session)
        if stage == "values":
            return self.value(position, session) if item else self.values_more(session)
        if stage == "sure":
            return self.sure(position, session)
        if stage == "summary":
            return self.summary(session, today or date.today())
        raise ValueError(f"no step page at {place}")  # the welcome is made by `welcome`

    def welcome(
        self, notices: Iterable[str], left_off: str | None, minutes: int, keys: Keys, **where: object
    ) -> WelcomePage:
        """The welcome: what the aid is; start, or resume, start over and delete the answers saved."""
        page = pages.welcome(self.pack, self.words, notices, left_off, keys.help, minutes, **where)  # type: ignore[arg-type]
        ids = ("resume", "start_over", "delete_answers") if left_off else ("start",)
        return WelcomePage(("welcome", 0), page, self.actions(*ids))

    def card(self, position: int) -> CardPage:
        """A card, titled by its part: a card the short path left out is read in 'More about the options'."""
        pack, words = self.pack, self.words
        card = self.cards[position]
        figures = tuple(FigureText(pack.figure(f), pages.figure_words(pack.figure(f), words)) for f in card.figures)
        left_out = self.journey.is_left_out(("cards", position))
        return CardPage(
            place=("cards", position),
            title=words("part.more" if left_out else "card.title"),
            progress=pages.card_progress(self.journey, position, words),
            heading=pages.card_heading(pack, card, words),
            card=card,
            figures=figures,
            sources=tuple(pages.card_sources(pack, card)),
            actions=self.actions("back", "next", "sources"),
        )

    def contents(self, session: Session) -> ContentsPage:
        table = contents(self.pack, self.journey, session, self.words, self.minutes_of)
        return ContentsPage(("cards", self.journey.counts["cards"]), table, self.actions("back", "next"))

    def question(self, position: int, session: Session, keys: Keys) -> QuestionPage:
        pack, words = self.pack, self.words
        item = pack.self_check[position]
        chosen = session.self_check.get(item.id)
        answered = chosen in {c.id for c in item.choices}
        shown = pages.feedback(pack, item, chosen, words, keys.reopen) if answered else None
        ids = ("back", "next", *(("reopen_card",) if item.cards and answered else ()))
        return QuestionPage(
            place=("self_check", position),
            item_id=item.id,
            title=words("self_check.title"),
            progress=pages.self_check_progress(self.journey, position, words),
            prompt=item.prompt,
            choices=tuple(Choice(c.id, c.label, c.id == chosen) for c in item.choices),
            feedback=shown,
            reopen=tuple(item.cards),
            sources=tuple(pack.source(s) for s in item.sources),
            actions=self.actions(*ids),
        )

    def learnt(self, session: Session) -> OffersPage:
        page = pages.learnt_page(self.pack, self.journey, session, self.words, self.minutes_of)
        place = ("self_check", self.journey.counts["self_check"])
        return OffersPage(place, self.words("learnt.title"), page, self.actions("back", "next"))

    def values_more(self, session: Session) -> OffersPage:
        page = values_more(self.pack, self.journey, session, self.words, self.minutes_of)
        place = ("values", self.journey.counts["values"])
        return OffersPage(place, self.words("values.title"), page, self.actions("back", "next"))

    def value(self, position: int, session: Session) -> ValuePage:
        journey, words = self.journey, self.words
        item = self.pack.values[position]
        chosen = session.values.get(item.id)
        first = pages.first_of_its_kind(journey, ("values", position))
        return ValuePage(
            place=("values", position),
            item_id=item.id,
            title=words("values.title"),
            progress=pages.value_progress(journey, item.kind, position, words),
            hint=words("values.no_wrong_answers") if first else "",
            statement=item.statement,
            choices=tuple(Choice(c.id, c.label, c.id == chosen) for c in item.choices),
            actions=self.actions("back", "next"),
            private=self.private_choice(item.id, session) if item.sensitive else None,
        )

    def private_choice(self, item_id: str, session: Session) -> PrivateChoice:
        words = self.words
        return PrivateChoice(words("private_answer.hint"), words("private_answer.show"), item_id in session.shown)

    def sure(self, position: int, session: Session) -> SurePage:
        words = self.words
        sure = self.pack.sure
        assert sure is not None, "the SURE step only exists when the pack has it"
        item = sure.items[position]
        answer = session.sure.get(item.id)
        return SurePage(
            place=("sure", position),
            item_id=item.id,
            title=words("sure.title"),
            progress=pages.sure_progress(sure.title, position, len(sure.items), words),
            text=item.text,
            choices=(Choice(YES, words("sure.yes"), answer is True), Choice(NO, words("sure.no"), answer is False)),
            meaning=item.if_no if answer is False else "",
            citation=sure.citation,
            credit=words("sure.credit", citation=sure.short_citation or sure.citation),
            terms=sure.terms_of_use,
            actions=self.actions("back", "next", "sources"),
        )

    def summary(self, session: Session, today: date) -> SummaryPage:
        from decisionaid.core.handout import build_handout  # here: not needed to start

        words = self.words
        result = self.summarise(session)
        handout = build_handout(result, self.pack, today=today, words=words)
        return SummaryPage(
            place=("summary", 0),
            title=words("summary.title"),
            hint=words("summary.hint"),
            summary=result,
            handout=handout,
            actions=self.actions("back", "star", "export"),
        )
