"""Starting the app: check the pack first, then run the TUI, or plain text with --plain or TERM=dumb."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.cli.options import language_help, messages
from decisionaid.cli.packs import load_or_report
from decisionaid.core.catalogue import Catalogue, languages, load_catalogue, words_for

if TYPE_CHECKING:
    from decisionaid.core.admission import Trust

IDLE_MINUTES = 10
MOST_IDLE_MINUTES = 24 * 60
LOCAL_HELP_LIMIT = 200


def add_arguments(parser: argparse.ArgumentParser, words: Catalogue) -> None:
    parser.add_argument("--pack", metavar="PACK", help=words("cli.pack_help"))
    parser.add_argument("--theme", metavar="NAME", help=words("cli.theme_help"))
    parser.add_argument("--plain", action="store_true", help=words("cli.plain_help"))
    add_language_argument(parser, words)
    parser.add_argument("--at", metavar="STAGE[:ID]", help=words("at.help"))
    add_site_arguments(parser, words)


def add_language_argument(parser: argparse.ArgumentParser, words: Catalogue) -> None:
    """`--language LANG`: the interface's catalogue, whatever the pack's language (its text stays as written)."""
    parser.add_argument("--language", metavar="LANG", help=language_help(words))


def unknown_language(language: str | None) -> str | None:
    """None when no language was asked for or the aid has its interface sentences, else the one-line error."""
    if language is None or language in languages():
        return None
    return load_catalogue()("cli.no_language", language=language, names=", ".join(languages()))


def add_site_arguments(
    parser: argparse.ArgumentParser, words: Catalogue, *, after_command: bool = False, idle_default: int = IDLE_MINUTES
) -> None:
    """The options for a shared computer, used by the aid in a terminal and by `serve`. After the command they
    leave a value given before it alone; unset, `--idle-minutes` is None (the command's `idle_default` applies)."""
    unset = {"default": argparse.SUPPRESS} if after_command else {}
    parser.add_argument("--kiosk", action="store_true", help=words("cli.kiosk_help"), **unset)
    parser.add_argument(
        "--idle-minutes",
        type=idle_minutes,
        metavar="N",
        help=words("cli.idle_minutes_help", default=idle_default),
        **unset,
    )
    parser.add_argument("--local-help", type=local_help, metavar="TEXT", help=words("cli.local_help_help"), **unset)
    parser.add_argument("--require-signed", action="store_true", help=words("release.require_signed_help"), **unset)
    parser.add_argument("--allow-older", action="store_true", help=words("release.allow_older_help"), **unset)


def trust_from(args: argparse.Namespace) -> Trust:
    """What the options ask of the pack's release: signed by a trusted key, or older than one already opened."""
    from decisionaid.core.admission import Trust

    return Trust(require_signed=args.require_signed, allow_older=args.allow_older, kiosk=args.kiosk)


def idle_minutes(value: str) -> int:
    words = load_catalogue()
    try:
        minutes = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(words("cli.not_minutes", text=value)) from None
    if not 1 <= minutes <= MOST_IDLE_MINUTES:
        raise argparse.ArgumentTypeError(words("cli.minutes_range", most=MOST_IDLE_MINUTES, minutes=minutes))
    return minutes


def local_help(value: str) -> str:
    from decisionaid.sanitize import clean_text

    words = load_catalogue()
    text = " ".join(clean_text(value).split())
    if not text:
        raise argparse.ArgumentTypeError(words("cli.empty"))
    if len(text) > LOCAL_HELP_LIMIT:
        raise argparse.ArgumentTypeError(words("cli.too_long", most=LOCAL_HELP_LIMIT, length=len(text)))
    return text


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain text when asked for, or when the terminal cannot move the cursor."""
    return args.plain or os.environ.get("TERM") == "dumb"


def run(args: argparse.Namespace) -> int:
    # A kiosk writes nothing outside its own folder.
    pack = load_or_report(args.pack, keep=not args.kiosk, words=messages(args), trust=trust_from(args))
    if pack is None:
        return 2
    words = words_for(pack, language=args.language)
    at = None
    if args.at is not None:
        from decisionaid.core.journey import Journey
        from decisionaid.core.step_names import NoSuchStep, named_step

        try:
            at = named_step(Journey(pack), args.at, words)
        except NoSuchStep as exc:
            print(exc, file=sys.stderr)
            return 2
        if not pack.manifest.version:
            print(words("release.is_draft", pack=pack.meta.id), file=sys.stderr)
    from decisionaid.storage.kiosk import kiosk_folder
    from decisionaid.storage.paths import session_path

    # A kiosk's answers, and those given at a step opened for a look, live in a folder deleted on leaving.
    throwaway = args.kiosk or at is not None
    folder: AbstractContextManager[Path | None] = kiosk_folder() if throwaway else nullcontext()
    if wants_plain(args):
        if args.kiosk or args.local_help:
            print(words("cli.site_options_not_plain"), file=sys.stderr)
            return 2
        from decisionaid.plain.main import run_plain

        with folder as answers_dir:
            answers = session_path(pack.meta.id, answers_dir) if answers_dir else None
            return run_plain(pack, answers=answers, at=at, words=words)
    from decisionaid.core.bidi import is_right_to_left

    if is_right_to_left(pack.meta.language) or is_right_to_left(words.language):
        print(words("interface_language.right_to_left", pack=pack.meta.id), file=sys.stderr)
        return 2
    from decisionaid.core.kiosk import Site
    from decisionaid.tui.collector import paused_until_settled

    idle_seconds = (args.idle_minutes or IDLE_MINUTES) * 60
    site = Site(kiosk=args.kiosk, idle_seconds=idle_seconds, local_help=args.local_help)
    with folder as answers_dir, paused_until_settled():
        from decisionaid.tui.factory import make_app

        answers = session_path(pack.meta.id, answers_dir) if answers_dir else None
        app = make_app(pack, theme=args.theme, answers=answers, site=site, at=at, words=words)
        if args.theme and app.theme != args.theme:
            names = ", ".join(sorted(app.available_themes))
            print(app.words("cli.no_theme", theme=args.theme, names=names), file=sys.stderr)
            return 2
        app.run()
    if app.farewell:
        print(app.farewell, file=sys.stderr)
    elif at is not None:
        print(app.words("at.left"), file=sys.stderr)
    return app.return_code or 0
