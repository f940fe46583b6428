"""The summary: the handout as it will be saved, what can change it, every question with its reasons, and export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static, TextArea

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.controller import MAX_NOTE, MAX_QUESTION, Controller, Outcome
from decisionaid.core.handout import Handout
from decisionaid.core.pages import Line
from decisionaid.core.pages.steps import SummaryPage
from decisionaid.core.session import LEANING_NOT_SURE
from decisionaid.core.summary import Summary, voice_of
from decisionaid.export.saving import Saved, default_path, save_handout
from decisionaid.tui.hints import hint
from decisionaid.tui.screens.base import StepScreen
from decisionaid.tui.screens.export import ExportScreen
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.choices import ChoiceList, numbered_choices
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.handout import HandoutView
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.question_box import QuestionBox, WrappingCheckbox
from decisionaid.tui.widgets.question_list import QuestionList
from decisionaid.tui.widgets.text_block import TextBlock
from decisionaid.tui.widgets.text_fields import NoteArea, TextField

NOTE_SAVE_DELAY = 0.5
UNSAID = "(unsaid)"  # the leaning choice that says nothing; never an option id
REST_SHOWN = ("checked-more", "sources", "crisis", "provenance")  # the rest's blocks not edited on this screen


class SummaryScreen(StepScreen):
    """Everything the export will hold, editable: who fills it in, the leaning, private answers, the questions."""

    BINDINGS = [
        Binding("e,ctrl+s", "export", "export", key_display="e/^s", id="export"),
        Binding("s", "star", "star", id="star"),
        # With no question in use, s says how to reach one.
        Binding("s", "say_how_to_star", "say_how_to_star", show=False, id="star-where"),
        Binding("a", "go_to('own-input')", "own_question", show=False, id="own-question"),
        Binding("w", "go_to('note')", "note", show=False, id="note"),
        *(Binding(str(n), "say_where_numbers_work", "choose", show=False, id=f"number-away-{n}") for n in range(1, 10)),
    ]

    def __init__(
        self, controller: Controller, page: SummaryPage, *, export: bool = False, export_dir: Path | None = None
    ) -> None:
        super().__init__(controller, page)
        self.model: SummaryPage = page
        self.export_on_open = export
        self.export_dir = export_dir
        self.last_format = "text"  # the export dialog's first choice: the format saved last
        self._note_timer: Timer | None = None
        self._below: tuple[Summary, Handout] | None = None  # what the page below the handout is made from
        self.AUTO_FOCUS = "#summary" if self.session.reader else "#reader"

    @property
    def words(self) -> Catalogue:
        return self.controller.words

    def build(self) -> Summary:
        """The questions and statements the answers lead to, as the page now shows them."""
        return self.rebuilt().summary

    def rebuilt(self) -> SummaryPage:
        """The page model made afresh from the answers as they are now."""
        return self.refresh_model()  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        page, words = self.model, self.words
        summary, handout = page.summary, page.handout
        yield self.title_bar()
        with Page(id="summary", classes="page"):
            yield TextBlock(
                [
                    [Line(page.title, "title")],
                    [Line(page.hint, "hint")],
                    [Line(words("handout_keys.tui_hint"), "hint")],
                    [Line(words("summary.reader"), "bold")],
                ]
            )
            yield numbered_choices(
                [("self", words("summary.reader_self")), ("helper", words("summary.reader_helper"))],
                self.session.reader or None,
                words,
                id="reader",
            )
            yield HandoutView(handout, id="handout")
        self._below = (summary, handout)
        yield Static(id="status", classes="status")
        with Horizontal(classes="nav"):
            yield ActionButton(words("nav.back"), "screen.back", id="back")
            yield ActionButton(words("summary.export"), "screen.export", variant="primary", id="export")
        yield AidFooter()

    def below_the_handout(self, summary: Summary, handout: Handout) -> list[Widget]:
        """The rest of the page, after the handout: the leaning, private answers, every question, the person's own
        questions and note, and the rest of the handout. More than any window shows at first, it is made and
        mounted just after the top of the page is on screen (`show_below`)."""
        words = self.words
        return [
            *self.leaning(),
            *self.private(summary),
            Static(words("summary.all_questions"), classes="subheading"),
            Static(self.controller.star_hint("summary.questions_hint"), classes="hint"),
            QuestionList(*self.question_widgets(summary), id="questions"),
            Static(self.voiced("handout.own"), id="own-heading", classes="subheading"),
            Vertical(*self.own_rows(), id="own-list"),
            TextField(
                self.session.own_draft,
                limit=MAX_QUESTION,
                too_long=words("typing.field_full", limit=words.number(MAX_QUESTION)),
                placeholder=words("summary.own_placeholder"),
                id="own-input",
            ),
            Static(self.voiced("handout.note"), id="note-heading", classes="subheading"),
            NoteArea(
                self.session.note,
                limit=MAX_NOTE,
                too_long=words("typing.field_full", limit=words.number(MAX_NOTE)),
                id="note",
                soft_wrap=True,
                show_line_numbers=False,
            ),
            HandoutView(handout, rest=True, kinds=REST_SHOWN, id="rest"),
        ]

    def voiced(self, key: str) -> str:
        """A heading in the voice of whoever fills the aid in."""
        return self.words.in_voice(voice_of(self.session.reader))(key)

    def leaning(self) -> ComposeResult:
        """The option the person leans towards now, OPDG style: the pack's options, 'not sure yet', or nothing."""
        words = self.words
        choices = [(o.id, o.name) for o in self.pack.options]
        choices += [(LEANING_NOT_SURE, words("summary.leaning_not_sure")), (UNSAID, words("summary.leaning_unsaid"))]
        yield Static(words("summary.leaning"), classes="prompt")
        yield numbered_choices(choices, self.session.leaning or None, words, id="leaning")

    def private(self, summary: Summary) -> ComposeResult:
        """A tick box per private answer: ticked, it goes into the saved file."""
        if not summary.private:
            return
        yield Static(self.words("summary.private"), classes="subheading")
        yield Static(self.words("summary.private_hint"), classes="hint")
        for answer in summary.private:
            yield WrappingCheckbox(
                Content(answer.text), answer.included, name=answer.item, id=f"private-{answer.item}", classes="private"
            )

    def question_widgets(self, summary: Summary) -> Iterator[Widget]:
        """Each topic's title, then each question's tick box and the reasons it is on the list, made as needed."""
        words = self.words
        left_out, star = words("summary.left_out"), words("summary.star_mark")
        for group in summary.groups:
            yield Static(Content(group.title), classes="topic")
            for question in group.questions:
                yield QuestionBox(
                    question.text,
                    question.ticked,
                    left_out,
                    star=star,
                    starred=question.starred,
                    name=question.id,
                    id=f"question-{question.id}",
                    classes="question",
                    compact=True,
                )
                yield Static(Content(words("summary.why", reasons=" ".join(question.reasons))), classes="reason")

    def own_rows(self) -> list[Horizontal]:
        """Each own question with a button that stars it and one that removes it."""
        words, session = self.words, self.session
        rows = []
        for index, text in enumerate(session.own_questions):
            starred = text in session.starred_own
            mark = f"{words('summary.star_mark')} " if starred else ""
            rows.append(
                Horizontal(
                    Static(Content(f"• {mark}{text}"), classes="own"),
                    Button(
                        words("summary.unstar" if starred else "summary.star"),
                        name=str(index),
                        id=f"star-own-{index}",
                        classes="star-own",
                        compact=True,
                    ),
                    Button(
                        words("summary.remove"),
                        name=str(index),
                        id=f"remove-own-{index}",
                        classes="remove-own",
                        compact=True,
                    ),
                    classes="own-row",
                )
            )
        return rows

    # --- after a change --------------------------------------------------------------

    async def show_below(self) -> None:
        """Make and mount the page below the handout (once; any change first waits for it)."""
        below, self._below = self._below, None
        if below is not None:
            await self.query_one("#summary", Page).mount_all(self.below_the_handout(*below))

    async def show_handout(self) -> None:
        """Show the handout again, as the export would now say it."""
        await self.show_below()
        handout = self.rebuilt().handout
        self.query_one("#handout", HandoutView).show(handout)
        self.query_one("#rest", HandoutView).show(handout)
        self.keep_focus_in_view()

    async def show_questions(self) -> None:
        """Lay out the questions again: who fills it in and private answers change their reasons and the list."""
        await self.show_below()
        questions = self.query_one("#questions")
        await questions.remove_children()
        await questions.mount_all(self.question_widgets(self.build()))
        self.keep_focus_in_view()

    async def show_own_questions(self) -> None:
        own_list = self.query_one("#own-list")
        await own_list.remove_children()
        await own_list.mount_all(self.own_rows())
        self.keep_focus_in_view()

    def keep_focus_in_view(self) -> None:
        """What is shown again above the widget in use may push it down: once laid out, it is scrolled back into
        view, so that a person typing (a quick Tab to the note, say) always sees what they type. The widget is the
        one in use once laid out, not the one in use now: a Tab in between would be scrolled away from."""
        self.call_after_refresh(self.show_focused)

    def show_focused(self) -> None:
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)

    def say(self, outcome: Outcome) -> None:
        """Report a problem to the app, and say what was done in the status line."""
        self.report(outcome)
        if outcome.said:
            self.query_one("#status", Static).update(Content(outcome.said))

    # --- choices and tick boxes --------------------------------------------------------

    @on(ChoiceList.Chosen, "#reader")
    async def reader_chosen(self, event: ChoiceList.Chosen) -> None:
        self.report(self.controller.set_reader(event.choice_id))
        await self.show_below()
        self.query_one("#own-heading", Static).update(self.voiced("handout.own"))
        self.query_one("#note-heading", Static).update(self.voiced("handout.note"))
        await self.show_questions()
        await self.show_handout()

    @on(ChoiceList.Chosen, "#leaning")
    async def leaning_chosen(self, event: ChoiceList.Chosen) -> None:
        self.report(self.controller.set_leaning("" if event.choice_id == UNSAID else event.choice_id))
        await self.show_handout()

    @on(Checkbox.Changed, ".private")
    async def private_changed(self, event: Checkbox.Changed) -> None:
        self.report(self.controller.include_private(event.checkbox.name or "", event.value))
        await self.show_questions()
        await self.show_handout()

    @on(Checkbox.Changed, ".question")
    async def ticked(self, event: Checkbox.Changed) -> None:
        box = event.checkbox
        self.report(self.controller.include_question(box.name or "", event.value))
        if isinstance(box, QuestionBox):
            self.show_question(box)
        await self.show_handout()

    def show_question(self, box: QuestionBox) -> None:
        """A question's box as the answers now have it: ticked or left out, starred or not."""
        question = next(q for q in self.rebuilt().summary.questions() if q.id == box.name)
        with box.prevent(Checkbox.Changed):
            box.value = question.ticked
        box.set_starred(question.starred)

    # --- starring ----------------------------------------------------------------------

    async def action_star(self) -> None:
        """Star or unstar the question that has the focus: a suggested one, or one of the person's own."""
        focused = self.focused
        if isinstance(focused, QuestionBox):
            starred = next(q.starred for q in self.rebuilt().summary.questions() if q.id == focused.name)
            outcome = self.controller.star_question(focused.name or "", not starred)
            self.show_question(focused)
        elif self.own_button(focused):
            await self.star_own(int(focused.name or 0))
            return
        else:
            return
        self.say(outcome)
        await self.show_handout()

    def number_keys(self) -> int:
        """No number key chooses on the page itself: its lists have their own (the keys help lists theirs)."""
        return 0

    def action_say_where_numbers_work(self) -> None:
        """A number key away from the page's numbered lists (on a tick box, a button, the page): it changes no
        answer, and says how to reach a list."""
        hint(self, self.words("summary.numbers_where"))

    def action_say_how_to_star(self) -> None:
        hint(self, self.words("summary.how_to_star"))

    @staticmethod
    def own_button(widget: Widget | None) -> bool:
        """A button in the row of one of the person's own questions."""
        return isinstance(widget, Button) and (widget.has_class("star-own") or widget.has_class("remove-own"))

    @on(Button.Pressed, ".star-own")
    async def star_own_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.star_own(int(event.button.name or 0))

    async def star_own(self, index: int) -> None:
        starred = self.session.own_questions[index] in self.session.starred_own
        self.say(self.controller.star_own_question(index, not starred))
        await self.show_own_questions()
        await self.show_handout()
        self.query(".star-own")[index].focus()

    # --- own questions and the note ------------------------------------------------------

    @on(Input.Submitted, "#own-input")
    async def add_own_question(self, event: Input.Submitted) -> None:
        outcome = self.controller.add_own_question(event.value)
        self.say(outcome)
        if outcome.done:
            event.input.clear()
            self.controller.keep_draft("")
            await self.show_own_questions()
            await self.show_handout()

    @on(Button.Pressed, ".remove-own")
    async def remove_own_question(self, event: Button.Pressed) -> None:
        event.stop()
        self.say(self.controller.remove_own_question(int(event.button.name or 0)))
        await self.show_own_questions()
        await self.show_handout()
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

    # --- leaving and exporting -----------------------------------------------------------

    async def action_go_to(self, widget_id: str) -> None:
        """Straight to the box for a question of one's own, or to the note, past every question on the list."""
        await self.show_below()
        self.query_one(f"#{widget_id}").focus()

    def on_mount(self) -> None:
        self.call_after_refresh(self.query_one("#summary").scroll_home, animate=False)  # the title, then the question
        self.call_after_refresh(self.show_below)
        if self.export_on_open:
            self.action_export()

    def on_unmount(self) -> None:
        self.report(self.controller.save())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("star", "say_how_to_star"):  # s is shown greyed out until a question has the focus
            focused = self.focused
            can_star = isinstance(focused, QuestionBox) or self.own_button(focused)
            return (can_star or None) if action == "star" else not can_star
        return action != "next"  # the summary is the last step

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_export(self) -> None:
        controller = self.controller

        app = self.app

        def save_to(fmt: str, typed: str, replace: bool, with_note: bool) -> Saved:
            saved = save_handout(controller, fmt, typed, folder=self.export_dir, replace=replace, with_note=with_note)
            if saved.done:
                self.last_format = fmt  # the dialog offers it first next time
                if fmt == "fhir":  # the note's box, shown for a record: ticked next time as it was for this one
                    app.note_in_record = with_note  # type: ignore[attr-defined]
            return saved

        path = default_path(controller, folder=self.export_dir)
        has_note = bool(controller.summary().note.strip())
        words = self.words.in_voice(voice_of(self.session.reader))
        with_note: bool = app.note_in_record  # type: ignore[attr-defined]
        dialog = ExportScreen(save_to, path, words, has_note=has_note, with_note=with_note, fmt=self.last_format)
        app.push_screen(dialog, self.exported)

    def exported(self, path: Path | None) -> None:
        """Saved: the status line says where. Cancelled: a line about an earlier save goes, so that it is not read as
        this one's."""
        said = "" if path is None else self.words("summary.saved_to", path=path)
        self.query_one("#status", Static).update(Content(said))
