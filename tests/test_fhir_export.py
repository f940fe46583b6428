"""The FHIR export: every golden session and both test packs give a Bundle that the fhir.resources models (R4B,
the same elements as R4 for these resources) and the aid's own checks accept; the response reads back into the
same answers; FHIRPath recomputes the SURE score the handout gives."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import fhirpathpy as fhirpath
import pytest
from fhir.resources.R4B import bundle as fhir_bundle
from fhirpathpy.models import models as fhirpath_models

from decisionaid.content import load_pack
from decisionaid.core.catalogue import words_for
from decisionaid.core.session import Session, load_session, set_aside_unknown
from decisionaid.core.summary import build_summary
from decisionaid.export.fhir import LEFT_OUT, SURE, canonical
from decisionaid.export.render import render
from tests.fhir_checks import bundle_problems
from tests.helpers import COMMUTE, KETAMINE, PORTATIL, TESTS, run_in_process

TODAY = date(2026, 11, 21)
SESSIONS = sorted((TESTS / "sessions").rglob("*.toml"))

# What the response does not carry, and why: the round trip compares every other field.
NOT_CARRIED = {
    "answered_on": "the pack version of each answer is the aid's own record; the response names the version",
    "started": "when the person began is not part of the result; 'authored' is when they last saved",
    "position": "where in a step the person was is the aid's own bookkeeping",
    "cards_read": "which cards were read is not an answer; the response holds answers only",
    "seen": "the pages shown, likewise",
    "own_draft": "a question typed but not yet added is not the person's question yet",
    "kept": "answers naming ids the pack no longer has answer no item of this Questionnaire",
    "shown": "which private answers are shown is said by their presence, and how many are left out by a count",
    "unticked": "carried as the questions kept: one left out that no answer put on the list is not on it to leave",
    "stage": "carried only as 'completed' (the question list was reached) or 'in-progress'",
    "pack_version": "the version of the pack the answers were saved with; the response names the pack it was read with",
}
CARRIED = ("reader", "self_check", "values", "sure", "leaning", "own_questions", "starred", "starred_own", "note")


@pytest.fixture(scope="module")
def ketamine():
    return load_pack(KETAMINE)


def export(pack, session: Session, *, language: str | None = None, with_note: bool = False) -> dict:
    words = words_for(pack, language=language)
    text = render(build_summary(pack, session, words), pack, "fhir", today=TODAY, words=words, with_note=with_note)
    return json.loads(text)


def resources(bundle: dict) -> tuple[dict, dict]:
    questionnaire, response = (entry["resource"] for entry in bundle["entry"])
    return questionnaire, response


def assert_valid(bundle: dict) -> None:
    fhir_bundle.Bundle.model_validate(bundle)
    assert bundle_problems(bundle) == []


def answers_from(response: dict, pack) -> dict:
    """The answers a response holds, in the session's own terms (ids, not texts)."""
    items = {}
    for item in response["item"]:
        for child in [item, *item.get("item", [])]:
            items[child["linkId"]] = [
                next(v for k, v in a.items() if k.startswith("value")) for a in child.get("answer", [])
            ]
    forms = ("text", "helper_text", "neutral", "helper_neutral")  # a question is listed in one of its forms
    texts = {getattr(q, f): q.id for q in pack.questions for f in forms if getattr(q, f)}
    own = [*items.get("own-questions", [])]
    starred = items.get("questions-starred", [])
    by_group = {
        group: {key.split(".", 1)[1]: value[0] for key, value in items.items() if key.startswith(f"{group}.")}
        for group in ("values", "self-check", "sure")
    }
    return {
        "reader": items["reader"][0]["code"] if "reader" in items else "",
        "self_check": {k: v["code"] for k, v in by_group["self-check"].items()},
        "values": {k: v["code"] for k, v in by_group["values"].items()},
        "sure": by_group["sure"],
        "leaning": items["leaning"][0]["code"] if "leaning" in items else "",
        "own_questions": tuple(own),
        "starred": {texts[t] for t in starred if t in texts},
        "starred_own": {t for t in starred if t in own},
        "kept": {texts[t] for t in items.get("questions-kept", [])},
        "note": items["note"][0] if "note" in items else "",
        "completed": response["status"] == "completed",
    }


