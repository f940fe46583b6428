"""The last page: the questions for the clinician, leaving some out, own questions, a note, and saving a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.summary import Summary, build_summary
from decisionaid.export.render import (
    HEADINGS,
    ExportError,
    ExportExists,
    clean_user_text,
    default_export_name,
    render_text,
    write_export,
)
from decisionaid.plain import pages
from decisionaid.plain.prompts import BACK, Here

if TYPE_CHECKING:
    from decisionaid.plain.flow import PlainAid

MENU = (
    "Leave out or put back questions",
    "Add a question of your own",
    "Remove a question of your own",
    "Write your note",
    "Save the list to a file",
)
MENU_LINES = ["What would you like to do?", *pages.choices(MENU)]
PREVIOUS = -1


class SummaryPage:
    """The summary, then a menu of what can be changed; b goes back, q leaves."""

    def __init__(self, aid: PlainAid) -> None:
        self.aid = aid
        self.session = aid.answers
        self.here = Here(self.page, lambda: pages.sources(HEADINGS["sources"] + ":", self.build().sources_read))

    def build(self) -> Summary:
        return build_summary(self.aid.pack, self.session)

    def page(self) -> list[str]:
        return [*pages.summary(self.build(), self.aid.pack), "", *MENU_LINES]

    def run(self) -> int:
        self.aid.show(self.page())
        actions = (self.tick, self.add_own, self.remove_own, self.write_note, self.export)
        while True:
            reply = self.aid.ask.choose(
                self.here, f"Type 1 to {len(MENU)}, or q to leave (h for help):", count=len(MENU), usage=MENU_LINES
            )
            if reply == BACK:
                return PREVIOUS
            actions[int(reply) - 1]()
            self.aid.console.say("", f"What next? The choices are 1 to {len(MENU)}; h lists them again.")

    def say(self, *lines: str) -> None:
        self.aid.console.say(*lines)

    def tick(self) -> None:
        questions = self.build().questions()
        numbers = self.aid.ask.numbers(
            self.here,
            "Type the numbers of the questions to leave out or put back, for example 1 3 (Enter: no change):",
            len(questions),
        )
        if not isinstance(numbers, list):
            return
        unticked = list(self.session.unticked)
        for number in numbers:
            question = questions[number - 1]
            if question.id in unticked:
                unticked.remove(question.id)
                self.say(f"Put back: {question.text}")
            else:
                unticked.append(question.id)
                self.say(f"Left out: {question.text}")
        self.session.unticked = unticked
        self.aid.save()

    def add_own(self) -> None:
        text = self.aid.ask.text(self.here, "Type your question, then press Enter (Enter alone: none):")
        text = clean_user_text(text or "").strip()
        if not text:
            self.say("No question was added.")
            return
        self.session.own_questions = [*self.session.own_questions, text]
        self.aid.save()
        self.say(f"Added: {text}")

    def remove_own(self) -> None:
        own = self.session.own_questions
        if not own:
            self.say("You have no questions of your own yet.")
            return
        self.say(HEADINGS["own"] + ":", *pages.choices(clean_user_text(q) for q in own))
        reply = self.aid.ask.choose(
            self.here,
            f"Type the number of the question to remove, 1 to {len(own)} (Enter: none):",
            count=len(own),
            enter=True,
        )
        if isinstance(reply, int):
            self.session.own_questions = [q for i, q in enumerate(own, 1) if i != reply]
            self.aid.save()
            self.say(f"Removed: {clean_user_text(own[reply - 1])}")

    def write_note(self) -> None:
        """Lines until an empty line; they replace the note. An empty first line keeps or deletes the old one."""
        old = clean_user_text(self.session.note).strip()
        if old:
            self.say("Your note now:", old)
        self.say("Type your note. It can have several lines; press Enter on an empty line to finish.")
        lines: list[str] = []
        while True:
            line = self.aid.ask.text(self.here, "Note:" if not lines else "More, or Enter to finish:")
            if line is None:
                self.say("Your note was not changed.")
                return
            if not line.strip():
                break
            lines.append(clean_user_text(line).strip())
        if lines:
            self.session.note = "\n".join(lines)
            self.aid.save()
            self.say("Your note is saved.")
        elif old and self.aid.ask.confirm(self.here, "Delete your note?"):
            self.session.note = ""
            self.aid.save()
            self.say("Your note was deleted.")
        else:
            self.say("Your note was not changed.")

    def export(self) -> None:
        """Ask for a file name (default in the current folder); confirm before replacing a file."""
        default = Path.cwd() / default_export_name(self.aid.pack, date.today())
        while True:
            answer = self.aid.ask.text(self.here, f"File name (Enter: {default.name} in {default.parent}; b: go back):")
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
                if not self.aid.ask.confirm(self.here, f"{path} already exists. Replace it?"):
                    self.say("Not saved. Type another file name, or b to go back.")
                    return False
                write_export(text, path, force=True)
        except ExportError as exc:
            self.say(f"Not saved: {exc}")
            return False
        self.say(f"Saved to {path.absolute()}. Take it to your clinician; your answers stay saved here too.")
        return True
