"""The loader reports every defect as one line naming the file, the key and the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.content import PACK_FIELDS, PACK_FILES, ContentError, Pack, load_pack
from tests.helpers import COMMUTE, copy_pack, problem_lines, problem_reasons, run_in_process

BROKEN = Path(__file__).parent / "broken"
DEFECTS = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def broken_pack(defect: str, tmp_path: Path) -> Path:
    """The commute pack with one defect's files laid over it."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    for item in (BROKEN / defect).iterdir():
        if item.name == "expected.txt":
            continue
        if item.name == "overlay.txt":
            for line in item.read_text().splitlines():
                verb, name = line.split()
                assert verb == "DELETE"
                (pack / name).unlink()
            continue
        shutil.copy(item, pack / item.name)
    return pack


def test_every_defect_has_a_fixture():
    assert len(DEFECTS) >= 10


@pytest.mark.parametrize("defect", DEFECTS)
def test_broken_pack_gives_its_one_line_error(defect: str, tmp_path: Path):
    pack = broken_pack(defect, tmp_path)
    expected = (BROKEN / defect / "expected.txt").read_text(encoding="utf-8").splitlines()

    result = run_in_process("validate", ".", cwd=pack)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[:-1] == expected
    assert lines[-1] == f".: {len(expected)} problem" + ("" if len(expected) == 1 else "s")
    assert result.stdout == ""


def test_problems_are_all_reported_together(tmp_path: Path):
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    cards = pack / "cards.toml"
    text = cards.read_text().replace('sources = ["survey"]', 'sources = ["nope"]')
    cards.write_text(text.replace('section = "options"', 'section = "optoins"'))

    with pytest.raises(ContentError) as caught:
        load_pack(pack)

    reasons = problem_reasons(caught.value)
    assert reasons.count("unknown source 'nope'") == 7
    assert "unknown section 'optoins' (did you mean 'options'?)" in reasons


def test_missing_status_quo_option_is_reported(tmp_path: Path):
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    (pack / "pack.toml").write_text((pack / "pack.toml").read_text().replace("status_quo = true", ""))

    with pytest.raises(ContentError) as caught:
        load_pack(pack)

    assert [line.split(": ", 1)[1] for line in problem_lines(caught.value)] == [
        "options: no option has status_quo = true (the 'no change' option)"
    ]


def test_a_question_nothing_can_add_is_reported(tmp_path: Path):
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    values = pack / "values.toml"
    values.write_text(values.read_text().replace('adds = ["q-cost"]\n', ""))

    with pytest.raises(ContentError) as caught:
        load_pack(pack)

    messages = problem_reasons(caught.value)
    assert "choice 'a-lot' adds questions but gives no reason" not in messages
    assert "question 'q-cost' is never included: not core and no answer adds it" in messages


def test_a_source_whose_date_is_not_known_may_leave_out_its_year(tmp_path: Path):
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    sources = pack / "sources.toml"
    sources.write_text(sources.read_text().replace("year = 2025\n", "", 1))

    first = load_pack(pack).sources[0]

    assert first.year is None


def test_a_missing_folder_is_one_line(tmp_path: Path):
    result = run_in_process("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "nowhere: no such pack folder (shipped packs:" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_test_pack_loads():
    pack = load_pack(COMMUTE)
    assert pack.meta.id == "commute"
    assert [c.id for c in pack.ordered_cards()][0] == "what-options"


def test_each_file_of_a_pack_is_found_by_the_name_its_author_knows():
    """`pack.file('cards')` is what cards.toml holds, as the loader read it: checks name files this way."""
    pack = load_pack(COMMUTE)
    read = {name: type(pack.file(name)).__name__ for name in PACK_FILES}
    assert read == {name: Pack.model_fields[field].annotation.__name__ for name, field in PACK_FIELDS.items()}
    assert pack.file("cards").cards == pack.cards and pack.file("pack").meta == pack.meta
