"""Finding and loading the packs a command works on, with one-line errors.

Heavy modules (pydantic models) are imported inside the functions, so `--help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import load_catalogue
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
        names = ", ".join(shipped) or load_catalogue()("cli.none")
        raise PackNotFound(load_catalogue()("cli.no_such_pack", wanted=wanted, names=names))
    if len(shipped) == 1:
        return next(iter(shipped.values()))
    if not shipped:
        raise PackNotFound(load_catalogue()("cli.no_packs_in", folder=content_dir()))
    raise PackNotFound(load_catalogue()("cli.several_packs", names=", ".join(shipped)))


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
        print(load_catalogue()("cli.problems_nothing_started", count=len(exc.problems)), file=sys.stderr)
    return None


def chosen_folders(wanted: Sequence[str]) -> list[Path] | None:
    """The named pack folders, or every shipped pack; None (after one line on stderr) if any is missing."""
    try:
        folders = [resolve_pack_dir(name) for name in wanted] if wanted else pack_dirs()
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
        return None
    if not folders:
        print(load_catalogue()("cli.no_packs"), file=sys.stderr)
        return None
    return folders


def each_loaded(folders: Sequence[Path]) -> Iterator[tuple[Path, Pack | None]]:
    """Load each folder in turn; a pack that fails has its problems printed and yields None."""
    from decisionaid.content import ContentError, load_pack
    from decisionaid.content.problems import display_path

    for folder in folders:
        try:
            yield folder, load_pack(folder)
        except ContentError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(
                load_catalogue()("cli.problems_in", folder=display_path(folder), count=len(exc.problems)),
                file=sys.stderr,
            )
            yield folder, None
