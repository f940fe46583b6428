"""Starting the app: check the pack first, then import and run the TUI."""

from __future__ import annotations

import argparse

from decisionaid.cli.packs import load_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="PACK", help="a pack folder or a shipped pack's name (default: the only one)")


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack)
    if pack is None:
        return 2
    from decisionaid.app import DecisionAidApp

    app = DecisionAidApp(pack)
    app.run()
    return app.return_code or 0
