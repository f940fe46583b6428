"""The last page: the handout as it will be saved, a menu of what changes it, and saving it in a format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.core.controller import MAX_NOTE, Outcome
from decisionaid.core.pages.steps import SummaryPage
from decisionaid.core.session import LEANING_NOT_SURE, Session
from decisionaid.core.summary import Summary
from decisionaid.export import FORMATS
from decisionaid.export.saving import default_path, save_handout
from decisionaid.plain import pages
from decisionaid.plain.prompts import BACK, Here
from decisionaid.sanitize import clean_text

if TYPE_CHECKING:
    from decisionaid.plain.flow import PlainAid

MENU = ("star", "leave_out", "add_own", "remove_own", "note", "leaning", "private", "reader", "save")
PREVIOUS = -1
READERS = ("self", "helper")


class SummaryMenu:
    """The handout and every question, then a menu of what can be changed; b goes back, q leaves."""

    def __init__(self, aid: PlainAid) -> None:
        self.aid = aid
        self.controller = aid.controller
        self.words = aid.words
        sources_title = self.words("handout.sources") + ":"
        self.here = Here(self.page, lambda: pages.sources(sources_title, self.model().handout.sources))

    def menu(self) -> list[str]:
        """The menu, as the answers now make it: how many questions can be starred changes with them."""
        limit = self.controller.star_limit()
        return [
            self.words("plain.menu_title"),
            *pages.choices((self.words(f"plain.menu_{m}", limit=limit) for m in MENU), self.words),
        ]

    def model(self) -> SummaryPage:
        """The question list's page model, as the answers now make it."""
        return self.controller.page(self.aid.keys, ("summary", 0))  # type: ignore[return-value]

    def build(self) -> Summary:
        return self.model().summary

    @property
    def session(self) -> Session:
        return self.aid.answers

    def page(self) -> list[str]:
        shown = self.model()
        return [*pages.summary(shown.summary, shown.handout, self.session, self.words), "", *self.menu()]

    def run(self) -> int:
        if not self.session.reader and not self.ask_reader():
            return PREVIOUS
        self.aid.show(self.page())
        actions = (
            self.star,
            self.tick,
            self.add_own,
            self.remove_own,
            self.write_note,
            self.lean,
            self.private,
            self.ask_reader,
            self.export,
        )
        while True:
            reply = self.aid.ask.choose(
                self.here, self.words("plain.menu_prompt", count=len(MENU)), count=len(MENU), usage=self.menu()
            )
            if reply == BACK:
                return PREVIOUS
            actions[int(reply) - 1]()
            self.say("", self.words("plain.what_next", count=len(MENU)))

    def say(self, *lines: str) -> None:
        self.aid.console.say(*lines)

    def report(self, outcome: Outcome) -> bool:
        for line in (outcome.problem, outcome.said):
            if line:
                self.say(line)
        return outcome.saved and outcome.done

    def ask_reader(self) -> bool:
        """Who is filling this in (Enter: the person themself); False when the person went back."""
        words = self.words
        self.say("", words("summary.reader"), *pages.choices((words(f"summary.reader_{r}") for r in READERS), words))
        reply = self.aid.ask.choose(self.here, words("plain.reader_prompt"), count=2, enter=True)
        if reply == BACK:
            return False
        self.report(self.controller.set_reader(READERS[int(reply or 1) - 1]))
        return True

    def star(self) -> None:
        """Star or unstar questions for the top of the handout: suggested ones, then the person's own."""
        questions = self.build().questions()
        own = self.session.own_questions
        numbers = self.aid.ask.numbers(self.here, self.words("plain.star_prompt"), len(questions) + len(own))
        if not isinstance(numbers, list):
            return
        for number in numbers:
            if number <= len(questions):
                question = questions[number - 1]
                self.report(self.controller.star_question(question.id, question.id not in self.session.starred))
            else:
                index = number - len(questions) - 1
                starred = self.session.own_questions[index] in self.session.starred_own
                self.report(self.controller.star_own_question(index, not starred))

    def tick(self) -> None:
        questions = self.build().questions()
        numbers = self.aid.ask.numbers(self.here, self.words("plain.tick_prompt"), len(questions))
        if not isinstance(numbers, list):
            return
        for number in numbers:
            question = questions[number - 1]
            put_back = question.id in self.session.unticked
            self.report(self.controller.include_question(question.id, put_back))
            self.say(self.words("plain.put_back" if put_back else "plain.left_out", text=question.text))

    def add_own(self) -> None:
        text = self.aid.ask.text(self.here, self.words("plain.own_prompt"))
        self.report(self.controller.add_own_question(text or ""))

    def remove_own(self) -> None:
        own = self.session.own_questions
        if not own:
            self.say(self.words("plain.no_own"))
            return
        self.say(self.words("plain.own_list"), *pages.choices(own, self.words))
        prompt = self.words("plain.remove_prompt", count=len(own))
        reply = self.aid.ask.choose(self.here, prompt, count=len(own), enter=True)
        if isinstance(reply, int):
            self.report(self.controller.remove_own_question(reply - 1))

    def write_note(self) -> None:
        """Lines until an empty line (or b); they replace the note, which is saved line by line, so a line typed is
        kept whatever ends the note. An empty first line keeps or deletes the old one; b before any line keeps it."""
        words = self.words
        old = self.session.note.strip()
        if old:
            self.say(words("plain.note_now"), old)
        self.say(words("plain.note_how"))
        lines: list[str] = []
        saved = True
        while True:
            line = self.aid.ask.text(self.here, words("plain.note_prompt") if not lines else words("plain.note_more"))
            if line is None and not lines:
                self.say(words("plain.note_unchanged"))
                return
            if line is None or not line.strip():
                break
            if len("\n".join([*lines, clean_text(line).strip()])) > MAX_NOTE:
                self.say(words("typing.note_full", limit=words.number(MAX_NOTE)))
                continue
            lines.append(line.strip())
            saved = self.report(self.controller.set_note("\n".join(lines)))
        if lines:
            if saved:
                self.say(words("plain.note_saved"))
        elif old and self.aid.ask.confirm(self.here, words("plain.note_delete")):
            if self.report(self.controller.set_note("")):
                self.say(words("plain.note_deleted"))
        else:
            self.say(words("plain.note_unchanged"))

    def lean(self) -> None:
        """The option the person leans towards now: the pack's options, 'not sure yet', or nothing."""
        words = self.words
        pack = self.aid.pack
        ids = [*(o.id for o in pack.options), LEANING_NOT_SURE, ""]
        labels = [*(o.name for o in pack.options), words("summary.leaning_not_sure"), words("summary.leaning_unsaid")]
        chosen = ids.index(self.session.leaning) + 1 if self.session.leaning else None
        self.say(words("summary.leaning"), *pages.choices(labels, words, chosen))
        count = len(ids)
        reply = self.aid.ask.choose(self.here, words("plain.leaning_prompt", count=count), count=count, enter=True)
        if isinstance(reply, int) and self.report(self.controller.set_leaning(ids[reply - 1])):
            self.say(words("plain.saved"))

    def private(self) -> None:
        """Put private answers into the saved file, or leave them out of it, by number."""
        answers = self.build().private
        if not answers:
            self.say(self.words("plain.no_private"))
            return
        self.say(
            self.words("summary.private_hint"),
            *pages.choices((pages.private_line(a.text, a.included, self.words) for a in answers), self.words),
        )
        numbers = self.aid.ask.numbers(self.here, self.words("plain.private_prompt"), len(answers))
        if not isinstance(numbers, list):
            return
        for number in numbers:
            answer = answers[number - 1]
            if self.report(self.controller.include_private(answer.item, not answer.included)):
                self.say(pages.private_line(answer.text, not answer.included, self.words))

    def export(self) -> None:
        """Ask for a format and a file name (default in the documents or home folder); confirm before replacing a
        file."""
        words = self.words
        self.say(words("plain.format_title"), *pages.choices((words(f"formats.{f}") for f in FORMATS), words))
        count = len(FORMATS)
        reply = self.aid.ask.choose(self.here, words("plain.format_prompt", count=count), count=count, enter=True)
        if reply == BACK:
            return
        fmt = FORMATS[int(reply or 1) - 1]
        with_note = fmt == "fhir" and bool(self.controller.summary().note.strip())
        if with_note:
            with_note = bool(self.aid.ask.confirm(self.here, words("export.with_note_question")))
        default = default_path(self.controller, fmt)
        while True:
            prompt = words("plain.file_prompt", name=default.name, folder=default.parent)
            answer = self.aid.ask.text(self.here, prompt)
            if answer is None:
                return
            if self.write(answer.strip() or str(default), fmt, with_note):
                return

    def write(self, typed: str, fmt: str, with_note: bool = False) -> bool:
        """Write the file named as typed; True when it was written, False to ask for another name."""
        saved = save_handout(self.controller, fmt, typed, with_note=with_note)
        if saved.exists:
            if not self.aid.ask.confirm(self.here, self.words("export.replace", path=saved.path)):
                self.say(self.words("plain.not_saved_other_name"))
                return False
            saved = save_handout(self.controller, fmt, saved.path, replace=True, with_note=with_note)
        if not saved.done:
            self.say(self.words("plain.not_saved", reason=saved.problem))
            return False
        self.say(self.words("plain.saved_to", path=saved.path))
        return True
