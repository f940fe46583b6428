"""The short path, the parts of the aid and honest minutes, as the core works them out for both front ends."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from decisionaid.content import Pack, load_pack, records
from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.controller import Controller
from decisionaid.core.journey import Journey
from decisionaid.core.session import SessionError, parse_session
from decisionaid.core.summary import build_summary
from decisionaid.core.timing import Timing, count_words, minutes_for, short_path_time
from decisionaid.plain.console import Console
from decisionaid.plain.flow import PlainAid
from decisionaid.storage.store import AnswersFile
from tests.helpers import COMMUTE, KETAMINE, copy_pack

WORDS = load_catalogue()


def unmarked(tmp_path: Path) -> Pack:
    """The commute pack with every short_path mark taken out."""
    pack = copy_pack(COMMUTE, tmp_path / "unmarked")
    for name in ("cards.toml", "self_check.toml", "values.toml"):
        path = pack / name
        path.write_text(path.read_text(encoding="utf-8").replace("short_path = true\n", ""), encoding="utf-8")
    return load_pack(pack)


def controller_for(pack: Pack, tmp_path: Path) -> Controller:
    return Controller(pack, AnswersFile(tmp_path / "answers.toml"))


# --- the short path -------------------------------------------------------------------


def test_the_default_path_walks_only_what_is_marked_and_ends_each_part_with_an_offer(commute_pack) -> None:
    journey = Journey(commute_pack)
    cards = [c.id for c in commute_pack.ordered_cards()]
    on_path_cards = [cards[p] for s, p in journey.steps if s == "cards" and p < len(cards)]
    assert on_path_cards == ["what-options", "bike-good", "bike-bad", "bus-good", "bus-bad"]
    assert ("cards", 7) in journey.steps, "the list of every card offers the two left out"
    assert ("self_check", 1) not in journey.steps and ("self_check", 2) in journey.steps
    assert ("values", 1) not in journey.steps and ("values", 2) in journey.steps
    assert [p.id for p in journey.parts] == ["compare", "cards", "more", "self_check", "values", "sure", "summary"]


def test_what_was_left_out_is_walked_from_its_offer_and_leads_back_to_it(commute_pack) -> None:
    journey = Journey(commute_pack)
    assert journey.next("cards", 5) == ("cards", 6) and journey.next("cards", 6) == ("cards", 7)
    assert journey.previous("cards", 5) == ("cards", 7)
    assert journey.next("self_check", 1) == ("self_check", 2) == journey.previous("self_check", 1)
    assert journey.next("values", 1) == ("values", 2)


def test_a_pack_without_marks_has_everything_on_the_short_path(tmp_path: Path) -> None:
    pack = unmarked(tmp_path)
    journey = Journey(pack)
    assert not journey.marked
    assert [p for s, p in journey.steps if s == "cards"] == list(range(7))
    assert ("cards", 7) not in journey.steps, "nothing was left out, so nothing is offered"
    assert journey.next("cards", 7) == ("self_check", 0) and journey.previous("cards", 7) == ("cards", 6)
    assert "more" not in [p.id for p in journey.parts]
    timed = short_path_time(pack)
    assert (timed.marked, timed.cards, timed.self_check, timed.values) == (False, 7, 2, 2)


def test_a_saved_place_from_before_the_short_path_still_opens(commute_pack) -> None:
    old = 'schema_version = 1\npack = "commute"\nstage = "cards"\nposition = 5\ncards_read = ["bike-kit"]\n'
    session = parse_session(old, "old.toml")
    assert session.seen == ()
    journey = Journey(commute_pack)
    place = journey.clamp(session.stage, session.position)
    assert place == ("cards", 5) and journey.is_left_out(place)
    assert journey.describe(*place, WORDS) == "a card left out of the short path (1 of 2 in its section)"


def test_seen_pages_and_the_table_stage_are_saved_and_read_back(commute_pack, tmp_path: Path) -> None:
    controller = controller_for(commute_pack, tmp_path)
    controller.start()
    controller.go("self_check", 0)
    controller.go("summary")
    again = controller_for(commute_pack, tmp_path)
    assert again.session.seen == ("compare", "self_check:rain", "summary")
    assert parse_session(replace(again.session, stage="compare").to_toml(), "x").stage == "compare"
    with pytest.raises(SessionError) as caught:
        parse_session('schema_version = 2\npack = "commute"\nseen = 3\n', "bad.toml")
    assert caught.value.line(load_catalogue()) == "bad.toml: seen: must be a list of text"


# --- minutes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("60 out of 100 people", 3),
        ("See https://example.org/a-b and www.example.org now.", 3),
        ("Ketamine: fast, short-lived.", 4),
        ("", 0),
    ],
)
def test_a_word_is_a_run_of_letters_and_addresses_do_not_count(text: str, words: int) -> None:
    assert count_words(text) == words


def test_minutes_are_to_the_nearest_at_150_words_a_minute_so_parts_add_up_to_about_the_whole() -> None:
    assert [minutes_for(n) for n in (0, 74, 75, 150, 224, 225, 2250, 2324)] == [0, 0, 1, 1, 1, 2, 15, 15]


def test_the_short_path_time_counts_the_page_models_of_its_steps(commute_pack) -> None:
    timed = short_path_time(commute_pack)
    timing = Timing(commute_pack, Journey(commute_pack), WORDS)
    assert timed.steps == len(timing.short_path()) == 15
    assert timed.words == sum(timing.words_at(p) for p in timing.short_path())
    assert timed.minutes == 4 and not timed.over_target and timed.target_minutes == 15
    card = timing.texts(("cards", 1))
    assert "Riding a bike gets you moving. Many riders say they feel fresh." in card
    assert "Cycling: 60 out of 100 people; 40 out of 100 did not." in card, "figures in words"


def test_a_short_path_over_its_target_says_so(commute_pack) -> None:
    meta = records.replace(commute_pack.meta, short_path_minutes=1)
    pack = records.replace(commute_pack, pack_file=records.replace(commute_pack.pack_file, meta=meta))
    assert short_path_time(pack).over_target


def test_typed_minutes_are_ignored(commute_pack, tmp_path: Path) -> None:
    typed = copy_pack(COMMUTE, tmp_path / "typed")
    path = typed / "pack.toml"
    typed_minutes = path.read_text(encoding="utf-8").replace('disclaimer = "', 'minutes = 99\ndisclaimer = "')
    path.write_text(typed_minutes, encoding="utf-8")
    pack = load_pack(typed)
    assert pack.meta.minutes == 99
    assert short_path_time(pack) == short_path_time(commute_pack), "the hand-typed figure plays no part"


def test_the_shipped_short_path_gives_every_option_the_same_kinds_of_card() -> None:
    ketamine = load_pack(KETAMINE)
    on = [card for card in ketamine.cards if card.short_path]
    kinds = {o.id: sorted({c.kind.value for c in on if o.id in c.options}) for o in ketamine.options}
    assert len(set(map(tuple, kinds.values()))) == 1, kinds


SAFETY_ON_THE_PATH = {
    "who must not use it": "Spravato is ruled out after an aneurysm",
    "pregnancy": "not advised in pregnancy or while breastfeeding",
    "bipolar disorder and psychosis": "care with psychosis",
    "mania": "bipolar disorder and mania",
    "alcohol and drug use": "past alcohol or drug problems",
    "interacting drugs": "pills that cause sleepiness, stimulants and MAOIs",
    "at-home products": "At-home or pharmacy-made ketamine is not FDA-approved",
    "the question that screens for them": "Do any of these apply to you, or the person you are helping?",
}


def test_a_walk_pressing_only_enter_meets_who_must_not_use_it_and_what_to_raise_first(tmp_path: Path) -> None:
    out = io.StringIO()
    console = Console(io.StringIO("\n" * 80), out, width=100, echo=True)
    controller = controller_for(load_pack(KETAMINE), tmp_path)
    PlainAid(controller, console).run()
    shown = " ".join(out.getvalue().split())
    assert "Your handout. Part 7 of 7" in shown, "the walk reached the end of the short path"
    answered = controller.session
    assert not (answered.self_check or answered.values or answered.sure), "Enter goes on; it never answers"
    missing = [topic for topic, words in SAFETY_ON_THE_PATH.items() if words not in shown]
    assert missing == [], f"the Enter-only walk never meets: {missing}"


@pytest.mark.parametrize(
    ("choice", "added", "not_added"),
    [
        ("pregnancy", {"q-pregnancy"}, {"q-substance-use", "q-psychosis"}),
        ("substances", {"q-substance-use", "q-misuse-risk"}, {"q-pregnancy", "q-psychosis"}),
        ("several", {"q-heart-vessels", "q-pregnancy", "q-psychosis", "q-substance-use", "q-other-medicines"}, set()),
    ],
)
def test_the_short_path_screen_adds_the_questions_that_apply_to_the_handout(tmp_path: Path, choice, added, not_added):
    pack = load_pack(KETAMINE)
    assert "safety-screen" in [pack.values[i].id for i in Journey(pack).short["values"]]
    controller = controller_for(pack, tmp_path)
    controller.answer_value("safety-screen", choice)
    controller.include_private("safety-screen", True)  # shown on the copy: its own questions, in their own words
    listed = {q.id for group in build_summary(pack, controller.session).groups for q in group.questions}
    assert added <= listed
    assert not listed & not_added


def test_a_private_answer_left_off_the_copy_lists_the_same_questions_whatever_it_was(tmp_path: Path) -> None:
    """Left off, an answer must not be read off the questions it adds: 'none' and 'pregnancy' give the same list."""
    pack = load_pack(KETAMINE)
    lists = []
    for choice in ("none", "pregnancy", "substances", "several"):
        controller = controller_for(pack, tmp_path / choice)
        controller.answer_value("safety-screen", choice)
        summary = build_summary(pack, controller.session)
        lists.append([(q.id, q.text, q.reasons) for group in summary.groups for q in group.questions])
        controller.leave()
    assert all(listed == lists[0] for listed in lists)
    general = {q.id for group in summary.groups for q in group.questions if q.general}
    assert general and not general & {top.id for top in summary.top}, "the top stays with what the person showed"
    assert "Which health facts or life events can change the risks of each option?" in {q[1] for q in lists[0]}


# --- the parts and how far the person is ------------------------------------------------


def test_parts_are_not_started_in_progress_or_done_with_their_minutes(commute_pack, tmp_path: Path) -> None:
    controller = controller_for(commute_pack, tmp_path)
    assert [row.state for row in controller.aid_map().rows] == ["not_started"] * 7
    controller.start()
    controller.go("cards", 0)
    controller.go("cards", 1)
    rows = {row.id: row for row in controller.aid_map().rows}
    assert rows["compare"].state == "done"
    assert rows["cards"].state == "in_progress" and rows["cards"].here
    assert rows["more"].state == "not_started" and rows["summary"].state == "not_started"
    assert rows["cards"].minutes == 1 and rows["summary"].minutes == 0
    assert rows["self_check"].place == ("self_check", 0), "a part not started opens at its first step"
    assert rows["cards"].place == ("cards", 1), "the part the person is in opens where they are"
    controller.go("cards", 5)
    controller.go("cards", 6)
    rows = {row.id: row for row in controller.aid_map().rows}
    assert rows["more"].state == "in_progress" and rows["cards"].state == "in_progress"
    controller.go("self_check", 0)
    rows = {row.id: row for row in controller.aid_map().rows}
    assert rows["more"].state == "done", "every card it offers was read"


def test_a_card_read_from_the_options_table_does_not_start_more_about_the_options(commute_pack, tmp_path) -> None:
    controller = controller_for(commute_pack, tmp_path)
    controller.start()
    controller.read_card(controller.journey.left_out["cards"][0])
    more = {row.id: row for row in controller.aid_map().rows}["more"]
    assert more.state == "not_started" and more.optional == len(controller.journey.left_out["cards"]) - 1


def test_where_the_person_is_in_the_whole_journey(commute_pack, tmp_path: Path) -> None:
    controller = controller_for(commute_pack, tmp_path)
    assert controller.where() == "7 parts · about 4 minutes"
    controller.start()
    assert controller.where() == "Part 1 of 7 · about 4 minutes left"
    for place in controller.journey.steps[2:-1]:
        controller.go(*place)
    assert controller.where() == "Part 6 of 7 · under a minute left"
    controller.go("summary")
    assert controller.where() == "Part 7 of 7 · the end of the short path"


def test_a_card_opened_from_the_table_counts_as_read_without_moving(commute_pack, tmp_path: Path) -> None:
    controller = controller_for(commute_pack, tmp_path)
    controller.start()
    assert controller.read_card(6).saved
    assert controller.session.cards_read == ("bus-pass",) and controller.place == ("compare", 0)
