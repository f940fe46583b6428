"""What a tired reader leaning on Enter met at 80x24: the map after questions left unanswered, Enter on every kind
of page, the notices Enter leaves, and the footers in Spanish and French."""

from __future__ import annotations

from decisionaid.content import load_pack
from tests.helpers import KETAMINE


def test_the_map_says_how_many_questions_of_a_part_done_were_left_unanswered(tmp_path) -> None:
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile

    controller = Controller(load_pack(KETAMINE), AnswersFile(tmp_path / "answers.toml"))
    journey = controller.journey
    controller.start()
    for place in journey.steps[1:]:
        controller.go(*place)
    said = {row.id: row.describe(controller.words) for row in controller.aid_map().rows}
    sure = len(journey.sure_ids)
    assert said["sure"] == f"done; {sure} not answered"
    assert said["self_check"].startswith(f"done; {len(journey.short['self_check'])} not answered;")
    assert said["compare"] == "done", "a part with no questions is just done"
    assert "the short path is done" in controller.where(), "every step was shown"
    controller.leave()
