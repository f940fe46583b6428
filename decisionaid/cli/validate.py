"""`decisionaid validate [PACK_DIR]`: check a content pack and summarise it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from decisionaid.cli.packs import chosen_folders, each_loaded

if TYPE_CHECKING:
    from decisionaid.content import Pack


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "validate",
        help="check a content pack and print a one-line summary",
        description="Check a content pack. Prints a one-line summary and exits 0, or prints each problem "
        "as 'file: key: reason' on stderr and exits 2. With no PACK_DIR, checks every shipped pack. A pack "
        "whose files are unchanged since they passed, checked by the same version of the aid, is not "
        "checked again.",
    )
    parser.add_argument("pack_dir", nargs="?", metavar="PACK_DIR", help="a pack folder or a shipped pack's name")
    parser.set_defaults(handler=run)


def summary_line(pack: Pack) -> str:
    counts = [
        (len(pack.options), "options"),
        (len(pack.cards.cards), "cards"),
        (len(pack.figures.figures), "figures"),
        (len(pack.self_check.self_check), "self-check questions"),
        (len(pack.values.values), "values items"),
        (len(pack.sure.sure.items) if pack.sure.sure else 0, "SURE items"),
        (len(pack.clinician.questions), "clinician questions"),
        (len(pack.sources.sources), "sources"),
        (len(pack.crisis.crisis), "crisis resources"),
    ]
    listed = ", ".join(f"{n} {what}" for n, what in counts)
    return f"{pack.meta.id} {pack.meta.version}: valid: {listed}"


def run(args: argparse.Namespace) -> int:
    folders = chosen_folders([args.pack_dir] if args.pack_dir else [])
    if folders is None:
        return 2
    status = 0
    for _folder, pack in each_loaded(folders):
        if pack is None:
            status = 2
        else:
            print(summary_line(pack))
    return status
