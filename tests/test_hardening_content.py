"""Mutations of the shipped pack (content/ketamine), not only the small test pack: the loader ends in the pack
or in one-line problems, never a traceback. Duplicated and dangling ids are made on purpose as well as at random."""

from __future__ import annotations

import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.content import ContentError, load_pack
from tests.helpers import KETAMINE, problem_lines
from tests.test_loader_fuzz import mutate, outcome, paths_in, toml_values

FILES = sorted(p.name for p in KETAMINE.glob("*.toml"))
ODD = st.sampled_from(["x" * 100_000, "\u202e\u0000\x1b[31m🙂", "\ud7ff\ufeff\u200f", "", " ", "[bold]x[/bold]"])


SCRATCH = tempfile.TemporaryDirectory(prefix="decisionaid-fuzz-")  # removed when the tests end


def fresh_copy() -> Path:
    """The pack copied afresh into this module's scratch folder, in place of the last example's copy."""
    folder = Path(SCRATCH.name) / "ketamine"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(KETAMINE, folder)
    return folder


def read(folder: Path, file: str) -> dict:
    return tomllib.loads((folder / file).read_text(encoding="utf-8"))


def write(folder: Path, file: str, document: dict) -> None:
    (folder / file).write_text(tomli_w.dumps(document), encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), data=st.data())
def test_mutations_of_the_shipped_pack_end_in_problems_not_tracebacks(file: str, data: st.DataObject):
    folder = fresh_copy()
    document = read(folder, file)
    for _ in range(data.draw(st.integers(1, 3))):
        targets = paths_in(document)
        if not targets:
            break
        where = data.draw(st.sampled_from(targets))
        action = data.draw(st.sampled_from(["delete", "replace", "duplicate"]))
        mutate(document, where, action, data.draw(st.one_of(toml_values, ODD)))
    write(folder, file, document)
    outcome(folder)


@settings(max_examples=15, deadline=None)
@given(file=st.sampled_from(FILES), cut=st.floats(0, 1), junk=st.sampled_from([b"\xff\xfe", b"\x00", b"\xc3("]))
def test_invalid_utf8_in_the_shipped_pack_is_one_line(file: str, cut: float, junk: bytes):
    folder = fresh_copy()
    raw = (folder / file).read_bytes()
    at = int(len(raw) * cut)
    (folder / file).write_bytes(raw[:at] + junk + raw[at:])
    problems = outcome(folder)
    assert isinstance(problems, list) and any(file in line for line in problems)


def lists_of_ids(document: dict) -> list[tuple[str, list]]:
    return [
        (key, value)
        for key, value in document.items()
        if isinstance(value, list) and value and isinstance(value[0], dict) and "id" in value[0]
    ]


@pytest.mark.parametrize("file", [f for f in FILES if lists_of_ids(read(KETAMINE, f))])
def test_a_duplicated_id_in_the_shipped_pack_is_named(file: str):
    folder = fresh_copy()
    document = read(folder, file)
    key, items = lists_of_ids(document)[0]
    items.append(dict(items[0]))
    write(folder, file, document)
    with pytest.raises(ContentError) as caught:
        load_pack(folder)
    lines = problem_lines(caught.value)
    assert any(f"duplicate id '{items[0]['id']}'" in line and file in line for line in lines), lines


@pytest.mark.parametrize(
    ("file", "key", "field"),
    [
        ("cards.toml", "cards", "sources"),
        ("cards.toml", "cards", "figures"),
        ("self_check.toml", "self_check", "cards"),
        ("self_check.toml", "self_check", "adds"),
    ],
)
def test_a_dangling_id_in_the_shipped_pack_is_named(file: str, key: str, field: str):
    folder = fresh_copy()
    document = read(folder, file)
    item = next(i for i in document[key] if i.get(field))
    item[field] = [*item[field], "no-such-thing"]
    write(folder, file, document)
    with pytest.raises(ContentError) as caught:
        load_pack(folder)
    lines = problem_lines(caught.value)
    assert any("'no-such-thing'" in line and file in line for line in lines), lines
