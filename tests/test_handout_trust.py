"""A handout a clinician can trust: each fact said to come from the kind of source it does come from, every
number with its source listed on the same handout, where the content stands, one page first, and one wording for
the self-check in every format."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import ContentError, load_pack
from decisionaid.content.cross_checks import FACT_SOURCES
from decisionaid.core.catalogue import words_for
from decisionaid.core.handout import PAGE_LINES, Entry, build_handout, compact_citation
from decisionaid.core.session import Session, load_session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render
from decisionaid.export.text import entry_lines, handout_lines, render_text
from tests.helpers import COMMUTE, KETAMINE, TESTS, copy_pack, default_walk, edit, fully_answered, problem_lines

TODAY = date(2026, 11, 21)
PROFILES = sorted(p.stem for p in (TESTS / "sessions" / "ketamine").glob("*.toml"))


@pytest.fixture(scope="module")
def ketamine():
    return load_pack(KETAMINE)


def handout_of(pack, session):
    return build_handout(build_summary(pack, session), pack, today=TODAY)


def every_handout(pack, tmp_path: Path):
    """The golden sessions, the default walk and the fully answered walk, for the person and for a helper."""
    sessions = [load_session(TESTS / "sessions" / "ketamine" / f"{name}.toml") for name in PROFILES]
    walk = default_walk(pack, tmp_path / "answers.toml").summary().answers
    full = fully_answered(pack)
    numbers = {i.id for i in pack.self_check if any(c.isdigit() for c in i.fact or "")}
    only_numbers = {item: chosen for item, chosen in full.self_check.items() if item in numbers}
    sessions += [walk, full, fully_answered(pack, "helper"), replace(full, values={}, sure={}, self_check=only_numbers)]
    return [handout_of(pack, session) for session in sessions]


def test_each_fact_is_said_to_come_from_the_kind_of_source_it_cites(ketamine):
    words = words_for(ketamine)
    differed = build_summary(ketamine, fully_answered(ketamine)).checked.differed
    items = {item.id: item for item in ketamine.self_check}
    assert len(differed) == sum(not item.trivia for item in items.values())
    for found in differed:
        item = items[found.item]
        assert item.kind is not None, f"{item.id} names the kind of its fact"
        assert f"{words(f'evidence_says.{item.kind.value}')}: {item.fact}" in found.line
        if item.kind in FACT_SOURCES:
            assert {s.kind for s in found.sources} & FACT_SOURCES[item.kind], item.id
    for misread in ("m15-addiction", "m13-nasal-spray", "k-iv-going-home"):
        assert items[misread].kind.value != "label"


def test_validate_refuses_a_kind_of_fact_that_no_source_of_the_item_bears_out(tmp_path):
    folder = copy_pack(COMMUTE, tmp_path / "commute")
    checks = folder / "self_check.toml"
    checks.write_text(checks.read_text(encoding="utf-8").replace('kind = "survey"', 'kind = "label"', 1))
    with pytest.raises(ContentError) as refused:
        load_pack(folder)
    assert problem_lines(refused.value) == [
        f"{folder / 'self_check.toml'}: self_check[id=rain].kind: item 'rain' has kind = 'label', but cites no "
        "source of that kind (its sources are of kind: survey)"
    ]


def test_validate_refuses_a_question_reason_that_gives_a_number_without_a_source(tmp_path):
    folder = copy_pack(KETAMINE, tmp_path / "ketamine")
    edit(folder, "clinician.toml", 'priority = 2\nsources = ["s02", "s01", "s08"]\n', "priority = 2\n")
    with pytest.raises(ContentError) as refused:
        load_pack(folder)
    [line] = problem_lines(refused.value)
    assert line.endswith(".sources: question 'q-antidepressants-tried' gives a number in its reason: name its sources")


def test_no_number_on_any_handout_goes_without_its_source_listed_on_it(ketamine, tmp_path):
    """Every fact and reason from the pack that gives a number and shows on a handout has each of its sources in
    that handout's source list."""
    facts = {item.fact: item.sources for item in ketamine.self_check if item.fact}
    reasons = {question.reason: question.sources for question in ketamine.questions}
    with_numbers = {text: ids for text, ids in {**facts, **reasons}.items() if any(c.isdigit() for c in text)}
    checked = 0
    for handout in every_handout(ketamine, tmp_path):
        text = " ".join(render_text(handout).split())
        listed = text[text.rindex("Sources ------- ") :]
        for said, ids in with_numbers.items():
            if said in text:
                checked += 1
                for source in map(ketamine.source, ids):
                    assert source in handout.sources, (said, source.id)
                    assert " ".join(compact_citation(source).split()) in listed, (said, source.id)
    assert checked >= 4, "the handouts show facts with numbers"


