"""`decisionaid serve`: the aid in a web browser, one copy per tab, on this computer only unless told otherwise."""

from __future__ import annotations

import argparse
import sys

from decisionaid.cli.options import SITE_FLAGS, add_shared_options, language_help, messages
from decisionaid.cli.packs import load_or_report, resolve_pack_dir
from decisionaid.cli.run import IDLE_MINUTES, add_site_arguments
from decisionaid.core.catalogue import Catalogue, load_catalogue

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_TABS = 10
DEFAULT_STOP_TIMEOUT = 5.0


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("serve", help=words("cli.serve_help"), description=words("cli.serve_about"))
    parser.add_argument("--host", default=DEFAULT_HOST, help=words("cli.host_help", default=DEFAULT_HOST))
    parser.add_argument("--port", type=port, default=DEFAULT_PORT, help=words("cli.port_help", default=DEFAULT_PORT))
    parser.add_argument("--public-url", type=public_url, metavar="URL", help=words("cli.public_url_help"))
    helps = {"pack": words("cli.pack_help"), "theme": words("cli.serve_theme_help"), "language": language_help(words)}
    add_shared_options(parser, helps, also=SITE_FLAGS)
    add_site_arguments(parser, words, after_command=True)
    parser.add_argument(
        "--max-tabs",
        type=max_tabs,
        default=DEFAULT_MAX_TABS,
        metavar="N",
        help=words("cli.max_tabs_help", default=DEFAULT_MAX_TABS),
    )
    parser.add_argument(
        "--stop-timeout",
        type=stop_timeout,
        default=DEFAULT_STOP_TIMEOUT,
        metavar="SECONDS",
        help=words("cli.stop_timeout_help", default=f"{DEFAULT_STOP_TIMEOUT:g}"),
    )
    parser.set_defaults(handler=run)


def port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_port", text=value))
    return int(value)


def public_url(value: str) -> str:
    if not value.startswith(("http://", "https://")) or not value.split("//", 1)[1].strip("/"):
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_url", text=value))
    return value


def max_tabs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 1000:
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_tab_count", text=value))
    return int(value)


def stop_timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 600:
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_seconds", text=value))
    return seconds


def unknown_theme(name: str, words: Catalogue) -> str | None:
    """None when `name` is a theme the aid has, else the one-line error."""
    from textual.theme import BUILTIN_THEMES

    from decisionaid.tui.themes import THEMES

    names = sorted({*BUILTIN_THEMES, *(theme.name for theme in THEMES)})
    if name in names:
        return None
    return words("cli.no_theme", theme=name, names=", ".join(names))


def run(args: argparse.Namespace) -> int:
    import asyncio

    from decisionaid.serve.addresses import is_loopback
    from decisionaid.serve.server import ServeOptions, serve

    words = messages(args)
    pack = load_or_report(args.pack, words=words)
    if pack is None:
        return 2
    if args.theme and (problem := unknown_theme(args.theme, words)):
        print(problem, file=sys.stderr)
        return 2
    if not is_loopback(args.host):
        print(words("serve.open_to_others", host=args.host), file=sys.stderr)
    options = ServeOptions(
        pack=pack,
        pack_dir=resolve_pack_dir(args.pack, words),
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        kiosk=args.kiosk,
        idle_minutes=args.idle_minutes or IDLE_MINUTES,
        local_help=args.local_help,
        theme=args.theme,
        language=args.language,
        max_tabs=args.max_tabs,
        stop_timeout=args.stop_timeout,
    )
    return asyncio.run(serve(options))
