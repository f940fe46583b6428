"""`decisionaid serve`: the aid in a web browser, one copy per tab, on this computer only unless told otherwise."""

from __future__ import annotations

import argparse
import sys

from decisionaid.cli.packs import load_or_report, resolve_pack_dir
from decisionaid.cli.run import add_site_arguments

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_TABS = 10
DEFAULT_STOP_TIMEOUT = 5.0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve",
        help="run the aid in a web browser, for a kiosk or a shared computer",
        description="Serve the aid to web browsers: every tab runs its own copy of the aid (about 50 MB of "
        "memory each). It answers on 127.0.0.1, this computer only, unless --host says otherwise. It is "
        "plain HTTP: on a network, put it behind a TLS proxy. SIGTERM or Ctrl+C closes every tab and stops it.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"the address to listen on (default {DEFAULT_HOST})")
    parser.add_argument(
        "--port",
        type=port,
        default=DEFAULT_PORT,
        help=f"the port to listen on; 0 picks a free one (default {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--public-url",
        type=public_url,
        metavar="URL",
        help="the address people open, when a proxy puts the aid somewhere else (e.g. https://kiosk.example/)",
    )
    parser.add_argument("--pack", metavar="PACK", help="a pack folder or a shipped pack's name (default: the only one)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme for every tab, e.g. decisionaid-high-contrast")
    add_site_arguments(parser)
    parser.add_argument(
        "--max-tabs",
        type=max_tabs,
        default=DEFAULT_MAX_TABS,
        metavar="N",
        help=f"tabs open at once, at most; a tab beyond them gets a page saying so (default {DEFAULT_MAX_TABS})",
    )
    parser.add_argument(
        "--stop-timeout",
        type=stop_timeout,
        default=DEFAULT_STOP_TIMEOUT,
        metavar="SECONDS",
        help=f"on stopping, how long to wait for each tab to save and close (default {DEFAULT_STOP_TIMEOUT:g})",
    )
    parser.set_defaults(handler=run)


def port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 0 to 65535, not '{value}'")
    return int(value)


def public_url(value: str) -> str:
    if not value.startswith(("http://", "https://")) or len(value.split("//", 1)[1].strip("/")) == 0:
        raise argparse.ArgumentTypeError(f"must be an http:// or https:// address, not '{value}'")
    return value


def max_tabs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 1000:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 1000, not '{value}'")
    return int(value)


def stop_timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 600:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0 and at most 600, not '{value}'")
    return seconds


def unknown_theme(name: str) -> str | None:
    """None when `name` is a theme the aid has, else the one-line error."""
    from textual.theme import BUILTIN_THEMES

    from decisionaid.tui.themes import THEMES

    names = sorted({*BUILTIN_THEMES, *(theme.name for theme in THEMES)})
    if name in names:
        return None
    return f"decisionaid: --theme: no theme called '{name}' (themes: {', '.join(names)})"


def run(args: argparse.Namespace) -> int:
    import asyncio

    from decisionaid.core.catalogue import load_catalogue
    from decisionaid.serve.addresses import is_loopback
    from decisionaid.serve.server import ServeOptions, serve

    pack = load_or_report(args.pack)
    if pack is None:
        return 2
    if args.theme and (problem := unknown_theme(args.theme)):
        print(problem, file=sys.stderr)
        return 2
    if not is_loopback(args.host):
        print(load_catalogue()("serve.open_to_others", host=args.host), file=sys.stderr)
    options = ServeOptions(
        pack=pack,
        pack_dir=resolve_pack_dir(args.pack),
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        kiosk=args.kiosk,
        idle_minutes=args.idle_minutes,
        local_help=args.local_help,
        theme=args.theme,
        max_tabs=args.max_tabs,
        stop_timeout=args.stop_timeout,
    )
    return asyncio.run(serve(options))
