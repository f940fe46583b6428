"""Every step over a pack's cards is linear in their number, and a pack past the bounds is refused in one line.

Counted in function calls (the same on any machine), never timed: four times the cards may take at most a little
over four times the calls (it is 2.7 times now, the fixed work shared out). A quadratic step (a look-up that walks
every card, once for each card) made it 5.7 times.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench.packgen import generate_pack
from decisionaid.content import Pack, load_pack
from decisionaid.content.models import MAX_CARDS
from decisionaid.core.controller import Controller
from decisionaid.core.end_pages import contents
from decisionaid.core.pages import card_heading, card_progress
from decisionaid.storage.store import AnswersFile
from tests.helpers import COMMUTE, copy_pack, run_in_process


def calls(work) -> int:
    """How many Python calls (a generator's every step included) `work` makes."""
    count = 0

    def profile(_frame, event: str, _arg) -> None:
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def start_and_read_every_card(pack: Pack, answers: Path) -> None:
    """What a start and a walk through every card do with the cards: time left, the map, the list of every card,
    each card's heading and 'Card n of N', and the step to the next."""
    controller = Controller(pack, AnswersFile(answers))
    controller.start()
    controller.minutes()
    controller.aid_map()
    session = controller.session
    contents(pack, controller.journey, session, controller.words, lambda places: 1)
    for position, card in enumerate(pack.ordered_cards()):
        card_heading(pack, card, controller.words)
        card_progress(controller.journey, position, controller.words)
        controller.journey.next("cards", position)


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[int, Pack]:
    root = tmp_path_factory.mktemp("grown")
    return {n: load_pack(generate_pack(COMMUTE, root / str(n), n)) for n in (500, 2000)}


def test_every_step_over_the_cards_is_linear_in_their_number(packs, tmp_path: Path) -> None:
    small = calls(lambda: start_and_read_every_card(packs[500], tmp_path / "a.toml"))
    large = calls(lambda: start_and_read_every_card(packs[2000], tmp_path / "b.toml"))
    assert large < 4.4 * small, f"{small:,} calls for 500 cards, {large:,} for 2,000"


def test_more_cards_than_the_bound_are_refused_in_one_line(tmp_path: Path) -> None:
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    card = '[[cards]]\nid = "c{n}"\nsection = "good-and-bad"\nkind = "benefit"\ntitle = "A"\nbody = "B"\n'
    card += 'sources = ["survey"]\ncertainty = "established"\n'
    (folder / "cards.toml").write_text("".join(card.format(n=n) for n in range(MAX_CARDS + 1)), encoding="utf-8")
    result = run_in_process("validate", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"pack/cards.toml: cards: must have at most {MAX_CARDS} entries (it has {MAX_CARDS + 1})",
        "pack: 1 problem",
    ]


def test_a_text_longer_than_the_bound_is_refused_in_one_line(tmp_path: Path) -> None:
    from decisionaid.content import ContentError
    from decisionaid.content.models import MAX_TEXT
    from decisionaid.core.catalogue import load_catalogue

    folder = copy_pack(COMMUTE, tmp_path / "pack")
    cards = folder / "cards.toml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("You can keep taking the bus.", "x" * MAX_TEXT, 1))
    with pytest.raises(ContentError) as refused:
        load_pack(folder)
    [line] = refused.value.lines(load_catalogue())
    assert f"cards[id=what-options].body: must be at most {MAX_TEXT} characters long (it has" in line
