"""The short path in plain mode, run in-process: the table row by row and option by option, every card, the
offers that end each part, the map (m), the question list (l), and Enter skipping any question."""

from __future__ import annotations

import io
from pathlib import Path

from decisionaid.content import Pack
from decisionaid.core.controller import Controller
from decisionaid.plain.console import Console
from decisionaid.plain.flow import PlainAid
from decisionaid.storage.store import AnswersFile

CARDS = ["", "", "", "", ""]


class Run:
    """Plain mode on the commute pack with `answers` as its input, the answers kept in tmp_path."""

    def __init__(self, pack: Pack, tmp_path: Path, *answers: str) -> None:
        self.controller = Controller(pack, AnswersFile(tmp_path / "answers.toml"))
        out = io.StringIO()
        console = Console(io.StringIO("".join(f"{a}\n" for a in answers)), out, width=100, echo=True)
        self.status = PlainAid(self.controller, console).run()
        self.out = out.getvalue()
        self.flat = " ".join(self.out.split())

    @property
    def session(self):
        return self.controller.session


def test_the_table_is_read_row_by_row_then_option_by_option_on_request(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "o", "s")
    assert "Options at a glance. Part 1 of 7 · about 4 minutes left." in run.out
    rows = run.out.index("What does it cost?\nKeep taking the bus: A ticket for each ride, or a pass for a month.")
    assert rows < run.out.index("How many feel fresh at work?\nKeep taking the bus: Between 20 and 30")
    by_option = run.out.split("to go on: o\n")[1]
    assert by_option.startswith("\nKeep taking the bus:\nWhat does it cost? A ticket for each ride")
    assert "Start cycling:\nWhat does it cost? A bike, a lock and lights, once.\nHow many feel" in by_option
    assert "Sources for this table:\n1. Example Travel Survey, 2025." in run.out.split("to go on: s\n")[1]
    assert run.out.count("https://") == 1, "sources are listed only when asked for"


def test_the_short_path_leaves_cards_out_and_offers_them_by_section(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "", *CARDS, "3", "2", "", "")
    assert "More about the options. Part 3 of 7" in run.out
    assert "1. The options: 1 card, 1 read.\n2. Good and bad points: 4 cards, 4 read." in run.out
    assert "3. Practical matters: 2 cards, 2 more to read." in run.out
    assert "Practical matters:\n1. What a rider needs (more)\n2. Bus passes (more)" in run.out
    assert "More: card 2 of 2 in this section. Practical matters." in run.out
    after = run.out.split("More: card 2 of 2")[1]
    assert "1 card the short path left out is still unread (about 1 minute)." in after, "back to the list"
    assert "Question 1 of 1. Not a test" in after
    assert run.session.cards_read[-1] == "bus-pass" and "bike-kit" not in run.session.cards_read


def test_enter_skips_every_kind_of_question(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "", *CARDS, "", "", "", "", "", "", "", "", "")
    assert run.session.stage == "summary"
    assert run.session.self_check == {} and run.session.values == {} and run.session.sure == {}
    assert run.flat.count("or press Enter to skip:") == 6
    assert "You skipped the self-check questions. You can answer them now, or later from the map." in run.flat


def test_the_pages_that_end_a_part_offer_what_was_left_out(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "", *CARDS, "", "3", "", "1", "2", "", "", "", "1", "1")
    assert "1 more question is not on the short path (about 1 minute).\n\n1. Answer 1 more question" in run.out
    assert "More questions: 1 of 1. Not a test: it shows what to ask about." in run.out
    back = run.out.split("More questions: 1 of 1.")[1]
    assert "You answered the 1 question that is not on the short path.\n\n1. Look at those answers again" in back
    assert "1 more question about you was left out of the short path (about 1 minute)." in run.out
    assert "More about what matters to you: 1 of 1." in run.out
    assert run.session.self_check == {"rain": "unsure", "fresh": "sixty"}
    assert run.session.values == {"exercise": "a-lot"}
    assert (run.session.stage, run.session.position) == ("values", 2), "back at the page that offered it"


def test_the_map_lists_the_parts_and_a_number_goes_there(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "", "", "m", "4")
    the_map = run.out.split("to go on: m\n")[1]
    assert "Map of the aid. Part 2 of 7 · about 4 minutes left." in the_map
    assert "1. Options at a glance: done." in the_map
    assert "2. Information: in progress, about 1 minute (you are here)." in the_map
    assert "3. More about the options: not started, under a minute; 2 more if you want them," in the_map
    assert "7. Your handout: not started." in the_map
    assert "Type a part's number to go there, a for all the cards, or press Enter to stay" in the_map
    assert "Self-check. Part 4 of 7" in run.out.split("to stay: 4\n")[1]
    assert run.session.stage == "self_check"


def test_the_map_can_be_left_as_it_was_or_open_every_card(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "", "m", "", "m", "a")
    assert "You are still at card 1 of 5." in run.out
    assert (run.session.stage, run.session.position) == ("cards", 7)


def test_l_goes_to_the_question_list_from_any_prompt_and_the_map_from_the_start(commute_pack, tmp_path: Path) -> None:
    run = Run(commute_pack, tmp_path, "", "l", "")
    assert run.session.stage == "summary"
    assert "Your handout. Part 7 of 7" in run.out and "What would you like to do?" in run.out
    before = Run(commute_pack, tmp_path / "new", "m", "6")
    assert "Map of the aid. 7 parts · about 4 minutes." in before.out
    assert before.session.stage == "sure", "choosing a part before starting starts there"


def test_a_pack_without_marks_walks_everything_and_still_has_the_map(commute_pack, tmp_path: Path) -> None:
    from tests.test_short_path import unmarked

    pack = unmarked(tmp_path)
    run = Run(pack, tmp_path, "", "", *CARDS, "", "", "m", "a", "3")
    assert "Card 7 of 7. Practical matters." in run.out
    assert "More about the options" not in run.out and "2. The information: done." in run.out
    assert "All 7 cards, section by section, to read again." in run.out