@pytest.mark.parametrize("name", ["mostly-not-sure", "pregnancy-plans"])
def test_the_first_page_holds_the_top_questions_and_as_many_more_as_fit(ketamine, name):
    summary = build_summary(ketamine, load_session(TESTS / "sessions" / "ketamine" / f"{name}.toml"))
    handout = build_handout(summary, ketamine, today=TODAY)
    lines = handout_lines(handout)
    assert len(lines) <= PAGE_LINES
    [page] = [b for b in handout.blocks if b.kind == "next"]
    ranked = [q.text for q in summary.next_questions()]
    assert [e.text for e in page.entries] == ranked[: len(page.entries)], "the next questions, by rank"
    left = ranked[len(page.entries) :]
    assert left, "this session has more questions than fit"
    assert len(lines) + len(entry_lines(Entry(left[0]), 72)) > PAGE_LINES, "no room for one more"
    rest = " ".join(render_text(handout)[len("\n".join(lines)) :].split())
    assert all(q in rest for q in left), "the others follow after the page"
    assert not any(e.text in rest for e in page.entries), "each question once"


def test_crisis_contact_is_always_asked_and_trivia_stays_out(ketamine):
    crisis = ketamine.question("q-crisis-contact")
    trivia = [item for item in ketamine.self_check if item.trivia]
    assert crisis.core and len(trivia) >= 3
    text = render_text(handout_of(ketamine, fully_answered(ketamine)))
    flat = " ".join(text.split())
    assert crisis.text in flat
    assert [item.topic for item in trivia if item.topic in flat or item.fact in flat] == []


@pytest.mark.parametrize("fmt", ["text", "md", "html", "fhir"])
def test_one_wording_for_the_self_check_and_where_the_content_stands_in_every_format(ketamine, fmt):
    out = render(build_summary(ketamine, fully_answered(ketamine)), ketamine, fmt, today=TODAY)
    assert "matched the evidence" in out
    for test_like in ("Correct", "Not quite", "✓", "✗", "answered as the evidence says"):
        assert test_like not in out
    if fmt != "fhir":
        flat = " ".join(out.split())
        assert "next review due 1 June 2027" in flat
        assert ketamine.meta.funding in flat and ketamine.meta.conflicts in flat


def test_answers_that_differed_give_way_when_the_page_is_full_and_follow_by_topic(ketamine):
    summary = build_summary(ketamine, fully_answered(ketamine))
    handout = build_handout(summary, ketamine, today=TODAY)
    [checked] = [b for b in handout.blocks if b.kind == "checked"]
    count = len(summary.checked.differed)
    assert [e.text for e in checked.entries][1:] == [
        f"The {count} answers that differed are under “More detail”.",
        "Not listed: 5 more answers on small details that did not match.",
    ]
    [more] = [b for b in handout.rest if b.kind == "checked-more"]
    assert all(d.topic in more.entries[0].text for d in summary.checked.differed)


def test_not_sure_on_a_small_detail_is_counted_as_not_sure_never_as_an_answer_that_did_not_match(ketamine):
    trivia = [item for item in ketamine.self_check if item.trivia]
    unsure = {item.id: next(c.id for c in item.choices if c.not_sure) for item in trivia[1:]}
    wrong = {trivia[0].id: next(c.id for c in trivia[0].choices if c.belief)}
    session = replace(Session.new(ketamine), self_check={**unsure, **wrong})
    [checked] = [b for b in handout_of(ketamine, session).blocks if b.kind == "checked"]
    said = [e.text for e in checked.entries]
    assert "Not listed: 1 more answer on a small detail that did not match." in said
    assert f"Not sure about {len(unsure)} more small details (not listed)." in said


def test_the_default_handout_fits_its_page_in_either_voice(ketamine, tmp_path):
    controller = default_walk(ketamine, tmp_path / "answers.toml")
    for reader in ("self", "helper"):
        controller.set_reader(reader)
        assert len(handout_lines(build_handout(controller.summary(), ketamine, today=TODAY))) <= PAGE_LINES


@pytest.mark.parametrize("reader", ["self", "helper"])
def test_a_fully_answered_handout_fits_its_page_in_either_voice(ketamine, reader):
    handout = build_handout(build_summary(ketamine, fully_answered(ketamine, reader)), ketamine, today=TODAY)
    assert len(handout_lines(handout)) <= PAGE_LINES
    assert "0 of 4 answered yes" in "\n".join(handout_lines(handout)), "every SURE item no: the count says it"


CRISIS_QUESTION = "q-crisis-contact"


@pytest.mark.parametrize("reader", ["self", "helper"])
def test_the_pinned_crisis_question_stays_in_the_top_five_when_every_answer_adds_questions(ketamine, reader):
    summary = build_summary(ketamine, fully_answered(ketamine, reader))
    assert len(summary.top) == 5
    assert summary.top[-1].id == CRISIS_QUESTION


