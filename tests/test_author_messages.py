"""What validate and lint say teaches the author what to write: the key meant, the table a key belongs in, a key
the format no longer uses, and items named by their id, in the interface language asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import COMMUTE, copy_pack, run_in_process


def pack_with(tmp_path: Path, top: str = "", in_meta: str = "") -> Path:
    """The commute pack with `top` written after schema_version and `in_meta` at the end of [meta]."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    meta = pack / "pack.toml"
    text = meta.read_text(encoding="utf-8").replace("schema_version = 1\n", f"schema_version = 1\n{top}\n", 1)
    meta.write_text(text.replace("\n[[meta.authors]]", f"\n{in_meta}\n\n[[meta.authors]]", 1), encoding="utf-8")
    return pack


def problems(pack: Path, *options: str) -> list[str]:
    result = run_in_process("validate", ".", *options, cwd=pack)
    assert result.returncode == 2, result.stdout
    return result.stderr.splitlines()[:-1]


@pytest.mark.parametrize(
    ("top", "in_meta", "line"),
    [
        ("help_now = false", "", "pack.toml: help_now: unknown key: put it under [meta]"),
        ('[vocabulary]\nexpert = "technician"', "", "pack.toml: vocabulary: unknown key: put it under [meta]"),
        (
            "",
            '[meta.vocabulary]\nclinician = "repair technician"',
            "pack.toml: meta.vocabulary.clinician: unknown key (did you mean 'expert'?)",
        ),
        ("status_quo = true", "", "pack.toml: status_quo: unknown key: put it under [[options]]"),
        (
            "",
            '[meta.wording]\n"help_now.buton" = "Help"',
            "pack.toml: meta.wording: help_now.buton: no such sentence to override (did you mean 'help_now.button'?)",
        ),
    ],
    ids=["help_now", "vocabulary", "clinician", "status_quo", "wording"],
)
def test_an_unknown_key_says_what_was_meant_or_where_it_belongs(tmp_path, top: str, in_meta: str, line: str) -> None:
    assert problems(pack_with(tmp_path, top, in_meta)) == [line]


def test_where_a_key_belongs_is_said_in_the_interface_language(tmp_path: Path) -> None:
    lines = problems(pack_with(tmp_path, "help_now = false"), "--language", "es")
    assert lines == ["pack.toml: help_now: clave desconocida: póngala en [meta]"]


def test_a_key_the_format_no_longer_uses_is_valid_and_named_by_validate_and_lint(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, in_meta="minutes = 10")
    checked = run_in_process("validate", ".", cwd=pack)
    assert checked.returncode == 0 and checked.stdout.startswith("commute 0.1.0: valid")
    assert checked.stderr.splitlines() == [
        "pack.toml: meta.minutes: ignored since format 1: remove it",
        ".: 1 notice: the pack is valid, but remove what it names",
    ]
    linted = run_in_process("lint", ".", "--today", "2026-07-01", cwd=pack)
    assert "pack.toml: meta.minutes: warning: ignored since format 1: remove it" in linted.stdout.splitlines()
    assert run_in_process("validate", ".", cwd=pack_with(tmp_path / "b")).stderr == ""


def test_items_are_named_by_id_and_by_index_when_their_id_cannot_name_them(tmp_path: Path) -> None:
    untitled = copy_pack(COMMUTE, tmp_path / "untitled")
    cards = untitled / "cards.toml"
    cards.write_text(cards.read_text(encoding="utf-8").replace('title = "Good points of the bus"', ""), "utf-8")
    assert problems(untitled) == ["cards.toml: cards[id=bus-good].title: required key is missing"]
    twice = copy_pack(COMMUTE, tmp_path / "twice")
    cards = twice / "cards.toml"
    cards.write_text(cards.read_text(encoding="utf-8").replace('id = "bike-kit"', 'id = "bike-good"'), "utf-8")
    assert "cards.toml: cards[5].id: duplicate id 'bike-good' (first at cards[1])" in problems(twice)


def test_lint_speaks_the_interface_language_asked_for(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, in_meta="minutes = 10")
    english = run_in_process("lint", ".", "--today", "2026-07-01", cwd=pack).stdout.splitlines()
    spanish = run_in_process("lint", ".", "--today", "2026-07-01", "--language", "es", cwd=pack).stdout.splitlines()
    assert (
        "pack.toml: meta.funding: warning: funding statement 'None.' is too short to be clear (1 word; write at "
        "least 3, e.g. 'No external funding')" in english
    )
    assert (
        "pack.toml: meta.funding: aviso: la frase de funding 'None.' es demasiado corta para ser clara (1 palabra; "
        "escriba al menos 3, por ejemplo 'Nadie pagó por este paquete')" in spanish
    )
    assert "pack.toml: meta.minutes: aviso: no se usa desde el formato 1: quítela" in spanish
    assert len(english) == len(spanish) and not [line for line in spanish if ": warning: " in line]
