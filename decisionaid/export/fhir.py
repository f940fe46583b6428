"""The result as a FHIR R4 Bundle: a Questionnaire made from the pack and the person's answers as an SDC
QuestionnaireResponse, built as plain dicts and written as JSON (no FHIR library).

The Questionnaire depends only on the pack: its item texts are the pack's, in the pack's language, and the
aid's own items carry their other languages in the translation extension, so one `url|version` names one
Questionnaire. The response's own texts are in the interface's language. Its narrative is the one-page
handout and the block for the clinical record. It names no one: a clinic attaches the subject on import.
Private answers stay out unless the person chose to show them, as on the handout, and how many were left out is
said.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, languages, words_for
from decisionaid.core.session import LEANING_NOT_SURE
from decisionaid.export.html import block_html, handout_html

if TYPE_CHECKING:
    from decisionaid.content.models import Pack
    from decisionaid.core.handout import Handout
    from decisionaid.core.session import Session
    from decisionaid.core.summary import Summary

SDC_RESPONSE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
XHTML = "http://www.w3.org/1999/xhtml"
URL_PREFIX = "urn:decisionaid:questionnaire:"

# linkIds of the pack's items are '<group>.<the pack's id>'; ids hold no '.', so the aid's own items never clash.
VALUES, SELF_CHECK, SURE = "values", "self-check", "sure"
SELF_CHECK_SCORE, SELF_CHECK_ANSWERED, SURE_SCORE = "self-check-score", "self-check-answered", "sure-score"
READER, LEANING, KEPT, STARRED, OWN, NOTE, LEFT_OUT = (
    "reader",
    "leaning",
    "questions-kept",
    "questions-starred",
    "own-questions",
    "note",
    "private-left-out",
)
READERS = ("self", "helper")


def questionnaire_url(pack: Pack) -> str:
    return URL_PREFIX + pack.meta.id


def canonical(pack: Pack) -> str:
    """The Questionnaire as a response names it: 'url|version'."""
    return f"{questionnaire_url(pack)}|{pack.meta.version}"


def linked(group: str, pack_id: str) -> str:
    return f"{group}.{pack_id}"


def render_fhir(summary: Summary, pack: Pack, handout: Handout, words: Catalogue, *, with_note: bool = False) -> str:
    """The Bundle as JSON text."""
    return json.dumps(fhir_bundle(summary, pack, handout, words, with_note=with_note), ensure_ascii=False, indent=1)


def fhir_bundle(summary: Summary, pack: Pack, handout: Handout, words: Catalogue, *, with_note: bool = False) -> dict:
    """A Bundle of type 'collection': the Questionnaire, then the response."""
    answers = summary.answers
    key = f"{canonical(pack)}|{answers.started.isoformat()}"
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _instant(answers),
        "entry": [
            {"fullUrl": _urn(canonical(pack)), "resource": questionnaire(pack)},
            {"fullUrl": _urn(key), "resource": response(summary, pack, handout, words, with_note=with_note)},
        ],
    }


# --- the Questionnaire -----------------------------------------------------------


def questionnaire(pack: Pack) -> dict:
    """The pack's items as a Questionnaire in the pack's language; the aid's own words with their translations."""
    aid = _AidWords(pack)
    return {
        "resourceType": "Questionnaire",
        "url": questionnaire_url(pack),
        "version": pack.meta.version,
        "title": pack.meta.title,
        "status": "active",
        "date": pack.meta.published.isoformat(),
        "description": pack.meta.decision,
        "language": pack.meta.language,
        "item": [item for item in _questionnaire_items(pack, aid) if item],
    }


def _questionnaire_items(pack: Pack, aid: _AidWords) -> list[dict | None]:
    repeated_text = {"type": "string", "repeats": True}
    return [
        _choice(READER, aid, "fhir.reader", [aid.coding(READER, r, f"fhir.reader_{r}") for r in READERS]),
        _group(
            VALUES,
            aid.text("fhir.values"),
            [
                _choice_item(linked(VALUES, v.id), v.statement, [(c.id, c.label) for c in v.choices])
                for v in pack.values
            ],
        ),
        _group(
            SELF_CHECK,
            aid.text("fhir.self_check"),
            [
                *(
                    _choice_item(linked(SELF_CHECK, q.id), q.prompt, [(c.id, c.label) for c in q.choices])
                    for q in pack.self_check
                ),
                _score(SELF_CHECK_SCORE, aid, "fhir.self_check_score"),
                _score(SELF_CHECK_ANSWERED, aid, "fhir.self_check_answered"),
            ]
            if pack.self_check
            else [],
        ),
        _sure_group(pack, aid),
        _choice(
            LEANING,
            aid,
            "fhir.leaning",
            [
                *(_coding(LEANING, o.id, o.name) for o in pack.options),
                aid.coding(LEANING, LEANING_NOT_SURE, "leaning.not_sure"),
            ],
        ),
        {"linkId": KEPT, **aid.text("fhir.questions_kept"), **repeated_text},
        {"linkId": STARRED, **aid.text("fhir.questions_starred"), **repeated_text},
        {"linkId": OWN, **aid.text("fhir.own_questions"), **repeated_text},
        {"linkId": NOTE, **aid.text("fhir.note"), "type": "text"},
        _score(LEFT_OUT, aid, "fhir.private_left_out"),
    ]


