"""The speed-ups change how soon the aid shows a screen, never what it shows: with every one off it behaves the same;
and each Textual behaviour they replace is still there to replace (a Textual upgrade that moves one fails here)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual import events
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Checkbox, Footer

from bench.speedups import WALK  # a walk through every kind of screen, the one the benchmark counts
from decisionaid.tui import speedups
from tests.conftest import shown_text


async def what_a_person_meets(app) -> list[tuple]:
    """After each key of the walk: the screen, its text, the footer's keys, what has the focus."""
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        for key in WALK:
            await pilot.press(key)
            await pilot.pause()
            screen = app.screen
            footer = tuple(str(key.render()) for key in screen.query("FooterKey"))
            focused = app.focused.id if app.focused is not None else None
            seen.append((key, type(screen).__name__, shown_text(screen), footer, focused))
    return seen


async def test_the_aid_behaves_the_same_with_every_speedup_off(
    make_app, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fast = await what_a_person_meets(make_app())
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(tmp_path / "data-without-speedups"))  # a first visit again
    monkeypatch.setattr(speedups, "OFF", speedups.turned_off("off"))
    plain = await what_a_person_meets(make_app())
    assert len({screen for _, screen, *_ in fast}) >= 8, "the walk reaches every kind of screen"
    for with_them, without in zip(fast, plain, strict=True):
        assert with_them == without


async def test_a_small_window_looks_the_same_with_every_speedup_off(
    make_app, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Crisis help over a step at 40x12: the dialog, with its narrow padding, shows all its lines without
    scrolling, and it and the step behind it are drawn alike."""

    async def drawn() -> tuple[str, int]:
        async with make_app().run_test(size=(40, 12)) as pilot:
            await pilot.press("s", "n", "f2")
            await pilot.pause()
            return pilot.app.export_screenshot(), pilot.app.screen.query_one("#crisis").max_scroll_y

    fast = await drawn()
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(tmp_path / "data-without-speedups"))
    monkeypatch.setattr(speedups, "OFF", speedups.turned_off("off"))
    assert "Crisis" in fast[0] and fast[1] == 0
    assert await drawn() == fast


def test_the_switch_turns_off_all_or_the_speedups_it_names() -> None:
    assert speedups.turned_off("off") == set(speedups.NAMES)
    assert speedups.turned_off("off:footer, in_place") == {"footer", "in_place"}
    assert speedups.turned_off(None) == speedups.turned_off("on") == set()


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        (Widget, "watch_has_focus"),
        (Footer, "bindings_changed"),
        (Footer, "compose"),
    ],
)
def test_each_textual_method_a_speedup_replaces_is_still_there(owner: type, name: str) -> None:
    assert callable(getattr(owner, name, None)), f"Textual's {owner.__name__}.{name} is gone: see tui.speedups"


def test_the_textual_state_the_speedups_mirror_is_still_there() -> None:
    assert isinstance(vars(Footer).get("_bindings_ready"), Reactive), "see FooterRebuiltOnChange"
    assert events.ScreenResume.refresh_styles is True, "see StyledOnce"
    toggle_button = next(cls for cls in Checkbox.__mro__ if cls.__name__ == "ToggleButton")
    assert "self.prevent(self.Changed)" in inspect.getsource(toggle_button.__init__), "see set_toggle_quietly"
