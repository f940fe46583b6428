"""The change list as an author and a returning reader meet it: two released versions of the commute pack, lint
holding the second to its entry, and a person who answered on the first resuming on the second."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.handout import build_handout
from decisionaid.core.session import Session, load_session
from decisionaid.core.summary import build_summary
from decisionaid.storage.paths import session_path
from decisionaid.tui.factory import make_app
from tests.conftest import shown_text
from tests.helpers import COMMUTE, copy_pack, edit, run_in_process

ENTRY = """schema_version = 1

[[versions]]
version = "0.2.0"
released = 2026-12-07
changed = [
  { id = "cards:bike-good", what = "Says how many riders felt fresh." },
  { id = "self_check:rain", what = "Asks about a wet bus stop too." },
]
unchanged = ["cards:bus-good"]
"""


def second_version(folder: Path, changes: str = ENTRY) -> Path:
    """The released commute pack, then version 0.2.0 with a card and a self-check question changed."""
    shutil.copytree(COMMUTE, folder)
    edit(folder, "pack.toml", 'version = "0.1.0"', 'version = "0.2.0"')
    edit(folder, "cards.toml", "Many riders say they feel fresh.", "60 out of 100 riders felt fresh.")
    edit(
        folder,
        "self_check.toml",
        "Does rain get you wet on the bus?",
        "Does rain get you wet on the bus or at the stop?",
    )
    (folder / "changes.toml").write_text(changes, encoding="utf-8")
    return folder


def test_lint_and_release_hold_a_new_version_to_its_change_list(tmp_path: Path):
    folder = second_version(
        tmp_path / "commute",
        ENTRY.replace('  { id = "self_check:rain", what = "Asks about a wet bus stop too." },\n', ""),
    )
    result = run_in_process("lint", str(folder))
    assert result.returncode == 1
    assert f"{folder / 'changes.toml'}: versions.changed: error: self_check:rain changed since 0.1.0" in result.stdout
    refused = run_in_process("release", str(folder))
    assert refused.returncode == 2 and "self_check:rain changed since 0.1.0" in refused.stderr
    (folder / "changes.toml").write_text(ENTRY, encoding="utf-8")
    assert "0 errors" in run_in_process("lint", str(folder)).stdout
    assert run_in_process("release", str(folder)).returncode == 0
    assert "0 errors" in run_in_process("lint", str(folder)).stdout  # the release keeps the one it followed


def test_validate_refuses_a_change_list_naming_an_item_this_version_lacks(tmp_path: Path):
    folder = second_version(tmp_path / "commute", ENTRY.replace("cards:bus-good", "cards:no-such-card"))
    assert run_in_process("release", str(folder)).returncode == 2
    shutil.rmtree(folder)
    second_version(folder)
    text = (folder / "changes.toml").read_text()
    (folder / "changes.toml").write_text(text.replace("cards:bus-good", "cards:no-such-card"))
    (folder / "manifest.toml").unlink()
    result = run_in_process("validate", str(folder))
    assert result.returncode == 2
    assert (
        f"{folder / 'changes.toml'}: versions[0].unchanged[0]: cards:no-such-card is not in this version"
        in result.stderr
    )


def test_an_id_removed_earlier_cannot_come_back_and_answer_codes_need_a_line(tmp_path: Path):
    folder = tmp_path / "commute"
    shutil.copytree(COMMUTE, folder)
    edit(folder, "pack.toml", 'version = "0.1.0"', 'version = "0.2.0"')
    checks = folder / "self_check.toml"
    checks.write_text(checks.read_text().replace('id = "unsure"', 'id = "dont-know"', 1))  # rain's first
    (folder / "changes.toml").write_text(
        'schema_version = 1\n\n[[versions]]\nversion = "0.2.0"\nreleased = 2026-12-07\n'
    )
    result = run_in_process("lint", str(folder))
    assert "self_check:rain: its answer codes changed since 0.1.0" in result.stdout
    assert "self_check:rain changed since 0.1.0" in result.stdout
    manifest = folder / "manifest.toml"
    manifest.write_text(manifest.read_text().replace("removed = []", 'removed = ["cards:bike-kit"]'))
    assert "cards:bike-kit was removed in an earlier release" in run_in_process("lint", str(folder)).stdout


def test_resuming_on_the_newer_version_shows_exactly_what_changed_and_marks_the_answer(tmp_path: Path):
    answers = session_path("commute")
    answers.parent.mkdir(parents=True)
    answers.write_text(  # answered on 0.1.0, in the file format of before (version 2)
        'schema_version = 2\npack = "commute"\npack_version = "0.1.0"\n[self_check]\nrain = "yes"\n', encoding="utf-8"
    )
    newer = second_version(tmp_path / "newer")
    assert run_in_process("release", str(newer)).returncode == 0
    result = run_in_process("--plain", "--pack", str(newer), input="\nq\n")
    assert result.returncode == 0, result.stderr
    shown = result.stdout.split("What changed since you last looked", 1)[1].split("Cycling or the bus", 1)[0]
    assert "You last used version 0.1.0. This is version 0.2.0." in shown
    assert "1. Changed: Good points of cycling. Says how many riders felt fresh." in shown
    assert "2. Changed: travelling in the rain. Asks about a wet bus stop too." in shown
    assert "bus-good" not in shown and "Good points of the bus" not in shown and "3." not in shown
    assert load_session(answers).answered_on == {"self_check:rain": "0.1.0"}  # kept through the migration
    again = run_in_process("--plain", "--pack", str(newer), input="q\n")
    assert "What changed" not in again.stdout  # said once
    pack = load_pack(newer)
    handout = build_handout(build_summary(pack, load_session(session_path("commute"))), pack, today=pack.meta.published)
    lines = [entry.text for block in handout.blocks for entry in block.entries]
    assert "Answered on version 0.1.0, before the question changed: travelling in the rain." in lines


async def test_the_full_screen_aid_shows_what_changed_first_and_opens_a_changed_card(tmp_path: Path):
    from decisionaid.tui.screens.card import CardScreen
    from decisionaid.tui.screens.changes import ChangesScreen

    answers = session_path("commute")
    answers.parent.mkdir(parents=True)
    answers.write_text('schema_version = 3\npack = "commute"\npack_version = "0.1.0"\n', encoding="utf-8")
    newer = second_version(tmp_path / "newer")
    app = make_app(load_pack(newer, check_release=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChangesScreen)
        text = shown_text(app.screen)
        assert "1. Changed: Good points of cycling. Says how many riders felt fresh." in text
        assert "2. Changed: travelling in the rain. Asks about a wet bus stop too." in text
        assert "3." not in text
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen) and "Good points of cycling" in shown_text(app.screen)
    assert load_session(answers).pack_version == "0.2.0"


async def test_the_browser_shows_what_changed_first_with_links_to_the_changed_items(tmp_path: Path):
    from tests.test_serve import Browser, served

    answers = session_path("commute")
    answers.parent.mkdir(parents=True)
    answers.write_text('schema_version = 3\npack = "commute"\npack_version = "0.1.0"\n', encoding="utf-8")
    aid, client = await served(load_pack(second_version(tmp_path / "newer"), check_release=False))
    try:
        browser = Browser(client)
        page = await browser.get("/")
        assert "<h1>What changed since you last looked</h1>" in page
        assert '<a href="/step/cards/1">Changed: Good points of cycling. Says how many riders felt fresh.</a>' in page
        assert page.count("<li>") == 2 + page.split('<ul class="changes">')[0].count("<li>")
        assert "What changed" not in await browser.get("/")  # said once: the welcome follows
    finally:
        await client.close()
        await aid.stop()


@pytest.fixture
def past_review(tmp_path: Path) -> Path:
    """A draft of the commute pack whose review date has passed."""
    folder = copy_pack(COMMUTE, tmp_path / "old")
    edit(folder, "pack.toml", "review_due = 2099-01-05", "review_due = 2026-02-01")
    return folder


OVERDUE = "Evidence last reviewed 5 January 2026; a review was due 1 February 2026."


async def test_a_pack_past_its_review_date_opens_and_says_so_everywhere(past_review: Path):
    from tests.test_serve import Browser, served

    plain = run_in_process("--plain", "--pack", str(past_review), input="q\n")
    assert plain.returncode == 0 and OVERDUE in " ".join(plain.stdout.split())
    pack = load_pack(past_review)
    app = make_app(pack)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert OVERDUE in " ".join(shown_text(app.screen).split())
    aid, client = await served(pack)
    try:
        assert OVERDUE in " ".join((await Browser(client).get("/")).split())
    finally:
        await client.close()
        await aid.stop()
    handout = build_handout(build_summary(pack, Session.new(pack)), pack, today=date(2026, 12, 7))
    assert OVERDUE + " Newer facts may exist." in handout.top
    before = build_handout(build_summary(pack, Session.new(pack)), pack, today=date(2026, 1, 31))
    assert not [line for line in before.top if "review was due" in line]