def test_starring_questions_never_pushes_the_pinned_question_out_and_leaves_one_star_fewer(ketamine, tmp_path):
    controller = default_walk(ketamine, tmp_path / "answers.toml")
    others = [q.id for q in controller.summary().questions() if q.id != CRISIS_QUESTION]
    assert controller.star_limit() == 4
    for question in others[:4]:
        assert controller.star_question(question, True).done
    assert controller.stars_left() == 0
    refused = controller.star_question(others[4], True)
    assert not refused.done
    assert (
        refused.said == "The handout has room for 4 top questions. Unstar one first. "
        "1 more question is always in the top list, whatever you star."
    )
    top = controller.summary().top
    assert [q.id for q in top] == [*others[:4], CRISIS_QUESTION]


def test_a_reader_who_leaves_the_pinned_question_out_gets_all_five_places(ketamine, tmp_path):
    controller = default_walk(ketamine, tmp_path / "answers.toml")
    controller.include_question(CRISIS_QUESTION, False)
    assert controller.star_limit() == 5
    assert CRISIS_QUESTION not in [q.id for q in controller.summary().top]


def test_validate_refuses_a_pinned_question_that_is_not_core(tmp_path):
    folder = copy_pack(KETAMINE, tmp_path / "ketamine")
    edit(folder, "clinician.toml", "core = true\npinned = true\n", "pinned = true\n")
    with pytest.raises(ContentError) as refused:
        load_pack(folder)
    assert problem_lines(refused.value) == [
        f"{folder / 'clinician.toml'}: questions[id={CRISIS_QUESTION}].core: question '{CRISIS_QUESTION}' is pinned "
        "to the top of the handout, so it must be on every list: set core = true"
    ]


def test_taking_every_default_never_says_that_a_health_problem_applies(ketamine, tmp_path):
    answers = default_walk(ketamine, tmp_path / "answers.toml").summary().answers
    sensitive = {item.id for item in ketamine.values if item.sensitive}
    chosen = {item: answers.values[item] for item in sensitive if item in answers.values}
    assert chosen == {"safety-screen": "not-sure"}


@pytest.mark.parametrize("fmt", ["text", "md", "html", "fhir"])
def test_the_score_counts_every_self_check_answer_and_says_how_many_details_are_not_listed(ketamine, fmt):
    items = ketamine.self_check
    trivia = [item for item in items if item.trivia]
    right = {item.id: item.correct[0] for item in items if not item.trivia}
    session = replace(fully_answered(ketamine), self_check={**fully_answered(ketamine).self_check, **right})
    rendered = render(build_summary(ketamine, session), ketamine, fmt, today=TODAY)
    out = " ".join(rendered.split())
    percent = round(100 * len(right) / len(items))
    assert f"{len(right)} of {len(items)} matched the evidence ({percent}%)." in out
    if fmt == "fhir":
        response = json.loads(rendered)["entry"][1]["resource"]
        [checked] = [item["item"] for item in response["item"] if item["linkId"] == "self-check"]
        scores = {item["linkId"]: item["answer"][0].get("valueInteger") for item in checked}
        assert (scores["self-check-score"], scores["self-check-answered"]) == (len(right), len(items))
    else:
        assert f"Not listed: {len(trivia)} more answers on small details that did not match." in out


def record_questions(pack, session):
    """The record's top questions, as its FHIR record's narrative also gives them: the heading, then each line."""
    summary = build_summary(pack, session)
    [record] = [b for b in build_handout(summary, pack, today=TODAY).rest if b.kind == "record"]
    entry = record.entries[-1]
    narrative = json.loads(render(summary, pack, "fhir", today=TODAY))["entry"][1]["resource"]["text"]["div"]
    assert entry.text in html.unescape(narrative)
    return entry.text, entry.details


def test_the_record_says_the_aid_picked_its_top_questions_and_marks_those_the_person_chose(ketamine):
    picked = replace(Session.new(ketamine), values={"cost": "a-lot"})
    heading, lines = record_questions(ketamine, picked)
    assert heading == "Top questions for the clinician, picked by the aid:"
    assert not [line for line in lines if "reported" in line]

    own = "Can my partner come in?"
    suggested = next(q for q in build_summary(ketamine, picked).questions() if q.added and not q.pinned)
    chosen = replace(picked, own_questions=(own,), starred_own=(own,), starred=(suggested.id,))
    heading, lines = record_questions(ketamine, chosen)
    assert heading == (
        "Top questions for the clinician. The person chose those marked “reported”; the aid picked any others:"
    )
    crisis = ketamine.question("q-crisis-contact").text
    assert lines == (
        f"{own} (reported: their own question)",
        f"{suggested.text} (reported: chosen by the person)",
        crisis,
    )
