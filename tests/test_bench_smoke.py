"""The benchmark's own parts work: the generated pack loads, and the terminal harness drives a real app.

Nothing here asserts a speed; timings on a shared machine are not test material.
"""

from __future__ import annotations

import os
import sys

import pytest

from bench.packgen import generate_pack, shape, write_session
from bench.tui import key_bytes, marker, minimal_case, run_once
from decisionaid.content import load_pack
from decisionaid.core.session import load_session
from tests.helpers import COMMUTE, ROOT


def test_generated_pack_has_the_cards_asked_for_and_validates(tmp_path):
    pack = load_pack(generate_pack(COMMUTE, tmp_path / "pack", 100))
    assert len(pack.cards) == 100
    assert len(pack.sources) == shape(100)["sources"] + 2  # the commute pack's own two, plus generated
    for option in pack.options:
        kinds = {c.kind for c in pack.cards if option.id in c.options}
        assert {"benefit", "harm"} <= kinds


def test_session_file_for_export_is_readable(tmp_path):
    session = load_session(write_session(COMMUTE, tmp_path / "answers.toml"))
    assert session.pack == "commute"
    assert session.self_check and session.values


@pytest.mark.parametrize(("key", "sent"), [("s", b"s"), ("right,n", b"\x1b[C"), ("enter", b"\r"), ("ctrl+q", b"\x11")])
def test_key_names_become_terminal_bytes(key, sent):
    assert key_bytes(key) == sent


def test_marker_cuts_long_text_at_a_word_boundary():
    assert marker("Ketamine or esketamine for depression that has not eased", 30) == "Ketamine or esketamine for"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pty harness reads ru_maxrss in KiB (Linux)")
def test_pty_harness_paints_presses_and_quits_the_minimal_app():
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT))
    sample = run_once(minimal_case(), env, str(ROOT), timeout=120)
    assert sample.first_paint > 0
    assert sample.key_latency > 0
    assert sample.peak_rss_mib > 1


def test_every_screen_change_finds_its_key_and_its_text_in_a_full_pack():
    from bench.screens import CHANGES, change_cases

    cases, skipped = change_cases(COMMUTE)
    assert not skipped, skipped
    assert list(cases) == [change.name for change in CHANGES]
    for case in cases.values():
        assert case.key and case.after_key and case.title


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pty harness reads /proc (Linux)")
def test_pty_harness_times_a_screen_change_of_the_aid(tmp_path):
    from bench.screens import CHANGES, change_cases

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT))
    cases, _ = change_cases(COMMUTE, [c for c in CHANGES if c.name == "export dialog (modal)"])
    sample = run_once(cases["export dialog (modal)"], env, str(ROOT), timeout=120)
    assert sample.first_paint > 0
    assert sample.key_latency > 0
    assert sample.peak_rss_mib > 1
