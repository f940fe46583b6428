"""The last page: the questions for the clinician, leaving some out, own questions, a note, and saving a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.controller import MAX_NOTE, Outcome
from decisionaid.core.session import Session
from decisionaid.core.summary import Summary
from decisionaid.export.render import (
    HEADINGS,
    ExportError,
    ExportExists,
    default_export_name,
    render_text,
    write_export,
)
from decisionaid.plain import pages
from decisionaid.plain.prompts import BACK, Here
from decisionaid.sanitize import clean_text

if TYPE_CHECKING:
    from decisionaid.plain.flow import PlainAid

MENU = ("leave_out", "add_own", "remove_own", "note", "save")
PREVIOUS = -1


class SummaryPage:
    """The summary, then a menu of what can be changed; b goes back, q leaves."""

    def __init__(self, aid: PlainAid) -> None:
        self.aid = aid
        self.controller = aid.controller
        self.words = aid.words
        self.menu = [
            self.words("plain.menu_title"),
            *pages.choices((self.words(f"plain.menu_{m}") for m in MENU), self.words),
        ]
        sources_title = HEADINGS["sources"] + ":"
        self.here = Here(self.page, lambda: pages.sources(sources_title, self.build().sources_read))

    def build(self) -> Summary:
        return self.controller.summary()

    @property
    def session(self) -> Session:
        return self.aid.answers

    def page(self) -> list[str]:
        return [*pages.summary(self.build(), self.aid.pack, self.words), "", *self.menu]

    def run(self) -> int:
        self.aid.show(self.page())
        actions = (self.tick, self.add_own, self.remove_own, self.write_note, self.export)
        while True:
            reply = self.aid.ask.choose(
                self.here, self.words("plain.menu_prompt", count=len(MENU)), count=len(MENU), usage=self.menu
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
        self.say(HEADINGS["own"] + ":", *pages.choices(own, self.words))
        prompt = self.words("plain.remove_prompt", count=len(own))
        reply = self.aid.ask.choose(self.here, prompt, count=len(own), enter=True)
        if isinstance(reply, int):
            self.report(self.controller.remove_own_question(reply - 1))

    def write_note(self) -> None:
        """Lines until an empty line; they replace the note. An empty first line keeps or deletes the old one."""
        words = self.words
        old = self.session.note.strip()
        if old:
            self.say(words("plain.note_now"), old)
        self.say(words("plain.note_how"))
        lines: list[str] = []
        while True:
            line = self.aid.ask.text(self.here, words("plain.note_prompt") if not lines else words("plain.note_more"))
            if line is None:
                self.say(words("plain.note_unchanged"))
                return
            if not line.strip():
                break
            if len("\n".join([*lines, clean_text(line).strip()])) > MAX_NOTE:
                self.say(words("typing.note_full", limit=f"{MAX_NOTE:,}"))
                continue
            lines.append(line.strip())
        if lines:
            if self.report(self.controller.set_note("\n".join(lines))):
                self.say(words("plain.note_saved"))
        elif old and self.aid.ask.confirm(self.here, words("plain.note_delete")):
            if self.report(self.controller.set_note("")):
                self.say(words("plain.note_deleted"))
        else:
            self.say(words("plain.note_unchanged"))

    def export(self) -> None:
        """Ask for a file name (default in the current folder); confirm before replacing a file."""
        default = Path.cwd() / default_export_name(self.aid.pack, date.today())
        while True:
            prompt = self.words("plain.file_prompt", name=default.name, folder=default.parent)
            answer = self.aid.ask.text(self.here, prompt)
            if answer is None:
                return
            path = Path(answer.strip()).expanduser() if answer.strip() else default
            if self.write(path):
                return

    def write(self, path: Path) -> bool:
        """Write the file; True when it was written, False to ask for another name."""
        text = render_text(self.build(), self.aid.pack)
        try:
            try:
                write_export(text, path)
            except ExportExists:
                if not self.aid.ask.confirm(self.here, self.words("export.replace", path=path)):
                    self.say(self.words("plain.not_saved_other_name"))
                    return False
                write_export(text, path, force=True)
        except ExportError as exc:
            self.say(self.words("plain.not_saved", reason=exc))
            return False
        self.say(self.words("plain.saved_to", path=path.absolute()))
        return True
