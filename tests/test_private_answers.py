"""Private by default: a sensitive answer is on a copy, in any format, only once the person chose to show it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from decisionaid.content import load_pack
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render
from tests.helpers import KETAMINE
from tests.test_voices import said, walks


@pytest.fixture(scope="module")
def ketamine():
    return load_pack(KETAMINE)


def private_words(pack, session) -> dict[str, list[str]]:
    """What each answered sensitive item would say on a copy: its answer's summary and reason, by item."""
    found = {}
    for item in pack.values:
        choice = next(c for c in item.choices if c.id == session.values[item.id])
        if item.sensitive:
            found[item.id] = [t for t in (choice.summary, choice.reason) if t]
    return found


@pytest.mark.parametrize("fmt", ["text", "md", "html", "fhir"])
def test_a_sensitive_answer_is_on_a_copy_only_once_the_person_shows_it(ketamine, fmt):
    session = replace(walks(ketamine)[0], reader="self", shown=())
    private = private_words(ketamine, session)
    kept = said(ketamine, session, fmt)
    assert [t for texts in private.values() for t in texts if t in kept] == []
    if fmt != "fhir":
        assert f"{len(private)} private answers are left off this copy." in kept
    first, *others = private
    shown = said(ketamine, replace(session, shown=(first,)), fmt)
    assert private[first][0] in shown
    assert [t for item in others for t in private[item] if t in shown] == []


def test_a_fhir_record_answers_a_sensitive_item_only_once_the_person_shows_it(ketamine):
    session = replace(walks(ketamine)[0], reader="self", shown=())
    first, *others = private_words(ketamine, session)

    def record(shown: tuple[str, ...]) -> str:
        """The response of the record, as JSON text (its Questionnaire names every item, answered or not)."""
        bundle = json.loads(render(build_summary(ketamine, replace(session, shown=shown)), ketamine, "fhir"))
        return json.dumps(bundle["entry"][1]["resource"])

    kept, shown = record(()), record((first,))
    assert [i for i in (first, *others) if f'"linkId": "values.{i}"' in kept] == []
    assert [i for i in (first, *others) if f'"linkId": "values.{i}"' in shown] == [first]


@pytest.mark.parametrize("reader", ["self", "helper"])
@pytest.mark.parametrize("fmt", ["text", "md", "html", "fhir"])
def test_a_question_a_private_answer_added_is_asked_in_general_whatever_else_added_it(ketamine, reader, fmt):
    session = replace(
        walks(ketamine)[0],
        reader=reader,
        values={"safety-screen": "heart"},
        self_check={"k-blood-pressure-later": "no"},
        shown=(),
    )
    questions = {q.id: q for q in ketamine.questions}
    kept = said(ketamine, session, fmt)
    for question_id in ("q-heart-vessels", "q-blood-pressure"):
        question = questions[question_id]
        assert " ".join(question.neutral.split()) in kept
        specific = {question.text, question.helper_text or question.text}
        assert [t for t in specific if " ".join(t.split()) in kept] == []
    assert "when blood pressure can rise" in kept  # the self-check's own reason may show
    heart = next(c for v in ketamine.values if v.id == "safety-screen" for c in v.choices if c.id == "heart")
    assert [t for t in (heart.summary, heart.reason) if t and t in kept] == []
