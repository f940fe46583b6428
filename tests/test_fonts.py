"""The browser pages and the printed handout use the system's fonts, so CJK text and emoji show where the
system has a font for them: no font of the aid's own, and every font list ends in a generic family and the
systems' emoji fonts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT

STYLESHEETS = [ROOT / "decisionaid/serve/static/aid.css", ROOT / "decisionaid/export/handout.css"]
EMOJI = ["Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"]
GENERIC = {"sans-serif", "serif", "system-ui", "monospace"}
FONT_LIST = re.compile(r"\bfont(?:-family)?\s*:\s*([^;}]*)", re.S)
SIZE = re.compile(r"^(?:[\d.]+[a-z%]*(?:/[\d.]+[a-z%]*)?\s+)+")  # the shorthand's '11pt/1.35 ' before its first font


def font_lists(css: str) -> list[list[str]]:
    """The families of every `font` or `font-family` that names one (a bare size or `inherit` names none)."""
    lists = []
    for value in FONT_LIST.findall(css):
        families = [SIZE.sub("", name.strip()).strip('"') for name in value.split(",")]
        if len(families) > 1:
            lists.append(families)
    return lists


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda path: path.name)
def test_every_font_list_falls_back_to_the_system_and_its_emoji_fonts(sheet: Path) -> None:
    css = sheet.read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(" not in css
    lists = font_lists(css)
    assert lists, f"{sheet.name} names no fonts"
    for families in lists:
        generic = [i for i, name in enumerate(families) if name in GENERIC]
        assert generic, families
        assert families[-len(EMOJI) :] == EMOJI, families
        assert max(generic) < len(families) - len(EMOJI), families


def test_a_font_list_with_no_emoji_fallback_is_found() -> None:
    css = 'body { font: 11pt/1.35 "Own Font", sans-serif; }'
    assert font_lists(css) == [["Own Font", "sans-serif"]]
    assert font_lists(css)[0][-len(EMOJI) :] != EMOJI
