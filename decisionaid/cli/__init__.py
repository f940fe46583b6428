"""The command line: run the app (default) or one of the author and export commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from decisionaid import __version__
from decisionaid.cli import export, lint, run, schema, validate
from decisionaid.core.catalogue import load_catalogue

COMMANDS = (validate, schema, export, lint)


def build_parser() -> argparse.ArgumentParser:
    words = load_catalogue()
    parser = argparse.ArgumentParser(prog="decisionaid", description=words("cli.about"), epilog=words("cli.epilog"))
    parser.add_argument("--version", action="version", version=f"decisionaid {__version__}")
    run.add_arguments(parser, words)
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the chosen command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run.run(args)
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
