"""`python -m bench`: measure decisionaid against a minimal Textual app and `import pydantic`.

Prints a table (medians, min-max in brackets) and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

BENCH_ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("tui", "load", "commands")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 runs each, packs up to 1,000 cards")
    parser.add_argument("--runs", type=int, help="runs of each measurement (default 7; 2 with --quick)")
    parser.add_argument(
        "--repo",
        type=Path,
        default=BENCH_ROOT,
        help="the decisionaid source tree to measure, e.g. a scratch copy (default: this one)",
    )
    parser.add_argument(
        "--pack",
        type=Path,
        help="the pack to run (default: the first shipped pack that validates, else tests/packs/commute)",
    )
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only this part (may be repeated)")
    parser.add_argument("--out", type=Path, default=BENCH_ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args(argv)
    args.runs = args.runs or (2 if args.quick else 7)
    args.repo = args.repo.resolve()
    return args


UNSET = ("NO_COLOR", "COLUMNS", "LINES", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE")


def child_env(repo: Path) -> dict[str, str]:
    """The environment of every measured process: a clean xterm, the repo first on the path, and Python free to
    keep compiled modules (as an installed aid has them: pip compiles them as it installs; without them every
    start compiles the aid's source again, some 70 ms here, while Textual's own come compiled)."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET and not k.startswith("TEXTUAL_")}
    env["TERM"] = "xterm-256color"
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([str(repo), str(BENCH_ROOT)]))
    return env


def machine_info(repo: Path) -> dict:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "textual": version("textual"),
        "pydantic": version("pydantic"),
        "platform": platform.platform(),
        "repo": str(repo),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(args.repo))
    from bench import sections
    from bench.report import Row, table, write_json

    env = child_env(args.repo)
    machine = machine_info(args.repo)
    rows: list[Row] = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="decisionaid-bench-") as scratch:
        pack_dir, pack_note = sections.choose_pack(args.repo, args.pack)
        machine["pack"] = str(pack_dir)
        machine["pack_note"] = pack_note
        machine["runs"] = args.runs
        parts: dict[str, Callable[[], list[Row]]] = {
            "tui": lambda: sections.tui_rows(pack_dir, env, args.repo, args.runs, Path(scratch), args.quick),
            "load": lambda: sections.load_rows(args.repo, pack_dir, Path(scratch), args.runs, args.quick),
            "commands": lambda: sections.command_rows(pack_dir, env, args.repo, Path(scratch), args.runs),
        }
        for name in args.only or SECTIONS:
            print(f"bench: {name} ...", file=sys.stderr, flush=True)
            try:
                rows += parts[name]()
            except Exception as exc:  # one broken part must not hide the others' results
                traceback.print_exc()
                rows.append(Row(f"{name}: failed", None, "", note=f"{type(exc).__name__}: {exc}".splitlines()[0]))
                failed = True
    header = [
        f"decisionaid benchmark, {machine['date']}: {machine['cores']} cores (load {machine['load_average']}), "
        f"Python {machine['python']}, Textual {machine['textual']}, pydantic {machine['pydantic']}",
        f"pack: {machine['pack']}" + (f" ({pack_note})" if pack_note else ""),
        f"{args.runs} runs each, alternated; median (min-max); terminal 100x30 xterm-256color; repo {args.repo}",
    ]
    print(table(header, rows))
    write_json(args.out, machine, rows)
    print(f"\nJSON: {args.out}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
