"""`decisionaid lint [PACK_DIR ...]`: IPDAS-style checks of content packs, with reading grades and the short path."""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.cli.options import add_shared_options, language_help, messages, named_packs
from decisionaid.cli.packs import chosen_folders, each_loaded
from decisionaid.core.catalogue import Catalogue, load_catalogue
from decisionaid.sanitize import display_path

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.lint import GradeRow, LintReport


HARDEST_SHOWN = 10


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("lint", help=words("cli.lint_help"), description=words("cli.lint_about"))
    parser.add_argument("pack_dirs", nargs="*", metavar="PACK_DIR", help=words("cli.pack_dir_help"))
    parser.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD", help=words("cli.today_help"))
    add_shared_options(parser, {"pack": words("cli.pack_dir_help"), "language": language_help(words)})
    parser.set_defaults(handler=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(load_catalogue()("cli.not_a_date", text=repr(text))) from None


def run(args: argparse.Namespace) -> int:
    from decisionaid.lint import TextstatMissing, lint_pack

    words = messages(args)
    folders, all_found = chosen_folders(named_packs(args), words)
    today = args.today or date.today()
    status = 0 if all_found else 2
    for folder, pack in each_loaded(folders, models=True, words=words):
        if pack is None:
            status = 2
            continue
        try:
            report = lint_pack(pack, folder, today, words)
        except TextstatMissing:
            print(words("cli.lint_needs_textstat", command=lint_extra_command(checkout())), file=sys.stderr)
            return 2
        if not pack.manifest.version:
            print(words("release.is_draft", pack=pack.meta.id))
        print_report(pack, report, words)
        if report.errors:
            status = max(status, 1)
    return status


def checkout() -> Path | None:
    """The source folder the aid runs from (an editable install or a checkout), or None when it is installed."""
    folder = Path(__file__).resolve().parents[2]
    return folder if (folder / "pyproject.toml").is_file() and (folder / "content").is_dir() else None


def lint_extra_command(source: Path | None) -> str:
    """The command that installs the `lint` extra for the Python running the aid: from its source folder when it
    runs from one (`pip install 'decisionaid[lint]'` fails there), else from the package index."""
    python = display_path(sys.executable) if sys.executable else "python3"
    if sys.executable and "/" not in python:  # run from the folder it is in: not the one on the PATH
        python = f"./{python}"
    where = ["decisionaid[lint]"] if source is None else ["-e", f"{display_path(source)}[lint]"]
    return shlex.join([python, "-m", "pip", "install", *where])


def print_report(pack: Pack, report: LintReport, words: Catalogue) -> None:
    """The findings, the hardest texts to read with the median, the short path and a one-line count."""
    for finding in report.findings:
        print(finding.line(words))
    rows = report.grades_hardest_first()
    if rows and report.measure is not None:
        _print_scores(rows, report, words)
    print(_short_path_line(report, words))
    if report.comparison_words:
        print(words("cli.lint_comparison", count=report.comparison_words))
    for line in _option_words_lines(report, words):
        print(line)
    errors = words("cli.lint_errors", count=len(report.errors))
    warnings = words("cli.lint_warnings", count=len(report.warnings))
    print(words("cli.lint_result", pack=pack.meta.id, version=pack.meta.version, errors=errors, warnings=warnings))


def _print_scores(rows: list[GradeRow], report: LintReport, words: Catalogue) -> None:
    """The hardest texts to read with their scores, the median, and a line naming the hardest."""
    shown = rows[:HARDEST_SHOWN]
    text, median = words("cli.lint_text"), words("cli.lint_median")
    width = max(len(text), len(median), *(len(row.label) for row in shown))
    print(f"{text:<{width}}  {words('cli.lint_words'):>5}  {words(report.measure.column):>5}")
    for row in shown:
        print(f"{row.label:<{width}}  {row.words:>5}  {row.grade:>5.1f}")
    print(f"{median:<{width}}  {'':>5}  {report.median_grade:>5.1f}")
    hardest = rows[0]
    grade = f"{report.median_grade:.1f}"
    summary = report.measure.summary
    print(words(summary, count=len(rows), median=grade, hardest=f"{hardest.grade:.1f}", label=hardest.label))


def _option_words_lines(report: LintReport, words: Catalogue) -> list[str]:
    """The words of cards each option gets, and the ratio among the options other than the status quo."""
    if not report.option_words:
        return []
    counts = ", ".join(
        words("cli.lint_option_count", option=c.option, pack=c.pack, short_path=c.short_path)
        for c in report.option_words
    )
    lines = [words("cli.lint_option_words", counts=counts)]
    pack, short_path = report.pack_ratio, report.short_path_ratio
    if pack is not None and short_path is not None:
        lines.append(
            words(
                "cli.lint_words_ratio",
                pack=_ratio(pack.ratio),
                pack_limit=pack.limit,
                short_path=_ratio(short_path.ratio),
                short_path_limit=short_path.limit,
            )
        )
    elif pack is not None:
        lines.append(words("cli.lint_words_ratio_pack", pack=_ratio(pack.ratio), pack_limit=pack.limit))
    return lines


def _ratio(ratio: float) -> str:
    return "-" if ratio == float("inf") else f"{ratio:.2f}"


def _short_path_line(report: LintReport, words: Catalogue) -> str:
    path = report.short_path
    parts = ", ".join(
        [
            words("cli.count_cards", count=path.cards),
            words("cli.lint_self_check_items", count=path.self_check),
            words("cli.count_values", count=path.values),
        ]
    )
    where = words("cli.lint_short_path" if path.marked else "cli.lint_short_path_unmarked")
    minutes = f"{path.minutes_to_a_tenth:.1f}"
    return words(
        "cli.lint_short_path_line",
        where=where,
        parts=parts,
        words=path.words,
        minutes=minutes,
        target=path.target_minutes,
    )
