"""`python -m bench.speedups`: what each of the aid's speed-ups (decisionaid/tui/speedups) saves, today.

The aid walks through every kind of screen (cards and questions in place, dialogs, the question list) with every
speed-up on, and again with each one turned off in turn. For the first screen and for the walk it counts the
Python calls made on the interface's thread, which do not depend on how busy the machine is, and the processor
time it took (median of `--runs` walks, the variants alternated walk by walk). The shipped pack's question list,
the longest screen, is counted the same way. Each cell is the figure with that speed-up off over the figure with
all on: above 1.00x it saves work. Two speed-ups act on a whole process (the collector paused at the start, the
screens' code imported in the background): they are timed on the terminal, a new process each run, with them on
and off alternated run by run. A speed-up that no longer shows a gain is a candidate to drop.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.__main__ import BENCH_ROOT, child_env
from bench.measure import alternate
from bench.screens import change_cases
from bench.tui import run_once

PACK = BENCH_ROOT / "tests" / "packs" / "commute"  # the pack whose keys the walk is written for
SHIPPED = BENCH_ROOT / "content" / "ketamine"
WHOLE_PROCESS = ("paint_later", "import_later")  # timed on the terminal, a new process each run
TERMINAL_CASES = {
    "welcome to the first step": ("first_paint", "key_latency"),
    "list of every card to self-check": ("key_latency",),
}
# The keys of a walk through every kind of screen: cards turned in place, questions answered in place, dialogs
# opened and closed over a step (each changes the footer's keys), and the question list with its tick boxes.
WALK = ["s", "n", "n", "right", "f2", "escape", "right", "right", "right", "right", "2", "question_mark", "escape"]
WALK += ["n", "n", "1", "n", "m", "escape", "n", "1", "n", "2", "n", "1", "n", "1", "n", "tab", "space"]
SIZE = (100, 30)


class Calls:
    """Counts the Python calls made on this thread while it is on (sys.setprofile)."""

    def __init__(self) -> None:
        self.count = 0

    def __enter__(self) -> Calls:
        sys.setprofile(self._seen)
        return self

    def __exit__(self, *_: object) -> None:
        sys.setprofile(None)

    def _seen(self, _frame: object, event: str, _arg: object) -> None:
        if event == "call":
            self.count += 1


async def walk(off: str, *, count: bool) -> tuple[float, float]:
    """(first screen, the walk's keys): Python calls with `count`, else processor ms; the speed-ups `off` off."""
    from decisionaid.content import load_pack

    with _variant(off) as (data, make_app):
        pack = load_pack(PACK)
        calls, started = Calls(), time.process_time()
        with calls if count else contextlib.nullcontext():
            app = make_app(pack, theme="textual-dark", export_dir=data)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                first = calls.count if count else (time.process_time() - started) * 1000
                calls.count, started = 0, time.process_time()
                for key in WALK:
                    await pilot.press(key)
                    await pilot.pause()
                keys = calls.count if count else (time.process_time() - started) * 1000
    return first, keys


async def question_list(off: str) -> int:
    """The Python calls that open the shipped pack's question list, the speed-ups `off` off."""
    from decisionaid.content import load_pack

    with _variant(off) as (_, make_app), Calls() as calls:
        app = make_app(load_pack(SHIPPED), theme="textual-dark", at=("summary", 0))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            return calls.count


@contextlib.contextmanager
def _variant(off: str) -> Iterator[tuple[Path, Callable[..., Any]]]:
    """The speed-ups `off` turned off, a data folder of its own, and the app factory."""
    from decisionaid.tui import speedups
    from decisionaid.tui.factory import make_app

    speedups.OFF = speedups.turned_off(off)
    with tempfile.TemporaryDirectory(prefix="decisionaid-bench-") as data:
        os.environ["DECISIONAID_DATA_DIR"] = data
        yield Path(data), make_app


def in_process(names: tuple[str, ...], runs: int) -> str:
    """The table of calls and processor time, each speed-up off against all on."""
    variants = {"on": "on", **{name: f"off:{name}" for name in names}}
    asyncio.run(walk("on", count=False))  # a warm-up: modules imported, the packs compiled
    asyncio.run(question_list("on"))
    calls = {
        name: (*asyncio.run(walk(off, count=True)), asyncio.run(question_list(off))) for name, off in variants.items()
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, off in variants.items():
            times[name].append(asyncio.run(walk(off, count=False)))
    cpu = {name: [statistics.median(run[i] for run in samples) for i in (0, 1)] for name, samples in times.items()}
    header = ["speed-up off", "first screen: calls", "time", "walk: calls", "time", "question list: calls"]
    on = [calls["on"][0], cpu["on"][0], calls["on"][1], cpu["on"][1], calls["on"][2]]
    rows = [header, ["(all on)", f"{on[0]:,}", f"{on[1]:.0f} ms", f"{on[2]:,}", f"{on[3]:.0f} ms", f"{on[4]:,}"]]
    for name in names:
        mine = [calls[name][0], cpu[name][0], calls[name][1], cpu[name][1], calls[name][2]]
        rows.append([name, *(f"{m / o:.2f}x" for m, o in zip(mine, on, strict=True))])
    return aligned(rows)


def on_the_terminal(names: tuple[str, ...], runs: int) -> str:
    """The table of terminal times (a new process each run), each speed-up off against all on."""
    variants = {"on": "on", **{name: f"off:{name}" for name in names}}
    changes, _ = change_cases(SHIPPED)
    env = {**child_env(BENCH_ROOT), "DECISIONAID_CACHE_DIR": os.environ["DECISIONAID_CACHE_DIR"]}
    rows = [["speed-up off", "case", "all on", "off / on"]]
    for case_name, measures in TERMINAL_CASES.items():
        case = changes[case_name]
        samples = alternate({name: _run(case, env, off) for name, off in variants.items()}, runs)
        for measure in measures:
            median = {name: statistics.median(getattr(s, measure) * 1000 for s in got) for name, got in samples.items()}
            for name in names:
                rows.append(
                    [name, f"{case_name} ({measure})", f"{median['on']:.0f} ms", f"{median[name] / median['on']:.2f}x"]
                )
    return aligned(rows)


def _run(case: Any, env: dict[str, str], off: str) -> Callable[[], Any]:
    return lambda: run_once(case, {**env, "DECISIONAID_SPEEDUPS": off}, str(BENCH_ROOT))


def aligned(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speedups", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed walks and terminal runs of each variant")
    parser.add_argument("--out", type=Path, default=BENCH_ROOT / "bench" / "results" / "speedups.txt")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(BENCH_ROOT))
    os.environ["DECISIONAID_CACHE_DIR"] = tempfile.mkdtemp(prefix="decisionaid-bench-cache-")
    from decisionaid.tui.speedups import NAMES

    report = in_process(tuple(n for n in NAMES if n not in WHOLE_PROCESS), args.runs)
    print(report, flush=True)
    report += "\n\n" + (terminal := on_the_terminal(WHOLE_PROCESS, args.runs))
    print("\n" + terminal)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
