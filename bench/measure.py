"""Timing helpers: alternate the things compared, summarise samples, time whole commands."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Stat:
    """Median and range of a set of samples."""

    median: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stat:
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))

    def to_json(self) -> dict[str, float]:
        return {"median": self.median, "min": self.low, "max": self.high, "n": self.n}


def alternate(cases: dict[str, Callable[[], object]], runs: int, warmup: int = 1) -> dict[str, list]:
    """Call each case in turn (A B A B ...) `runs` times after `warmup` uncounted rounds."""
    results: dict[str, list] = {name: [] for name in cases}
    for round_ in range(warmup + runs):
        for name, case in cases.items():
            value = case()
            if round_ >= warmup:
                results[name].append(value)
    return results


class CommandFailed(Exception):
    """A benchmarked command exited with an error."""


def time_command(argv: Sequence[str], env: dict[str, str], cwd: str, timeout: float = 60) -> float:
    """Wall time of one whole process, in seconds; its stdout is discarded."""
    started = time.perf_counter()
    result = subprocess.run(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        last = result.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise CommandFailed(f"{' '.join(argv[2:])}: exit {result.returncode}: {last[0]}")
    return elapsed


def imported_modules(argv: Sequence[str], env: dict[str, str], cwd: str, timeout: float = 60) -> list[str]:
    """The modules a `python -X importtime ...` run imported, read from its stderr."""
    result = subprocess.run(
        argv,
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
        text=True,
    )
    names = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":
                names.append(name)
    return names


def imports_textual(modules: Sequence[str]) -> bool:
    return any(m == "textual" or m.startswith("textual.") for m in modules)
