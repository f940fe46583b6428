"""The command line: run the app (default) or one of the author and export commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from decisionaid import __version__
from decisionaid.cli import run
from decisionaid.cli.options import messages, misplaced
from decisionaid.core.catalogue import load_catalogue
from decisionaid.plain.output import GuardedStream, OutputFailed, quiet_stdout, tell
from decisionaid.storage.paths import FolderRefused

COMMANDS = ("new", "validate", "lint", "schema", "export", "serve", "release", "key", "catalogue")  # modules of cli/


class Commands(argparse._SubParsersAction):
    """The commands, each named at once but built (its module imported, its parser made) only when it is the one
    asked for, or when the aid's help lists them all: one command does not wait for the others' parsers."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map.update(dict.fromkeys(COMMANDS))  # named, so a wrong name is refused as before

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        self._build(values[0])
        super().__call__(parser, namespace, values, option_string)

    def _get_subactions(self) -> list[argparse.Action]:
        for name in COMMANDS:
            self._build(name)
        return super()._get_subactions()

    def _build(self, name: str) -> None:
        if name in self._name_parser_map and self._name_parser_map[name] is None:
            del self._name_parser_map[name]
            import_module(f"{__name__}.{name}").add_parser(self)


def build_parser() -> argparse.ArgumentParser:
    words = load_catalogue()
    parser = argparse.ArgumentParser(prog="decisionaid", description=words("cli.about"), epilog=words("cli.epilog"))
    parser.add_argument("--version", action="version", version=f"decisionaid {__version__}")
    run.add_arguments(parser, words)
    parser.add_subparsers(dest="command", title="commands", metavar="COMMAND", action=Commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the chosen command; returns the exit status."""
    parser = build_parser()
    real_stdout = sys.stdout
    if real_stdout is not None:
        sys.stdout = GuardedStream(real_stdout)  # type: ignore[assignment]
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit:  # --help and --version print, then exit: the printing must have worked too
            if sys.stdout is not None:
                sys.stdout.flush()
            raise
        if problem := run.unknown_language(args.language) or misplaced(args, messages(args)):
            print(problem, file=sys.stderr)
            return 2
        status = run.run(args) if args.command is None else args.handler(args)
        if sys.stdout is not None:
            sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        return 130
    except FolderRefused as refused:
        print(load_catalogue()(f"data_folder.{refused.code}", path=refused.path), file=sys.stderr)
        return 2
    except OutputFailed as failed:
        sys.stdout = real_stdout
        quiet_stdout()
        if not failed.broken_pipe:  # `decisionaid export | head` ending early is not an error worth a line
            tell(load_catalogue()("output.failed", reason=failed.reason))
        return 1
    finally:
        sys.stdout = real_stdout
