"""The parts of the benchmark, each returning table rows."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.measure import CommandFailed, Stat, alternate, imported_modules, imports_textual, time_command
from bench.packgen import generate_pack, shape, write_session
from bench.report import Row
from bench.screens import CHANGES, change_cases
from bench.tui import AppCase, in_place_cases, minimal_case, run_once

COMMUTE = Path("tests") / "packs" / "commute"
SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100, 1_000)
LINEAR_LIMIT = 1.5  # cost per card at 10,000 relative to 1,000: a quadratic term gives ~10x, n log n 1.33x


def shipped_packs(repo: Path) -> list[Path]:
    root = repo / "content"
    return sorted(p for p in root.iterdir() if (p / "pack.toml").exists()) if root.is_dir() else []


def choose_pack(repo: Path, wanted: Path | None) -> tuple[Path, str]:
    """The pack to run: the one asked for, the first shipped pack that validates, or the commute test pack."""
    from decisionaid.content import ContentError, load_pack

    if wanted:
        return wanted.resolve(), ""
    skipped = []
    for folder in shipped_packs(repo):
        try:
            load_pack(folder)
            return folder, "shipped"
        except ContentError as exc:
            skipped.append(f"shipped pack '{folder.name}' does not validate yet: {len(exc.problems)} problem(s)")
    return repo / COMMUTE, "; ".join(skipped) or "no shipped pack"


# --- 1, 2, 5: first paint, key latency, peak memory ------------------------------------

FIRST = CHANGES[0].name  # welcome to the first card: its runs also give the first paint and the peak memory
QUESTION_LIST = "SURE to the question list"
BIG_PACK = 10_000


def tui_rows(pack_dir: Path, env: dict[str, str], repo: Path, runs: int, scratch: Path, quick: bool) -> list[Row]:
    """Every screen change against the minimal app's screen push; keys in place against its Static update;
    first paint and peak memory against its start; the question list of a 10,000-card pack against the pack's."""
    env = {**env, "DECISIONAID_CACHE_DIR": str(scratch / "cache")}  # shared: the warm-up round fills it
    changes, skipped = change_cases(pack_dir)
    in_place = in_place_cases(pack_dir)
    cases = {f"change: {name}": case for name, case in changes.items()}
    cases |= {f"key: {name}": case for name, case in in_place.items()}
    cases |= {"minimal": minimal_case(), "switch": minimal_case(switch_screen=True)}
    if FIRST in changes:
        cases["cold"] = replace(changes[FIRST], name="first start of a changed pack", cold_cache=True)
    big = None
    if not quick and QUESTION_LIST in changes:
        folder = generate_pack(repo / COMMUTE, scratch / f"screens-{BIG_PACK}", BIG_PACK)
        big_cases, _ = change_cases(folder, [c for c in CHANGES if c.name == QUESTION_LIST])
        big = cases["big"] = big_cases[QUESTION_LIST]
    samples = alternate(
        {name: (lambda case=case: run_once(case, env, str(repo), timeout=120)) for name, case in cases.items()}, runs
    )

    def stat(case: str, attr: str, scale: float = 1000) -> Stat:
        return Stat.of([getattr(s, attr) * scale for s in samples[case]])

    def row(measure: str, case: str, attr: str, base: str, limit: float | None, note: str, unit: str = "ms") -> Row:
        scale = 1 if unit == "MiB" else 1000
        r = Row(measure, stat(case, attr, scale), unit, stat(base, attr, scale), note=note)
        if limit is not None:
            r.target = f"<= {limit}x"
            r.passed = r.ratio <= limit
        return r

    def key_note(case: AppCase) -> str:
        return f"key {case.key.decode(errors='replace')!r} until {case.after_key!r}"

    rows = []
    if FIRST in changes:
        first = f"change: {FIRST}"
        rows.append(
            row(
                "1. first paint (spawn to title)",
                first,
                "first_paint",
                "minimal",
                1.25,
                f"until {changes[FIRST].title!r}; minimal app: spawn to its Static",
            )
        )
        rows.append(
            row(
                "1. first paint, pack checked in full",
                "cold",
                "first_paint",
                "minimal",
                None,
                "an empty cache folder each run: a new or changed pack (reference)",
            )
        )
    for name, case in in_place.items():
        rows.append(
            row(
                f"2. key in place: {case.name.removeprefix('decisionaid (').rstrip(')')}",
                f"key: {name}",
                "key_latency",
                "minimal",
                2,
                key_note(case) + "; minimal app updates its Static",
            )
        )
    for name, case in changes.items():
        rows.append(
            row(
                f"2. screen change: {name}",
                f"change: {name}",
                "key_latency",
                "switch",
                2,
                key_note(case) + "; minimal app pushes a Header+Static+Footer screen",
            )
        )
    rows += [
        Row(f"2. screen change: {name}", None, "ms", note=f"not in this pack: {why}") for name, why in skipped.items()
    ]
    if big is not None:
        rows.append(
            row(
                f"2. question list, {BIG_PACK:,} generated cards",
                "big",
                "key_latency",
                f"change: {QUESTION_LIST}",
                2,
                f"every card read; baseline: the same change on {pack_dir.name}",
            )
        )
    if FIRST in changes:
        rows.append(
            row(
                "5. peak RSS (paint, key, quit)",
                f"change: {FIRST}",
                "peak_rss_mib",
                "minimal",
                1.25,
                "VmHWM after the key (from exec: not the forked bench); minimal app: its start and key",
                unit="MiB",
            )
        )
    return rows


