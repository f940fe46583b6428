"""The summary: questions for the clinician with their reasons, own questions, a note, and export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Input, Static, TextArea

from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.summary import Summary, build_summary
from decisionaid.export.render import HEADINGS, clean_user_text, default_export_name, render_text
from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.screens.export import DownloadScreen, ExportScreen
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.question_box import QuestionBox
from decisionaid.tui.widgets.sources import SourceList
from decisionaid.tui.widgets.title_bar import TitleBar

NOTE_SAVE_DELAY = 0.5


class SummaryScreen(StepScreen):
    """Everything the export will hold, editable: tick boxes, own questions and a note."""

    TITLE = "Your questions"
    AUTO_FOCUS = "#summary"
    BINDINGS = [
        Binding("e,ctrl+s", "export", "Export", key_display="e/^s", id="export", tooltip="Save as a text file"),
    ]

    def __init__(self, *, export: bool = False) -> None:
        super().__init__(0)
        self.export_on_open = export
        self._note_timer = None

    def build(self) -> Summary:
        return build_summary(self.aid.pack, self.session)

    def compose(self) -> ComposeResult:
        summary = self.build()
        yield TitleBar(self.aid.pack.meta.title, self.title or "")
        with Page(id="summary", classes="page"):
            yield Static("Questions to take to your clinician", classes="page-title")
            yield Static(
                "Tab moves between questions; Space unticks one to leave it out of the saved file. "
                "Nothing here is a recommendation.",
                classes="hint",
            )
            if summary.matters:
                yield from self.listing(HEADINGS["matters"], summary.matters)
            if summary.unsure:
                yield from self.listing(HEADINGS["unsure"], summary.unsure)
            yield Static(HEADINGS["questions"], classes="subheading")
            for group in summary.groups:
                yield Static(Content(group.title), classes="topic")
                for question in group.questions:
                    yield QuestionBox(
                        question.text, question.ticked, name=question.id, classes="question", compact=True
                    )
                    yield Static(Content("Why: " + " ".join(question.reasons)), classes="reason")
            yield Static(HEADINGS["own"], classes="subheading")
            yield Vertical(*self.own_rows(), id="own-list")
            yield Input(placeholder="Type a question of your own, then press Enter", id="own-input")
            yield Static(HEADINGS["note"], classes="subheading")
            yield TextArea(self.session.note, id="note", soft_wrap=True, show_line_numbers=False)
            if summary.sure:
                lines = [
                    f"{a.text} {'Yes' if a.yes else 'No'}" + (f"\n  {a.meaning}" if a.meaning else "")
                    for a in summary.sure
                ]
                yield from self.listing(HEADINGS["sure"], lines)
            if summary.sources_read:
                yield SourceList(summary.sources_read, title=HEADINGS["sources"])
        yield Static(id="status", classes="status")
        with Horizontal(classes="nav"):
            yield Button("← Back", id="back", compact=True)
            yield Button("Export (e or Ctrl+S)", id="export", variant="primary", compact=True)
        yield Footer(show_command_palette=False)

    @staticmethod
    def listing(heading: str, lines: tuple[str, ...] | list[str]) -> ComposeResult:
        yield Static(heading, classes="subheading")
        yield Static(Content("\n".join(f"• {line}" for line in lines)), classes="listing")

    def on_mount(self) -> None:
        if self.export_on_open:
            self.action_export()

    @on(Checkbox.Changed, ".question")
    def ticked(self, event: Checkbox.Changed) -> None:
        question_id = event.checkbox.name or ""
        unticked = [q for q in self.session.unticked if q != question_id]
        self.session.unticked = unticked if event.value else [*unticked, question_id]
        self.aid.save()

    def own_rows(self) -> list[Horizontal]:
        """Each own question with a button that removes it."""
        return [
            Horizontal(
                Static(Content(f"• {text}"), classes="own"),
                Button("Remove", name=str(index), classes="remove-own", compact=True),
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
        text = clean_user_text(event.value).strip()
        if not text:
            return
        self.session.own_questions = [*self.session.own_questions, text]
        self.aid.save()
        event.input.clear()
        await self.show_own_questions()

    @on(Button.Pressed, ".remove-own")
    async def remove_own_question(self, event: Button.Pressed) -> None:
        event.stop()
        index = int(event.button.name or 0)
        self.session.own_questions = [q for i, q in enumerate(self.session.own_questions) if i != index]
        self.aid.save()
        await self.show_own_questions()
        self.query_one("#own-input").focus()

    @on(TextArea.Changed, "#note")
    def note_changed(self, event: TextArea.Changed) -> None:
        self.session.note = event.text_area.text
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_SAVE_DELAY, self.aid.save)

    def keep_typing(self) -> None:
        """Record what is typed but not yet sent: the note inside its autosave pause, and an own question
        written but not yet added with Enter (it is added, so nothing typed is lost on leaving)."""
        if self._note_timer is not None:
            self._note_timer.stop()
            self._note_timer = None
        for draft in self.query("#own-input").results(Input):
            if draft.value.strip():
                self.session.own_questions = [*self.session.own_questions, draft.value]
                draft.value = ""

    def on_unmount(self) -> None:
        self.aid.save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "next"  # the summary is the last step

    def action_export(self) -> None:
        if self.app.is_web:
            screen = DownloadScreen(self.build(), self.aid.pack, shared=self.aid.kiosk)
            self.app.push_screen(screen, self.downloaded)
            return
        home = Path.home()
        folder = self.aid.export_dir or (home if home.is_dir() else Path.cwd())
        path = folder / default_export_name(self.aid.pack, date.today())
        text = render_text(self.build(), self.aid.pack)
        self.app.push_screen(ExportScreen(text, path), self.exported)

    def exported(self, path: Path | None) -> None:
        if path is not None:
            self.query_one("#status", Static).update(Content(f"Saved to {path}"))

    def downloaded(self, name: str | None) -> None:
        if name is not None:
            self.query_one("#status", Static).update(Content(load_catalogue()("download.sent", name=name)))
