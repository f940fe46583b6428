"""Saving the handout to a file, the one way every front end does it: one default folder, one rule for the file
name's ending, and problems said in the interface's language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.export.files import (
    ExportError,
    ExportExists,
    default_export_name,
    expand_home,
    file_and_format,
    write_export,
)
from decisionaid.export.render import render
from decisionaid.storage.paths import export_dir

if TYPE_CHECKING:
    from decisionaid.core.controller import Controller


@dataclass(frozen=True)
class Saved:
    """What saving did: the file written, or the reason it was not (`exists`: there is a file of that name, and
    replacing it was not asked for)."""

    path: Path
    problem: str | None = None
    exists: bool = False

    @property
    def done(self) -> bool:
        return self.problem is None


def default_path(controller: Controller, fmt: str = "text", folder: Path | None = None) -> Path:
    """Where the handout goes unless the person says otherwise, e.g. '~/Documents/ketamine-handout-2026-12-07.txt'."""
    name = default_export_name(controller.pack, controller.today(), fmt=fmt, words=controller.words)
    return (folder or export_dir()) / name


def typed_path(typed: str, folder: Path) -> Path:
    """A file name as typed: `~` made the home folder, and a name without a folder put in `folder` (where the
    prompt said it would go); a `~user` with no such user is left for writing to refuse."""
    path = expand_home(typed)
    return path if path.is_absolute() or typed.startswith("~") else folder / path


def save_handout(
    controller: Controller,
    fmt: str,
    typed: str | Path,
    *,
    folder: Path | None = None,
    replace: bool = False,
    with_note: bool = False,
) -> Saved:
    """Write the handout of the answers so far to the file named as typed (a name without a folder goes in
    `folder`, by default where handouts go); an existing file only with `replace`; the person's note in a FHIR
    record only `with_note`."""
    path, fmt = file_and_format(typed_path(str(typed), folder or export_dir()), fmt)
    words = controller.words
    text = render(
        controller.summary(), controller.pack, fmt, today=controller.today(), words=words, with_note=with_note
    )
    try:
        write_export(text, path, force=replace, words=words)
    except ExportExists as exc:
        return Saved(path, str(exc), exists=True)
    except ExportError as exc:
        return Saved(path, str(exc))
    return Saved(path.absolute())