# --- 3: content load and validation ---------------------------------------------------


def time_load(folder: Path, runs: int) -> tuple[Stat, str]:
    """In-process load_pack of one folder (after one warm-up call); a pack that fails is timed to its error."""
    from decisionaid.content import ContentError, load_pack

    note = ""
    samples = []
    for i in range(runs + 1):
        gc.collect()  # start each sample without the previous one's garbage
        started = time.perf_counter()
        try:
            load_pack(folder)
        except ContentError as exc:
            note = f"invalid ({len(exc.problems)} problems): timed to the error"
        if i:
            samples.append((time.perf_counter() - started) * 1000)
    return Stat.of(samples), note


def time_phases(folder: Path, runs: int) -> dict[str, float]:
    """Best ms of load_pack's three phases, run one by one: TOML parsing, model validation, cross-file checks.

    As in timeit, the garbage collector is off and the fastest run counts, so each phase shows its own growth
    rather than the machine's noise.
    """
    import tomllib

    from decisionaid.content import PACK_FIELDS, PACK_FILES, Pack
    from decisionaid.content.cross_checks import cross_check

    samples: dict[str, list[float]] = {"toml": [], "validate": [], "cross-check": []}
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            data = {
                name: tomllib.loads((folder / file).read_text(encoding="utf-8"))
                for name, file in PACK_FILES.items()
                if (folder / file).exists()
            }
            parsed = time.perf_counter()
            models = {name: Pack.model_fields[PACK_FIELDS[name]].annotation for name in data}
            pack = Pack(**{name: models[name].model_validate(d) for name, d in data.items()})
            validated = time.perf_counter()
            cross_check({name: pack.file(name) for name in PACK_FILES}, folder)
            checked = time.perf_counter()
        finally:
            gc.enable()
        for phase, ms in zip(samples, (parsed - started, validated - parsed, checked - validated), strict=True):
            samples[phase].append(ms * 1000)
    return {phase: min(ms) for phase, ms in samples.items()}


def load_rows(repo: Path, pack_dir: Path, scratch: Path, runs: int, quick: bool) -> list[Row]:
    rows = []
    for folder in dict.fromkeys([*shipped_packs(repo), pack_dir]):
        stat, note = time_load(folder, runs)
        shipped = folder.parent == repo / "content"
        phases = time_phases(folder, runs) if not note else {}
        split = " / ".join(f"{phase} {ms:.2f}" for phase, ms in phases.items())
        rows.append(
            Row(
                f"3. load_pack {folder.name}",
                stat,
                "ms",
                target="<= 25 ms" if shipped else "",
                passed=stat.median <= 25 if shipped else None,
                note=note or f"ms: {split}",
                extra={"phases_ms": phases},
            )
        )
        rows += open_rows(folder, scratch, runs)
    per_card: dict[int, dict[str, float]] = {}
    for cards in QUICK_SIZES if quick else SIZES:
        folder = generate_pack(repo / COMMUTE, scratch / f"generated-{cards}", cards)
        stat, note = time_load(folder, runs)
        phases = time_phases(folder, runs)
        per_card[cards] = {
            "load_pack": stat.median * 1000 / cards,
            **{phase: ms * 1000 / cards for phase, ms in phases.items()},
        }
        size = shape(cards)
        split = " / ".join(f"{phase} {us:.1f}" for phase, us in per_card[cards].items())
        row = Row(
            f"3. load_pack {cards:,} generated cards",
            stat,
            "ms",
            note=f"µs/card: {split} (phases: best run, GC off); {size['sources']} sources, "
            f"{size['sections']} sections, {size['options']} options {note}".rstrip(),
            extra={"us_per_card": per_card[cards], "phases_ms": phases, "shape": size},
        )
        if cards > 1_000:
            growth = {phase: us / per_card[1_000][phase] for phase, us in per_card[cards].items()}
            worst = max(growth, key=growth.get)
            row.target = f"linear: µs/card (each phase) <= {LINEAR_LIMIT}x that at 1,000"
            row.passed = growth[worst] <= LINEAR_LIMIT
            row.note = f"vs 1,000: {growth['load_pack']:.2f}x overall, worst {worst} {growth[worst]:.2f}x; " + row.note
            row.extra["growth_vs_1000"] = growth
        rows.append(row)
        rows += open_rows(folder, scratch, runs)
    return rows