def expected(pack, session: Session) -> dict:
    """What the export should carry: the answers the pack knows, private ones only where the person shows them."""
    answers = set_aside_unknown(session, pack)
    summary = build_summary(pack, session)
    private = {p.item for p in summary.private if not p.included}
    listed = {q.id for q in summary.questions()}
    return {
        "reader": answers.reader,
        "self_check": dict(answers.self_check),
        "values": {k: v for k, v in answers.values.items() if k not in private},
        "sure": dict(answers.sure),
        "leaning": answers.leaning,
        "own_questions": tuple(q for q in answers.own_questions if q.strip()),
        "starred": set(answers.starred) & listed - set(answers.unticked),
        "starred_own": set(answers.starred_own) & set(answers.own_questions),
        "kept": listed - set(answers.unticked),
        "note": answers.note if answers.note.strip() else "",
        "completed": answers.stage == "summary",
    }


def sure_score_by_fhirpath(response: dict) -> int:
    expression = f"QuestionnaireResponse.item.where(linkId = '{SURE}').item.where(linkId.startsWith('{SURE}.'))"
    [count] = fhirpath.evaluate(response, f"{expression}.answer.where(value = true).count()", {}, fhirpath_models["r4"])
    return count


def test_the_fields_not_carried_and_the_ones_compared_cover_every_field_of_the_answers():
    from dataclasses import fields

    assert {f.name for f in fields(Session)} - {"pack", "updated"} == set(NOT_CARRIED) | set(CARRIED)


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.stem)
def test_every_golden_session_exports_a_valid_bundle_that_reads_back_into_its_answers(ketamine, path: Path):
    session = load_session(path)
    bundle = export(ketamine, session, with_note=True)
    assert_valid(bundle)
    questionnaire, response = resources(bundle)
    assert response["questionnaire"] == canonical(ketamine) == f"{questionnaire['url']}|{questionnaire['version']}"
    assert "subject" not in response
    assert answers_from(response, ketamine) == expected(ketamine, session)
    summary = build_summary(ketamine, session)
    handout = render(summary, ketamine, "text", today=TODAY)
    if summary.sure is not None and summary.sure.answers:
        score = sure_score_by_fhirpath(response)
        assert score == summary.sure.yes
        assert f"{score} of 4 answered yes" in handout
        [given] = [i for g in response["item"] for i in g.get("item", []) if i["linkId"] == "sure-score"]
        assert given["answer"] == [{"valueInteger": score}]


@pytest.mark.parametrize("pack_path", [COMMUTE, PORTATIL], ids=["commute", "portatil"])
def test_both_test_packs_export_a_valid_bundle_that_reads_back(pack_path: Path):
    pack = load_pack(pack_path)
    session = replace(
        Session.new(pack),
        stage="sure",
        reader="helper",
        self_check={q.id: q.choices[0].id for q in pack.self_check},
        values={v.id: v.choices[-1].id for v in pack.values},
        sure={i.id: n % 2 == 0 for n, i in enumerate(pack.sure.items)},
        leaning=pack.options[0].id,
        own_questions=("Can I ask you more later?",),
        starred_own=("Can I ask you more later?",),
    )
    bundle = export(pack, session)
    assert_valid(bundle)
    questionnaire, response = resources(bundle)
    assert questionnaire["language"] == pack.meta.language
    assert response["status"] == "in-progress"
    assert answers_from(response, pack) == expected(pack, replace(session, note=""))
    assert sure_score_by_fhirpath(response) == 2


def test_private_answers_are_left_out_and_counted_unless_the_person_shows_them(ketamine, tmp_path):
    session = load_session(TESTS / "sessions" / "example.toml")
    assert session.shown == () and "pregnancy" in session.values
    _, response = resources(export(ketamine, session))
    [values] = [i for i in response["item"] if i["linkId"] == "values"]
    assert "values.pregnancy" not in {i["linkId"] for i in values["item"]}
    [count] = [i for i in response["item"] if i["linkId"] == LEFT_OUT]
    assert count["answer"] == [{"valueInteger": 1}]
    _, shown = resources(export(ketamine, replace(session, shown=("pregnancy",))))
    [values] = [i for i in shown["item"] if i["linkId"] == "values"]
    assert "values.pregnancy" in {i["linkId"] for i in values["item"]}
    [count] = [i for i in shown["item"] if i["linkId"] == LEFT_OUT]
    assert count["answer"] == [{"valueInteger": 0}]


