"""Starting the app: check the pack first, then run the TUI, or plain text with --plain or TERM=dumb."""

from __future__ import annotations

import argparse
import os
import sys

from decisionaid.cli.packs import load_or_report
from decisionaid.core.catalogue import Catalogue


def add_arguments(parser: argparse.ArgumentParser, words: Catalogue) -> None:
    parser.add_argument("--pack", metavar="PACK", help=words("cli.pack_help"))
    parser.add_argument("--theme", metavar="NAME", help=words("cli.theme_help"))
    parser.add_argument("--plain", action="store_true", help=words("cli.plain_help"))


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain text when asked for, or when the terminal cannot move the cursor."""
    return args.plain or os.environ.get("TERM") == "dumb"


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack)
    if pack is None:
        return 2
    if wants_plain(args):
        from decisionaid.plain.main import run_plain

        return run_plain(pack)
    from decisionaid.tui.factory import make_app

    app = make_app(pack, theme=args.theme)
    if args.theme and app.theme != args.theme:
        names = ", ".join(sorted(app.available_themes))
        print(app.words("cli.no_theme", theme=args.theme, names=names), file=sys.stderr)
        return 2
    app.run()
    if app.farewell:
        print(app.farewell, file=sys.stderr)
    return app.return_code or 0
