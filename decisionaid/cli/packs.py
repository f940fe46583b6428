"""Finding and loading the pack a command works on, with one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path

from decisionaid.content import ContentError, Pack, load_pack
from decisionaid.paths import content_dir, pack_dirs


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
        raise PackNotFound(f"{wanted}: no such pack folder (shipped packs: {names})")
    if len(shipped) == 1:
        return next(iter(shipped.values()))
    if not shipped:
        raise PackNotFound(f"{content_dir()}: no content packs found")
    raise PackNotFound(f"several packs are installed ({', '.join(shipped)}); choose one with --pack NAME")


def load_or_report(wanted: str | None) -> Pack | None:
    """Load the pack, or print every problem on stderr and return None."""
    try:
        return load_pack(resolve_pack_dir(wanted))
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"decisionaid: {len(exc.problems)} problem(s) in the content; nothing was started", file=sys.stderr)
    return None
