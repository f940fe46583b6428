"""What a pack author does on the command line: start a pack, check several at once, open one step directly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decisionaid.content import Pack
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.journey import Journey
from decisionaid.core.step_names import named_step
from decisionaid.storage.paths import session_path
from decisionaid.tui.screens.card import CardScreen
from tests.conftest import shown_text
from tests.helpers import COMMUTE, copy_pack, run_in_process

KEY = re.compile(r"^([a-z_]+) = ")
NOTE = "Opened at one step for a look: answers given here are kept in a temporary folder until the aid closes; your"
LEFT = "Nothing from this look was kept; your saved answers were not touched."


# --- decisionaid new -------------------------------------------------------------------


def test_new_writes_a_pack_that_validates_and_lints_without_errors(tmp_path: Path):
    folder = tmp_path / "Diary Pack"

    made = run_in_process("new", str(folder))

    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Wrote a new pack in {folder}: cards.toml, clinician.toml, pack.toml, ")
    assert sorted(p.name for p in folder.iterdir()) == ["cards.toml", "clinician.toml", "pack.toml", "sources.toml"]
    assert "\n# write a crisis.toml beside this file" in (folder / "pack.toml").read_text(encoding="utf-8")
    assert "\nhelp_now = false\n" in (folder / "pack.toml").read_text(encoding="utf-8")
    checked = run_in_process("validate", str(folder))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("diary-pack 0.1.0: valid: 2 options, 4 cards")
    linted = run_in_process("lint", str(folder))
    assert linted.returncode == 0, linted.stdout
    assert linted.stdout.rstrip().endswith("diary-pack 0.1.0: lint: 0 errors, 0 warnings")


def test_every_field_of_the_new_pack_is_explained_where_it_first_appears(tmp_path: Path):
    folder = tmp_path / "pack"
    run_in_process("new", str(folder))

    for path in folder.iterdir():
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith(f"# {path.name}: "), path.name
        seen: set[str] = set()
        for before, line in zip(lines, lines[1:], strict=False):
            key = KEY.match(line)
            if key and key[1] not in seen:
                seen.add(key[1])
                assert before.startswith("#"), f"{path.name}: {key[1]} has no comment above it"
        assert seen, path.name


def test_new_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path: Path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.md").write_text("my notes", encoding="utf-8")

    result = run_in_process("new", str(folder))

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"decisionaid new: {folder}: not empty; give a new or empty folder, so that nothing in it is replaced"
    ]
    assert [p.name for p in folder.iterdir()] == ["notes.md"]
    assert result.stdout == ""


def test_new_refuses_a_file_in_place_of_the_folder(tmp_path: Path):
    file = tmp_path / "pack"
    file.write_text("", encoding="utf-8")

    result = run_in_process("new", str(file))

    assert result.returncode == 2
    assert result.stderr == f"decisionaid new: {file}: not a folder\n"


def test_new_fills_in_an_empty_folder_and_todays_dates(tmp_path: Path):
    from datetime import date

    folder = tmp_path / "empty"
    folder.mkdir()

    assert run_in_process("new", str(folder)).returncode == 0
    assert f"published = {date.today().isoformat()}" in (folder / "pack.toml").read_text(encoding="utf-8")


# --- validate and lint take several folders ------------------------------------------


def test_validate_reports_each_of_several_folders_and_fails_if_any_does(tmp_path: Path):
    broken = copy_pack(COMMUTE, tmp_path / "broken")
    (broken / "clinician.toml").unlink()
    missing = tmp_path / "nowhere"

    result = run_in_process("validate", str(COMMUTE), str(broken), str(missing), str(COMMUTE))

    assert result.returncode == 2
    assert result.stdout.count("commute 0.1.0: valid: ") == 2
    assert f"{broken / 'clinician.toml'}: file is missing" in result.stderr
    assert f"{broken}: 1 problem" in result.stderr
    assert f"decisionaid: {missing}: no such pack folder" in result.stderr


def test_validate_passes_when_every_folder_does(tmp_path: Path):
    result = run_in_process("validate", str(COMMUTE), str(COMMUTE))

    assert result.returncode == 0
    assert result.stdout.count("commute 0.1.0: valid: ") == 2
    assert result.stderr == ""


def test_lint_reports_each_of_several_folders_and_exits_1_on_an_error_in_any(tmp_path: Path):
    directive = copy_pack(COMMUTE, tmp_path / "directive")
    cards = directive / "cards.toml"
    cards.write_text(cards.read_text().replace("Or you can ride a bike.", "You should ride a bike."))

    result = run_in_process("lint", str(COMMUTE), str(directive), "--today", "2026-06-01")

    assert result.returncode == 1
    assert result.stdout.count("commute 0.1.0: lint: ") == 2
    assert "commute 0.1.0: lint: 0 errors" in result.stdout
    assert "cards.toml: cards[id=what-options].body: error: directive wording 'You should'" in result.stdout


def test_lint_exits_2_when_one_of_the_folders_does_not_load(tmp_path: Path):
    result = run_in_process("lint", str(COMMUTE), str(tmp_path / "nowhere"), "--today", "2026-06-01")

    assert result.returncode == 2
    assert "commute 0.1.0: lint: 0 errors" in result.stdout


# --- --at: one step, opened directly -------------------------------------------------


def plain_at(at: str, *answers: str, cwd: Path):
    text = "".join(f"{a}\n" for a in answers)
    args = ("--plain", "--pack", str(COMMUTE), "--at", at)
    return run_in_process(*args, cwd=cwd, input=text, env={"COLUMNS": "200"})


@pytest.mark.parametrize(
    ("at", "first_page"),
    [
        ("cards:bike-good", "Good points of cycling"),
        ("cards", "Two ways to get to work"),
        ("self_check:fresh", "How many riders out of 100 felt fresh at work?"),
        ("values:cost", "How much does the cost of travel matter to you?"),
        ("sure:sure", "Are you sure?"),
        ("compare", "What does it cost?"),
        ("summary", "Who is filling this in?"),
    ],
)
def test_plain_mode_opens_at_the_named_step_without_the_welcome(tmp_path: Path, at: str, first_page: str):
    result = plain_at(at, "q", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(NOTE)
    assert "The short path takes about" not in result.stdout, "the welcome is not shown"
    assert first_page in result.stdout
    assert lines[-1] == LEFT


def test_answers_given_at_a_step_opened_for_a_look_leave_the_saved_answers_alone(tmp_path: Path):
    run_in_process("--plain", "--pack", str(COMMUTE), cwd=tmp_path, input="\n\n\n")
    saved = session_path("commute")
    before = saved.read_bytes()

    result = plain_at("self_check:rain", "1", "", "q", cwd=tmp_path)

    assert "Differs from the evidence" in result.stdout, "the answer was taken"
    assert saved.read_bytes() == before


def test_a_look_at_one_step_never_makes_an_answers_file(tmp_path: Path):
    plain_at("values:cost", "1", "q", cwd=tmp_path)

    assert not session_path("commute").exists()


@pytest.mark.parametrize(
    ("at", "line"),
    [
        (
            "card:bike-good",
            "decisionaid: --at card:bike-good: no such step in this pack; choose one of: compare, cards, self_check,"
            " values, sure, summary (add :ID for one card, self-check question, values item or SURE item)",
        ),
        (
            "cards:bike-goood",
            "decisionaid: --at cards:bike-goood: no card 'bike-goood' in this pack (did you mean 'cards:bike-good'?);"
            " choose one of: what-options, bike-good, bike-bad, bus-good, bus-bad, bike-kit, bus-pass",
        ),
        (
            "self_check:snow",
            "decisionaid: --at self_check:snow: no self-check question 'snow' in this pack; choose one of: rain, fresh",
        ),
        ("summary:all", "decisionaid: --at summary:all: summary is a single page and takes no :ID"),
    ],
)
@pytest.mark.parametrize("front_end", [("--plain",), ()], ids=["plain", "full-screen"])
def test_a_step_that_is_not_there_is_one_line_naming_those_that_are(
    tmp_path: Path, at: str, line: str, front_end: tuple[str, ...]
):
    result = run_in_process(*front_end, "--pack", str(COMMUTE), "--at", at, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr.splitlines() == [line]
    assert result.stdout == ""


def test_only_the_stages_a_pack_has_can_be_named(tmp_path: Path):
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    (pack / "comparison.toml").unlink()

    result = run_in_process("--plain", "--pack", str(pack), "--at", "compare", cwd=tmp_path)

    assert result.returncode == 2
    assert "choose one of: cards, self_check, values, sure, summary (" in result.stderr


async def test_the_full_screen_aid_opens_at_one_card_and_says_it_is_a_look(commute_pack: Pack, tmp_path: Path):
    from decisionaid.tui.factory import make_app

    place = named_step(Journey(commute_pack), "cards:bike-good", load_catalogue())
    app = make_app(commute_pack, theme="textual-dark", answers=tmp_path / "look" / "commute.toml", at=place)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        text = shown_text(app.screen)
        assert "Good points of cycling" in text and "Card 2 of 5" in text
        assert any(NOTE in str(toast.render()).replace("\n", " ") for toast in app.screen.query("Toast"))

        await pilot.press("n")
        await pilot.pause()
        assert "Bad points of cycling" in shown_text(app.screen)
        await pilot.press("q")
    assert not session_path("commute").exists(), "the person's own answers file was never written"
