"""Export wrapping: line for line what textwrap gives, in time that grows with the text, not its square."""

from __future__ import annotations

import signal
import textwrap
from contextlib import contextmanager
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisionaid.core.session import Session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render_text
from decisionaid.export.wrapping import wrap

PIECES = ["a", "bb", " ", "  ", "\t", "\n", "word", "-", "é", "🙂", "x" * 30, "y" * 200]


@given(
    text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    width=st.integers(8, 80),
    first=st.sampled_from(["", "- ", "12. ", "   "]),
    indent=st.sampled_from(["", "  ", "    "]),
)
def test_every_line_is_the_one_textwrap_gives(text: str, width: int, first: str, indent: str) -> None:
    expected = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=indent, break_on_hyphens=False)
    assert wrap(text, width, first, indent) == expected


@contextmanager
def watchdog(seconds: int):
    """Fail, instead of waiting minutes, if the work inside has not finished after a generous `seconds`."""

    def expired(signum, frame):
        raise AssertionError(f"not finished after {seconds} seconds")

    before = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="no SIGALRM for the watchdog")
def test_a_note_of_one_16_million_character_word_exports(commute_pack) -> None:
    """textwrap copied the rest of a long word once per line: 16 MB took about 150 s; linear, about a second."""
    word = "x" * 16_000_000
    session = replace(Session.new(commute_pack), note=word)
    with watchdog(60):
        text = render_text(build_summary(commute_pack, session), commute_pack)
    lines = text.split("\n")
    assert "".join(line for line in lines if set(line) == {"x"}) == word
    assert max(len(line) for line in lines) == 72
