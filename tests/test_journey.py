"""The order of the steps, and where a saved place is said in words."""

from __future__ import annotations

from decisionaid.core.journey import Journey


def test_steps_run_through_every_stage_in_order(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.steps[0] == ("welcome", 0)
    assert journey.next("cards", 4) == ("self_check", 0)
    assert journey.next("self_check", 0) == ("self_check", 1)  # the page of what was learnt
    assert journey.next("self_check", 1) == ("values", 0)
    assert journey.previous("values", 0) == ("self_check", 1)
    assert journey.next("sure", 3) == ("summary", 0)
    assert journey.next("summary", 0) == ("summary", 0)
    assert journey.previous("cards", 0) == ("welcome", 0)


def test_a_saved_place_past_the_end_moves_to_the_last_step_of_its_stage(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.clamp("cards", 40) == ("cards", 4)
    assert journey.describe("cards", 40) == "card 5 of 5"


def test_places_in_words(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.describe("cards", 0) == "card 1 of 5"
    assert journey.describe("self_check", 0) == "self-check question 1 of 1"
    assert journey.describe("self_check", 1) == "the end of the self-check"
    assert journey.describe("values", 0) == "what matters to you, 1 of 1"
    assert journey.describe("sure", 2) == "the four short questions, 3 of 4"
    assert journey.describe("summary", 0) == "your questions for the clinician"


def test_an_empty_stage_is_skipped(commute_pack) -> None:
    pack = commute_pack.model_copy(update={"values": commute_pack.values.model_copy(update={"values": []})})
    journey = Journey(pack)
    assert journey.next("self_check", 1) == ("sure", 0)
    assert journey.clamp("values", 0) == ("sure", 0)


def test_arriving_records_the_place_and_marks_a_card_read():
    from decisionaid.content import load_pack
    from decisionaid.core.session import Session
    from tests.helpers import COMMUTE

    pack = load_pack(COMMUTE)
    journey = Journey(pack)
    session = Session.new(pack)
    assert journey.arrive(session, "cards", 99) == ("cards", 4)
    assert (session.stage, session.position) == ("cards", 4)
    assert session.cards_read == [pack.ordered_cards()[4].id]
    assert journey.arrive(session, "values", 0) == ("values", 0)
    assert session.cards_read == [pack.ordered_cards()[4].id]
