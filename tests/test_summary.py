"""The summary rules: which questions a person's answers put on the list, why, and in what order."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date

import pytest

from decisionaid.content import load_pack
from decisionaid.core.session import Session, load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render_markdown, render_text
from tests.helpers import COMMUTE, KETAMINE, TESTS

SESSIONS = TESTS / "sessions"
GOLDEN = TESTS / "golden"

CORE = ("q-start", ("A good first question for anyone.",))
RAIN_NOT_SURE = "You were not sure about travelling in the rain."
RAIN_DIFFERED = "Your answer about travelling in the rain differed from what the studies found."
COST = "You said cost matters a lot to you."
SURE_NO = "You answered 'no' to: Do you know the good and bad points?"


@pytest.fixture(scope="module")
def pack():
    return load_pack(COMMUTE)


def answered(pack, **answers) -> Session:
    return replace(Session.new(pack), **answers)


def listed(summary) -> list[tuple[str, tuple[str, ...]]]:
    return [(q.id, q.reasons) for q in summary.questions()]


def test_no_answers_lists_only_the_core_question(pack):
    summary = build_summary(pack, Session.new(pack))
    assert listed(summary) == [CORE]
    assert summary.matters == summary.unsure == summary.sure == summary.sources_read == ()
    assert (summary.title, summary.pack_version) == ("Cycling or the bus to work", "0.1.0")


def test_right_answers_add_nothing(pack):
    summary = build_summary(pack, answered(pack, self_check={"rain": "no"}, values={"cost": "not-much"}))
    assert listed(summary) == [CORE]
    assert summary.unsure == ()
    assert summary.matters == ()


def test_not_sure_adds_the_question_and_an_unsure_line(pack):
    summary = build_summary(pack, answered(pack, self_check={"rain": "unsure"}))
    assert listed(summary) == [CORE, ("q-rain", (RAIN_NOT_SURE,))]
    assert summary.unsure == ("I was not sure about travelling in the rain.",)


def test_a_wrong_answer_adds_the_question_and_says_it_differed(pack):
    summary = build_summary(pack, answered(pack, self_check={"rain": "yes"}))
    assert listed(summary) == [CORE, ("q-rain", (RAIN_DIFFERED,))]
    assert summary.unsure == ("My answer about travelling in the rain differed from the evidence.",)


def test_a_value_adds_its_questions_with_its_reason_and_its_summary(pack):
    summary = build_summary(pack, answered(pack, values={"cost": "a-lot"}))
    assert listed(summary) == [("q-cost", (COST,)), CORE]
    assert summary.matters == ("Cost matters a lot to me.",)
    assert [g.topic for g in summary.groups] == ["money", "general"]
    assert [g.title for g in summary.groups] == ["Cost", "General"]


def test_a_sure_no_adds_questions_and_every_answered_item_is_listed_in_pack_order(pack):
    summary = build_summary(pack, answered(pack, sure={"encouragement": True, "understand": False, "sure": True}))
    assert listed(summary) == [CORE, ("q-more-facts", (SURE_NO,))]
    assert [(a.text, a.yes, a.meaning) for a in summary.sure] == [
        ("Are you sure?", True, None),
        ("Do you know the good and bad points?", False, "You may want more facts."),
        ("Do you have enough support?", True, None),
    ]


def test_questions_follow_topic_then_clinician_order_whatever_the_answer_order(pack):
    session = answered(pack, sure={"understand": False}, self_check={"rain": "unsure"}, values={"cost": "a-lot"})
    summary = build_summary(pack, session)
    assert [q.id for q in summary.questions()] == ["q-cost", "q-start", "q-rain", "q-more-facts"]


def test_a_question_added_twice_appears_once_with_both_reasons(tmp_path):
    folder = tmp_path / "commute"
    folder.mkdir()
    for path in COMMUTE.iterdir():
        (folder / path.name).write_text(path.read_text())
    values = (folder / "values.toml").read_text().replace('adds = ["q-cost"]', 'adds = ["q-cost", "q-rain"]')
    (folder / "values.toml").write_text(values)
    pack = load_pack(folder)
    summary = build_summary(pack, answered(pack, self_check={"rain": "unsure"}, values={"cost": "a-lot"}))
    assert listed(summary) == [("q-cost", (COST,)), CORE, ("q-rain", (RAIN_NOT_SURE, COST))]


def test_unticked_questions_stay_listed_but_unticked_even_core_ones(pack):
    summary = build_summary(pack, answered(pack, values={"cost": "a-lot"}, unticked=["q-start"]))
    assert [(q.id, q.ticked) for q in summary.questions()] == [("q-cost", True), ("q-start", False)]
    assert [(g.topic, [q.id for q in g.questions]) for g in summary.ticked_groups()] == [("money", ["q-cost"])]


def test_answers_the_pack_no_longer_has_are_ignored(pack):
    session = answered(
        pack,
        self_check={"rain": "maybe", "gone": "yes"},
        values={"cost": "priceless"},
        sure={"old-item": False},
        cards_read=["bus-good", "gone"],
        unticked=["q-gone"],
    )
    summary = build_summary(pack, session)
    assert listed(summary) == [CORE]
    assert summary.unsure == summary.matters == summary.sure == ()
    assert [s.id for s in summary.sources_read] == ["survey"]


def test_own_questions_and_note_are_kept_exactly_as_typed(pack):
    typed = ["  Can I try it\tfirst?  ", "Line one\nline two \x1b[31m"]
    summary = build_summary(pack, answered(pack, own_questions=typed, note=" A note\n\n"))
    assert summary.own_questions == tuple(typed)
    assert summary.note == " A note\n\n"


def test_sources_come_from_the_cards_read_and_their_figures_once_each(pack):
    summary = build_summary(pack, answered(pack, cards_read=["bike-good", "bus-bad", "what-options"]))
    assert [s.id for s in summary.sources_read] == ["survey"]
    assert build_summary(pack, Session.new(pack)).sources_read == ()


# --- answer profiles against the real pack, with golden exports ------------------------------------

KETAMINE_SESSIONS = SESSIONS / "ketamine"
OWN = "the question's own reason"
TODAY = date(2026, 11, 21)
DIRECTIVE = ("you should", "we recommend", "best option", "right for you", "eligible", "dose of")


def ns(topic: str) -> str:
    return f"You were not sure about {topic}."


def differed(topic: str) -> str:
    return f"Your answer about {topic} differed from what the studies found."


CORE_START = [("q-my-health", [OWN])]
CORE_MIDDLE = [("q-benefit-for-me", [OWN]), ("q-how-know-working", [OWN])]
CORE_SAFETY = [("q-main-risks", [OWN])]
CORE_END = [("q-all-options", [OWN]), ("q-keep-current", [OWN])]
ONLY_CORE = CORE_START + CORE_MIDDLE + CORE_SAFETY + CORE_END

HEART_NS = "Not sure about blood pressure, heart or blood-vessel history."
NO_RIDE = "There is no ride home after a session yet."
CLINIC_TIME = "The time spent at the clinic matters a lot."
PAST_USE = "Problems with alcohol or drugs in the past."

PROFILES = {
    "all-correct": dict(
        questions=ONLY_CORE,
        unsure=[],
        matters=[
            "Getting relief quickly: does not matter much.",
            "Feeling detached or strange after a dose: does not matter much.",
            "Time spent at the clinic: does not matter much.",
            "Cost: does not matter much.",
            "The unknown long-term effects: do not matter much.",
            "Needing sessions for months: does not matter much.",
            "A ride home after each session: yes, every time.",
            "Pregnancy or breastfeeding: none of these.",
            "Blood pressure, heart or blood-vessel problems: no.",
            "Bipolar disorder, mania or psychosis: no.",
            "Alcohol or drugs: no.",
            "Medicines that cause sleepiness, stimulants or MAOIs: no.",
            "Age group: 25 to 64.",
        ],
        sure=[True, True, True, True],
    ),
    "mostly-not-sure": dict(
        questions=[
            *CORE_START,
            ("q-heart-vessels", [ns("when blood pressure can rise"), HEART_NS]),
            *CORE_MIDDLE,
            ("q-expected-benefit", [ns("what 'out of 100' figures mean"), ns("how quickly ketamine works")]),
            ("q-which-studies", [ns("what 'out of 100' figures mean")]),
            ("q-how-soon", [ns("how quickly ketamine works")]),
            ("q-how-long-last", [ns("how long the benefit lasts")]),
            ("q-suicidal-thoughts", [ns("what is known about ketamine and suicidal thoughts")]),
            ("q-crisis-contact", [ns("what is known about ketamine and suicidal thoughts")]),
            *CORE_SAFETY,
            ("q-day-effects", [ns("how often side effects happen")]),
            (
                "q-blood-pressure",
                [ns("how often side effects happen"), ns("when blood pressure can rise"), HEART_NS],
            ),
            ("q-monitoring", [ns("how long people are watched after a dose")]),
            ("q-compounded", [ns("the risk of misuse and addiction")]),
            ("q-misuse-risk", [ns("the risk of misuse and addiction")]),
            ("q-schedule", [ns("how long people are watched after a dose")]),
            ("q-getting-home", ["It is not yet clear how to get home after a session."]),
            ("q-before-session", [ns("how long people are watched after a dose")]),
            ("q-ongoing-sessions", [ns("how long the benefit lasts")]),
            *CORE_END,
        ],
        unsure=[
            f"I was not sure about {topic}."
            for topic in (
                "what 'out of 100' figures mean",
                "how quickly ketamine works",
                "how long the benefit lasts",
                "what is known about ketamine and suicidal thoughts",
                "how often side effects happen",
                "when blood pressure can rise",
                "the risk of misuse and addiction",
                "how long people are watched after a dose",
            )
        ],
        matters=[
            "A ride home after each session: not sure.",
            "Blood pressure, heart or blood-vessel problems: not sure.",
        ],
        sure=[],
    ),
    "cost-matters": dict(
        questions=[
            *CORE_START,
            ("q-approval-status", [differed("which form is FDA-approved for depression")]),
            ("q-off-label", [differed("which form is FDA-approved for depression")]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-total-cost", ["Cost matters a lot."]),
            ("q-insurance", ["Cost matters a lot."]),
            ("q-cost-compare", ["Cost matters a lot."]),
            *CORE_END,
        ],
        unsure=["My answer about which form is FDA-approved for depression differed from the evidence."],
        matters=["Cost: matters a lot."],
        sure=[],
    ),
    "no-ride-home": dict(
        questions=[
            *ONLY_CORE[:4],
            ("q-schedule", [CLINIC_TIME]),
            ("q-getting-home", [differed("when driving is possible after a dose"), NO_RIDE]),
            ("q-work-time", [CLINIC_TIME]),
            *CORE_END,
        ],
        unsure=["My answer about when driving is possible after a dose differed from the evidence."],
        matters=[
            "Time spent at the clinic: matters a lot.",
            "A ride home after each session: not yet.",
        ],
        sure=[],
    ),
    "pregnancy-plans": dict(
        questions=[
            *CORE_START,
            ("q-pregnancy", ["A pregnancy is planned or could happen."]),
            ("q-other-medicines", ["Takes medicines that can cause sleepiness, stimulants or an MAOI."]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-day-effects", [ns("how often side effects happen")]),
            ("q-blood-pressure", [ns("how often side effects happen")]),
            *CORE_END,
        ],
        unsure=["I was not sure about how often side effects happen."],
        matters=[
            "Pregnancy or breastfeeding: a pregnancy is planned or could happen.",
            "Medicines that cause sleepiness, stimulants or MAOIs: yes.",
        ],
        sure=[],
    ),
    "substance-use": dict(
        questions=[
            *CORE_START,
            ("q-substance-use", [PAST_USE]),
            ("q-ketamine-vs-esketamine", [ns("how medical ketamine relates to the street drug")]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-compounded", [differed("the risk of misuse and addiction")]),
            ("q-misuse-risk", [differed("the risk of misuse and addiction"), PAST_USE]),
            *CORE_END,
        ],
        unsure=[
            "My answer about the risk of misuse and addiction differed from the evidence.",
            "I was not sure about how medical ketamine relates to the street drug.",
        ],
        matters=["Alcohol or drugs: problems in the past."],
        sure=[],
    ),
    "sure-two-no": dict(
        questions=[
            *ONLY_CORE,
            ("q-time-to-decide", ["You answered 'no' to: Do you feel SURE about the best choice for you?"]),
            ("q-talk-to-others", ["You answered 'no' to: Do you have enough support and advice to make a choice?"]),
            ("q-bring-someone", ["You answered 'no' to: Do you have enough support and advice to make a choice?"]),
        ],
        unsure=[],
        matters=[],
        sure=[False, True, True, False],
    ),
}


@pytest.fixture(scope="module")
def ketamine():
    return load_pack(KETAMINE)


def profile_summary(pack, name: str):
    return build_summary(pack, load_session(KETAMINE_SESSIONS / f"{name}.toml"))


def test_every_profile_session_is_tested():
    assert sorted(p.stem for p in KETAMINE_SESSIONS.glob("*.toml")) == sorted(PROFILES)


@pytest.mark.parametrize("name", PROFILES)
def test_profile_questions_reasons_and_order(ketamine, name):
    wanted = PROFILES[name]
    summary = profile_summary(ketamine, name)
    expected = [
        (qid, tuple(ketamine.question(qid).reason if r == OWN else r for r in reasons))
        for qid, reasons in wanted["questions"]
    ]
    assert listed(summary) == expected
    assert [q.core for q in summary.questions()] == [OWN in reasons for _, reasons in wanted["questions"]]
    assert list(summary.unsure) == wanted["unsure"]
    assert list(summary.matters) == wanted["matters"]
    assert [a.yes for a in summary.sure] == wanted["sure"]


@pytest.mark.parametrize("name", PROFILES)
def test_profile_export_matches_its_golden_file_and_gives_no_advice(ketamine, name):
    text = render_text(profile_summary(ketamine, name), ketamine, today=TODAY)
    assert_golden(f"ketamine-{name}.txt", text)
    lowered = text.lower()
    assert [phrase for phrase in DIRECTIVE if phrase in lowered] == []
    assert [line for line in text.splitlines() if len(line) > 72 and not is_web_address(line)] == []


def test_unticked_core_question_is_left_out_of_the_export_only(ketamine):
    summary = profile_summary(ketamine, "sure-two-no")
    assert [q.id for q in summary.questions() if not q.ticked] == ["q-keep-current"]
    text = render_text(summary, ketamine, today=TODAY)
    assert ketamine.question("q-keep-current").text not in text
    assert "Can my partner stay in the room during the session?" in text


def test_markdown_golden(ketamine):
    assert_golden(
        "ketamine-sure-two-no.md", render_markdown(profile_summary(ketamine, "sure-two-no"), ketamine, today=TODAY)
    )


def is_web_address(line: str) -> bool:
    """An indented address alone on its line: the one thing allowed past 72 columns."""
    return line.startswith("  ") and line.strip().startswith("https://") and " " not in line.strip()


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file instead (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing; create it with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")
