"""The summary: questions for the clinician with their reasons, own questions, a note, and export."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, Static, TextArea

from decisionaid.core.controller import MAX_NOTE, MAX_QUESTION, Controller
from decisionaid.core.site import PERSONAL
from decisionaid.core.summary import Summary
from decisionaid.export.render import HEADINGS, default_export_name, render_text
from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.screens.export import DownloadScreen, ExportScreen
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.question_box import QuestionBox
from decisionaid.tui.widgets.sources import SourceList
from decisionaid.tui.widgets.text_fields import NoteArea, TextField

NOTE_SAVE_DELAY = 0.5
FIRST_WIDGETS = 30  # topic titles, tick boxes and reasons composed with the screen: more than a tall window shows


class SummaryScreen(StepScreen):
    """Everything the export will hold, editable: tick boxes, own questions and a note."""

    TITLE_KEY = "summary.screen_title"
    AUTO_FOCUS = "#summary"
    BINDINGS = [
        Binding("e,ctrl+s", "export", "Export", key_display="e/^s", id="export", tooltip="Save as a text file"),
    ]

    def __init__(self, controller: Controller, *, export: bool = False, export_dir: Path | None = None) -> None:
        super().__init__(controller, 0)
        self.export_on_open = export
        self.export_dir = export_dir
        self._note_timer: Timer | None = None
        self._more: Iterator[Widget] = iter(())

    def build(self) -> Summary:
        return self.controller.summary()

    def compose(self) -> ComposeResult:
        summary, words = self.build(), self.controller.words
        yield self.title_bar()
        with Page(id="summary", classes="page"):
            yield Static(words("summary.title"), classes="page-title")
            yield Static(words("summary.tui_hint"), classes="hint")
            if summary.matters:
                yield from self.listing(HEADINGS["matters"], summary.matters)
            if summary.unsure:
                yield from self.listing(HEADINGS["unsure"], summary.unsure)
            yield Static(HEADINGS["questions"], classes="subheading")
            questions = self.question_widgets(summary)
            yield from itertools.islice(questions, FIRST_WIDGETS)
            self._more = questions
            yield Vertical(id="more-questions")
            yield Static(HEADINGS["own"], classes="subheading")
            yield Vertical(*self.own_rows(), id="own-list")
            yield TextField(
                self.session.own_draft,
                limit=MAX_QUESTION,
                too_long=words("typing.field_full", limit=f"{MAX_QUESTION:,}"),
                placeholder=words("summary.own_placeholder"),
                id="own-input",
            )
            yield Static(HEADINGS["note"], classes="subheading")
            yield NoteArea(
                self.session.note,
                limit=MAX_NOTE,
                too_long=words("typing.field_full", limit=f"{MAX_NOTE:,}"),
                id="note",
                soft_wrap=True,
                show_line_numbers=False,
            )
            if summary.sure:
                lines = [
                    f"{a.text} {words('sure.yes') if a.yes else words('sure.no')}"
                    + (f"\n  {a.meaning}" if a.meaning else "")
                    for a in summary.sure
                ]
                yield from self.listing(HEADINGS["sure"], lines)
            if summary.sources_read:
                yield SourceList(summary.sources_read, title=HEADINGS["sources"])
        yield Static(id="status", classes="status")
        with Horizontal(classes="nav"):
            yield Button(words("nav.back"), id="back", action="screen.back", compact=True)
            yield Button(words("summary.export"), id="export", action="screen.export", variant="primary", compact=True)
        yield Footer(show_command_palette=False)

    def question_widgets(self, summary: Summary) -> Iterator[Widget]:
        """Each topic's title, then each question's tick box and the reasons it is on the list, made as needed."""
        words = self.controller.words
        for group in summary.groups:
            yield Static(Content(group.title), classes="topic")
            for question in group.questions:
                left_out = words("summary.left_out")
                yield QuestionBox(
                    question.text, question.ticked, left_out, name=question.id, classes="question", compact=True
                )
                yield Static(Content(words("summary.why", reasons=" ".join(question.reasons))), classes="reason")

    @staticmethod
    def listing(heading: str, lines: tuple[str, ...] | list[str]) -> ComposeResult:
        yield Static(heading, classes="subheading")
        yield Static(Content("\n".join(f"• {line}" for line in lines)), classes="listing")

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_more_questions)
        if self.export_on_open:
            self.action_export()

    async def show_more_questions(self) -> None:
        """The questions below the first screenful, added once the screen is up, so a long list opens at once."""
        more, self._more = list(self._more), iter(())
        if more:
            await self.query_one("#more-questions").mount_all(more)

    @on(Checkbox.Changed, ".question")
    def ticked(self, event: Checkbox.Changed) -> None:
        self.report(self.controller.include_question(event.checkbox.name or "", event.value))

    def own_rows(self) -> list[Horizontal]:
        """Each own question with a button that removes it."""
        remove = self.controller.words("summary.remove")
        return [
            Horizontal(
                Static(Content(f"• {text}"), classes="own"),
                Button(remove, name=str(index), classes="remove-own", compact=True),
                classes="own-row",
            )
            for index, text in enumerate(self.session.own_questions)
        ]

    async def show_own_questions(self) -> None:
        own_list = self.query_one("#own-list")
        await own_list.remove_children()
        await own_list.mount_all(self.own_rows())

    @on(Input.Submitted, "#own-input")
    async def add_own_question(self, event: Input.Submitted) -> None:
        outcome = self.controller.add_own_question(event.value)
        self.report(outcome)
        if outcome.done:
            event.input.clear()
            self.controller.keep_draft("")
            await self.show_own_questions()

    @on(Button.Pressed, ".remove-own")
    async def remove_own_question(self, event: Button.Pressed) -> None:
        event.stop()
        self.report(self.controller.remove_own_question(int(event.button.name or 0)))
        await self.show_own_questions()
        self.query_one("#own-input").focus()

    @on(TextArea.Changed, "#note")
    def note_changed(self) -> None:
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_SAVE_DELAY, self.keep_note)

    def keep_note(self) -> None:
        self._note_timer = None
        for note in self.query("#note").results(TextArea):
            self.report(self.controller.set_note(note.text))

    def keep_typing(self) -> None:
        """Record what is typed but not yet sent: the note inside its autosave pause, and a question being
        written (kept as a draft, shown again in the box next time, never added as a question unasked)."""
        if self._note_timer is not None:
            self._note_timer.stop()
        self.keep_note()
        for draft in self.query("#own-input").results(Input):
            self.controller.keep_draft(draft.value)

    def on_unmount(self) -> None:
        self.report(self.controller.save())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "next"  # the summary is the last step

    def action_export(self) -> None:
        if self.app.is_web:
            shared = getattr(self.app, "site", PERSONAL).kiosk
            self.app.push_screen(
                DownloadScreen(self.build(), self.pack, self.controller.words, shared=shared), self.sent
            )
            return
        home = Path.home()
        folder = self.export_dir or (home if home.is_dir() else Path.cwd())
        path = folder / default_export_name(self.pack, date.today())
        text = render_text(self.build(), self.pack)
        self.app.push_screen(ExportScreen(text, path, self.controller.words), self.exported)

    def exported(self, path: Path | None) -> None:
        if path is not None:
            self.query_one("#status", Static).update(Content(self.controller.words("summary.saved_to", path=path)))

    def sent(self, name: str | None) -> None:
        if name is not None:
            self.query_one("#status", Static).update(Content(self.controller.words("download.sent", name=name)))
