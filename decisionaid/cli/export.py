"""`decisionaid export`: the handout from saved answers, as text, Markdown, a web page to print or a FHIR record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from decisionaid.cache.catalogues import keep_parsed
from decisionaid.cli.options import add_shared_options, language_help, messages
from decisionaid.cli.packs import load_or_report
from decisionaid.core.catalogue import Catalogue, load_catalogue, words_for
from decisionaid.export import FORMATS
from decisionaid.plain.output import write_out
from decisionaid.sanitize import display_path
from decisionaid.storage.paths import session_path


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("export", help=words("export_cli.help"), description=words("export_cli.about"))
    add_shared_options(parser, {"pack": words("export_cli.pack_help"), "language": language_help(words)})
    parser.add_argument("--session", metavar="FILE", type=Path, help=words("export_cli.session_help"))
    parser.add_argument("--format", choices=FORMATS, help=words("export_cli.format_help"))
    parser.add_argument("-o", "--output", metavar="FILE", help=words("export_cli.output_help"))
    parser.add_argument("--force", action="store_true", help=words("export_cli.force_help"))
    parser.add_argument("--with-note", action="store_true", help=words("export_cli.with_note_help"))
    parser.set_defaults(handler=run)


SHOWN_IGNORED = 3  # answers for ids the pack no longer has, named one by one; the rest are counted


def run(args: argparse.Namespace) -> int:
    from decisionaid.core.session import SessionError, load_session, set_aside_unknown
    from decisionaid.core.summary import build_summary
    from decisionaid.export.files import expand_home, file_and_format, format_for
    from decisionaid.export.render import render

    pack = load_or_report(args.pack, words=messages(args))
    if pack is None:
        return 2
    words = words_for(pack, language=args.language)
    path = args.session or session_path(pack.meta.id)
    if args.session is None and _missing(path):
        print(_no_answers(path, pack.meta.id, words), file=sys.stderr)
        return 2
    try:
        session = load_session(path)
    except SessionError as exc:
        print(words("export_cli.problem", problem=exc.line(words)), file=sys.stderr)
        return 2
    where = display_path(path)
    if session.pack != pack.meta.id:
        print(words("export_cli.other_pack", path=where, answers_pack=session.pack, pack=pack.meta.id), file=sys.stderr)
        return 2
    unknown = set_aside_unknown(session, pack).unknown_answers()
    for answer in unknown[:SHOWN_IGNORED]:
        print(words("export_cli.ignored", path=where, answer=answer), file=sys.stderr)
    if len(unknown) > SHOWN_IGNORED:
        print(words("export_cli.ignored_more", path=where, count=len(unknown) - SHOWN_IGNORED), file=sys.stderr)
    to_stdout = args.output in (None, "-")
    fmt = args.format or (None if to_stdout else format_for(args.output)) or "text"
    output = None if to_stdout else file_and_format(expand_home(args.output), fmt)[0]
    text = render(build_summary(pack, session, words), pack, fmt, words=words, with_note=args.with_note)
    keep_parsed()  # a FHIR record's translations read the other languages' sentences: kept, as the pack's are
    return write_result(text, output, force=args.force, words=words)


def write_result(text: str, output: Path | None, *, force: bool, words: Catalogue) -> int:
    """`text` to standard output (`output` None), or to the file `output` (replaced only with `force`); the exit
    status, with a line on standard error saying where it went or why it did not."""
    from decisionaid.export.files import ExportError, ExportExists, write_export

    if output is None:
        write_out(sys.stdout, text)
        return 0
    try:
        write_export(text, output, force=force, words=words)
    except ExportExists as exc:
        print(words("export_cli.exists", problem=exc), file=sys.stderr)
        return 2
    except ExportError as exc:
        print(words("export_cli.problem", problem=exc), file=sys.stderr)
        return 2
    print(words("export_cli.saved_to", path=display_path(output)), file=sys.stderr)
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


def _no_answers(path: Path, pack_id: str, words: Catalogue) -> str:
    """No answers file: say so, naming the file a bad one was moved to when there is one."""
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
