"""The journey in plain text: welcome, the options at a glance, cards, self-check, values, SURE and the summary,
saved after every step.

Stage and position are kept exactly as the TUI keeps them (same Journey, same session file), so a session
started in one front end resumes in the other. Each page returns where to go next: one step on, one back,
or a place the person chose (an offer on the page, a part from the map, the question list).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from decisionaid.core.controller import Controller, Outcome
from decisionaid.core.journey import Place
from decisionaid.core.pages.at import Keys
from decisionaid.core.pages.steps import (
    CardPage,
    ChangesPage,
    ComparePage,
    ContentsPage,
    OffersPage,
    QuestionPage,
    SurePage,
    ValuePage,
)
from decisionaid.core.session import Session, Stage
from decisionaid.plain import pages
from decisionaid.plain.console import Console, EndOfInput
from decisionaid.plain.prompts import BACK, Here, Jump, Prompter, Quit
from decisionaid.plain.summary_page import SummaryMenu

WAIT_POLL_SECONDS = 0.5  # how often a wait for answers open elsewhere looks again

NEXT, PREVIOUS = 1, -1
Move = int | Place


class PlainAid:
    """The aid for one pack on a console; every change goes through `controller`."""

    def __init__(self, controller: Controller, console: Console, *, at: Place | None = None) -> None:
        self.controller = controller
        self.at = at  # a step opened for a look: no welcome, and nothing said to be kept
        self.pack = controller.pack
        self.words = controller.words
        self.journey = controller.journey
        self.console = console
        crisis = pages.crisis(self.pack, self.words) if self.pack.help_now else []
        self.ask = Prompter(console, crisis, self.words, self.show_map, pages.about(self.pack, self.words))
        self.keys = Keys(self.words("welcome.help_key_plain"), self.words("self_check.reopen_key_plain"))
        self.shown_part: str | None = None

    # --- running ------------------------------------------------------------------

    def run(self) -> int:
        """Run until the person quits or the input ends (exit 0), or Ctrl+C (exit 130)."""
        try:
            try:
                if self.controller.open_elsewhere:
                    self.open_elsewhere()
                if self.at is None and (changed := self.controller.what_changed()):
                    self.what_changed(changed)
                if self.at is None:
                    self.welcome()
                else:
                    self.console.say(self.words("at.note"))
                    self.go(*self.at)
            except Jump as jump:
                self.go(*jump.place)
            while True:
                try:
                    self.step()
                except Jump as jump:
                    self.go(*jump.place)
        except Quit:
            return self.leave("quit", 0)
        except EndOfInput:
            return self.leave("input_ended", 0)
        except KeyboardInterrupt:
            return self.leave("stopped", 130)

    def leave(self, why: str, status: int) -> int:
        """Save and say so only when it was saved; a failed save says where the answers are and exits 1."""
        outcome = self.controller.leave()
        if self.at is not None and outcome.saved:
            self.console.say("", self.words("at.left"))
        elif not self.controller.started:
            self.console.say("", self.words(f"plain.{why}_nothing"))
        elif outcome.saved:
            self.console.say("", outcome.said or self.words(f"plain.{why}_saved"))
        else:
            self.console.say("", *filter(None, (outcome.problem, outcome.said)))
            return status or 1
        return status

    def report(self, outcome: Outcome) -> bool:
        """Say a problem in one line; True when the change was saved."""
        if outcome.problem:
            self.console.say(outcome.problem)
        return outcome.saved

    @property
    def answers(self) -> Session:
        session = self.controller.session
        assert session is not None, "journey pages are only shown with a session"
        return session

    def go(self, stage: Stage, position: int = 0) -> None:
        """Record the place (marking a card read) and save, as the TUI does."""
        self.report(self.controller.go(stage, position))

    def step(self) -> None:
        """Show the page of the saved place and move as the person chose."""
        here = self.journey.clamp(self.answers.stage, self.answers.position)
        if here[0] == "welcome":
            self.welcome()
            return
        self.announce_part(here)
        move = self.page(*here)
        if move == NEXT:
            self.go(*self.controller.following(here))
        elif move == PREVIOUS:
            self.go(*self.journey.previous(*here))
        else:
            self.go(*move)  # type: ignore[misc]

    def announce_part(self, here: Place) -> None:
        """On entering a part: its name, where it is in the whole journey and how long is left."""
        part = self.journey.part_of(here)
        if part is None or part.id == self.shown_part:
            return
        self.shown_part = part.id
        title = self.controller.progress.title(part)
        self.console.note("", self.words("plain.part_heading", title=title, progress=self.controller.where()))

    def page(self, stage: Stage, position: int) -> Move:
        """Show the page model at a place, by its kind, and return where to go."""
        page = self.controller.page(self.keys, (stage, position))
        show: dict[str, Callable[..., Move]] = {
            "compare": self.compare,
            "card": self.card,
            "contents": self.contents,
            "question": self.self_check,
            "offers": self.offering,
            "value": self.value,
            "sure": self.sure,
            "summary": lambda page: SummaryMenu(self).run(),
        }
        return show[page.kind](page)

    def show(self, lines: list[str]) -> None:
        self.console.say("", *lines)

    def show_map(self) -> None:
        """The map as a numbered list; a part's number goes there (a for every card), Enter stays."""
        shown = self.controller.aid_map()
        lines = pages.aid_map(shown, self.words)
        self.console.say("", *lines)
        contents_place = ("cards", self.journey.counts["cards"])
        here = Here(lambda: lines, extra={"a": self.words("map.all_cards")})
        reply = self.ask.choose(here, self.words("plain.map_prompt"), count=len(shown.rows), enter=True)
        if reply == "a":
            raise Jump(contents_place)
        if isinstance(reply, int):
            raise Jump(shown.rows[reply - 1].place)
        if reply == BACK:
            return
        self.console.say(self.words("plain.still_at", place=self.controller.left_off()))

    # --- the start ----------------------------------------------------------------

    def open_elsewhere(self) -> None:
        """Another aid has the answers open: wait for it to close, read them without saving, or quit."""
        words, controller = self.words, self.controller
        here = Here(lambda: [controller.open_elsewhere_notice(), words("lock.why")], first=True)
        self.console.say(*here.page(), "")
        choices = [words("lock.wait"), words("lock.read_only"), words("lock.quit")]
        self.console.say(*(f"{n}. {label}" for n, label in enumerate(choices, 1)))
        choice = self.ask.choose(here, words("plain.one_two_three_enter"), count=3, enter=True)
        if choice == 3:
            raise Quit
        if choice == 2:
            return
        self.console.say(words("lock.waiting_plain"))
        while not controller.claim():
            self.console.pause(WAIT_POLL_SECONDS)
        self.console.say(words("lock.claimed"), "")

    def welcome(self) -> None:
        """What the aid is; start, or resume, start over or delete saved answers."""
        here = Here(self.welcome_page, first=True)
        self.console.say(*self.welcome_page())
        words = self.words
        while True:
            if not self.controller.started:
                self.ask.choose(here, words("plain.press_enter_to_start"), enter=True)
                self.report(self.controller.start())
                return
            choice = self.ask.choose(here, words("plain.one_two_three"), count=3)
            if choice == 1:
                self.go(*self.controller.resume_place())
                return
            if choice == 2 and self.ask.confirm(here, words("confirm.start_over")):
                if self.report(self.controller.start_over()):
                    self.shown_part = None
                    return
            elif choice == 3 and self.ask.confirm(here, words("confirm.delete", path=self.controller.answers.path)):
                outcome = self.controller.delete()
                self.report(outcome)
                if outcome.done:
                    self.console.say(*self.controller.notices)
            elif choice in (2, 3):
                self.console.say(words("plain.nothing_changed"))

    def what_changed(self, page: ChangesPage) -> None:
        """Before anything else on resuming with a newer pack: what changed, each line opened by its number."""
        words = self.words
        openable = [change for change in page.changes if change.place is not None]
        lines = pages.what_changed(page, words)
        self.show(lines)
        self.report(self.controller.changes_seen())
        here = Here(lambda: lines)
        reply = self.ask.choose(here, words("plain.enter"), count=len(openable), enter=True)
        if isinstance(reply, int):
            raise Jump(openable[reply - 1].place)  # type: ignore[arg-type]

    def welcome_page(self) -> list[str]:
        controller = self.controller
        page = pages.welcome(controller.welcome_page(self.keys), self.words)
        if not controller.started:
            return page
        options = (self.words("plain.resume"), self.words("plain.start_over"), self.words("plain.delete"))
        return [*page, "", *pages.choices(options, self.words)]

    # --- the steps ----------------------------------------------------------------

    def compare(self, page: ComparePage) -> Move:
        """The options at a glance, row by row; o reads it option by option."""
        table, words = page.table, self.words
        rows = pages.comparison_by_row(table, words)
        here = Here(
            lambda: rows,
            lambda: pages.sources(words("plain.table_sources"), table.sources),
            extra={"o": words("plain.command_by_option")},
        )
        self.show(rows)
        self.console.note("", pages.sources_hint(len(table.sources), words), words("plain.by_option_hint"))
        while True:
            reply = self.ask.choose(here, words("plain.enter"), enter=True)
            if reply == "o":
                self.console.say(*pages.comparison_by_option(table, words))
                continue
            return PREVIOUS if reply == BACK else NEXT

    def card(self, page: CardPage) -> Move:
        words = self.words
        lines = pages.card(page, words)
        self.show(lines)
        self.console.note("", pages.sources_hint(len(page.sources), words))
        here = Here(lambda: lines, lambda: pages.sources(words("plain.card_sources"), page.sources))
        return PREVIOUS if self.ask.choose(here, words("plain.enter"), enter=True) == BACK else NEXT

    def contents(self, page: ContentsPage) -> Move:
        """Every card by section; a section's number lists its cards, a card's number reads it."""
        words, table = self.words, page.contents
        lines = pages.contents_sections(table)
        here = Here(lambda: lines)
        self.show(lines)
        count = len(table.sections)
        while True:
            reply = self.ask.choose(here, words("plain.contents_prompt", count=count), count=count, enter=True)
            if not isinstance(reply, int):
                return PREVIOUS if reply == BACK else NEXT
            section = table.sections[reply - 1]
            listed = pages.contents_cards(section, table.legend)
            self.show(listed)
            total = len(section.cards)
            prompt = words("plain.section_prompt", count=total)
            chosen = self.ask.choose(Here(lambda listed=listed: listed), prompt, count=total, enter=True)
            if isinstance(chosen, int):
                return "cards", section.cards[chosen - 1].position
            self.show(lines)

    def self_check(self, page: QuestionPage) -> Move:
        """A question; after an answer, the feedback, then Enter goes on or a number changes the answer."""
        words, place = self.words, page.place

        def shown() -> QuestionPage:
            return self.controller.page(self.keys, place)  # type: ignore[return-value]

        extra = {"o": words("plain.command_reopen")} if page.reopen else {}
        sources = words("plain.question_sources")
        here = Here(lambda: pages.question(shown(), words), lambda: pages.sources(sources, page.sources))
        self.show(pages.question(page, words))
        if page.feedback:
            self.console.note("", pages.sources_hint(len(page.sources), words))
        count = len(page.choices)
        while True:
            answered = any(choice.chosen for choice in shown().choices)
            here.extra = extra if answered else {}
            key = "plain.change_or_go_on" if answered else "plain.number_or_skip"
            reply = self.ask.choose(here, words(key, count=count), count=count, enter=True)
            if reply == BACK:
                return PREVIOUS
            if reply == "":
                return NEXT
            if reply == "o":
                self.reopen(page.reopen)
                continue
            choice = page.choices[int(reply) - 1]
            self.report(self.controller.answer_self_check(page.item_id, choice.id))
            self.console.say(*pages.feedback(shown(), words))
            self.console.note("", pages.sources_hint(len(page.sources), words))

    def reopen(self, card_ids: Iterable[str]) -> None:
        """Read cards again from a self-check question, sources listed; the place does not change."""
        for card_id in card_ids:
            card = self.controller.page(self.keys, ("cards", self.journey.card_ids.index(card_id)))
            self.show(pages.card(card, self.words, list_sources=True))  # type: ignore[arg-type]
        self.console.say("", self.words("plain.still_at", place=self.controller.left_off()))

    def offering(self, page: OffersPage) -> Move:
        """A page that ends a part: Enter goes on, a number takes up what it offers."""
        lines = pages.offered(page.page, self.words)
        self.show(lines)
        offers = page.page.offers
        count = len(offers)
        prompt = self.words("plain.offer_prompt", count=count) if count else self.words("plain.enter")
        reply = self.ask.choose(Here(lambda: lines), prompt, count=count, enter=True)
        if isinstance(reply, int):
            return offers[reply - 1].place
        return PREVIOUS if reply == BACK else NEXT

    def value(self, page: ValuePage) -> Move:
        lines = pages.value(page, self.words)
        self.show(lines)
        answered = any(choice.chosen for choice in page.choices)
        reply = self.choose_answer(Here(lambda: lines), len(page.choices), answered=answered)
        if isinstance(reply, int) and self.report(
            self.controller.answer_value(page.item_id, page.choices[reply - 1].id)
        ):
            self.console.note(self.words("plain.saved"))
        if isinstance(reply, int) and page.private:
            self.show_private(page, Here(lambda: lines))
        return PREVIOUS if reply == BACK else NEXT

    def show_private(self, page: ValuePage, here: Here) -> None:
        """The one choice of a private answer, once given: show it on the handout (y), or keep it off (n)."""
        words = self.words
        self.console.say(page.private.hint)
        shown = self.ask.confirm(here, words("private_answer.plain_question"))
        if self.report(self.controller.include_private(page.item_id, shown)):
            self.console.say(words("private_answer.shown" if shown else "private_answer.kept_off"))

    def sure(self, page: SurePage) -> Move:
        """A SURE item, word for word; a 'no' is followed by the item's own sentence on what it may mean."""
        words = self.words
        lines = pages.sure(page, words)
        self.show(lines)
        here = Here(lambda: lines, lambda: [words("plain.from", citation=page.citation), page.terms])
        answered = any(choice.chosen for choice in page.choices)
        reply = self.choose_answer(here, 2, answered=answered, how=words("plain.yes_or_no"))
        if isinstance(reply, int):
            if self.report(self.controller.answer_sure(page.item_id, reply == 1)):
                self.console.note(words("plain.saved"))
            shown = self.controller.page(self.keys, page.place)
            self.console.say(*filter(None, (shown.meaning,)))  # type: ignore[union-attr]
        return PREVIOUS if reply == BACK else NEXT

    def choose_answer(self, here: Here, count: int, *, answered: bool, how: str = "") -> int | str:
        """A number; or Enter, which keeps the answer or, before one, skips the question (as in the TUI); or b."""
        how = how or self.words("plain.a_number", count=count)
        prompt = self.words("plain.keep_or_type" if answered else "plain.type_or_skip", how=how)
        return self.ask.choose(here, prompt, count=count, enter=True)
