"""Finding and loading the packs a command works on, with one-line errors.

Heavy modules (pydantic models) are imported inside the functions, so `--help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.sanitize import display_path, escape_controls
from decisionaid.storage.paths import content_dir, pack_dirs

if TYPE_CHECKING:
    from decisionaid.content import Pack


class PackNotFound(Exception):
    """No pack matches what was asked for."""


def resolve_pack_dir(wanted: str | None) -> Path:
    """A pack folder from a path or a shipped pack's name; with none, the only shipped pack."""
    shipped = {p.name: p for p in pack_dirs()}
    if wanted:
        if Path(wanted).is_dir():
            return Path(wanted)
        if wanted in shipped:
            return shipped[wanted]
        names = ", ".join(shipped) or "none"
        raise PackNotFound(f"{escape_controls(wanted)}: no such pack folder (shipped packs: {names})")
    if len(shipped) == 1:
        return next(iter(shipped.values()))
    if not shipped:
        raise PackNotFound(f"{display_path(content_dir())}: no content packs found")
    raise PackNotFound(f"several packs are installed ({', '.join(shipped)}); choose one with --pack NAME")


def load_or_report(wanted: str | None) -> Pack | None:
    """Load the pack, or print every problem on stderr and return None."""
    from decisionaid.content import ContentError, load_pack

    try:
        return load_pack(resolve_pack_dir(wanted))
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"decisionaid: {len(exc.problems)} problem(s) in the content; nothing was started", file=sys.stderr)
    return None


def chosen_folders(wanted: Sequence[str]) -> list[Path] | None:
    """The named pack folders, or every shipped pack; None (after one line on stderr) if any is missing."""
    try:
        folders = [resolve_pack_dir(name) for name in wanted] if wanted else pack_dirs()
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
        return None
    if not folders:
        print("decisionaid: no content packs found", file=sys.stderr)
        return None
    return folders


def each_loaded(folders: Sequence[Path]) -> Iterator[tuple[Path, Pack | None]]:
    """Load each folder in turn; a pack that fails has its problems printed and yields None."""
    from decisionaid.content import ContentError, load_pack

    for folder in folders:
        try:
            yield folder, load_pack(folder)
        except ContentError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{display_path(folder)}: {len(exc.problems)} problem(s)", file=sys.stderr)
            yield folder, None
