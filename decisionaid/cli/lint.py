"""`decisionaid lint [PACK_DIR ...]`: IPDAS-style checks of content packs, with a reading-grade table."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.cli.packs import chosen_folders, each_loaded

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.lint import LintReport


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "lint",
        help="check packs against decision-aid standards and print reading grades",
        description="Check content packs for balance, plain and non-directive wording, risk communication, "
        "reading grade and dates. Prints each finding as 'file: key: level: reason', then the reading grade of "
        "every card. Exits 0 with warnings only, 1 on any error, 2 if a pack does not load. With no PACK_DIR, "
        "checks every shipped pack.",
    )
    parser.add_argument("pack_dirs", nargs="*", metavar="PACK_DIR", help="a pack folder or a shipped pack's name")
    parser.add_argument(
        "--today",
        type=_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="check review and verification dates as of this day (default: today)",
    )
    parser.set_defaults(handler=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date, use YYYY-MM-DD: {text!r}") from None


def run(args: argparse.Namespace) -> int:
    from decisionaid.lint import TextstatMissing, lint_pack

    folders = chosen_folders(args.pack_dirs)
    if folders is None:
        return 2
    today = args.today or date.today()
    status = 0
    for folder, pack in each_loaded(folders, models=True):
        if pack is None:
            status = 2
            continue
        try:
            report = lint_pack(pack, folder, today)
        except TextstatMissing as exc:
            print(exc, file=sys.stderr)
            return 2
        print_report(pack, report)
        if report.errors:
            status = max(status, 1)
    return status


def print_report(pack: Pack, report: LintReport) -> None:
    """The findings, the reading-grade table (hardest card first) and a one-line count."""
    for finding in report.findings:
        print(finding)
    rows = report.grades_hardest_first()
    width = max(len("card"), *(len(row.card_id) for row in rows))
    print(f"{'card':<{width}}  {'words':>5}  {'grade':>5}")
    for row in rows:
        print(f"{row.card_id:<{width}}  {row.words:>5}  {row.grade:>5.1f}")
    print(f"{'median':<{width}}  {'':>5}  {report.median_grade:>5.1f}")
    errors, warnings = len(report.errors), len(report.warnings)
    print(f"{pack.meta.id} {pack.meta.version}: lint: {_count(errors, 'error')}, {_count(warnings, 'warning')}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
