"""`decisionaid serve`: the aid as web pages, on this computer only unless told otherwise (and then only as a kiosk)."""

from __future__ import annotations

import argparse
import sys

from decisionaid.cli.options import SITE_FLAGS, add_shared_options, language_help, messages
from decisionaid.cli.packs import load_or_report
from decisionaid.cli.run import add_site_arguments, trust_from
from decisionaid.core.catalogue import load_catalogue

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 500
IDLE_MINUTES = 5  # closing a tab ends nothing without script, so a session left behind ends sooner than in a terminal
DEFAULT_STOP_TIMEOUT = 5.0


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("serve", help=words("cli.serve_help"), description=words("cli.serve_about"))
    parser.add_argument("--host", default=DEFAULT_HOST, help=words("cli.host_help", default=DEFAULT_HOST))
    parser.add_argument("--port", type=port, default=DEFAULT_PORT, help=words("cli.port_help", default=DEFAULT_PORT))
    parser.add_argument("--public-url", type=public_url, metavar="URL", help=words("cli.public_url_help"))
    add_shared_options(parser, {"pack": words("cli.pack_help"), "language": language_help(words)}, also=SITE_FLAGS)
    add_site_arguments(parser, words, after_command=True, idle_default=IDLE_MINUTES)
    parser.add_argument(
        "--max-sessions",
        type=max_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=words("cli.max_sessions_help", default=DEFAULT_MAX_SESSIONS),
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


def max_sessions(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 10_000:
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_session_count", text=value))
    return int(value)


def stop_timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 600:
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_seconds", text=value))
    return seconds


def run(args: argparse.Namespace) -> int:
    import asyncio

    from decisionaid.serve.addresses import is_loopback
    from decisionaid.serve.app import ServeOptions, serve

    words = messages(args)
    if not is_loopback(args.host) and not args.kiosk:
        print(words("serve.only_kiosk_elsewhere", host=args.host), file=sys.stderr)
        return 2
    # a kiosk writes nothing outside its folders
    pack = load_or_report(args.pack, keep=not args.kiosk, words=words, trust=trust_from(args))
    if pack is None:
        return 2
    if not is_loopback(args.host):
        print(words("serve.open_to_others", host=args.host), file=sys.stderr)
    options = ServeOptions(
        pack=pack,
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        kiosk=args.kiosk,
        idle_minutes=args.idle_minutes or IDLE_MINUTES,
        local_help=args.local_help,
        language=args.language,
        max_sessions=args.max_sessions,
        stop_timeout=args.stop_timeout,
    )
    return asyncio.run(serve(options))
