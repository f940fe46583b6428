"""Shared fixtures: a clean environment for every test, the commute pack, and an app factory."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from decisionaid.content import Pack, load_pack
from decisionaid.core.pages.steps import ChangesPage
from tests.helpers import COMMUTE, commute_for_the_handout


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: the suite also runs without it
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers a core for `-n auto`: a Pilot test spends about half its time waiting for the app to be idle
    (Textual's pilot sleeps at least 20 ms after each key), time another worker can use."""
    import os

    return 2 * (os.cpu_count() or 1)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No NO_COLOR from the developer's shell; answers, settings, compiled packs and saved handouts in the test's own
    folder."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("DECISIONAID_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DECISIONAID_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DECISIONAID_EXPORT_DIR", str(tmp_path))
    temporary = tmp_path.with_name(f"{tmp_path.name}-tmp")  # the system's temporary folder, where copies of
    temporary.mkdir()  # unsaved answers are kept: beside the test's own folder, so that folder holds only its files
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))


@pytest.fixture(params=["on", "off"])
def speedups(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the aid's speed-ups on, then again with every one off (decisionaid.tui.speedups, as
    DECISIONAID_SPEEDUPS=off does): the aid must behave the same without them."""
    from decisionaid.tui import speedups

    monkeypatch.setattr(speedups, "OFF", speedups.turned_off(request.param))
    return request.param


@pytest.fixture(scope="session")
def commute_pack() -> Pack:
    return load_pack(COMMUTE)


@pytest.fixture(scope="session")
def handout_pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The commute pack with a fact, a belief and a private situation item, as a folder."""
    return commute_for_the_handout(tmp_path_factory.mktemp("packs") / "commute")


@pytest.fixture(scope="session")
def handout_pack(handout_pack_dir: Path) -> Pack:
    return load_pack(handout_pack_dir)


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def make_app(commute_pack: Pack, export_dir: Path):
    """Build the app the way the command line does, with a fixed theme and the test's data folder."""

    def make(theme: str | None = "textual-dark", pack: Pack | None = None):
        from decisionaid.tui.factory import make_app

        return make_app(pack or commute_pack, theme=theme, export_dir=export_dir)

    return make


def shown_text(screen) -> str:
    """The text of every label, button, choice, check box, input, handout and feedback on a screen (or in a
    widget), one per line."""
    from textual.widgets import Button, Checkbox, Input, OptionList, Static, TextArea

    from decisionaid.tui.widgets.title_bar import TitleLine
    from decisionaid.tui.widgets.wrapped_text import WrappedText

    parts: list[str] = []
    for widget in [screen, *screen.query("*")]:
        if isinstance(widget, TitleLine):
            parts += [widget.heading, widget.progress, widget.progress_short]
        elif isinstance(widget, WrappedText):
            parts.append(str(widget.content))
        elif isinstance(widget, Checkbox):
            parts.append(str(widget.label))
        elif isinstance(widget, Static):
            parts.append(str(widget.content))
        elif isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, OptionList):
            parts.extend(str(option.prompt) for option in widget.options)
        elif isinstance(widget, Input):
            parts.append(widget.value)
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
    return "\n".join(parts)


async def tab_to(pilot, widget_id: str, limit: int = 20) -> None:
    """Press Tab until the widget with `widget_id` has the focus, as a keyboard user would; inside a list crossed
    in one Tab (the handout page's questions), ↓ goes on to the question."""
    from decisionaid.tui.widgets.question_list import QuestionList

    for _ in range(limit):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return
        in_list = focused is not None and isinstance(focused.parent, QuestionList)
        wanted_there = in_list and focused.parent.query_children(f"#{widget_id}")
        await pilot.press("down" if wanted_there else "tab")
    raise AssertionError(f"Tab never reached #{widget_id}")


async def open_summary(app, pilot) -> None:
    """The handout page, as a person reaches it after the welcome."""
    await pilot.pause()
    await app.start()
    await app.go("summary")
    await pilot.pause()


async def open_question(app, pilot) -> None:
    """The first self-check question, as a person reaches it after the welcome."""
    await pilot.pause()
    await app.start()
    await app.go("self_check", 0)
    await pilot.pause()


def changes_page(pack: Pack, words) -> ChangesPage:
    """A "what changed" page for `pack` in `words`: its first card changed, with the card's title as the line."""
    from decisionaid.core.pages.steps import Change, ChangesPage

    card = pack.cards[0]
    line = words("release.changed_changed", title=card.title, what=card.title)
    return ChangesPage(
        title=words("release.changed_title"),
        intro=words("release.changed_intro", since="0.0.1", version=pack.meta.version),
        changes=(Change(line, ("cards", 0)),),
        closing=words("release.changed_answered"),
    )