def _sure_group(pack: Pack, aid: _AidWords) -> dict | None:
    sure = pack.sure
    if sure is None:
        return None
    items = [{"linkId": linked(SURE, i.id), "text": i.text, "type": "boolean"} for i in sure.items]
    return _group(SURE, {"text": sure.title}, [*items, _score(SURE_SCORE, aid, "fhir.sure_score")])


def _group(link_id: str, text: dict, items: list[dict]) -> dict | None:
    return {"linkId": link_id, **text, "type": "group", "item": items} if items else None


def _choice_item(link_id: str, text: str, choices: list[tuple[str, str]]) -> dict:
    options = [{"valueCoding": _coding(link_id, code, label)} for code, label in choices]
    return {"linkId": link_id, "text": text, "type": "choice", "answerOption": options}


def _choice(link_id: str, aid: _AidWords, key: str, codings: list[dict]) -> dict:
    options = [{"valueCoding": coding} for coding in codings]
    return {"linkId": link_id, **aid.text(key), "type": "choice", "answerOption": options}


def _score(link_id: str, aid: _AidWords, key: str) -> dict:
    return {"linkId": link_id, **aid.text(key), "type": "integer", "readOnly": True}


def _coding(link_id: str, code: str, display: str) -> dict:
    return {"system": code_system(link_id), "code": code, "display": display}


def code_system(link_id: str) -> str:
    return f"urn:decisionaid:codes:{link_id}"


class _AidWords:
    """The aid's own words in the pack's language, each with its other languages as translation extensions."""

    def __init__(self, pack: Pack) -> None:
        self.base = words_for(pack)  # the pack's language, or the closest the interface has
        others = [lang for lang in languages() if lang != self.base.language]
        self.others = [words_for(pack, language=lang) for lang in others]

    def text(self, key: str) -> dict:
        return {"text": self.base(key), **self._translations("_text", key)}

    def coding(self, link_id: str, code: str, key: str) -> dict:
        return {**_coding(link_id, code, self.base(key)), **self._translations("_display", key)}

    def _translations(self, name: str, key: str) -> dict:
        """`{'_text': {'extension': [...]}}`, or nothing when the aid speaks no other language."""
        found = [_translation(words.language, words(key)) for words in self.others]
        return {name: {"extension": found}} if found else {}


def _translation(language: str, text: str) -> dict:
    return {
        "url": TRANSLATION,
        "extension": [{"url": "lang", "valueCode": language}, {"url": "content", "valueString": text}],
    }


# --- the response ----------------------------------------------------------------


def response(summary: Summary, pack: Pack, handout: Handout, words: Catalogue, *, with_note: bool = False) -> dict:
    """The person's answers, in the Questionnaire's shape; texts the interface supplies in its language."""
    answers = summary.answers
    words = words.in_voice("self")
    return {
        "resourceType": "QuestionnaireResponse",
        "meta": {"profile": [SDC_RESPONSE]},
        "language": words.language,
        "text": {"status": "generated", "div": narrative(handout)},
        "questionnaire": canonical(pack),
        "status": "completed" if answers.stage == "summary" else "in-progress",
        "authored": _instant(answers),
        "item": [item for item in _response_items(summary, pack, words, with_note) if item],
    }


def left_out(summary: Summary) -> set[str]:
    """The private answers kept off the saved copy, as the handout keeps them off: those not chosen to be shown."""
    return {p.item for p in summary.private if not p.included}


