"""Every screen change worth timing, one line each: where the aid starts, the key pressed, the text awaited.

A change starts the aid with saved answers at a place (resumed before the key), or with none (a first
visit, on the welcome). A negative position counts back from the end of the stage's steps on the short
path: ("cards", -1) is the page that ends the cards when the short path leaves cards out. Keys are read
from the screens' bindings and texts from the pack and the catalogue, so a renamed key or sentence cannot
leave the benchmark timing the wrong thing. To time a new screen, add a line to CHANGES, e.g.

    Change("card to its sources", bound("card:CardScreen", "sources"), lambda p, w: w("sources.title"), ...),
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace as copy
from importlib import import_module
from pathlib import Path
from typing import Any

from bench.tui import AppCase, key_bytes, marker

Place = tuple[str, int]


@dataclass(frozen=True)
class Change:
    """One screen change: `key` gives the key's name, `shows` the text that means the new screen is up."""

    name: str
    key: Callable[[], str]
    shows: Callable[[Any, Any], str]
    at: Place | None = None  # saved answers placed here and resumed; None: no saved answers
    resume: bool = True  # False: the key is pressed on the welcome, with the saved answers at `at`


def bound(screen: str, action: str) -> Callable[[], str]:
    """The key bound to `action` on a class given as 'module:Class' below decisionaid.tui (screens. is implied)."""

    def key() -> str:
        module, name = screen.split(":")
        package = "decisionaid.tui" if module == "app" else "decisionaid.tui.screens"
        cls = getattr(import_module(f"{package}.{module}"), name)
        for klass in cls.__mro__:
            for binding in getattr(klass, "BINDINGS", ()):
                key, act = (binding.key, binding.action) if hasattr(binding, "action") else binding[:2]
                if act.split(".")[-1] == action:
                    return key
        raise LookupError(f"{screen} binds no key to {action!r}")

    return key


def _pages():
    from decisionaid.core import pages

    return pages


def _journey(pack: Any) -> Any:
    from decisionaid.core.journey import Journey

    return Journey(pack)


def _first_on_path(pack: Any, words: Any, stage: str) -> str:
    """The text of the first step of `stage` on the short path."""
    journey = _journey(pack)
    return place_text(pack, None, words, *journey.first(stage))


def _contents_text(pack: Any, words: Any) -> str:
    """The list of every card, when the short path leaves cards out (only then is it on the short path)."""
    if not _journey(pack).left_out["cards"]:
        raise LookupError("the short path leaves no card out")
    return place_text(pack, None, words, "cards", len(pack.cards.cards))


CHANGES = [
    Change(
        "welcome to the first step",
        bound("welcome:WelcomeScreen", "start"),
        lambda p, w: place_text(p, None, w, *_journey(p).start()),
    ),
    Change(
        "options at a glance to the first card",
        bound("base:StepScreen", "next"),
        lambda p, w: _first_on_path(p, w, "cards"),
        at=("compare", 0),
    ),
    Change(
        "last card to the list of every card",
        bound("base:StepScreen", "next"),
        lambda p, w: _contents_text(p, w),
        at=("cards", -2),
    ),
    Change(
        "list of every card to self-check",
        bound("base:StepScreen", "next"),
        lambda p, w: _first_on_path(p, w, "self_check"),
        at=("cards", -1),
    ),
    Change(
        "self-check to values",
        bound("base:StepScreen", "next"),
        lambda p, w: _first_on_path(p, w, "values"),
        at=("self_check", -1),
    ),
    Change(
        "values to SURE", bound("base:StepScreen", "next"), lambda p, w: p.sure.sure.items[0].text, at=("values", -1)
    ),
    Change(
        "SURE to the question list", bound("base:StepScreen", "next"), lambda p, w: w("summary.title"), at=("sure", -1)
    ),
    Change(
        "crisis help (modal)", bound("app:DecisionAidApp", "crisis"), lambda p, w: _pages().crisis(p, w).lines[0].text
    ),
    Change("keys (modal)", bound("app:DecisionAidApp", "help"), lambda p, w: "Keys: Welcome"),
    Change(
        "a card to the map (modal)", bound("app:DecisionAidApp", "map"), lambda p, w: w("map.title"), at=("cards", 0)
    ),
    Change(
        "export dialog (modal)",
        bound("summary:SummaryScreen", "export"),
        lambda p, w: w("export.title"),
        at=("summary", 0),
    ),
    Change(
        "confirm start over (modal)",
        bound("welcome:WelcomeScreen", "start"),
        lambda p, w: w("confirm.start_over"),
        at=("cards", 0),
        resume=False,
    ),
]


def place_text(pack: Any, session: Any, words: Any, stage: str, position: int) -> str:
    """A text that is on the screen of a place and not on the welcome: how a resume is seen to be done."""
    from decisionaid.core.session import Session

    pages, journey = _pages(), _journey(pack)
    session = session or Session(pack=pack.meta.id)
    if stage == "compare":
        return words("compare.lead", count=len(pack.options))
    if stage == "cards":
        cards = pack.ordered_cards()
        return cards[position].title if position < len(cards) else words("contents.hint")
    if stage == "self_check":
        items = pack.self_check.self_check
        if position < len(items):
            return items[position].prompt
        return pages.learnt_page(pack, journey, session, words).title
    if stage == "values":
        values = pack.values.values
        return values[position].statement if position < len(values) else words("values_more.title")
    if stage == "sure":
        return pack.sure.sure.items[position].text
    if stage == "summary":
        return words("summary.title")
    raise ValueError(f"no known text for the place {stage!r}")


def change_cases(pack_dir: Path, changes: list[Change] | None = None) -> tuple[dict[str, AppCase], dict[str, str]]:
    """An AppCase per change that this pack has (by name), and why each other one was left out."""
    from bench.packgen import full_session
    from decisionaid.content import load_pack
    from decisionaid.core.catalogue import load_catalogue
    from decisionaid.core.journey import Journey
    from decisionaid.storage.paths import session_path

    pack, words = load_pack(pack_dir), load_catalogue()
    journey = Journey(pack)
    quit_key = key_bytes(bound("app:DecisionAidApp", "quit")())
    resume = key_bytes(bound("welcome:WelcomeScreen", "resume")())
    cases, skipped = {}, {}
    for change in changes or CHANGES:
        try:
            case = AppCase(
                name=change.name,
                argv=[sys.executable, "-m", "decisionaid", "--pack", str(pack_dir)],
                title=marker(pack.meta.title),
                key=key_bytes(change.key()),
                after_key=marker(change.shows(pack, words)),
                quit_key=quit_key,
            )
            if change.at is not None:
                stage, position = change.at
                if position < 0:
                    position = [p for s, p in journey.steps if s == stage][position]
                session = full_session(pack, stage, position)
                saved = (session_path(pack.meta.id).name, session.to_toml())
                prelude = (
                    ((resume, marker(place_text(pack, session, words, stage, position))),) if change.resume else ()
                )
                case = copy(case, prelude=prelude, saved_answers=saved)
        except (IndexError, AttributeError, LookupError, ValueError) as exc:
            skipped[change.name] = f"{type(exc).__name__}: {exc}"
            continue
        cases[change.name] = case
    return cases, skipped
