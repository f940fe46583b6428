"""Options that mean the same before or after a command: `--pack`, `--language` and `--theme` (and, for `serve`,
the options for a shared computer).

Written before the command, an option is the main parser's; written after it, the command's, whose default is
`argparse.SUPPRESS` so that it leaves a value given before the command alone. Every command accepts the three
after it, so a command that has no use for one answers with one plain line rather than argparse's usage.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping

from decisionaid.core.catalogue import DEFAULT_LANGUAGE, Catalogue, languages, load_catalogue

SHARED = {"pack": "--pack", "language": "--language", "theme": "--theme"}
METAVARS = {"pack": "PACK", "language": "LANG", "theme": "NAME"}
SITE_FLAGS = {
    "kiosk": "--kiosk",
    "idle_minutes": "--idle-minutes",
    "local_help": "--local-help",
    "require_signed": "--require-signed",
    "allow_older": "--allow-older",
}
RUN_ONLY = {"plain": "--plain", "at": "--at", **SITE_FLAGS}


def language_help(words: Catalogue) -> str:
    return words("cli.language_help", languages=", ".join(languages()))


def add_shared_options(parser: argparse.ArgumentParser, helps: Mapping[str, str], *, also: Iterable[str] = ()) -> None:
    """`--pack`, `--language` and `--theme` after a command: those in `helps` (by name, with their help) are the
    command's, the others hidden and refused after parsing. `also` names more options it takes (`serve`'s)."""
    for name, flag in SHARED.items():
        parser.add_argument(
            flag,
            dest=name,
            metavar=METAVARS[name],
            default=argparse.SUPPRESS,
            help=helps.get(name, argparse.SUPPRESS),
        )
    parser.set_defaults(takes=frozenset({*helps, *also}))


def messages(args: argparse.Namespace) -> Catalogue:
    """The catalogue the command line speaks with before a pack is open: the language asked for, else English."""
    return load_catalogue(args.language or DEFAULT_LANGUAGE)


def misplaced(args: argparse.Namespace, words: Catalogue) -> str | None:
    """The one-line error for an option, written before or after the command, that the command has no use for."""
    if args.command is None:  # the aid itself takes them all
        return None
    for name, flag in (SHARED | RUN_ONLY).items():
        if name not in args.takes and getattr(args, name, None) not in (None, False):
            return words("cli.option_not_for", command=args.command, option=flag)
    return None


def named_packs(args: argparse.Namespace) -> list[str]:
    """The packs a command that takes several works on: its PACK_DIRs, and the one `--pack` names."""
    return [*args.pack_dirs, *([args.pack] if args.pack else [])]
