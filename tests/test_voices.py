"""Whose handout it is: filled in by someone helping, no line of any export speaks as 'I' (only what it quotes);
filled in by the person, the same answers keep their own voice."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import date

import pytest

from decisionaid.content import load_pack
from decisionaid.core.handout import compact_citation
from decisionaid.core.session import Session
from decisionaid.core.summary import build_summary
from decisionaid.export.render import render
from tests.helpers import COMMUTE, KETAMINE, PORTATIL

TODAY = date(2026, 11, 21)
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
AS_I = {
    "en": re.compile(r"(?<!\w)(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?!\w)"),
    "es": re.compile(r"(?<!\w)(?:[Yy]o|[Mm]e|[Mm]is?|[Mm]í|conmigo|puedo|tengo|quiero|necesito)(?!\w)"),
}


def walks(pack) -> list[Session]:
    """Fully answered walks, each private answer shown: every self-check answer wrong, then every one 'not sure';
    every values item with each of its first three choices; the SURE test all no."""
    checks = pack.self_check
    wrong = {i.id: next(c.id for c in i.choices if c.id not in i.correct and not c.not_sure) for i in checks}
    unsure = {i.id: next(c.id for c in i.choices if c.not_sure) for i in checks}
    sure = {i.id: False for i in pack.sure.items} if pack.sure else {}
    sensitive = tuple(v.id for v in pack.values if v.sensitive)
    return [
        replace(
            Session.new(pack),
            reader="helper",
            self_check=answers,
            values={v.id: v.choices[min(n, len(v.choices) - 1)].id for v in pack.values},
            sure=sure,
            shown=sensitive,
            stage="summary",
        )
        for n, answers in ((0, wrong), (1, unsure), (2, wrong))
    ]


def said(pack, session: Session, fmt: str) -> str:
    """What an export says, as words, less the sources' citations (their authors' initials are no one's voice):
    a web page without its markup, a FHIR record's narrative and texts."""
    out = render(build_summary(pack, session), pack, fmt, today=TODAY)
    if fmt == "fhir":
        response = json.loads(out)["entry"][1]["resource"]
        out = " ".join([response["text"]["div"], *re.findall(r'"valueString": "([^"]*)"', json.dumps(response))])
    if fmt in ("html", "fhir"):
        out = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", out, flags=re.S))
    out = " ".join(out.split())
    for source in pack.sources:
        out = out.replace(" ".join(compact_citation(source).split()), "")
    return out


@pytest.mark.parametrize("folder", [KETAMINE, COMMUTE, PORTATIL], ids=["ketamine", "commute", "portatil"])
@pytest.mark.parametrize("fmt", ["text", "md", "html", "fhir"])
def test_a_helpers_handout_never_speaks_as_i_outside_what_it_quotes(folder, fmt):
    pack = load_pack(folder)
    as_i = AS_I[pack.meta.language]
    listed: set[str] = set()
    for session in walks(pack):
        text = said(pack, session, fmt)
        spoken = sorted({m.group() for m in as_i.finditer(QUOTED.sub("", text))})
        assert spoken == [], f"{spoken} in: {text}"
        listed |= {q.id for q in build_summary(pack, session).questions()}
    assert listed == {q.id for q in pack.questions}, "the walks list every question the pack has"


def test_the_same_answers_filled_in_by_the_person_speak_as_i(tmp_path):
    pack = load_pack(KETAMINE)
    session = walks(pack)[0]
    text = said(pack, replace(session, reader="self"), "text")
    assert "Could any of my other medicines mix badly with ketamine or esketamine?" in text
    helped = said(pack, session, "text")
    assert "Could any of their other medicines mix badly with ketamine or esketamine?" in helped
