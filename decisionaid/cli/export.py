"""`decisionaid export`: the list of questions from saved answers, as text or Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from decisionaid.cli.packs import load_or_report
from decisionaid.core.catalogue import load_catalogue
from decisionaid.plain.output import write_out
from decisionaid.sanitize import display_path
from decisionaid.storage.paths import session_path


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export",
        help="print or save your list of questions from your saved answers",
        description="Build your list of questions from saved answers, without starting "
        "the aid. Writes to standard output unless -o FILE is given. Answers that no longer match the "
        "pack are named on stderr and left out. Exits 2, with one line on stderr, when the pack or the "
        "answers cannot be used or the file cannot be written.",
    )
    parser.add_argument("--pack", metavar="PACK", help="a pack folder or a shipped pack's name (default: the only one)")
    parser.add_argument(
        "--session",
        metavar="FILE",
        type=Path,
        help="the answers file (default: the one the aid saves for this pack)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "md"),
        help="text (wrapped at 72 columns) or md (Markdown); default: md for a FILE ending in .md, else text",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="save to FILE instead; '-' means standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from decisionaid.core.session import SessionError, load_session, set_aside_unknown
    from decisionaid.core.summary import build_summary
    from decisionaid.export.render import ExportError, ExportExists, render, write_export

    pack = load_or_report(args.pack)
    if pack is None:
        return 2
    path = args.session or session_path(pack.meta.id)
    if args.session is None and _missing(path):
        print(_no_answers(path, pack.meta.id), file=sys.stderr)
        return 2
    try:
        session = load_session(path)
    except SessionError as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
        return 2
    where = display_path(path)
    if session.pack != pack.meta.id:
        print(
            f"decisionaid: {where}: pack: these answers are for '{session.pack}', not '{pack.meta.id}'", file=sys.stderr
        )
        return 2
    for unknown in set_aside_unknown(session, pack).unknown_answers():
        print(f"{where}: {unknown}: ignored, not in this pack", file=sys.stderr)
    to_stdout = args.output in (None, "-")
    fmt = args.format or ("md" if not to_stdout and args.output.lower().endswith(".md") else "text")
    text = render(build_summary(pack, session), pack, fmt)
    if to_stdout:
        write_out(sys.stdout, text)
        return 0
    try:
        write_export(text, Path(args.output), force=args.force)
    except ExportExists as exc:
        print(f"decisionaid: {exc} (use --force to replace it)", file=sys.stderr)
        return 2
    except ExportError as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
        return 2
    print(f"Saved to {display_path(Path(args.output))}", file=sys.stderr)
    return 0


def _missing(path: Path) -> bool:
    """True only when nothing at all is at `path`; a file that cannot be reached is for load_session to explain."""
    try:
        path.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _no_answers(path: Path, pack_id: str) -> str:
    """No answers file: say so, naming the file a bad one was moved to when there is one."""
    words = load_catalogue()
    where = display_path(path)
    backups = _backups(path)
    if backups:
        return words("export_cli.only_backup", path=where, pack=pack_id, backup=display_path(backups[-1]))
    return words("export_cli.no_answers", path=where, pack=pack_id)


def _backups(path: Path) -> list[Path]:
    """The files an unreadable answers file was moved aside to ('<name>.bad-<date>'), oldest first."""
    try:
        return sorted(path.parent.glob(f"{path.name}.bad-*"), key=lambda p: p.name)
    except OSError:
        return []
