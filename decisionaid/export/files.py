"""Writing an export: the formats and their file names, and a safe, private, atomic write."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, load_catalogue
from decisionaid.core.session import file_problem
from decisionaid.export import SUFFIXES
from decisionaid.sanitize import display_path
from decisionaid.storage.files import atomic_write

if TYPE_CHECKING:
    from decisionaid.content.models import Pack


class ExportError(Exception):
    """An export that could not be written, with a one-line reason naming the path."""


class ExportExists(ExportError):
    """The export file is already there and replacing it was not asked for."""


def default_export_name(pack: Pack, today: date, *, fmt: str = "text", words: Catalogue | None = None) -> str:
    """The suggested file name, e.g. 'ketamine-handout-2026-11-21.txt' ('...-resumen-...' in Spanish)."""
    stem = (words or load_catalogue())("export.file_stem", pack=pack.meta.id, day=today.isoformat())
    return f"{stem}{SUFFIXES[fmt]}"


def format_for(path: Path | str) -> str | None:
    """The format a file name asks for by its ending (.txt, .md, .html, .htm or .json), or None for any other."""
    return {".txt": "text", ".md": "md", ".html": "html", ".htm": "html", ".json": "fhir"}.get(
        Path(path).suffix.lower()
    )


def file_and_format(path: Path, fmt: str) -> tuple[Path, str]:
    """A name without an ending gets the chosen format's, unless something is already there under that very
    name (it is then checked, never passed over); a name with a known ending sets the format."""
    if not path.suffix and not _taken(path):
        return path.with_suffix(SUFFIXES[fmt]), fmt
    return path, format_for(path) or fmt


def _taken(path: Path) -> bool:
    """Something is there under that name (a name the system cannot even look up is left for writing to refuse)."""
    try:
        return path.is_symlink() or path.exists()
    except OSError:
        return False


def expand_home(typed: str) -> Path:
    """A typed file name with `~` or `~user` at its start made that home folder; left as typed when there is no
    such user (writing it then says so)."""
    try:
        return Path(typed).expanduser()
    except RuntimeError:  # no home folder for that user
        return Path(typed)


def write_export(text: str, path: Path, *, force: bool = False, words: Catalogue | None = None) -> None:
    """Write atomically with mode 0600; never through a symlink; an existing file only with force. ExportError, one
    line naming the path, for any name that cannot be written (too long, a `~user` with no such user...)."""
    path = Path(path)
    words = words or load_catalogue()
    where = display_path(path)
    if path.parts and path.parts[0].startswith("~"):
        raise ExportError(words("export_file.no_such_user", path=where, user=path.parts[0][1:]))
    try:
        if path.is_symlink():
            raise ExportError(words("export_file.symlink", path=where))
        if path.is_dir():
            raise ExportError(words("export_file.folder", path=where))
        if path.exists() and not path.is_file():
            raise ExportError(words("export_file.not_regular", path=where))
        if path.exists() and not force:
            raise ExportExists(words("export_file.exists", path=where))
        atomic_write(path, text, replace=force)
    except FileExistsError:
        raise ExportExists(words("export_file.exists", path=where)) from None
    except OSError as exc:
        raise ExportError(words("export_file.cannot_write", path=where, reason=file_problem(exc, words))) from None
