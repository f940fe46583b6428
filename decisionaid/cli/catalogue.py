"""`decisionaid catalogue export-po LANG` and `import-po LANG FILE`: the interface's sentences as PO files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from decisionaid.cli.options import add_shared_options, language_help, messages
from decisionaid.core.catalogue import LOCALES, load_catalogue
from decisionaid.sanitize import display_path

PO_LIMIT = 16 * 1024 * 1024  # a PO file of every sentence is some 150 KB


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser(
        "catalogue", help=words("catalogue_cli.help"), description=words("catalogue_cli.about")
    )
    add_shared_options(parser, {"language": language_help(words)})
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export-po", help=words("catalogue_cli.export_help"))
    export.add_argument("target", metavar="LANG", help=words("catalogue_cli.language_help"))
    export.add_argument("-o", "--output", metavar="FILE", help=words("catalogue_cli.output_help"))
    export.add_argument("--force", action="store_true", help=words("export_cli.force_help"))
    export.set_defaults(handler=export_po)
    back = actions.add_parser("import-po", help=words("catalogue_cli.import_help"))
    back.add_argument("target", metavar="LANG", help=words("catalogue_cli.language_help"))
    back.add_argument("po_file", metavar="FILE", type=Path, help=words("catalogue_cli.po_help"))
    back.add_argument("-o", "--output", metavar="FILE", help=words("catalogue_cli.output_help"))
    back.add_argument("--force", action="store_true", help=words("export_cli.force_help"))
    back.set_defaults(handler=import_po)
    for action in (export, back):
        add_shared_options(action, {"language": language_help(words)})


def _known(language: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def _english():
    from decisionaid.core.po import read_commented

    return read_commented((LOCALES / "en.toml").read_text(encoding="utf-8"))


def export_po(args: argparse.Namespace) -> int:
    from decisionaid.core.po import Commented, read_commented, to_po

    words = messages(args)
    if not _known(args.target):
        print(words("catalogue_cli.no_language", language=args.target), file=sys.stderr)
        return 2
    english = _english()
    shipped = LOCALES / f"{args.target}.toml"
    if shipped.is_file():
        translated = read_commented(shipped.read_text(encoding="utf-8"))
    else:
        translated = Commented(dict.fromkeys(english.entries, ""))
    return _write(to_po(english, translated, args.target).decode("utf-8"), args, words)


def import_po(args: argparse.Namespace) -> int:
    from decisionaid.core.po import PoError, from_po
    from decisionaid.storage.files import FileReadError, read_file_bytes

    words = messages(args)
    if not _known(args.target):
        print(words("catalogue_cli.no_language", language=args.target), file=sys.stderr)
        return 2
    where = display_path(args.po_file)
    try:
        text = from_po(_english(), read_file_bytes(args.po_file, PO_LIMIT), args.target)
    except OSError as exc:
        if isinstance(exc, FileReadError):
            problem = words(f"file_problem.{exc.code}", **exc.values)
        else:
            problem = words("file_problem.cannot_read", reason=exc.strerror or type(exc).__name__)
        print(words("catalogue_cli.problem", path=where, problem=problem), file=sys.stderr)
        return 2
    except PoError as exc:
        problem = words(f"catalogue_cli.{exc.code}", **exc.values)
        print(words("catalogue_cli.problem", path=where, problem=problem), file=sys.stderr)
        return 2
    return _write(text, args, words)


def _write(text: str, args: argparse.Namespace, words) -> int:
    """`text` to standard output, or to the file `-o` names (replaced only with --force)."""
    from decisionaid.cli.export import write_result
    from decisionaid.export.files import expand_home

    output = None if args.output in (None, "-") else expand_home(args.output)
    return write_result(text, output, force=args.force, words=words)
