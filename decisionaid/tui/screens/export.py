"""Saving the questions: to a chosen file in a terminal, or as a download in a browser."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from decisionaid.core.catalogue import Catalogue
from decisionaid.export.render import ExportError, ExportExists, default_export_name, render, write_export
from decisionaid.tui.screens.confirm import ConfirmScreen
from decisionaid.tui.widgets.text_fields import PATH_LIMIT, CleanInput

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.summary import Summary


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a file path and writes `text` there; returns the path written, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, text: str, default_path: Path, words: Catalogue) -> None:
        super().__init__(classes="dialog-screen")
        self.text = text
        self.default_path = default_path
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export") as box:
            box.border_title = self.words("export.title")
            yield Static(self.words("export.file_name"))
            yield CleanInput(
                str(self.default_path),
                limit=PATH_LIMIT,
                too_long=self.words("typing.field_full", limit=f"{PATH_LIMIT:,}"),
                id="path",
            )
            yield Static(id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.words("export.save"), id="save", action="screen.save", variant="primary")
                yield Button(self.words("export.cancel"), id="cancel", action="screen.cancel")

    def on_input_submitted(self) -> None:
        self.save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def target(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()

    def action_save(self) -> None:
        self.save()

    def save(self, *, force: bool = False) -> None:
        path = self.target()
        if not path.name:
            self.show_error(self.words("export.no_name"))
            return
        try:
            write_export(self.text, path, force=force)
        except ExportExists:
            self.app.push_screen(
                ConfirmScreen(self.words("export.replace", path=path), self.words("export.replace_button"), self.words),
                lambda replace: self.save(force=True) if replace else None,
            )
        except ExportError as exc:
            self.show_error(str(exc))
        else:
            self.dismiss(path)

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(Content(message))


MIME_TYPES = {"text": "text/plain", "md": "text/markdown"}


class DownloadScreen(ModalScreen[str | None]):
    """In a browser: hands the questions to the browser as a file, in each export format.

    Returns the file name sent, or None when cancelled. On a shared computer it reminds the person
    that the browser keeps what it downloads.
    """

    BINDINGS = [
        Binding("t", "download('text')", "Text file", id="download-text"),
        Binding("m", "download('md')", "Markdown", id="download-md"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, summary: Summary, pack: Pack, words: Catalogue, *, shared: bool) -> None:
        super().__init__(classes="dialog-screen")
        self.summary = summary
        self.pack = pack
        self.words = words
        self.shared = shared

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(classes="dialog", id="download") as box:
            box.border_title = words("download.title")
            yield Static(Content(words("download.intro")))
            if self.shared:
                yield Static(Content(words("download.shared")), id="shared", classes="notice")
            with Horizontal(classes="buttons"):
                yield Button(Content(words("download.text")), action="screen.download('text')", variant="primary")
                yield Button(Content(words("download.markdown")), action="screen.download('md')")
                yield Button(Content(words("download.cancel")), action="screen.cancel")

    def action_download(self, fmt: str) -> None:
        name = default_export_name(self.pack, date.today(), fmt=fmt)
        text = render(self.summary, self.pack, fmt)
        self.app.deliver_text(io.StringIO(text), save_filename=name, mime_type=MIME_TYPES[fmt], encoding="utf-8")
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