def _response_items(summary: Summary, pack: Pack, words: Catalogue, with_note: bool) -> list[dict | None]:
    answers = summary.answers
    private = left_out(summary)
    options = {o.id: o.name for o in pack.options}
    options[LEANING_NOT_SURE] = words("leaning.not_sure")
    questions = summary.questions()
    starred = [
        *(q.text for q in questions if q.starred),
        *(t for t in answers.own_questions if t in answers.starred_own),
    ]
    return [
        _answered(READER, words("fhir.reader"), _reader(answers, words)),
        _answered_group(VALUES, words("fhir.values"), _values(pack, answers, private)),
        _answered_group(SELF_CHECK, words("fhir.self_check"), _self_check(summary, pack, words)),
        _answered_group(SURE, pack.sure.title if pack.sure else "", _sure(summary, pack, words)),
        _answered(
            LEANING,
            words("fhir.leaning"),
            [{"valueCoding": _coding(LEANING, answers.leaning, options[answers.leaning])}] if answers.leaning else [],
        ),
        _answered(KEPT, words("fhir.questions_kept"), _strings(q.text for q in questions if q.ticked)),
        _answered(STARRED, words("fhir.questions_starred"), _strings(dict.fromkeys(starred))),
        _answered(OWN, words("fhir.own_questions"), _strings(summary.own_questions)),
        _answered(NOTE, words("fhir.note"), _strings([summary.note] if with_note and summary.note.strip() else [])),
        _answered(LEFT_OUT, words("fhir.private_left_out"), [{"valueInteger": len(private)}]),
    ]


def _reader(answers: Session, words: Catalogue) -> list[dict]:
    if answers.reader not in READERS:
        return []
    return [{"valueCoding": _coding(READER, answers.reader, words(f"fhir.reader_{answers.reader}"))}]


def _values(pack: Pack, answers: Session, private: set[str]) -> list[dict]:
    found = []
    for item in pack.values:
        chosen = next((c for c in item.choices if c.id == answers.values.get(item.id)), None)
        if chosen is not None and item.id not in private:
            link_id = linked(VALUES, item.id)
            found.append(
                _answered(link_id, item.statement, [{"valueCoding": _coding(link_id, chosen.id, chosen.label)}])
            )
    return found


def _self_check(summary: Summary, pack: Pack, words: Catalogue) -> list[dict]:
    found = []
    for item in pack.self_check:
        chosen = next((c for c in item.choices if c.id == summary.answers.self_check.get(item.id)), None)
        if chosen is not None:
            link_id = linked(SELF_CHECK, item.id)
            found.append(_answered(link_id, item.prompt, [{"valueCoding": _coding(link_id, chosen.id, chosen.label)}]))
    checked = summary.checked
    if found and checked is not None:
        found.append(
            _answered(SELF_CHECK_SCORE, words("fhir.self_check_score"), [{"valueInteger": checked.as_evidence}])
        )
        found.append(
            _answered(SELF_CHECK_ANSWERED, words("fhir.self_check_answered"), [{"valueInteger": checked.answered}])
        )
    return found


def _sure(summary: Summary, pack: Pack, words: Catalogue) -> list[dict]:
    sure = pack.sure
    if sure is None:
        return []
    said = summary.answers.sure
    found = [_answered(linked(SURE, i.id), i.text, [{"valueBoolean": said[i.id]}]) for i in sure.items if i.id in said]
    if found and summary.sure is not None:
        found.append(_answered(SURE_SCORE, words("fhir.sure_score"), [{"valueInteger": summary.sure.yes}]))
    return found


def _strings(texts) -> list[dict]:
    return [{"valueString": text} for text in texts if text.strip()]


def _answered(link_id: str, text: str, answer: list[dict]) -> dict | None:
    """An answered item; None when there is no answer (FHIR allows no empty list)."""
    return {"linkId": link_id, "text": text, "answer": answer} if answer else None


def _answered_group(link_id: str, text: str, items: list[dict | None]) -> dict | None:
    items = [item for item in items if item]
    return {"linkId": link_id, "text": text, "item": items} if items else None


def narrative(handout: Handout) -> str:
    """The one-page handout and the block for the clinical record, as XHTML in one div."""
    record = [line for block in handout.rest if block.kind == "record" for line in block_html(block, breaks=True)]
    return "".join([f'<div xmlns="{XHTML}">', *handout_html(handout, breaks=True), *record, "</div>"])


def _instant(answers: Session) -> str:
    return answers.updated.isoformat().replace("+00:00", "Z")


def _urn(name: str) -> str:
    """A fixed 'urn:uuid:' for a name, so the same answers give the same file."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"