def test_the_note_goes_in_only_when_the_person_asks(ketamine):
    session = load_session(TESTS / "sessions" / "example.toml")
    without = json.dumps(export(ketamine, session))
    assert "Bring my list of medicines" not in without
    _, response = resources(export(ketamine, session, with_note=True))
    [note] = [i for i in response["item"] if i["linkId"] == "note"]
    assert note["answer"] == [{"valueString": session.note}]


def test_the_narrative_is_the_one_page_handout_and_the_block_for_the_record(ketamine):
    session = load_session(TESTS / "sessions" / "example.toml")
    _, response = resources(export(ketamine, session))
    div = response["text"]["div"]
    assert div.startswith('<div xmlns="http://www.w3.org/1999/xhtml"><h1>My handout: Ketamine')
    assert "Help now: 988 Suicide &amp; Crisis Lifeline" in div
    assert "<h2>For the clinician&#x27;s record</h2>" in div
    assert "Bring my list of medicines" not in div, "the note is not on the one page"


def test_the_spanish_interface_gives_spanish_words_of_its_own_and_the_pack_text_as_written(ketamine):
    session = load_session(TESTS / "sessions" / "example.toml")
    english_q, english = resources(export(ketamine, session))
    spanish_q, spanish = resources(export(ketamine, session, language="es"))
    assert spanish_q == english_q, "one url|version names one Questionnaire, whatever the interface's language"
    assert spanish["language"] == "es" and english_q["language"] == "en"
    texts = {i["linkId"]: i.get("text") for i in spanish["item"]}
    assert texts["reader"] == "Quién lo rellenó"
    assert texts["values"] == "Lo que le importa a la persona"
    [reader] = [i for i in english_q["item"] if i["linkId"] == "reader"]
    assert reader["text"] == "Who filled this in"
    assert reader["_text"]["extension"][0]["extension"][1] == {"url": "content", "valueString": "Quién lo rellenó"}
    [values] = [i for i in spanish["item"] if i["linkId"] == "values"]
    statements = {f"values.{v.id}": v.statement for v in ketamine.values}
    assert values["item"][0]["text"] == statements[values["item"][0]["linkId"]], "the pack's text as written"
    assert "<h1>Mi resumen: Ketamine or esketamine for depression</h1>" in spanish["text"]["div"]


DEFECTS = {
    "a status outside the value set": lambda q, r: r.update(status="done"),
    "an item with both answer and item": lambda q, r: r["item"][0].update(item=[{"linkId": "x"}]),
    "an empty answer list": lambda q, r: r["item"][0].update(answer=[]),
    "a canonical with spaces": lambda q, r: r.update(questionnaire=r["questionnaire"].replace(":", ": ", 1)),
    "an answer of the wrong type": lambda q, r: r["item"][0].update(answer=[{"valueString": "self"}]),
    "a linkId not in the Questionnaire": lambda q, r: r["item"][0].update(linkId="who"),
}


@pytest.mark.parametrize("defect", DEFECTS)
def test_the_aids_checks_find_what_the_models_accept_but_fhir_forbids(ketamine, defect):
    bundle = copy.deepcopy(export(ketamine, load_session(TESTS / "sessions" / "example.toml")))
    questionnaire, response = resources(bundle)
    assert response["item"][0]["linkId"] == "reader"
    DEFECTS[defect](questionnaire, response)
    fhir_bundle.Bundle.model_validate(bundle)  # the models let it through
    assert bundle_problems(bundle) != []


def test_the_command_line_writes_the_bundle_by_format_or_by_the_files_ending(tmp_path):
    session = TESTS / "sessions" / "example.toml"
    out = tmp_path / "record.json"
    result = run_in_process("export", "--pack", str(KETAMINE), "--session", str(session), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["resourceType"] == "Bundle"
    printed = run_in_process("export", "--pack", str(KETAMINE), "--session", str(session), "--format", "fhir")
    assert json.loads(printed.stdout)["type"] == "collection"
    assert "Bring my list" not in printed.stdout
    noted = run_in_process(
        "export", "--pack", str(KETAMINE), "--session", str(session), "--format", "fhir", "--with-note"
    )
    assert "Bring my list of medicines" in noted.stdout
