"""The interactive measurements: time to first paint, key-to-screen latency and peak memory."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from bench.terminal import Terminal, peak_rss_mib, program_peak_rss_mib

KEY_BYTES = {
    "enter": b"\r",
    "space": b" ",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "tab": b"\t",
    "escape": b"\x1b",
    "question_mark": b"?",
    "f2": b"\x1bOQ",
    "end": b"\x1b[F",
}


def key_bytes(key: str) -> bytes:
    """What a terminal sends for a Textual key name (the first, if several are bound)."""
    first = key.split(",")[0].strip()
    if first in KEY_BYTES:
        return KEY_BYTES[first]
    if first.startswith("ctrl+") and len(first) == 6:
        return bytes([ord(first[-1]) & 0x1F])
    if len(first) == 1:
        return first.encode()
    raise ValueError(f"no terminal bytes known for key {key!r}")


def marker(text: str, limit: int = 40) -> str:
    """A prefix of `text` that fits on one line, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut or text[:limit]


@dataclass(frozen=True)
class AppCase:
    """One app to drive: how to start it, what its first screen shows, which key moves it and to what."""

    name: str
    argv: list[str]
    title: str
    key: bytes
    after_key: str
    quit_key: bytes
    prelude: tuple[tuple[bytes, str], ...] = ()  # keys pressed, and the text awaited, before the timed key
    saved_answers: tuple[str, str] | None = None  # (file name, TOML) put in the data folder before start
    cold_cache: bool = False  # an empty cache folder for each run: the pack is checked in full before painting


@dataclass(frozen=True)
class TuiSample:
    first_paint: float
    key_latency: float
    peak_rss_mib: float


def run_once(case: AppCase, env: dict[str, str], cwd: str, timeout: float = 30) -> TuiSample:
    """Start the app, wait for its title, press the key, wait for the new text, quit; one sample."""
    with tempfile.TemporaryDirectory(prefix="decisionaid-bench-data-") as data:
        child_env = {**env, "DECISIONAID_DATA_DIR": data}
        if case.cold_cache:
            child_env["DECISIONAID_CACHE_DIR"] = str(Path(data) / "cache")
        if case.saved_answers:
            name, text = case.saved_answers
            (Path(data) / name).write_text(text, encoding="utf-8")
        with Terminal(case.argv, child_env, cwd) as term:
            painted = term.wait_for(case.title, timeout)
            first_paint = painted - term.started
            term.wait_quiet()
            for key, text in case.prelude:
                if marker(text) in term.text():
                    raise RuntimeError(f"{case.name}: {text!r} is on screen before {key!r} is pressed")
                term.send(key)
                term.wait_for(text, timeout)
                term.wait_quiet()
            if marker(case.after_key) in term.text():
                raise RuntimeError(f"{case.name}: {case.after_key!r} is on screen before the key is pressed")
            sent = term.send(case.key)
            key_latency = term.wait_for(case.after_key, timeout) - sent
            term.wait_quiet()
            peak = program_peak_rss_mib(term.pid)  # after the key's work, before quitting
            rusage = term.finish(case.quit_key)
    return TuiSample(first_paint, key_latency, peak if peak is not None else peak_rss_mib(rusage))


def minimal_case(switch_screen: bool = False) -> AppCase:
    """The minimal app; its key updates the Static, or with `switch_screen` shows a new screen."""
    from bench import minimal_app

    return AppCase(
        name="minimal Textual app" + (" (screen switch)" if switch_screen else ""),
        argv=[sys.executable, "-m", "bench.minimal_app"],
        title=minimal_app.TITLE,
        key=key_bytes(minimal_app.SCREEN_KEY if switch_screen else minimal_app.NEXT_KEY),
        after_key=minimal_app.ON_NEW_SCREEN if switch_screen else minimal_app.AFTER_KEY,
        quit_key=key_bytes(minimal_app.QUIT_KEY),
    )


def in_place_cases(pack_dir: Path) -> dict[str, AppCase]:
    """Keys that change the screen in place, with keys read from the code and expected text from the pack:
    'next' (the short path's first card to its second) and 'answer' (answering the short path's first
    self-check question), both resumed from saved answers. Screen changes are in bench.screens."""
    from decisionaid.content import load_pack
    from decisionaid.core.catalogue import load_catalogue
    from decisionaid.core.journey import Journey
    from decisionaid.core.self_check import verdict
    from decisionaid.core.session import Session
    from decisionaid.storage.paths import session_path
    from decisionaid.tui.app import DecisionAidApp
    from decisionaid.tui.screens.base import StepScreen
    from decisionaid.tui.screens.welcome import WelcomeScreen

    pack = load_pack(pack_dir)
    cards = pack.ordered_cards()
    journey = Journey(pack)
    start = key_bytes(_bound_key(WelcomeScreen.BINDINGS, "start", "s"))
    resume = key_bytes(_bound_key(WelcomeScreen.BINDINGS, "resume", "r"))
    base = AppCase(
        name="decisionaid",
        argv=[sys.executable, "-m", "decisionaid", "--pack", str(pack_dir)],
        title=marker(pack.meta.title),
        key=start,
        after_key=marker(cards[0].title),
        quit_key=key_bytes(_bound_key(DecisionAidApp.BINDINGS, "quit", "ctrl+q")),
    )
    cases = {}
    short_cards = journey.short["cards"]
    if len(short_cards) > 1:
        first, second = (cards[i] for i in short_cards[:2])
        saved = replace(Session.new(pack), stage="cards", position=short_cards[0])
        cases["next"] = replace(
            base,
            name="decisionaid (next card)",
            prelude=((resume, marker(first.title)),),
            key=key_bytes(_bound_key(StepScreen.BINDINGS, "next", "n")),
            after_key=marker(second.title),
            saved_answers=(session_path(pack.meta.id).name, saved.to_toml()),
        )
    if journey.short["self_check"]:
        position = journey.short["self_check"][0]
        item = pack.self_check[position]
        saved = replace(Session.new(pack), stage="self_check", position=position)
        cases["answer"] = replace(
            base,
            name="decisionaid (answer a question)",
            prelude=((resume, marker(item.prompt)),),
            key=b"1",
            after_key=load_catalogue()(f"verdict.{verdict(item, item.choices[0].id).value}").split(" ", 1)[1],
            saved_answers=(session_path(pack.meta.id).name, saved.to_toml()),
        )
    return cases


def _bound_key(bindings: list, action: str, default: str) -> str:
    for binding in bindings:
        key, bound = (binding.key, binding.action) if hasattr(binding, "action") else (binding[0], binding[1])
        if bound == action:
            return key
    return default
