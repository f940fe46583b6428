"""The results as a text table and as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Stat


@dataclass
class Row:
    """One line of the table: a measurement, its baseline if any, and the target it is held to."""

    measure: str
    value: Stat | None
    unit: str
    baseline: Stat | None = None
    target: str = ""
    passed: bool | None = None
    note: str = ""
    textual: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline is None or not self.baseline.median:
            return None
        return self.value.median / self.baseline.median

    @property
    def ratio_of_minimums(self) -> float | None:
        """Less sensitive to other load on a shared machine than the ratio of medians."""
        if self.value is None or self.baseline is None or not self.baseline.low:
            return None
        return self.value.low / self.baseline.low

    def to_json(self) -> dict:
        return {
            "measure": self.measure,
            "unit": self.unit,
            "value": self.value.to_json() if self.value else None,
            "baseline": self.baseline.to_json() if self.baseline else None,
            "ratio": self.ratio,
            "ratio_of_minimums": self.ratio_of_minimums,
            "target": self.target,
            "passed": self.passed,
            "note": self.note,
            "imports_textual": {"yes": True, "no": False}.get(self.textual),
            **self.extra,
        }


def show(stat: Stat | None, unit: str) -> str:
    if stat is None:
        return "unavailable"
    digits = 2 if unit in ("ms", "µs") and stat.median < 10 else 1 if unit in ("ms", "µs", "MiB") else 3
    return f"{stat.median:.{digits}f} ({stat.low:.{digits}f}-{stat.high:.{digits}f}) {unit}"


def verdict(passed: bool | None) -> str:
    return {True: "PASS", False: "MISS", None: "-"}[passed]


def table(header: list[str], rows: list[Row]) -> str:
    """A plain-text table: medians with min-max in brackets; ratios of medians, and of minimums."""
    titles = ["measure", "decisionaid", "baseline", "ratio", "target", "result", "imports textual", "note"]
    cells = [
        [
            r.measure,
            show(r.value, r.unit),
            show(r.baseline, r.unit) if r.baseline else "",
            f"{r.ratio:.2f}x (min {r.ratio_of_minimums:.2f}x)" if r.ratio is not None else "",
            r.target,
            verdict(r.passed),
            r.textual,
            r.note,
        ]
        for r in rows
    ]
    widths = [max(len(t), *(len(c[i]) for c in cells)) for i, t in enumerate(titles)]
    lines = [*header, ""]
    lines.append("  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def write_json(path: Path, machine: dict, rows: list[Row]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": machine, "rows": [r.to_json() for r in rows]}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