def open_rows(folder: Path, scratch: Path, runs: int) -> list[Row]:
    """In-process open_pack of files already checked: what a start costs for the pack (none before compiling)."""
    import os

    try:
        from decisionaid.cache.packs import open_pack
    except ImportError:  # a tree from before compiled packs
        return []
    os.environ["DECISIONAID_CACHE_DIR"] = str(scratch / "cache-load")
    open_pack(folder)  # checked in full once, and kept
    samples = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        open_pack(folder)
        samples.append((time.perf_counter() - started) * 1000)
    cards = len(open_pack(folder).cards)
    stat = Stat.of(samples)
    return [
        Row(
            f"3. open_pack {folder.name} (unchanged: compiled)",
            stat,
            "ms",
            note=f"{stat.median * 1000 / cards:.1f} µs/card; hash of the files, JSON, plain classes",
        )
    ]


# --- 4: whole commands ----------------------------------------------------------------


def command_rows(pack_dir: Path, env: dict[str, str], repo: Path, scratch: Path, runs: int) -> list[Row]:
    py = sys.executable
    session = write_session(pack_dir, scratch / "answers.toml")
    data_env = {**env, "DECISIONAID_DATA_DIR": str(scratch / "data"), "DECISIONAID_CACHE_DIR": str(scratch / "cache")}
    commands = {
        "import pydantic": [py, "-c", "import pydantic"],
        "from pydantic import BaseModel": [py, "-c", "from pydantic import BaseModel"],
        "validate": [py, "-m", "decisionaid", "validate", str(pack_dir)],
        "export": [py, "-m", "decisionaid", "export", "--pack", str(pack_dir), "--session", str(session), "-o", "-"],
    }
    cases, broken = {}, {}
    for name, argv in commands.items():
        try:
            time_command(argv, data_env, str(repo))
            cases[name] = lambda argv=argv: time_command(argv, data_env, str(repo))
        except CommandFailed as exc:
            broken[name] = str(exc)
    if "validate" in cases:
        cases["validate in full"] = lambda: time_command(commands["validate"], cold_env(data_env, scratch), str(repo))
    samples = {name: Stat.of([s * 1000 for s in values]) for name, values in alternate(cases, runs).items()}
    base = samples.get("import pydantic")
    rows = [
        Row("4. python -c 'import pydantic'", base, "ms", note="the baseline"),
        Row(
            "4. python -c 'from pydantic import BaseModel'",
            samples.get("from pydantic import BaseModel"),
            "ms",
            base,
            note="for reference: what defining any model costs first",
        ),
    ]
    if "validate in full" in samples:
        rows.append(
            Row(
                "4. decisionaid validate, pack checked in full",
                samples["validate in full"],
                "ms",
                base,
                note="an empty cache folder each run: a new or changed pack (reference)",
            )
        )
    for name in ("validate", "export"):
        argv = commands[name]
        if name in broken:
            rows.append(
                Row(
                    f"4. decisionaid {name}",
                    None,
                    "ms",
                    target="<= 2x, no textual",
                    passed=False,
                    note=f"unavailable: {broken[name]}",
                )
            )
            continue
        modules = imported_modules([py, "-X", "importtime", *argv[1:]], data_env, str(repo))
        textual = imports_textual(modules)
        row = Row(
            f"4. decisionaid {name}",
            samples[name],
            "ms",
            base,
            target="<= 2x, no textual",
            textual="yes" if textual else "no",
            note=f"{len(modules)} modules imported",
            extra={"modules_imported": len(modules)},
        )
        row.passed = row.ratio is not None and row.ratio <= 2 and not textual
        rows.append(row)
    return rows


def cold_env(env: dict[str, str], scratch: Path) -> dict[str, str]:
    """`env` with a new, empty cache folder: the command finds no compiled pack and checks it in full."""
    return {**env, "DECISIONAID_CACHE_DIR": tempfile.mkdtemp(prefix="cold-cache-", dir=scratch)}
