"""`decisionaid validate [PACK_DIR]`: check a content pack and summarise it."""

from __future__ import annotations

import argparse
import sys

from decisionaid.cli.packs import PackNotFound, resolve_pack_dir
from decisionaid.content import ContentError, Pack, load_pack
from decisionaid.content.problems import display_path
from decisionaid.paths import pack_dirs


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "validate",
        help="check a content pack and print a one-line summary",
        description="Check a content pack. Prints a one-line summary and exits 0, or prints each problem "
        "as 'file: key: reason' on stderr and exits 2. With no PACK_DIR, checks every shipped pack.",
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
    try:
        folders = [resolve_pack_dir(args.pack_dir)] if args.pack_dir else pack_dirs()
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
        return 2
    if not folders:
        print("decisionaid: no content packs found", file=sys.stderr)
        return 2
    status = 0
    for folder in folders:
        try:
            pack = load_pack(folder)
        except ContentError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{display_path(folder)}: {len(exc.problems)} problem(s)", file=sys.stderr)
            status = 2
            continue
        print(summary_line(pack))
    return status
