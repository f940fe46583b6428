"""The journey in plain text: welcome, cards, self-check, values, SURE and the summary, saved after every step.

Stage and position are kept exactly as the TUI keeps them (same Journey, same session file), so a session
started in one front end resumes in the other.
"""

from __future__ import annotations

from decisionaid.content import Pack
from decisionaid.core.journey import Journey
from decisionaid.core.session import Session, Stage
from decisionaid.plain import pages
from decisionaid.plain.console import Console, EndOfInput
from decisionaid.plain.prompts import BACK, Here, Prompter, Quit
from decisionaid.plain.summary_page import SummaryPage
from decisionaid.storage.store import SessionStore

CONTINUE = "Run decisionaid --plain again to continue."
ENTER = "Press Enter to go on (h for help):"
NEXT, PREVIOUS = 1, -1


class PlainAid:
    """The aid for one pack on a console, with answers autosaved to `store`."""

    def __init__(self, pack: Pack, store: SessionStore, console: Console) -> None:
        self.pack = pack
        self.store = store
        self.console = console
        self.ask = Prompter(console, pages.crisis(pack))
        self.journey = Journey(pack)
        self.session, self.notices = store.load(pack)
        self.shown_stage: Stage | None = None

    # --- running ------------------------------------------------------------------

    def run(self) -> int:
        """Run until the person quits or the input ends (exit 0), or Ctrl+C (exit 130)."""
        try:
            self.welcome()
            while True:
                self.step()
        except Quit:
            self.save()
            self.console.say("", f"Your answers are saved. {CONTINUE}" if self.session else "Goodbye.")
            return 0
        except EndOfInput:
            self.save()
            ended = f"your answers are saved. {CONTINUE}" if self.session else "nothing was saved."
            self.console.say(f"Input ended; {ended}")
            return 0
        except KeyboardInterrupt:
            self.save()
            self.console.say("", f"Stopped; your answers are saved. {CONTINUE}" if self.session else "Stopped.")
            return 130

    def save(self) -> None:
        """Autosave; a failure is reported in one line and the journey goes on."""
        problem = self.store.save_or_explain(self.session)
        if problem:
            self.console.say(problem)

    @property
    def answers(self) -> Session:
        assert self.session is not None, "journey pages are only shown with a session"
        return self.session

    def go(self, stage: Stage, position: int = 0) -> None:
        """Record the place (marking a card read) and save, as the TUI does."""
        self.journey.arrive(self.answers, stage, position)
        self.save()

    def step(self) -> None:
        """Show the page of the saved place and move as the person chose."""
        stage, position = self.journey.clamp(self.answers.stage, self.answers.position)
        if stage == "welcome":
            self.welcome()
            return
        move = self.page(stage, position)
        self.shown_stage = stage
        here = (stage, position)
        self.go(*(self.journey.next(*here) if move == NEXT else self.journey.previous(*here)))

    def page(self, stage: Stage, position: int) -> int:
        if stage == "cards":
            return self.card(position)
        if stage == "self_check":
            if position == len(self.pack.self_check.self_check):
                return self.learnt()
            return self.self_check(position)
        if stage == "values":
            return self.value(position)
        if stage == "sure":
            return self.sure(position)
        return SummaryPage(self).run()

    def show(self, lines: list[str]) -> None:
        self.console.say("", *lines)

    # --- the start ----------------------------------------------------------------

    def welcome(self) -> None:
        """What the aid is; start, or resume, start over or delete saved answers."""
        here = Here(self.welcome_page, first=True)
        self.console.say(*self.welcome_page())
        while True:
            if self.session is None:
                self.ask.choose(here, "Press Enter to start (h for help):", enter=True)
                self.start()
                return
            choice = self.ask.choose(here, "Type 1, 2 or 3 (h for help):", count=3)
            if choice == 1:
                self.resume()
                return
            if choice == 2 and self.ask.confirm(here, "Start over? This clears every answer saved so far."):
                self.store.delete()
                self.start()
                return
            if choice == 3 and self.ask.confirm(
                here, f"Delete your saved answers? The file {self.store.path} will be removed."
            ):
                self.store.delete()
                self.session = None
                self.notices = ["Your answers were deleted."]
                self.console.say(*self.notices)
            elif choice in (2, 3):
                self.console.say("Nothing was changed.")

    def welcome_page(self) -> list[str]:
        if self.session is None:
            return pages.welcome(self.pack, self.notices, None)
        left_off = self.journey.describe(self.session.stage, self.session.position)
        page = pages.welcome(self.pack, self.notices, left_off)
        return [*page, "", *pages.choices(("Resume", "Start over", "Delete my answers"))]

    def start(self) -> None:
        self.session = Session.new(self.pack)
        self.notices = []
        self.go(*self.journey.first("cards"))

    def resume(self) -> None:
        stage, position = self.answers.stage, self.answers.position
        if stage == "welcome":
            stage, position = self.journey.first("cards")
        self.go(stage, position)

    # --- the steps ----------------------------------------------------------------

    def card(self, position: int) -> int:
        cards = self.pack.ordered_cards()
        item = cards[position]
        page = pages.card(self.pack, item, position, len(cards))
        self.show(page)
        here = Here(lambda: page, lambda: pages.sources("Sources for this card:", pages.card_sources(self.pack, item)))
        return PREVIOUS if self.ask.choose(here, ENTER, enter=True) == BACK else NEXT

    def self_check(self, position: int) -> int:
        """A question; after an answer, the feedback, then Enter goes on or a number changes the answer."""
        items = self.pack.self_check.self_check
        item = items[position]
        ids = [c.id for c in item.choices]

        def page() -> list[str]:
            chosen = self.answers.self_check.get(item.id)
            number = ids.index(chosen) + 1 if chosen in ids else None
            lines = pages.self_check(item, position, len(items), number)
            return lines + (pages.feedback(self.pack, item, chosen) if chosen in ids else [])

        extra = {"o": "read the card this question is about again"} if item.cards else {}
        here = Here(page, lambda: pages.sources("Sources for this question:", map(self.pack.source, item.sources)))
        self.show(page())
        count = len(ids)
        while True:
            answered = item.id in self.answers.self_check
            here.extra = extra if answered else {}
            if answered:
                prompt = f"Press Enter to go on, or type 1 to {count} to change your answer (h for help):"
            else:
                prompt = f"Type a number from 1 to {count} (h for help):"
            reply = self.ask.choose(here, prompt, count=count, enter=answered)
            if reply == BACK:
                return PREVIOUS
            if reply == "":
                return NEXT
            if reply == "o":
                self.reopen(item.cards)
                continue
            choice = ids[int(reply) - 1]
            self.answers.self_check = {**self.answers.self_check, item.id: choice}
            self.save()
            label = item.choices[int(reply) - 1].label
            self.console.say(f"Your answer: {label}.", *pages.feedback(self.pack, item, choice))

    def reopen(self, card_ids: list[str]) -> None:
        """Read cards again from a self-check question, sources listed; the place does not change."""
        cards = self.pack.ordered_cards()
        for card_id in card_ids:
            card = self.pack.card(card_id)
            self.show(pages.card(self.pack, card, cards.index(card), len(cards), list_sources=True))
        place = self.journey.describe(self.answers.stage, self.answers.position)
        self.console.say("", f"You are still at {place}.")

    def learnt(self) -> int:
        page = pages.learnt_page(self.pack, self.answers)
        self.show(page)
        return PREVIOUS if self.ask.choose(Here(lambda: page), ENTER, enter=True) == BACK else NEXT

    def value(self, position: int) -> int:
        items = self.pack.values.values
        item = items[position]
        ids = [c.id for c in item.choices]
        chosen = self.answers.values.get(item.id)
        page = pages.value(item, position, len(items), ids.index(chosen) + 1 if chosen in ids else None)
        self.show(page)
        reply = self.choose_answer(Here(lambda: page), len(ids), answered=chosen in ids)
        if isinstance(reply, int):
            self.answers.values = {**self.answers.values, item.id: ids[reply - 1]}
            self.save()
            self.console.say("Saved.")
        return PREVIOUS if reply == BACK else NEXT

    def sure(self, position: int) -> int:
        """A SURE item, word for word; a 'no' is followed by the item's own sentence on what it may mean."""
        items = self.pack.sure.sure.items if self.pack.sure.sure else []
        item = items[position]
        answer = self.answers.sure.get(item.id)
        page = pages.sure_item(self.pack, item, position, answer)
        intro = pages.sure_intro(self.pack)
        self.show(page if self.shown_stage == "sure" else intro + page)
        here = Here(lambda: intro + page, lambda: intro[1:3])
        reply = self.choose_answer(here, 2, answered=answer is not None, how="1 for yes or 2 for no")
        if isinstance(reply, int):
            yes = reply == 1
            self.answers.sure = {**self.answers.sure, item.id: yes}
            self.save()
            self.console.say("Saved." if yes else f"Saved. {item.if_no}")
        return PREVIOUS if reply == BACK else NEXT

    def choose_answer(self, here: Here, count: int, *, answered: bool, how: str = "") -> int | str:
        """A number, or (once answered) Enter to keep the answer, or b."""
        how = how or f"a number from 1 to {count}"
        if answered:
            prompt = f"Press Enter to keep your answer, or type {how} (h for help):"
        else:
            prompt = f"Type {how} (h for help):"
        return self.ask.choose(here, prompt, count=count, enter=answered)
