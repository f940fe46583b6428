"""The controller's operations for the handout: stars, who fills it in, private answers and the leaning.

Each is checked, saved at once, and said in words when it cannot be done.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.core.controller import Controller
from decisionaid.core.session import LEANING_NOT_SURE, load_session
from decisionaid.storage.store import AnswersFile


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "commute-answers.toml"


@pytest.fixture
def controller(handout_pack, path: Path) -> Controller:
    controller = Controller(handout_pack, AnswersFile(path))
    controller.start()
    controller.answer_self_check("rain", "unsure")
    controller.answer_value("cost", "a-lot")
    return controller


def test_a_star_is_saved_at_once_and_said_in_words(controller, path):
    outcome = controller.star_question("q-rain", True)
    assert outcome.done and outcome.saved
    assert outcome.said == "Starred for the top of the handout: What happens on rainy days?"
    assert load_session(path).starred == ("q-rain",)
    assert [q.id for q in controller.summary().top] == ["q-rain"]
    assert controller.star_question("q-rain", False).said == "No longer starred: What happens on rainy days?"
    assert load_session(path).starred == ()


def test_starring_a_left_out_question_puts_it_back_and_leaving_it_out_unstars_it(controller, path):
    controller.include_question("q-start", False)
    controller.star_question("q-start", True)
    assert (load_session(path).starred, load_session(path).unticked) == (("q-start",), ())
    controller.include_question("q-start", False)
    assert (load_session(path).starred, load_session(path).unticked) == ((), ("q-start",))


def test_the_top_holds_five_counting_only_questions_still_listed(controller, path):
    for n in range(4):
        controller.add_own_question(f"Mine {n}?")
        controller.star_own_question(n, True)
    assert controller.stars_left() == 1
    assert controller.star_question("q-rain", True).done
    refused = controller.star_question("q-cost", True)
    assert not refused.done and refused.said == "The handout has room for 5 top questions. Unstar one first."
    assert "q-cost" not in load_session(path).starred
    controller.answer_self_check("rain", "no")  # q-rain is no longer on the list, so its star holds no place
    assert controller.stars_left() == 1 and controller.star_question("q-cost", True).done


def test_removing_an_own_question_removes_its_star(controller, path):
    controller.add_own_question("Mine?")
    controller.add_own_question("Yours?")
    controller.star_own_question(1, True)
    assert load_session(path).starred_own == ("Yours?",)
    controller.remove_own_question(1)
    assert load_session(path).starred_own == ()
    assert not controller.star_own_question(5, True).done


def test_who_fills_it_in_is_saved_and_nothing_else_is_accepted(controller, path):
    controller.set_reader("helper")
    assert load_session(path).reader == "helper"
    assert controller.summary().voice == "helper"
    for wrong in ("", "nurse"):
        with pytest.raises(ValueError, match="reader"):
            controller.set_reader(wrong)


def test_a_sensitive_answer_stays_off_the_copy_until_the_person_shows_it(controller, path):
    controller.answer_value("money-tight", "yes")
    assert load_session(path).shown == () and controller.summary().withheld == 1
    controller.include_private("money-tight", True)
    assert load_session(path).shown == ("money-tight",) and controller.summary().withheld == 0
    controller.include_private("money-tight", False)
    assert load_session(path).shown == () and controller.summary().withheld == 1
    with pytest.raises(ValueError, match="not a sensitive item"):
        controller.include_private("cost", False)


def test_the_leaning_is_an_option_not_sure_yet_or_nothing(controller, path):
    for leaning in ("bike", LEANING_NOT_SURE, ""):
        controller.set_leaning(leaning)
        assert load_session(path).leaning == leaning
    with pytest.raises(ValueError, match="no option 'scooter'"):
        controller.set_leaning("scooter")


def test_unknown_question_ids_are_refused(controller):
    with pytest.raises(ValueError, match="no clinician question 'q-gone'"):
        controller.star_question("q-gone", True)
    with pytest.raises(ValueError, match="no clinician question 'q-gone'"):
        controller.include_question("q-gone", False)
