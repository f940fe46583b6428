"""`python -m bench.speedups`: what each of the aid's speed-ups (decisionaid/tui/speedups) gains, today.

For a few screen changes and keys, the aid runs with every speed-up on and with each one turned off in turn
(`DECISIONAID_SPEEDUPS=off:<name>`), the variants alternated run by run, so a machine that slows down or speeds
up mid-way slows them all alike. Each cell is the median with that speed-up off over the median with all on: above
1.00x the speed-up gains; one whose gains stay within the noise (about 0.1x here) is a candidate to drop.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.__main__ import BENCH_ROOT, child_env
from bench.measure import alternate
from bench.screens import change_cases
from bench.tui import AppCase, TuiSample, in_place_cases, run_once

CASES = {  # each case and what is timed in its runs: the first paint, screen changes, keys in place
    "welcome to the first step": ("first_paint", "key_latency"),
    "list of every card to self-check": ("key_latency",),
    "a self-check question to the next": ("key_latency",),
    "SURE to the question list": ("key_latency",),
    "a card to the map (modal)": ("key_latency",),
    "next card": ("key_latency",),
    "answer a question": ("key_latency",),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speedups", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=4, help="runs of each variant and case (default 4)")
    parser.add_argument("--pack", type=Path, default=BENCH_ROOT / "content" / "ketamine")
    parser.add_argument("--out", type=Path, default=BENCH_ROOT / "bench" / "results" / "speedups.json")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(BENCH_ROOT))
    from decisionaid.tui.speedups import NAMES

    variants = {"on": "on", **{name: f"off:{name}" for name in NAMES}}
    changes, _ = change_cases(args.pack)
    in_place = {
        case.name.removeprefix("decisionaid (").rstrip(")"): case for case in in_place_cases(args.pack).values()
    }
    cases = {**changes, **in_place}
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="decisionaid-bench-") as scratch:
        env = {**child_env(BENCH_ROOT), "DECISIONAID_CACHE_DIR": str(Path(scratch) / "cache")}
        for name, measures in CASES.items():
            print(f"bench.speedups: {name} ...", file=sys.stderr, flush=True)
            samples = alternate({v: run_with(cases[name], env, value) for v, value in variants.items()}, args.runs)
            for measure in measures:
                medians = {
                    v: statistics.median(getattr(s, measure) * 1000 for s in runs) for v, runs in samples.items()
                }
                results[f"{name} ({measure})"] = medians
    print(table(results, NAMES))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"runs": args.runs, "medians_ms": results}, indent=1), encoding="utf-8")
    return 0


def run_with(case: AppCase, env: dict[str, str], switch: str) -> Callable[[], TuiSample]:
    """One run of `case` with the speed-ups' switch set to `switch`."""
    return lambda: run_once(case, {**env, "DECISIONAID_SPEEDUPS": switch}, str(BENCH_ROOT))


def table(results: dict[str, dict[str, float]], names: tuple[str, ...]) -> str:
    """One row per case: the median with all on, then each speed-up's off/on ratio."""
    header = ["case", "all on (ms)", *names]
    rows = [header, ["-" * len(h) for h in header]]
    for case, medians in results.items():
        on = medians["on"]
        rows.append([case, f"{on:.1f}", *(f"{medians[name] / on:.2f}x" for name in names)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)


if __name__ == "__main__":
    raise SystemExit(main())
