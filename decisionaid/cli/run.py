"""Starting the app: check the pack first, then run the TUI, or plain text with --plain or TERM=dumb."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from decisionaid.cli.packs import load_or_report

IDLE_MINUTES = 10
LOCAL_HELP_LIMIT = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", metavar="PACK", help="a pack folder or a shipped pack's name (default: the only one)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme, e.g. decisionaid-high-contrast")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain text, one numbered prompt at a time: for screen readers, braille displays, simple terminals "
        "and scripts (also chosen when TERM=dumb)",
    )
    add_site_arguments(parser)


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """The options for a shared computer, used by the aid in a terminal and by `serve` for each tab."""
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="a shared computer: answers are kept in a private temporary folder that is deleted on leaving, "
        "nothing else is written, and the aid starts again after --idle-minutes without use",
    )
    parser.add_argument(
        "--idle-minutes",
        type=idle_minutes,
        default=IDLE_MINUTES,
        metavar="N",
        help=f"with --kiosk: minutes without use before the aid starts again (default {IDLE_MINUTES})",
    )
    parser.add_argument(
        "--local-help",
        type=local_help,
        metavar="TEXT",
        help='a line of help on site, shown first with the crisis lines (e.g. "Front desk: ask any staff member")',
    )


def idle_minutes(value: str) -> int:
    try:
        minutes = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of minutes, not '{value}'") from None
    if not 1 <= minutes <= 24 * 60:
        raise argparse.ArgumentTypeError(f"must be between 1 and {24 * 60} minutes, not {minutes}")
    return minutes


def local_help(value: str) -> str:
    from decisionaid.export.render import clean_user_text

    text = " ".join(clean_user_text(value).split())
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    if len(text) > LOCAL_HELP_LIMIT:
        raise argparse.ArgumentTypeError(f"must be at most {LOCAL_HELP_LIMIT} characters, not {len(text)}")
    return text


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain text when asked for, or when the terminal cannot move the cursor."""
    return args.plain or os.environ.get("TERM") == "dumb"


def run(args: argparse.Namespace) -> int:
    pack = load_or_report(args.pack)
    if pack is None:
        return 2
    if wants_plain(args):
        if args.kiosk or args.local_help:
            from decisionaid.core.catalogue import load_catalogue

            print(load_catalogue()("cli.site_options_not_plain"), file=sys.stderr)
            return 2
        from decisionaid.plain.main import run_plain

        return run_plain(pack)
    from decisionaid.storage.kiosk import kiosk_folder
    from decisionaid.storage.paths import session_path, settings_path
    from decisionaid.storage.store import SessionStore
    from decisionaid.tui.app import DecisionAidApp

    folder: AbstractContextManager[Path | None] = kiosk_folder() if args.kiosk else nullcontext()
    with folder as answers_dir:
        store = SessionStore(session_path(pack.meta.id, answers_dir))
        app = DecisionAidApp(
            pack,
            store,
            theme=args.theme,
            settings_path=None if args.kiosk else settings_path(),
            kiosk=args.kiosk,
            idle_seconds=args.idle_minutes * 60,
            local_help=args.local_help,
        )
        if args.theme and app.theme != args.theme:
            names = ", ".join(sorted(app.available_themes))
            print(f"decisionaid: --theme: no theme called '{args.theme}' (themes: {names})", file=sys.stderr)
            return 2
        app.run()
    return app.return_code or 0
