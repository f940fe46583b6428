"""`decisionaid new DIR`: start a pack from a small example that validates, each field explained in a comment."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from datetime import date, timedelta
from pathlib import Path
from string import Template

from decisionaid.cli.options import add_shared_options, language_help, messages
from decisionaid.core.catalogue import load_catalogue
from decisionaid.sanitize import display_path

STARTER = Path(__file__).parent / "starter"
REVIEW_AFTER = timedelta(days=365)
DEFAULT_ID = "my-pack"
_NOT_ID = re.compile(r"[^a-z0-9_-]+")


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("new", help=words("new_cli.help"), description=words("new_cli.about"))
    parser.add_argument("folder", metavar="DIR", type=Path, help=words("new_cli.folder_help"))
    add_shared_options(parser, {"language": language_help(words)})
    parser.set_defaults(handler=run)


def pack_id_for(folder: Path) -> str:
    """An id from the folder's name, as the pack format allows ids: 'My Pack' -> 'my-pack'."""
    made = _NOT_ID.sub("-", folder.resolve().name.lower()).strip("-_")[:64].rstrip("-_")
    return made or DEFAULT_ID


def starter_files(folder: Path, today: date) -> dict[str, str]:
    """The example pack's files, by name, with its id, its dates and the folder filled in."""
    values = {
        "pack_id": pack_id_for(folder),
        "today": today.isoformat(),
        "review_due": (today + REVIEW_AFTER).isoformat(),
        "year": str(today.year),
        "folder": shlex.quote(display_path(folder)),
    }
    return {
        path.name: Template(path.read_text(encoding="utf-8")).substitute(values)
        for path in sorted(STARTER.glob("*.toml"))
    }


def run(args: argparse.Namespace) -> int:
    words = messages(args)
    folder: Path = args.folder
    where = display_path(folder)
    written: list[Path] = []
    try:
        if folder.exists() and not folder.is_dir():
            print(words("new_cli.not_a_folder", folder=where), file=sys.stderr)
            return 2
        if folder.is_dir() and any(folder.iterdir()):
            print(words("new_cli.not_empty", folder=where), file=sys.stderr)
            return 2
        files = starter_files(folder, date.today())
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            with (folder / name).open("x", encoding="utf-8") as out:
                written.append(folder / name)
                out.write(text)
    except OSError as exc:
        for path in written:  # no half-made pack is left behind
            path.unlink(missing_ok=True)
        print(words("new_cli.cannot_write", folder=where, reason=exc.strerror or exc), file=sys.stderr)
        return 2
    print(words("new_cli.written", folder=where, files=", ".join(files), argument=shlex.quote(where)))
    return 0
