"""Saving the handout: in a format, to a chosen file in a terminal, or as a download in a browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from decisionaid.core.catalogue import Catalogue
from decisionaid.export import FORMATS, SUFFIXES
from decisionaid.export.saving import Saved
from decisionaid.tui.hints import clear_hints
from decisionaid.tui.keys import LabelledScreen
from decisionaid.tui.screens.confirm import ConfirmScreen
from decisionaid.tui.speedups.overrides import StyledOnce
from decisionaid.tui.widgets.choices import ChoiceList, numbered_choices
from decisionaid.tui.widgets.text_fields import PATH_LIMIT, CleanInput
from decisionaid.tui.widgets.tick_box import TickBox


class ExportScreen(StyledOnce, LabelledScreen, ModalScreen[Path | None]):
    """Asks for a format and a file path and writes the export there; returns the path written, or None.

    The format comes first and has the focus, so a number key picks one. Choosing a format changes the file
    name's ending; a name typed with a known ending (.txt, .md, .html)
    is written in that format. The file name's field never selects the whole name as it gets the focus. While
    the suggested name is untouched, a format's number pressed in the field picks that format, as on the list (a
    tired reader who pressed Tab first means the format, not a name ending in "3"); once the name is edited, a
    number is part of it.
    """

    AUTO_FOCUS = "#format"  # a number key picks a format; it never types over the file's name
    BINDINGS = [
        Binding("escape", "cancel", "cancel", id="cancel"),
        Binding("enter", "save_as_chosen", "export", show=False, priority=True, id="save-as-chosen"),
    ]

    def __init__(
        self,
        save_to: Callable[[str, str, bool, bool], Saved],
        default_path: Path,
        words: Catalogue,
        *,
        has_note: bool = False,
        with_note: bool = False,
        fmt: str = "text",
    ) -> None:
        """`save_to(format, name as typed, replace, with the note)` writes the handout; a person who wrote a note
        (`has_note`) is asked whether a record should hold it, the box ticked as `with_note`. `fmt` is chosen at
        first: the last one used."""
        super().__init__(classes="dialog-screen")
        self.save_to = save_to
        self.default_path = default_path.with_suffix(SUFFIXES[fmt])
        self.words = words
        self.fmt = fmt
        self.has_note = has_note
        self.with_note = with_note
        self.suggested = str(self.default_path)  # the name as the dialog last set it; None once the person edits it

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export") as box:
            box.border_title = self.words("export.title")
            yield Static(self.words("export.format"))
            formats = [(f, self.words(f"formats.{f}")) for f in FORMATS]
            yield numbered_choices(formats, self.fmt, self.words, chosen_mark=self.words("export.chosen"), id="format")
            with_note = TickBox(self.words("export.with_note"), self.with_note, id="with-note")
            with_note.display = self.fmt == "fhir" and self.has_note  # for a FHIR record, when there is a note
            yield with_note
            yield Static(self.words("export.file_name"))
            yield CleanInput(
                str(self.default_path),
                limit=PATH_LIMIT,
                too_long=self.words("typing.field_full", limit=self.words.number(PATH_LIMIT)),
                select_on_focus=False,
                id="path",
            )
            yield Static(id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.words("export.save"), id="save", action="screen.save", variant="primary")
                yield Button(self.words("export.cancel"), id="cancel", action="screen.cancel")

    def on_mount(self) -> None:
        """A notice from the page below would lie over the dialog's buttons and its "Saved to" line."""
        clear_hints(self.app)

    @on(ChoiceList.Chosen, "#format")
    def format_chosen(self, event: ChoiceList.Chosen) -> None:
        self.use_format(event.choice_id)

    def use_format(self, fmt: str) -> None:
        """The chosen format, and the file name given its ending."""
        self.fmt = fmt
        self.query_one("#with-note").display = fmt == "fhir" and self.has_note
        path_input = self.query_one("#path", Input)
        typed = Path(path_input.value.strip())
        if typed.name:
            value = str(typed.with_suffix(SUFFIXES[self.fmt]))
            if self.suggested is not None:
                self.suggested = value
            path_input.value = value
            path_input.action_end()  # what is typed next goes after the name, as when the dialog opened

    @on(Input.Changed, "#path")
    def name_changed(self, event: Input.Changed) -> None:
        """A format's number added to the untouched name picks that format; any other change is the person's."""
        if self.suggested is None or event.value == self.suggested:
            return
        added = event.value.removeprefix(self.suggested)
        if event.value.startswith(self.suggested) and added.isdigit() and 1 <= int(added) <= len(FORMATS):
            formats = self.query_one("#format", ChoiceList)
            self.use_format(formats.choices[int(added) - 1][0])
            formats.pick(int(added) - 1)
            event.input.value = self.suggested
            event.input.action_end()
            return
        self.suggested = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_as_chosen":  # Enter on the formats or the note's tick box (Space ticks it); elsewhere
            return isinstance(self.focused, (ChoiceList, Checkbox))  # Enter is the field's or the button's
        return True

    def action_save_as_chosen(self) -> None:
        """Enter on the formats: the highlighted format (when it is not the chosen one already), then save; Enter on
        the note's tick box saves as it is ticked."""
        if isinstance(self.focused, Checkbox):
            self.save()
            return
        formats = self.query_one("#format", ChoiceList)
        highlighted = formats.highlighted or 0
        if formats.choices[highlighted][0] != self.fmt:
            self.use_format(formats.choices[highlighted][0])
            formats.pick(highlighted)  # marked as chosen; its message finds the format in use already
        self.save()

    def on_input_submitted(self) -> None:
        self.save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        self.save()

    def save(self, *, force: bool = False) -> None:
        typed = self.query_one("#path", Input).value.strip()
        if not Path(typed).name:
            self.show_error(self.words("export.no_name"))
            return
        with_note = self.fmt == "fhir" and self.query_one("#with-note", Checkbox).value
        saved = self.save_to(self.fmt, typed, force, with_note)
        if saved.exists:
            self.app.push_screen(
                ConfirmScreen(
                    self.words("export.replace", path=saved.path), self.words("export.replace_button"), self.words
                ),
                lambda replace: self.save(force=True) if replace else None,
            )
        elif not saved.done:
            self.show_error(saved.problem or "")
        else:
            self.dismiss(saved.path)

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(Content(message))
