"""Finding and loading the packs a command works on, with one-line errors.

A pack whose files were already checked is read from its compiled form (`cache.packs`); the Pydantic
models are imported only when a pack must be checked in full, so `--help` and a start stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.cache.catalogues import keep_parsed
from decisionaid.core.catalogue import Catalogue, load_catalogue, wording_problems
from decisionaid.sanitize import display_path, escape_controls
from decisionaid.storage.paths import content_dir, pack_dirs

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.admission import Trust


class PackNotFound(Exception):
    """No pack matches what was asked for."""


def resolve_pack_dir(wanted: str | None, words: Catalogue | None = None) -> Path:
    """A pack folder from a path or a shipped pack's name; with none, the only shipped pack."""
    words = words or load_catalogue()
    shipped = {p.name: p for p in pack_dirs()}
    if wanted:
        if Path(wanted).is_dir():
            return Path(wanted)
        if wanted in shipped:
            return shipped[wanted]
        names = ", ".join(shipped) or words("cli.none")
        raise PackNotFound(words("cli.no_such_pack", wanted=escape_controls(wanted), names=names))
    if len(shipped) == 1:
        return next(iter(shipped.values()))
    if not shipped:
        raise PackNotFound(words("cli.no_packs_in", folder=display_path(content_dir())))
    raise PackNotFound(words("cli.several_packs", names=", ".join(shipped)))


def load_or_report(
    wanted: str | None, *, keep: bool = True, words: Catalogue | None = None, trust: Trust | None = None
) -> Pack | None:
    """Open the pack (checked in full unless unchanged since it was), or print every problem in `words`' language
    and return None.

    With `keep` false nothing is written to the cache folder. With `trust` (to open the aid) a retired pack, an
    older one than this install has opened, or an unsigned one when signing is required is refused in one line.
    """
    from decisionaid.cache.packs import open_pack
    from decisionaid.content import ContentError

    words = words or load_catalogue()
    try:
        folder = resolve_pack_dir(wanted, words)
        pack = open_pack(folder, keep=keep)
        if keep:
            keep_parsed()  # the interface's sentences, kept as the pack is, for the next start
        problems = wording_problems(pack, folder)
        if problems:
            raise ContentError(problems)
        if trust is not None:
            from decisionaid.core.admission import opened, refusal  # here: only opening the aid checks the release

            if refused := refusal(pack, folder, trust, words):
                print(refused, file=sys.stderr)
                return None
            opened(pack, trust)
        return pack
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
    except ContentError as exc:
        for line in exc.lines(words):
            print(line, file=sys.stderr)
        print(words("cli.problems_nothing_started", count=len(exc.problems)), file=sys.stderr)
    return None


def chosen_folders(wanted: Sequence[str], words: Catalogue | None = None) -> tuple[list[Path], bool]:
    """The named pack folders, or every shipped pack, and whether all were found; each one not found, or none at
    all, is one line on stderr."""
    words = words or load_catalogue()
    if not wanted:
        folders = pack_dirs()
        if not folders:
            print(words("cli.no_packs"), file=sys.stderr)
        return folders, bool(folders)
    folders = []
    for name in wanted:
        try:
            folders.append(resolve_pack_dir(name, words))
        except PackNotFound as exc:
            print(f"decisionaid: {exc}", file=sys.stderr)
    return folders, len(folders) == len(wanted)


def each_loaded(
    folders: Sequence[Path], *, models: bool = False, words: Catalogue | None = None
) -> Iterator[tuple[Path, Pack | None]]:
    """Open each folder in turn; a pack that fails has its problems printed (in `words`' language) and yields None.

    With `models` every pack is checked in full, never read compiled (it is the same records either way), and
    files changed since the pack's last release are not refused (lint compares them with that release).
    """
    from decisionaid.cache.packs import open_pack
    from decisionaid.content import ContentError

    words = words or load_catalogue()
    for folder in folders:
        try:
            if models:
                from decisionaid.content import load_pack

                pack = load_pack(folder, check_release=False)
            else:
                pack = open_pack(folder)
                keep_parsed()
            problems = wording_problems(pack, folder)
            if problems:
                raise ContentError(problems)
            yield folder, pack
        except ContentError as exc:
            for line in exc.lines(words):
                print(line, file=sys.stderr)
            print(words("cli.problems_in", folder=display_path(folder), count=len(exc.problems)), file=sys.stderr)
            yield folder, None
