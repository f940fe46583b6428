"""FHIR rules that the fhir.resources models accept but the FHIR R4 specification forbids, checked on a Bundle of a
Questionnaire and its QuestionnaireResponse (plain dicts). Each problem is one line naming where it is.

Covered (see docs/fhir.md): required value sets of Bundle.type, Questionnaire.status and QuestionnaireResponse.status;
canonicals and uris without whitespace; QuestionnaireResponse.questionnaire naming the Questionnaire as url|version;
no empty list anywhere (ele-1); que-1 (a group has items, a display item none); que-2 (linkIds unique); que-5 (answer
options only on choice items); qrs-1 (an item has answers or items, not both); every response linkId in the
Questionnaire, at the same place; an answer of the item's type, one of its answer options, and one answer unless it
repeats, all in one item (sdcqr-2); no answer to a group; translation extensions holding one 'lang' and one
'content'; the narrative one XHTML div with only the allowed elements (txt-1, txt-2).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

BUNDLE_TYPES = {"document", "message", "transaction", "transaction-response", "batch", "batch-response"}
BUNDLE_TYPES |= {"history", "searchset", "collection"}
QUESTIONNAIRE_STATUS = {"draft", "active", "retired", "unknown"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
NARRATIVE_STATUS = {"generated", "extensions", "additional", "empty"}
ANSWER_TYPES = {
    "boolean": "valueBoolean",
    "decimal": "valueDecimal",
    "integer": "valueInteger",
    "date": "valueDate",
    "dateTime": "valueDateTime",
    "time": "valueTime",
    "string": "valueString",
    "text": "valueString",
    "url": "valueUri",
    "choice": "valueCoding",
    "open-choice": "valueCoding",
}
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
XHTML = "{http://www.w3.org/1999/xhtml}"
NARRATIVE_ELEMENTS = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "span", "b", "i", "br"}
NARRATIVE_ELEMENTS |= {"em", "strong", "table", "tr", "td", "th", "thead", "tbody", "pre", "code", "blockquote"}
WHITESPACE = re.compile(r"\s")


def bundle_problems(bundle: dict) -> list[str]:
    """Every problem found in a Bundle holding one Questionnaire and one QuestionnaireResponse."""
    problems = _empty_lists(bundle, "Bundle")
    if bundle.get("type") not in BUNDLE_TYPES:
        problems.append(f"Bundle.type: {bundle.get('type')!r} is not in the required value set")
    resources = {e["resource"]["resourceType"]: e["resource"] for e in bundle.get("entry", [])}
    for entry in bundle.get("entry", []):
        if WHITESPACE.search(entry.get("fullUrl", "")):
            problems.append(f"Bundle.entry.fullUrl: {entry['fullUrl']!r} holds whitespace")
    questionnaire, response = resources.get("Questionnaire"), resources.get("QuestionnaireResponse")
    if questionnaire is None or response is None:
        return [*problems, "Bundle: needs a Questionnaire and a QuestionnaireResponse"]
    return problems + questionnaire_problems(questionnaire) + response_problems(response, questionnaire)


def questionnaire_problems(questionnaire: dict) -> list[str]:
    problems = []
    if questionnaire.get("status") not in QUESTIONNAIRE_STATUS:
        problems.append(f"Questionnaire.status: {questionnaire.get('status')!r} is not in the required value set")
    if WHITESPACE.search(questionnaire.get("url", "")):
        problems.append(f"Questionnaire.url: {questionnaire['url']!r} holds whitespace")
    seen: set[str] = set()
    for path, item, _ in _walk(questionnaire.get("item", []), "Questionnaire"):
        link_id = item.get("linkId", "")
        if link_id in seen:
            problems.append(f"{path}: linkId {link_id!r} is used twice (que-2)")
        seen.add(link_id)
        kind = item.get("type")
        if kind == "group" and not item.get("item"):
            problems.append(f"{path}: a group needs items (que-1)")
        if kind == "display" and item.get("item"):
            problems.append(f"{path}: a display item has no items (que-1)")
        if item.get("answerOption") and kind not in ("choice", "open-choice"):
            problems.append(f"{path}: answerOption only on choice items (que-5)")
        problems += _translation_problems(item, path)
        for option in item.get("answerOption", []):
            problems += _translation_problems(option.get("valueCoding", {}), f"{path}.answerOption")
    return problems


def response_problems(response: dict, questionnaire: dict) -> list[str]:
    problems = []
    if response.get("status") not in RESPONSE_STATUS:
        problems.append(f"QuestionnaireResponse.status: {response.get('status')!r} is not in the required value set")
    named = response.get("questionnaire", "")
    if WHITESPACE.search(named):
        problems.append(f"QuestionnaireResponse.questionnaire: {named!r} holds whitespace")
    if named != f"{questionnaire.get('url')}|{questionnaire.get('version')}":
        problems.append(f"QuestionnaireResponse.questionnaire: {named!r} is not the Questionnaire's url|version")
    for profile in response.get("meta", {}).get("profile", []):
        if WHITESPACE.search(profile):
            problems.append(f"QuestionnaireResponse.meta.profile: {profile!r} holds whitespace")
    if "subject" in response:
        problems.append("QuestionnaireResponse.subject: the aid knows no one; the clinic attaches the subject")
    problems += _narrative_problems(response.get("text", {}))
    items = {item["linkId"]: (item, parent) for parent, item in _parents(questionnaire.get("item", []), "")}
    for path, item, parent in _walk(response.get("item", []), "QuestionnaireResponse"):
        problems += _answer_problems(path, item, parent, items)
        siblings = [child.get("linkId") for child in item.get("item", [])]
        problems += [
            f"{path}: linkId {i!r} twice in one place (sdcqr-2)" for i in set(siblings) if siblings.count(i) > 1
        ]
    top = [item.get("linkId") for item in response.get("item", [])]
    problems += [
        f"QuestionnaireResponse: linkId {i!r} twice at the top (sdcqr-2)" for i in set(top) if top.count(i) > 1
    ]
    return problems


def _answer_problems(path: str, item: dict, parent: str, items: dict) -> list[str]:
    link_id = item.get("linkId")
    if link_id not in items:
        return [f"{path}: linkId {link_id!r} is not in the Questionnaire"]
    asked, asked_parent = items[link_id]
    problems = []
    if parent != asked_parent:
        problems.append(f"{path}: linkId {link_id!r} is under {parent!r}, not {asked_parent!r} as in the Questionnaire")
    if "answer" in item and "item" in item:
        problems.append(f"{path}: an item holds answers or items, not both (qrs-1)")
    answers = item.get("answer", [])
    if asked.get("type") == "group" and answers:
        problems.append(f"{path}: a group takes no answer")
    if len(answers) > 1 and not asked.get("repeats"):
        problems.append(f"{path}: {len(answers)} answers to an item that does not repeat")
    wanted = ANSWER_TYPES.get(asked.get("type", ""))
    codes = {(o["valueCoding"].get("system"), o["valueCoding"].get("code")) for o in asked.get("answerOption", [])}
    for answer in answers:
        given = [key for key in answer if key.startswith("value")]
        if given != [wanted]:
            problems.append(f"{path}: answer {given} does not match the item's type {asked.get('type')!r}")
        elif wanted == "valueCoding" and (answer[wanted].get("system"), answer[wanted].get("code")) not in codes:
            problems.append(f"{path}: answer {answer[wanted].get('code')!r} is not one of the item's answer options")
    return problems


def _narrative_problems(text: dict) -> list[str]:
    if text.get("status") not in NARRATIVE_STATUS:
        return [f"QuestionnaireResponse.text.status: {text.get('status')!r} is not in the required value set"]
    try:
        div = ET.fromstring(text.get("div", ""))
    except ET.ParseError as exc:
        return [f"QuestionnaireResponse.text.div: not well-formed XHTML: {exc}"]
    problems = []
    if div.tag != f"{XHTML}div":
        problems.append("QuestionnaireResponse.text.div: must be one XHTML div")
    for element in div.iter():
        name = element.tag.removeprefix(XHTML)
        if name not in NARRATIVE_ELEMENTS:
            problems.append(f"QuestionnaireResponse.text.div: <{name}> is not allowed in a narrative (txt-1)")
    if not "".join(div.itertext()).strip():
        problems.append("QuestionnaireResponse.text.div: holds no text (txt-2)")
    return problems


def _translation_problems(element: dict, path: str) -> list[str]:
    problems = []
    for name in ("_text", "_display"):
        for extension in element.get(name, {}).get("extension", []):
            parts = sorted(e.get("url") for e in extension.get("extension", []))
            if extension.get("url") != TRANSLATION or parts != ["content", "lang"]:
                problems.append(f"{path}.{name}: a translation holds one 'lang' and one 'content'")
    return problems


def _empty_lists(value: object, path: str) -> list[str]:
    """ele-1: every element has a value or children; JSON arrays are never empty."""
    if isinstance(value, list):
        found = [f"{path}: empty list"] if not value else []
        return found + [p for i, v in enumerate(value) for p in _empty_lists(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        found = [f"{path}: empty object"] if not value else []
        return found + [p for k, v in value.items() for p in _empty_lists(v, f"{path}.{k}")]
    if value == "":
        return [f"{path}: empty string"]
    return []


def _walk(items: list[dict], path: str, parent: str = ""):
    """(path, item, its parent's linkId) for every item at any depth, including items under answers."""
    for i, item in enumerate(items):
        here = f"{path}.item[{i}]"
        yield here, item, parent
        yield from _walk(item.get("item", []), here, item.get("linkId", ""))
        for j, answer in enumerate(item.get("answer", [])):
            yield from _walk(answer.get("item", []), f"{here}.answer[{j}]", item.get("linkId", ""))


def _parents(items: list[dict], parent: str):
    """(parent linkId, item) for every Questionnaire item."""
    for item in items:
        yield parent, item
        yield from _parents(item.get("item", []), item["linkId"])
