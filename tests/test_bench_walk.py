"""The walk that measures the default path: it runs, counts what plain mode prints, and reports any pack."""

from __future__ import annotations

import subprocess
import sys

from bench.walk import TARGET_PROMPTS, TARGET_WORDS, walk_defaults
from decisionaid.content import load_pack
from decisionaid.core.journey import Journey
from decisionaid.core.timing import count_words
from decisionaid.storage.paths import data_dir
from tests.helpers import COMMUTE, KETAMINE, ROOT


def test_the_walk_takes_the_defaults_from_the_welcome_to_the_question_list(commute_pack) -> None:
    walk = walk_defaults(commute_pack)
    journey = Journey(commute_pack)
    after_an_answer = len(journey.short["self_check"])  # a question answered 'not sure' asks once more
    assert walk.prompts == len(journey.steps) - 1 + after_an_answer
    printed = [text for text in walk.transcript if not text.startswith("> ")]
    assert walk.words + walk.list_words == sum(map(count_words, printed)), "every word printed is counted once"
    assert set(walk.by_part) == {"welcome", "compare", "cards", "more", "self_check", "values", "sure"}
    assert sum(walk.by_part.values()) == walk.words and walk.list_words > 0
    shown = "\n".join(walk.transcript)
    assert "? Not sure" in shown, "each self-check question answered 'not sure', so its feedback is read"
    assert "Your handout. Part 7 of 7" in shown and "Bus passes" not in shown
    assert not data_dir().exists(), "the walk keeps its answers in a folder of its own"


def test_the_walk_prints_its_numbers_for_the_pack_asked_for() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.walk", "--pack", str(COMMUTE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("pack commute 0.1.0: plain mode, taking the defaults")
    assert f"  prompts: 17 (target at most {TARGET_PROMPTS}: met)" in lines
    assert any(
        line.startswith("  words printed: ") and f"(target at most {TARGET_WORDS:,}: met)" in line for line in lines
    )
    assert any("short path (marked): 5 cards, 1 self-check item, 1 values item" in line for line in lines)


def test_the_shipped_pack_meets_the_targets_taking_every_default() -> None:
    walk = walk_defaults(load_pack(KETAMINE))
    assert walk.prompts <= TARGET_PROMPTS, f"{walk.prompts} prompts"
    assert walk.words <= TARGET_WORDS, f"{walk.words:,} words printed"
    shown = "\n".join(walk.transcript)
    assert "IV ketamine: safety during and after a session" in shown, "the short path keeps IV ketamine's safety card"
