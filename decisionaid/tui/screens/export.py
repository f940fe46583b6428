"""Choosing where to save the questions, with a check before replacing a file."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from decisionaid.export.render import ExportError, ExportExists, write_export
from decisionaid.tui.screens.confirm import ConfirmScreen


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a file path and writes `text` there; returns the path written, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, text: str, default_path: Path) -> None:
        super().__init__(classes="dialog-screen")
        self.text = text
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export") as box:
            box.border_title = "Save your questions as a text file"
            yield Static("File name (Enter saves, Escape cancels):")
            yield Input(str(self.default_path), id="path")
            yield Static(id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def target(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()

    def save(self, *, force: bool = False) -> None:
        path = self.target()
        if not path.name:
            self.show_error("Type a file name first.")
            return
        try:
            write_export(self.text, path, force=force)
        except ExportExists:
            self.app.push_screen(
                ConfirmScreen(f"{path} already exists. Replace it?", "Replace"),
                lambda replace: self.save(force=True) if replace else None,
            )
        except ExportError as exc:
            self.show_error(str(exc))
        else:
            self.dismiss(path)

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(Content(message))
