"""`decisionaid lint [PACK_DIR ...]`: IPDAS-style checks of content packs, with reading grades and the short path."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from decisionaid.cli.packs import chosen_folders, each_loaded

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.lint import LintReport


HARDEST_SHOWN = 10


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "lint",
        help="check packs against decision-aid standards; print reading grades and the short path's minutes",
        description="Check content packs for balance, plain and non-directive wording, risk communication, "
        "reading grade, the short path's length and dates. Prints each finding as 'file: key: level: reason', "
        "then the hardest texts to read with the median grade, and the short path's words and minutes at 150 "
        "words a minute. Exits 0 with warnings only, 1 on any error, 2 if a pack does not load. With no "
        "PACK_DIR, checks every shipped pack.",
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
    for folder, pack in each_loaded(folders):
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
    """The findings, the hardest texts to read with the median, the short path and a one-line count."""
    for finding in report.findings:
        print(finding)
    rows = report.grades_hardest_first()
    shown = rows[:HARDEST_SHOWN]
    width = max(len("text"), *(len(row.label) for row in shown))
    print(f"{'text':<{width}}  {'words':>5}  {'grade':>5}")
    for row in shown:
        print(f"{row.label:<{width}}  {row.words:>5}  {row.grade:>5.1f}")
    print(f"{'median':<{width}}  {'':>5}  {report.median_grade:>5.1f}")
    print(
        f"reading grade: {len(rows)} texts graded, median {report.median_grade:.1f}, hardest {rows[0].grade:.1f} "
        f"({rows[0].label})"
    )
    print(_short_path_line(report))
    if report.comparison_words:
        print(f"comparison table: {report.comparison_words} words")
    errors, warnings = len(report.errors), len(report.warnings)
    print(f"{pack.meta.id} {pack.meta.version}: lint: {_count(errors, 'error')}, {_count(warnings, 'warning')}")


def _short_path_line(report: LintReport) -> str:
    path = report.short_path
    counts = [(path.cards, "card"), (path.self_check, "self-check item"), (path.values, "values item")]
    parts = ", ".join(_count(n, noun) for n, noun in counts)
    where = "short path" if path.marked else "short path not marked, so everything is on it"
    return (
        f"{where}: {parts}: {path.words} words, {path.minutes:.1f} minutes at 150 words a minute "
        f"(target {path.target_minutes})"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
