"""A pack speaks its own words: who the questions are for, what figures count, its own wording of any
interface sentence; and a language the aid has no interface in is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.catalogue import words_for
from tests.helpers import COMMUTE, KETAMINE, copy_pack, run_in_process

VOCABULARY = '\n[meta.vocabulary]\nexpert = "repair technician"\ncounted = "laptops"\n'


def with_meta(tmp_path: Path, extra: str) -> Path:
    """The commute pack with `extra` TOML added after its [meta] table's last key."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    path = pack / "pack.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n[[meta.authors]]", f"{extra}\n[[meta.authors]]", 1), encoding="utf-8")
    return pack


def test_a_pack_without_vocabulary_speaks_of_an_adviser_and_the_ketamine_pack_of_a_clinician() -> None:
    assert words_for(load_pack(COMMUTE))("plain.saved_to", path="x") == (
        "Saved to x. Take it to your adviser; your answers stay saved here too."
    )
    assert "questions for your clinician" in words_for(load_pack(KETAMINE))("welcome.about")


def test_the_pack_vocabulary_reaches_every_sentence_that_names_it(tmp_path: Path) -> None:
    pack = with_meta(tmp_path, VOCABULARY)
    result = run_in_process("--plain", "--pack", str(pack), cwd=tmp_path, input="q\n")
    out = " ".join(result.stdout.split())
    assert "builds a list of questions for your repair technician." in out
    assert "adviser" not in out and "clinician" not in out
    words = words_for(load_pack(pack))
    assert words("figure_count.exactly", n=23) == "23 out of 100 laptops"


def test_a_pack_can_word_any_sentence_its_own_way(tmp_path: Path) -> None:
    pack = with_meta(tmp_path, '\n[meta.wording]\n"plain.press_enter_to_start" = "Press Enter when you are ready:"\n')
    result = run_in_process("--plain", "--pack", str(pack), cwd=tmp_path, input="q\n")
    assert "Press Enter when you are ready:" in result.stdout


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (
            '\n[meta.wording]\n"welcome.nope" = "Hello"\n',
            "pack.toml: meta.wording: welcome.nope: no such sentence to override",
        ),
        (
            '\n[meta.wording]\n"plain.saved_to" = "Saved."\n',
            "pack.toml: meta.wording: plain.saved_to: must use the same placeholders as the original ({path})",
        ),
        (
            '\n[meta.wording]\n"summary.added" = "Added: {text:q}"\n',
            "pack.toml: meta.wording: summary.added: a placeholder takes no format code or conversion (got {text:q})",
        ),
        (
            '\n[meta.wording]\n"welcome.help_now" = "Crisis help: {key}. {name}: {contact:.0}"\n',
            "pack.toml: meta.wording: welcome.help_now: a placeholder takes no format code or conversion "
            "(got {contact:.0})",
        ),
        (
            '\n[meta.wording]\n"summary.added" = "Added: {text"\n',
            "pack.toml: meta.wording: summary.added: a brace must be part of a placeholder such as {name}, "
            "or doubled to show one",
        ),
    ],
)
def test_wording_the_interface_cannot_use_is_one_line_from_validate(tmp_path: Path, extra: str, problem: str) -> None:
    pack = with_meta(tmp_path, extra)
    result = run_in_process("validate", str(pack), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"pack/{problem}"
    started = run_in_process("--plain", "--pack", str(pack), cwd=tmp_path, input="q\n")
    assert started.returncode == 2 and f"pack/{problem}" in started.stderr
