"""The shipped catalogues are kept as JSON after their first parse, and never read from a copy that is out of date."""

from __future__ import annotations

import json
import tomllib

import pytest

from decisionaid.cache.catalogues import catalogue_key, keep_parsed, kept_folder, sentences
from decisionaid.core.catalogue import LOCALES
from tests.helpers import COMMUTE, run_in_process

ENGLISH = (LOCALES / "en.toml").read_bytes()


def kept_files(language: str = "*") -> list[str]:
    return sorted(p.name for p in kept_folder().glob(f"{language}.*.json"))


def test_a_kept_catalogue_is_read_without_parsing_its_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = sentences("en", ENGLISH)
    assert parsed == tomllib.loads(ENGLISH.decode())
    keep_parsed()
    assert kept_files("en") == [f"en.{catalogue_key(ENGLISH)}.json"]

    def no_parsing(_text: str) -> dict:
        raise AssertionError("the TOML was parsed again")

    monkeypatch.setattr(tomllib, "loads", no_parsing)
    assert sentences("en", ENGLISH) == parsed


def test_a_changed_catalogue_is_parsed_again_and_replaces_the_old_copy() -> None:
    sentences("en", ENGLISH)
    keep_parsed()
    changed = ENGLISH.replace(b'title = "Welcome"', b'title = "Hello"', 1)
    assert changed != ENGLISH
    assert sentences("en", changed)["welcome"]["title"] == "Hello"
    keep_parsed()
    assert kept_files("en") == [f"en.{catalogue_key(changed)}.json"]


def test_a_damaged_copy_is_parsed_again_and_written_afresh() -> None:
    sentences("en", ENGLISH)
    keep_parsed()
    (kept,) = kept_folder().glob("en.*.json")
    kept.write_text('{"format": 1, "key": "', encoding="utf-8")
    assert sentences("en", ENGLISH) == tomllib.loads(ENGLISH.decode())
    keep_parsed()
    assert json.loads(kept.read_text(encoding="utf-8"))["key"] == catalogue_key(ENGLISH), "written again"


def test_a_kiosk_keeps_no_catalogue() -> None:
    sentences("en", ENGLISH)  # parsed in this run, as at the start of any command
    result = run_in_process("--kiosk", "--plain", "--pack", str(COMMUTE))  # refused, after the pack is open
    assert result.returncode == 2
    assert kept_files() == []


def test_a_planted_copy_is_read_only_where_no_one_else_could_have_written_it() -> None:
    import os

    key = catalogue_key(ENGLISH)
    data = tomllib.loads(ENGLISH.decode())
    data["crisis"]["lead"] = "Call 555-0100."
    kept_folder().mkdir(parents=True)
    planted = kept_folder() / f"en.{key}.json"
    planted.write_text(json.dumps({"format": 1, "key": key, "data": data}), encoding="utf-8")
    os.chmod(kept_folder(), 0o777)
    assert sentences("en", ENGLISH)["crisis"] != data["crisis"], "a folder others may change is not trusted"
    os.chmod(kept_folder(), 0o700)
    os.chmod(planted, 0o600)
    assert sentences("en", ENGLISH)["crisis"] == data["crisis"], "this user's own copy is read"
