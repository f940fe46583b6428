"""Every screen change worth timing, one line each: where the aid starts, the key pressed, the text awaited.

A change starts the aid with saved answers at a place (resumed before the key), or with none (a first
visit, on the welcome). The position counts along the stage's steps on the short path, a negative one
back from its end: ("self_check", 0) is the first question on the short path, ("cards", -1) the page that
ends the cards when the short path leaves cards out. Keys are read
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
    ready: tuple[Callable[[], str], Callable[[Any, Any], str]] | None = None  # an untimed key first, and its text


def bound(screen: str, action: str, *, letter: bool = False, priority: bool = False) -> Callable[[], str]:
    """The key bound to `action` on a class given as 'module:Class' below decisionaid.tui (screens. is implied
    for a module without a dot);
    with `letter`, its first key that is a letter (arrow keys move within a table, for example); with `priority`,
    a key bound with priority, which works even where a text field has the focus."""

    def key() -> str:
        module, name = screen.split(":")
        package = "decisionaid.tui" if module == "app" or "." in module else "decisionaid.tui.screens"
        cls = getattr(import_module(f"{package}.{module}"), name)
        for klass in cls.__mro__:
            for binding in getattr(klass, "BINDINGS", ()):
                key, act = (binding.key, binding.action) if hasattr(binding, "action") else binding[:2]
                if act.split(".")[-1] != action or (priority and not getattr(binding, "priority", False)):
                    continue
                if not letter:
                    return key
                letters = [k.strip() for k in key.split(",") if len(k.strip()) == 1 and k.strip().isalpha()]
                if letters:
                    return letters[0]
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


def _step_after(stage: str, index: int) -> Callable[[Any, Any], str]:
    """The text of the step after the `index`-th step of `stage` on the short path (as in Change.at)."""

    def shows(pack: Any, words: Any) -> str:
        from bench.packgen import full_session

        steps = _journey(pack).steps
        here = steps.index(path_place(pack, stage, index))
        return place_text(pack, full_session(pack), words, *steps[here + 1])

    return shows


def _card_of_first_cell(pack: Any, words: Any) -> str:
    """The card that Enter opens from the comparison table's first cell (the one that has the focus)."""
    from decisionaid.core.comparison import comparison

    card = comparison(pack, words).rows[0].cells[0].card
    if card is None:
        raise LookupError("the comparison table's first cell has no card")
    return pack.ordered_cards()[card].body


def _card_to_reopen(pack: Any, words: Any) -> str:
    """The card that the first self-check question on the short path reopens, once answered."""
    stage, position = path_place(pack, "self_check", 0)
    cards = pack.self_check[position].cards
    if not cards:
        raise LookupError("the first self-check question on the short path names no card")
    return pack.card(cards[0]).body


def _contents_text(pack: Any, words: Any) -> str:
    """The list of every card, when the short path leaves cards out (only then is it on the short path)."""
    if not _journey(pack).left_out["cards"]:
        raise LookupError("the short path leaves no card out")
    return place_text(pack, None, words, "cards", len(pack.cards))


CHANGES = [
    Change(
        "welcome to the first step",
        bound("welcome:WelcomeScreen", "start"),
        lambda p, w: place_text(p, None, w, *_journey(p).start()),
    ),
    Change(
        "options at a glance to the first card",
        bound("base:StepScreen", "next", letter=True),
        lambda p, w: _first_on_path(p, w, "cards"),
        at=("compare", 0),
        ready=(  # n shows each row of a table taller than the window before it moves on: the last row first
            bound("widgets.comparison_table:ComparisonTable", "scroll_bottom"),
            lambda p, w: p.comparison[-1].question,
        ),
    ),
    Change(
        "first card back to options at a glance",
        bound("base:StepScreen", "back"),
        lambda p, w: place_text(p, None, w, "compare", 0),
        at=("cards", 0),
    ),
    Change(
        "options at a glance: a cell's card (modal)",
        bound("widgets.comparison_table:ComparisonTable", "select_cursor"),
        _card_of_first_cell,
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
        "a self-check question to the next",
        bound("base:StepScreen", "next"),
        _step_after("self_check", 0),
        at=("self_check", 0),
    ),
    Change(
        "last self-check question to what you learnt",
        bound("base:StepScreen", "next"),
        _step_after("self_check", -2),
        at=("self_check", -2),
    ),
    Change(
        "self-check: reopen a card (modal)",
        bound("self_check:SelfCheckScreen", "reopen"),
        _card_to_reopen,
        at=("self_check", 0),
    ),
    Change(
        "self-check to values",
        bound("base:StepScreen", "next"),
        lambda p, w: _first_on_path(p, w, "values"),
        at=("self_check", -1),
    ),
    Change("a value to the next", bound("base:StepScreen", "next"), _step_after("values", 0), at=("values", 0)),
    Change("values to SURE", bound("base:StepScreen", "next"), lambda p, w: p.sure.items[0].text, at=("values", -1)),
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
        bound("welcome:WelcomeScreen", "start_over"),
        lambda p, w: w("confirm.start_over"),
        at=("cards", 0),
        resume=False,
    ),
]


def path_place(pack: Any, stage: str, index: int) -> Place:
    """The `index`-th step of `stage` on the short path (negative: from its end)."""
    return [step for step in _journey(pack).steps if step[0] == stage][index]


SHOWN_FIRST = {  # by kind of page: a text near the top of its screen, and on no other
    "compare": lambda page: page.table.lead,
    "card": lambda page: page.card.title,
    "contents": lambda page: page.contents.hint,
    "question": lambda page: page.prompt,
    "offers": lambda page: page.page.lines[0].text if page.page.lines else page.page.title,
    "value": lambda page: page.statement,
    "sure": lambda page: page.text,
    "summary": lambda page: page.title,
}


def place_text(pack: Any, session: Any, words: Any, stage: str, position: int) -> str:
    """A text that is on the screen of a place and not on the welcome: how a resume is seen to be done."""
    from decisionaid.core.pages.at import Keys, Pages
    from decisionaid.core.session import Session

    pages = Pages(pack, _journey(pack), words, lambda places: 1)
    page = pages.at((stage, position), session or Session(pack=pack.meta.id), Keys("", ""))
    return SHOWN_FIRST[page.kind](page)


def change_cases(pack_dir: Path, changes: list[Change] | None = None) -> tuple[dict[str, AppCase], dict[str, str]]:
    """An AppCase per change that this pack has (by name), and why each other one was left out."""
    from bench.packgen import full_session
    from decisionaid.content import load_pack
    from decisionaid.core.catalogue import load_catalogue
    from decisionaid.storage.paths import session_path

    pack, words = load_pack(pack_dir), load_catalogue()
    quit_key = key_bytes(bound("app:DecisionAidApp", "quit", priority=True)())  # q would go into a file name
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
                stage, position = path_place(pack, *change.at)
                session = full_session(pack, stage, position)
                saved = (session_path(pack.meta.id).name, session.to_toml())
                prelude = (
                    ((resume, marker(place_text(pack, session, words, stage, position))),) if change.resume else ()
                )
                if change.ready is not None:
                    key, text = change.ready
                    prelude += ((key_bytes(key()), marker(text(pack, words))),)
                case = copy(case, prelude=prelude, saved_answers=saved)
        except (IndexError, AttributeError, LookupError, ValueError) as exc:
            skipped[change.name] = f"{type(exc).__name__}: {exc}"
            continue
        cases[change.name] = case
    return cases, skipped
