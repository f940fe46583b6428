"""Starting the app: check the pack first, then run the TUI, or plain text with --plain or TERM=dumb."""

from __future__ import annotations

import argparse
import os
import sys

from decisionaid.cli.packs import load_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="PACK", help="a pack folder or a shipped pack's name (default: the only one)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme, e.g. decisionaid-high-contrast")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain text, one numbered prompt at a time: for screen readers, braille displays, simple terminals "
        "and scripts (also chosen when TERM=dumb)",
    )


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
        print(f"decisionaid: --theme: no theme called '{args.theme}' (themes: {names})", file=sys.stderr)
        return 2
    app.run()
    if app.farewell:
        print(app.farewell, file=sys.stderr)
    return app.return_code or 0
