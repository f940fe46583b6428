"""The order of the steps, and where a saved place is said in words."""

from __future__ import annotations

from decisionaid.content import records
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.controller import Controller
from decisionaid.core.journey import Journey
from decisionaid.storage.store import AnswersFile

WORDS = load_catalogue()


def test_steps_run_through_every_stage_in_order(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.steps[:3] == [("welcome", 0), ("compare", 0), ("cards", 0)]
    assert journey.next("cards", 4) == ("cards", 7)  # the list of every card, offering the two left out
    assert journey.next("cards", 7) == ("self_check", 0)
    assert journey.next("self_check", 0) == ("self_check", 2)  # the page of what was learnt
    assert journey.next("self_check", 2) == ("values", 0)
    assert journey.previous("values", 0) == ("self_check", 2)
    assert journey.next("sure", 3) == ("summary", 0)
    assert journey.next("summary", 0) == ("summary", 0)
    assert journey.previous("compare", 0) == ("welcome", 0)


def test_a_saved_place_past_the_end_moves_to_the_last_step_of_its_stage(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.clamp("cards", 40) == ("cards", 7)
    assert journey.describe("cards", 40, WORDS) == "the list of all the cards"


def test_places_in_words(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.describe("compare", 0, WORDS) == "the options at a glance"
    assert journey.describe("cards", 0, WORDS) == "card 1 of 5"
    assert journey.describe("cards", 6, WORDS) == "a card left out of the short path (2 of 2 in its section)"
    assert journey.describe("self_check", 0, WORDS) == "self-check question 1 of 1"
    assert journey.describe("self_check", 1, WORDS) == "more self-check questions, 1 of 1"
    assert journey.describe("self_check", 2, WORDS) == "the end of the self-check"
    assert journey.describe("values", 0, WORDS) == "what matters to you, 1 of 1"
    assert journey.describe("values", 2, WORDS) == "more about what matters to you"
    assert journey.describe("sure", 2, WORDS) == "the four short questions, 3 of 4"
    assert journey.describe("summary", 0, WORDS) == "your handout"


def test_an_empty_stage_is_skipped(commute_pack) -> None:
    pack = records.replace(commute_pack, values_file=records.replace(commute_pack.values_file, values=[]))
    journey = Journey(pack)
    assert journey.next("self_check", 2) == ("sure", 0)
    assert journey.clamp("values", 0) == ("sure", 0)


def test_going_to_a_place_records_it_marks_a_card_read_and_saves(commute_pack, tmp_path) -> None:
    controller = Controller(commute_pack, AnswersFile(tmp_path / "answers.toml"))
    last_card = commute_pack.ordered_cards()[4].id
    assert controller.go("cards", 4).saved
    assert controller.place == ("cards", 4)
    assert controller.session.cards_read == (last_card,)
    assert controller.go("values", 0).saved
    assert controller.session.cards_read == (last_card,) and controller.session.seen == ("values:cost",)
    again = Controller(commute_pack, AnswersFile(tmp_path / "answers.toml"))
    assert (again.place, again.session.cards_read) == (("values", 0), (last_card,))
    assert again.left_off() == "what matters to you, 1 of 1"
