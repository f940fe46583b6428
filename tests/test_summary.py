"""The summary rules: which questions a person's answers put on the list and why, the top questions, what the
person said and checked, in the voice of whoever fills the aid in, and what a copy leaves out."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date

import pytest

from decisionaid.content import load_pack
from decisionaid.core.handout import build_handout
from decisionaid.core.session import LEANING_NOT_SURE, Session, load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render
from tests.helpers import COMMUTE, KETAMINE, TESTS, commute_for_the_handout, copy_pack

SESSIONS = TESTS / "sessions"
GOLDEN = TESTS / "golden"

CORE = ("q-start", ("A good first question for anyone.",))
RAIN_NOT_SURE = "I was not sure about travelling in the rain."
RAIN_DIFFERED = "My answer about travelling in the rain differed from what a survey found."
COST = "You said cost matters a lot to you."
SURE_NO = "I answered no to: “Do you know the good and bad points?”"


@pytest.fixture(scope="module")
def pack():
    return load_pack(COMMUTE)


def answered(pack, **answers) -> Session:
    return replace(Session.new(pack), **answers)


def listed(summary) -> list[tuple[str, tuple[str, ...]]]:
    return [(q.id, q.reasons) for q in summary.questions()]


def test_no_answers_lists_only_the_core_question_and_says_nothing_was_answered(pack):
    summary = build_summary(pack, Session.new(pack))
    assert listed(summary) == [CORE]
    assert summary.values == summary.situation == summary.private == ()
    assert (summary.checked.asked, summary.checked.answered) == (1, 0)
    assert summary.sure.answers == () and summary.sure.total == 4
    assert (summary.leaning, summary.reader, summary.voice) == ("", "", "self")
    assert (summary.title, summary.pack_version) == ("Cycling or the bus to work", "0.1.0")


def test_right_answers_add_nothing_and_count_as_the_evidence_says(pack):
    summary = build_summary(pack, answered(pack, self_check={"rain": "no"}, values={"cost": "not-much"}))
    assert listed(summary) == [CORE]
    checked = summary.checked
    assert (checked.answered, checked.as_evidence, checked.differed, checked.not_sure) == (1, 1, (), ())


def test_not_sure_adds_the_question_and_is_listed_apart_from_a_wrong_answer(pack):
    summary = build_summary(pack, answered(pack, self_check={"rain": "unsure"}))
    assert listed(summary) == [CORE, ("q-rain", (RAIN_NOT_SURE,))]
    assert summary.checked.not_sure == ("travelling in the rain",)
    assert summary.checked.differed == ()


def test_a_wrong_answer_names_the_kind_of_fact_and_says_it_in_one_line(pack, handout_pack):
    plain = build_summary(pack, answered(pack, self_check={"rain": "yes"}))
    assert listed(plain) == [CORE, ("q-rain", (RAIN_DIFFERED,))]
    [differed] = plain.checked.differed
    assert differed.line == RAIN_DIFFERED, "without a belief or a fact, the reason itself"
    assert [s.id for s in differed.sources] == ["survey"]
    [believed] = build_summary(handout_pack, answered(handout_pack, self_check={"rain": "yes"})).checked.differed
    assert believed.line == (
        "I thought rain gets you wet on the bus. A survey found: On the bus you sit inside, out of the rain."
    )


@pytest.mark.parametrize(("kind", "says"), [('kind = "survey"', "A survey found"), ("", "The evidence says")])
def test_the_kind_of_fact_is_the_packs_to_say(tmp_path, kind, says):
    folder = commute_for_the_handout(tmp_path / "commute")
    checks = (folder / "self_check.toml").read_text(encoding="utf-8")
    (folder / "self_check.toml").write_text(checks.replace('kind = "survey"', kind), encoding="utf-8")
    pack = load_pack(folder)
    [differed] = build_summary(pack, answered(pack, self_check={"rain": "yes"})).checked.differed
    assert f"{says}: On the bus you sit inside" in differed.line


def test_a_value_adds_its_questions_with_its_reason_and_its_statement(pack):
    summary = build_summary(pack, answered(pack, values={"cost": "a-lot"}))
    assert listed(summary) == [("q-cost", (COST,)), CORE]
    assert [s.text for s in summary.values] == ["Cost matters a lot to me."]
    assert summary.situation == ()
    assert [g.topic for g in summary.groups] == ["money", "general"]
    assert [g.title for g in summary.groups] == ["Cost", "General"]


def test_a_sure_no_adds_questions_and_every_answered_item_is_listed_in_pack_order(pack):
    summary = build_summary(pack, answered(pack, sure={"encouragement": True, "understand": False, "sure": True}))
    assert listed(summary) == [CORE, ("q-more-facts", (SURE_NO,))]
    assert [(a.text, a.yes) for a in summary.sure.answers] == [
        ("Are you sure?", True),
        ("Do you know the good and bad points?", False),
        ("Do you have enough support?", True),
    ]
    assert summary.sure.yes == 2


def test_someone_helping_gets_the_helper_voice_in_every_reason_and_line(handout_pack):
    session = answered(
        handout_pack, reader="helper", self_check={"rain": "yes"}, sure={"understand": False}, own_questions=["Mine?"]
    )
    summary = build_summary(handout_pack, session)
    reasons = [r for q in summary.questions() for r in q.reasons]
    assert "Our answer about travelling in the rain differed from what a survey found." in reasons
    assert "We answered no to: “Do you know the good and bad points?”" in reasons
    assert summary.checked.differed[0].line.startswith("We thought rain gets you wet on the bus.")
    assert summary.voice == "helper"
    unsure = build_summary(handout_pack, answered(handout_pack, reader="helper", self_check={"rain": "unsure"}))
    assert ("q-rain", ("We were not sure about travelling in the rain.",)) in listed(unsure)


def test_questions_follow_topic_then_clinician_order_whatever_the_answer_order(pack):
    session = answered(pack, sure={"understand": False}, self_check={"rain": "unsure"}, values={"cost": "a-lot"})
    summary = build_summary(pack, session)
    assert [q.id for q in summary.questions()] == ["q-cost", "q-start", "q-rain", "q-more-facts"]


def test_a_question_added_twice_appears_once_with_both_reasons(tmp_path):
    folder = copy_pack(COMMUTE, tmp_path / "commute")
    values = (folder / "values.toml").read_text().replace('adds = ["q-cost"]', 'adds = ["q-cost", "q-rain"]')
    (folder / "values.toml").write_text(values)
    pack = load_pack(folder)
    summary = build_summary(pack, answered(pack, self_check={"rain": "unsure"}, values={"cost": "a-lot"}))
    assert listed(summary) == [("q-cost", (COST,)), CORE, ("q-rain", (RAIN_NOT_SURE, COST))]


def test_unticked_questions_stay_listed_but_unticked_even_core_ones(pack):
    summary = build_summary(pack, answered(pack, values={"cost": "a-lot"}, unticked=["q-start"]))
    assert [(q.id, q.ticked) for q in summary.questions()] == [("q-cost", True), ("q-start", False)]
    assert [q.id for q in summary.top] == ["q-cost"], "a left-out question is never a top one"


# --- the top questions ------------------------------------------------------------------------------


def test_until_any_is_starred_the_top_is_the_highest_priority_of_those_the_answers_added(pack):
    session = answered(pack, sure={"understand": False}, self_check={"rain": "unsure"}, values={"cost": "a-lot"})
    summary = build_summary(pack, session)
    assert [q.id for q in summary.top] == ["q-cost", "q-rain", "q-more-facts", "q-start"], "core fills up"
    assert not summary.top_starred
    assert summary.top[0].reasons == (COST,)
    assert [g.topic for g in summary.more_groups()] == [], "the top is not repeated after the handout"


def test_starred_questions_make_the_top_own_ones_first_at_most_five_never_left_out_ones(pack):
    session = answered(
        pack,
        self_check={"rain": "unsure"},
        values={"cost": "a-lot"},
        sure={"understand": False},
        starred=["q-rain", "q-start", "q-gone"],
        unticked=["q-start"],
        own_questions=["One?", "Two?", "Three?", "Four?"],
        starred_own=["Three?", "One?", "Four?", "Two?"],
    )
    summary = build_summary(pack, session)
    assert [q.text for q in summary.top] == ["One?", "Two?", "Three?", "Four?", "What happens on rainy days?"]
    assert summary.top_starred and summary.top[0].own and not summary.top[4].own
    assert [q.id for g in summary.more_groups() for q in g.questions] == ["q-cost", "q-more-facts"]
    assert summary.more_own() == ()


# --- what the person said, and what a copy leaves out ---------------------------------------------


def test_a_private_answer_stays_off_the_copy_until_shown_and_its_question_is_asked_in_its_neutral_form(handout_pack):
    given = dict(values={"money-tight": "yes"}, self_check={"rain": "unsure"})
    private = build_summary(handout_pack, answered(handout_pack, **given))
    assert private.situation == () and private.withheld == 1
    assert ("q-cost", ("Asked in general, as a private answer is left off this copy.",)) in listed(private)
    assert "How much does each way cost in a month?" in [q.text for q in private.questions()]
    assert [(p.item, p.text, p.included) for p in private.private] == [
        ("money-tight", "Money is tight this month.", False)
    ]
    shown = build_summary(handout_pack, answered(handout_pack, shown=["money-tight"], **given))
    assert [s.text for s in shown.situation] == ["Money is tight this month."] and shown.withheld == 0
    assert ("q-cost", ("Money is tight this month.",)) in listed(shown)
    assert "How much would each way cost me in a month?" in [q.text for q in shown.questions()]
    unanswered = build_summary(handout_pack, answered(handout_pack, shown=["money-tight"]))
    assert unanswered.withheld == 0 and unanswered.private == (), "nothing answered, nothing left out"


def test_a_question_only_a_private_answer_added_is_left_off_when_the_pack_gives_no_neutral_form(tmp_path):
    folder = commute_for_the_handout(tmp_path / "commute")
    text = (folder / "clinician.toml").read_text(encoding="utf-8")
    (folder / "clinician.toml").write_text(text.replace('neutral = "How much does each way cost in a month?"\n', ""))
    summary = build_summary(load_pack(folder), answered(load_pack(folder), values={"money-tight": "yes"}))
    assert "q-cost" not in [q.id for q in summary.questions()] and summary.withheld == 1


def test_values_come_from_most_to_least_and_situation_facts_keep_the_pack_order(ketamine):
    summary = profile_summary(ketamine, "all-correct")
    assert summary.values[0].text == "Getting relief quickly: does not matter much."
    session = load_session(KETAMINE_SESSIONS / "all-correct.toml")
    reordered = build_summary(ketamine, replace(session, values={"cost": "not-much", "fast-relief": "a-lot"}))
    assert [s.text for s in reordered.values] == [
        "Getting relief quickly: matters a lot.",
        "Cost: does not matter much.",
    ]


def test_the_leaning_is_the_option_named_not_sure_yet_or_nothing(pack):
    assert build_summary(pack, answered(pack, leaning="bike")).leaning == "Start cycling"
    assert build_summary(pack, answered(pack, leaning=LEANING_NOT_SURE)).leaning == "not sure yet"
    assert build_summary(pack, answered(pack, leaning="gone")).leaning == ""


def test_sources_are_only_those_behind_what_the_export_shows(handout_pack):
    def cited(session):
        return [s.id for s in build_handout(build_summary(handout_pack, session), handout_pack, today=TODAY).sources]

    assert cited(answered(handout_pack, cards_read=["bike-good"])) == ["crisis-line"], "the help-now lines only"
    assert cited(answered(handout_pack, self_check={"rain": "yes"})) == ["survey", "crisis-line"]


def test_answers_the_pack_no_longer_has_are_ignored(pack):
    session = answered(
        pack,
        self_check={"rain": "maybe", "gone": "yes"},
        values={"cost": "priceless"},
        sure={"old-item": False},
        cards_read=["bus-good", "gone"],
        unticked=["q-gone"],
        starred=["q-gone"],
        shown=["gone"],
    )
    summary = build_summary(pack, session)
    assert listed(summary) == [CORE]
    assert summary.values == summary.situation == summary.sure.answers == ()
    assert summary.checked.answered == 0 and summary.withheld == 0


def test_own_questions_and_note_are_kept_exactly_as_typed(pack):
    typed = ["  Can I try it\tfirst?  ", "Line one\nline two \x1b[31m"]
    summary = build_summary(pack, answered(pack, own_questions=typed, note=" A note\n\n"))
    assert summary.own_questions == tuple(typed)
    assert summary.note == " A note\n\n"


# --- answer profiles against the real pack, with golden exports ------------------------------------

KETAMINE_SESSIONS = SESSIONS / "ketamine"
OWN = "the question's own reason"
TODAY = date(2026, 11, 21)
DIRECTIVE = ("you should", "we recommend", "best option", "right for you", "eligible", "dose of")


def ns(topic: str) -> str:
    return f"I was not sure about {topic}."


def differed_from_label(topic: str) -> str:
    return f"My answer about {topic} differed from what the label says."


def differed_from_the_evidence(topic: str) -> str:
    return f"My answer about {topic} differed from the evidence."


CORE_START = [("q-my-health", [OWN])]
CORE_BENEFITS = [("q-benefit-for-me", [OWN]), ("q-how-know-working", [OWN])]
CORE_MIDDLE = [*CORE_BENEFITS, ("q-crisis-contact", [OWN])]
CORE_SAFETY = [("q-main-risks", [OWN])]
CORE_END = [("q-all-options", [OWN]), ("q-keep-current", [OWN])]
ONLY_CORE = CORE_START + CORE_MIDDLE + CORE_SAFETY + CORE_END

PRIVATE = "Asked in general, as a private answer is left off this copy."
NO_RIDE = "There is no ride home after a session yet."
CLINIC_TIME = "The time spent on visits matters a lot."

PROFILES = {
    "all-correct": dict(
        questions=[  # "no" to each private item, left off the copy: their questions asked in general all the same
            *CORE_START,
            *[(qid, [PRIVATE]) for qid in ("q-pregnancy", "q-heart-vessels", "q-substance-use", "q-other-medicines")],
            ("q-psychosis", [PRIVATE]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-blood-pressure", [PRIVATE]),
            ("q-misuse-risk", [PRIVATE]),
            *CORE_END,
        ],
        statements=[
            "Getting relief quickly: does not matter much.",
            "Time spent on visits: does not matter much.",
            "Cost: does not matter much.",
            "Long-term unknowns: do not matter much.",
            "Needing sessions for months: does not matter much.",
            "Side effects: all matter about the same.",  # its choices name kinds; the last is listed last
            "A ride home after each session: yes, every time.",  # the private answers stay off the copy
            "Age group: 25 to 64.",
        ],
        checked=(22, 22, 0),  # the 5 trivia items count too, as on the self-check page
        not_sure=[],
        sure=[True, True, True, True],
    ),
    "mostly-not-sure": dict(
        questions=[
            *CORE_START,
            ("q-heart-vessels", [ns("when blood pressure can rise")]),
            *CORE_BENEFITS,
            ("q-expected-benefit", [ns("what 'out of 100' figures mean"), ns("how quickly ketamine works")]),
            ("q-which-studies", [ns("what 'out of 100' figures mean")]),
            ("q-how-soon", [ns("how quickly ketamine works")]),
            ("q-how-long-last", [ns("how long the benefit lasts")]),
            ("q-suicidal-thoughts", [ns("ketamine and suicidal thoughts")]),
            ("q-crisis-contact", [OWN, ns("ketamine and suicidal thoughts")]),
            *CORE_SAFETY,
            ("q-day-effects", [ns("how often side effects happen")]),
            (
                "q-blood-pressure",
                [ns("how often side effects happen"), ns("when blood pressure can rise")],
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
        statements=["A ride home after each session: not sure."],
        checked=(12, 4, 0),
        not_sure=[
            "what 'out of 100' figures mean",
            "how quickly ketamine works",
            "how long the benefit lasts",
            "ketamine and suicidal thoughts",
            "how often side effects happen",
            "when blood pressure can rise",
            "the risk of misuse and addiction",
            "how long people are watched after a dose",
        ],
        sure=[],
    ),
    "cost-matters": dict(
        questions=[
            *CORE_START,
            ("q-approval-status", [differed_from_label("which form is FDA-approved for depression")]),
            ("q-off-label", [differed_from_label("which form is FDA-approved for depression")]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-total-cost", ["Cost matters a lot."]),
            ("q-insurance", ["Cost matters a lot."]),
            ("q-cost-compare", ["Cost matters a lot."]),
            *CORE_END,
        ],
        statements=["Cost: matters a lot."],
        checked=(2, 1, 1),
        not_sure=[],
        sure=[],
    ),
    "no-ride-home": dict(
        questions=[
            *ONLY_CORE[:5],
            ("q-schedule", [CLINIC_TIME]),
            (
                "q-getting-home",
                ["Our answer about when driving is possible after a dose differed from what the label says.", NO_RIDE],
            ),
            ("q-work-time", [CLINIC_TIME]),
            *CORE_END,
        ],
        statements=["Time spent on visits: matters a lot.", "A ride home after each session: not yet."],
        checked=(1, 0, 1),
        not_sure=[],
        sure=[],
    ),
    "pregnancy-plans": dict(
        questions=[
            *CORE_START,  # the pregnancy answer stays off the copy; the question it added is asked neutrally
            ("q-pregnancy", [PRIVATE]),
            ("q-other-medicines", ["Takes medicines that can cause sleepiness, stimulants or an MAOI."]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-day-effects", [ns("how often side effects happen")]),
            ("q-blood-pressure", [ns("how often side effects happen")]),
            *CORE_END,
        ],
        statements=["Medicines that cause sleepiness, stimulants or MAOIs: yes."],
        checked=(1, 0, 0),
        not_sure=["how often side effects happen"],
        sure=[],
    ),
    "substance-use": dict(
        questions=[
            *CORE_START,
            ("q-substance-use", [PRIVATE]),
            ("q-ketamine-vs-esketamine", [ns("how medical ketamine relates to the street drug")]),
            *CORE_MIDDLE,
            *CORE_SAFETY,
            ("q-compounded", [differed_from_the_evidence("the risk of misuse and addiction")]),
            ("q-misuse-risk", [differed_from_the_evidence("the risk of misuse and addiction")]),
            *CORE_END,
        ],
        statements=[],
        checked=(3, 1, 1),
        not_sure=["how medical ketamine relates to the street drug"],
        sure=[],
    ),
    "sure-two-no": dict(
        questions=[
            *ONLY_CORE,
            ("q-time-to-decide", ["I answered no to: “Do you feel SURE about the best choice for you?”"]),
            ("q-talk-to-others", ["I answered no to: “Do you have enough support and advice to make a choice?”"]),
            ("q-bring-someone", ["I answered no to: “Do you have enough support and advice to make a choice?”"]),
        ],
        statements=[],
        checked=(2, 2, 0),
        not_sure=[],
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
    assert [s.text for s in (*summary.values, *summary.situation)] == wanted["statements"]
    checked = summary.checked
    assert (checked.answered, checked.as_evidence, len(checked.differed)) == wanted["checked"]
    assert list(checked.not_sure) == wanted["not_sure"]
    assert [a.yes for a in summary.sure.answers] == wanted["sure"]


@pytest.mark.parametrize("name", PROFILES)
def test_profile_export_matches_its_golden_file_and_gives_no_advice(ketamine, name):
    text = render(profile_summary(ketamine, name), ketamine, "text", today=TODAY)
    assert_golden(f"ketamine-{name}.txt", text)
    lowered = re.sub(r"\nsources\n-+\n.*?\n\n", "\n", text.lower(), flags=re.S)  # a cited title is quoted, not said
    assert "\nsources\n" in text.lower() and "\nsources\n" not in lowered
    assert [phrase for phrase in DIRECTIVE if phrase in lowered] == []
    assert [line for line in text.splitlines() if len(line) > 72 and not is_web_address(line)] == []


def test_unticked_core_question_is_left_out_of_the_export_only(ketamine):
    summary = profile_summary(ketamine, "sure-two-no")
    assert [q.id for q in summary.questions() if not q.ticked] == ["q-keep-current"]
    text = render(summary, ketamine, "text", today=TODAY)
    assert ketamine.question("q-keep-current").text not in text
    assert "Can my partner stay in the room during the session?" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markdown_and_web_page_goldens(ketamine, fmt):
    text = render(profile_summary(ketamine, "sure-two-no"), ketamine, fmt, today=TODAY)
    assert_golden(f"ketamine-sure-two-no.{fmt}", text)


def test_the_commute_pack_gets_a_handout_without_a_health_word(tmp_path):
    pack = load_pack(commute_for_the_handout(tmp_path / "commute"))
    session = answered(
        pack,
        reader="self",
        self_check={"rain": "yes"},
        values={"cost": "a-lot", "money-tight": "no"},
        sure={"understand": False},
        leaning="bus",
    )
    for fmt in ("text", "md", "html"):
        out = render(build_summary(pack, session), pack, fmt, today=TODAY).lower()
        found = [w for w in ("health", "medical", "clinic", "patient", "treatment", "drug", "label") if w in out]
        assert found == [], fmt


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
