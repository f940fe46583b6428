"""`decisionaid validate [PACK_DIR ...]`: check content packs and summarise each."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.cli.options import add_shared_options, language_help, messages, named_packs
from decisionaid.cli.packs import chosen_folders, each_loaded
from decisionaid.content.problems import Problem
from decisionaid.content.retired import retired_keys
from decisionaid.core.catalogue import Catalogue, load_catalogue
from decisionaid.sanitize import display_path

if TYPE_CHECKING:
    from decisionaid.content import Pack


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("validate", help=words("cli.validate_help"), description=words("cli.validate_about"))
    parser.add_argument("pack_dirs", nargs="*", metavar="PACK_DIR", help=words("cli.pack_dir_help"))
    add_shared_options(parser, {"pack": words("cli.pack_dir_help"), "language": language_help(words)})
    parser.set_defaults(handler=run)


def summary_line(pack: Pack, words: Catalogue | None = None) -> str:
    words = words or load_catalogue()
    counts = {
        "options": len(pack.options),
        "cards": len(pack.cards),
        "figures": len(pack.figures),
        "self_check": len(pack.self_check),
        "values": len(pack.values),
        "sure": len(pack.sure.items) if pack.sure else 0,
        "questions": len(pack.questions),
        "sources": len(pack.sources),
        "help_now": len(pack.crisis),
    }
    listed = ", ".join(words(f"cli.count_{what}", count=n) for what, n in counts.items())
    return words("cli.valid", pack=pack.meta.id, version=pack.meta.version, counts=listed)


def run(args: argparse.Namespace) -> int:
    words = messages(args)
    folders, all_found = chosen_folders(named_packs(args), words)
    status = 0 if all_found else 2
    for folder, pack in each_loaded(folders, words=words):
        if pack is None:
            status = 2
        else:
            print(summary_line(pack, words))
            print_notices(retired_keys(pack, folder), folder, words)
            if not pack.manifest.version:
                print(words("release.is_draft", pack=pack.meta.id))
    return status


def print_notices(notices: list[Problem], folder: Path, words: Catalogue) -> None:
    """What a valid pack still has that it should not (keys the format no longer uses), on stderr."""
    for notice in notices:
        print(notice.line(words), file=sys.stderr)
    if notices:
        print(words("pack_hint.notices", folder=display_path(folder), count=len(notices)), file=sys.stderr)
