"""A pack on a decision that is not about health or safety may have no help-now lines: it says so, and then
no screen, prompt, page or handout shows the help-now key or its wording."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.handout import build_handout
from decisionaid.core.session import Session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render
from decisionaid.tui.screens.crisis import CrisisScreen
from decisionaid.tui.screens.welcome import WelcomeScreen
from tests.conftest import shown_text
from tests.helpers import COMMUTE, copy_pack, run_in_process

HELP_NOW_WORDS = ("Crisis", "crisis", "help now", "Help now", "F2", "Local emergency")


def without_help_now(tmp_path: Path) -> Path:
    """The commute pack saying help_now = false, with no crisis.toml and no source for it."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    (pack / "crisis.toml").unlink()
    meta = pack / "pack.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("\n[[meta.authors]]", "help_now = false\n\n[[meta.authors]]", 1)
    )
    sources = pack / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    start = text.index('[[sources]]\nid = "crisis-line"')
    end = text.find("[[sources]]", start + 1)
    sources.write_text(text[:start] + (text[end:] if end > 0 else ""), encoding="utf-8")
    return pack


@pytest.fixture
def quiet_pack(tmp_path: Path) -> Path:
    return without_help_now(tmp_path)


def test_a_pack_that_says_it_has_none_is_valid_and_the_other_two_mixes_are_not(quiet_pack: Path, tmp_path) -> None:
    assert run_in_process("validate", str(quiet_pack), cwd=tmp_path).returncode == 0
    missing = copy_pack(COMMUTE, tmp_path / "missing")
    (missing / "crisis.toml").unlink()
    result = run_in_process("validate", "missing", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "missing/crisis.toml: crisis: no help-now line: give at least one, or say help_now = false in pack.toml"
        in result.stderr
    )
    both = copy_pack(quiet_pack, tmp_path / "both")
    (both / "crisis.toml").write_text((COMMUTE / "crisis.toml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_in_process("validate", "both", cwd=tmp_path)
    assert "both/pack.toml: meta.help_now: is false, yet crisis.toml has help-now lines" in result.stderr


def test_plain_mode_has_no_help_now_line_or_command(quiet_pack: Path, tmp_path: Path) -> None:
    result = run_in_process("--plain", "--pack", str(quiet_pack), cwd=tmp_path, input="h\nc\n\nq\n")
    out = result.stdout
    assert result.returncode == 0 and "Type h at any prompt for the list of commands." in out
    assert not [word for word in HELP_NOW_WORDS if word in out], out


async def test_the_full_screen_aid_has_no_help_now_key_button_or_line(quiet_pack: Path, make_app) -> None:
    app = make_app(pack=load_pack(quiet_pack))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.screen.query("#help-now")
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, CrisisScreen)
        await pilot.press("s", "n")
        await pilot.pause()
        text = shown_text(app.screen)
        assert "Card 1 of 5" in text
        assert not [word for word in HELP_NOW_WORDS if word in text], text
        assert not app.screen.query("#help-now")


def test_the_handout_has_no_help_now_line_or_block(quiet_pack: Path) -> None:
    pack = load_pack(quiet_pack)
    summary = build_summary(pack, Session.new(pack))
    handout = build_handout(summary, pack, today=date(2026, 12, 1))
    assert len([line for line in handout.top if "draft" not in line]) == 3  # the copy is a draft, and says so
    for fmt in ("text", "md", "html"):
        text = render(summary, pack, fmt)
        assert "help now" not in text.lower() and "crisis" not in text.lower(), fmt
