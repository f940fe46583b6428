"""A pack says what kind of help its help-now lines give: crisis help (the default), support worded plainly as
"Help now", or none. The catalogue words both kinds in every language, and a pack's own wording still wins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.catalogue import HELP_WORDING, languages, load_catalogue, words_for
from decisionaid.tui.screens.crisis import CrisisScreen
from tests.conftest import shown_text
from tests.helpers import COMMUTE, ROOT, copy_pack, run_in_process

CRISIS_WORDS = ("Crisis", "crisis", "danger", "harm yourself")


def with_help_now(tmp_path: Path, value: str, wording: str = "") -> Path:
    """The commute pack (which has a help line) saying `help_now = value`, with any `[meta.wording]` lines."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    meta = pack / "pack.toml"
    text = meta.read_text(encoding="utf-8")
    extra = f"\n[meta.wording]\n{wording}\n" if wording else ""
    meta.write_text(text.replace("\n[[meta.authors]]", f"help_now = {value}\n{extra}\n[[meta.authors]]", 1))
    return pack


def plain(pack: Path, cwd: Path, *options: str) -> str:
    """What plain mode prints for the welcome, the list of commands and the help-now page, lines joined."""
    out = run_in_process("--plain", *options, "--pack", str(pack), cwd=cwd, input="h\nc\n\nq\n").stdout
    return " ".join(out.split())


@pytest.fixture
def support_pack(tmp_path: Path) -> Path:
    return with_help_now(tmp_path, '"support"')


def test_a_support_pack_speaks_of_help_now_in_plain_mode_in_english_and_in_spanish(support_pack, tmp_path) -> None:
    english = plain(support_pack, tmp_path)
    assert "Help now: type c at any prompt. Local emergency number" in english
    assert "c: help now: who to contact." in english and "You can contact one of these now:" in english
    assert not [word for word in CRISIS_WORDS if word in english], english
    spanish = plain(support_pack, tmp_path, "--language", "es")
    assert "Ayuda ahora: escriba c" in spanish and "Puede comunicarse ahora con uno de estos servicios:" in spanish
    assert "crisis" not in spanish.lower() and "peligro" not in spanish, spanish


async def test_a_support_pack_labels_its_key_and_page_help_now_in_the_full_screen_aid(support_pack, make_app) -> None:
    app = make_app(pack=load_pack(support_pack))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Help now (F2)" in shown_text(app.screen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        text = shown_text(app.screen)
        assert "You can contact one of these now:" in text
        assert not [word for word in CRISIS_WORDS if word in text], text


def test_crisis_is_the_default_and_true_means_crisis(tmp_path: Path) -> None:
    assert words_for(load_pack(COMMUTE))("crisis.lead").startswith("If you are in danger or might harm yourself")
    pack = load_pack(with_help_now(tmp_path, "true"))
    assert pack.meta.help_now == "crisis"
    assert words_for(pack)("help_now.button") == "Crisis help (F2)"


def test_the_packs_own_wording_still_wins_over_the_kind_of_help(tmp_path: Path) -> None:
    pack = load_pack(with_help_now(tmp_path, '"support"', '"crisis.title" = "Repair help line"'))
    words = words_for(pack)
    assert words("crisis.title") == "Repair help line"
    assert words("crisis.lead") == "You can contact one of these now:"


def test_any_other_kind_is_refused_naming_the_three(tmp_path: Path) -> None:
    pack = with_help_now(tmp_path, '"yes"')
    result = run_in_process("validate", str(pack), cwd=tmp_path)
    assert result.returncode == 2
    assert 'pack.toml: meta.help_now: must be one of: "crisis", "support", false (got "yes")' in result.stderr


@pytest.mark.parametrize("language", languages())
def test_every_catalogue_words_the_same_sentences_for_each_kind_of_help(language: str) -> None:
    words = load_catalogue(language)
    for table in HELP_WORDING.values():
        own = [key.removeprefix(f"{table}.") for key in words.entries if key.startswith(f"{table}.")]
        assert len(own) == 13, own  # the twelve sentences, one of them with a label and a tip
        for key in own:
            assert key in words.entries, key
            assert words.entries[key] != words.entries[f"{table}.{key}"], key


def test_the_content_guide_gives_every_help_now_sentence_with_both_wordings() -> None:
    guide = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
    words = load_catalogue()
    for key in [key.removeprefix("help_support.") for key in words.entries if key.startswith("help_support.")]:
        row = next((line for line in guide.splitlines() if line.startswith(f"| `{key}` |")), None)
        assert row is not None, key
        for said in (words.entries[key], words.entries[f"help_support.{key}"]):
            assert re.sub(r"\s+", " ", str(said)) in row, (key, said)
