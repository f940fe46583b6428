"""Starting the app: check the pack first, then import and run the TUI."""

from __future__ import annotations

import argparse
import sys

from decisionaid.cli.packs import load_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="PACK", help="a pack folder or a shipped pack's name (default: the only one)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme, e.g. decisionaid-high-contrast")


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack)
    if pack is None:
        return 2
    from decisionaid.app import DecisionAidApp
    from decisionaid.paths import session_path, settings_path
    from decisionaid.store import SessionStore

    store = SessionStore(session_path(pack.meta.id))
    app = DecisionAidApp(pack, store, theme=args.theme, settings_path=settings_path())
    if args.theme and app.theme != args.theme:
        names = ", ".join(sorted(app.available_themes))
        print(f"decisionaid: --theme: no theme called '{args.theme}' (themes: {names})", file=sys.stderr)
        return 2
    app.run()
    return app.return_code or 0
