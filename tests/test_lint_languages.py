"""`lint` per language: the Spanish pack with Spanish wording rules and the INFLESZ reading ease."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.lint import Level, lint_pack
from decisionaid.lint.readability import FLESCH_KINCAID, INFLESZ
from decisionaid.lint.wording import WORDING
from tests.helpers import PORTATIL, copy_pack, edit, run_in_process

SPANISH = WORDING["es"]
BODY = "Reparar suele costar menos. Sus archivos y programas siguen donde estaban."
HARD = (  # INFLESZ -30.7: 'muy difícil'
    "La sustitución del componente defectuoso requiere habitualmente la intervención especializada de "
    "profesionales cualificados, considerando simultáneamente la disponibilidad comercial de repuestos compatibles."
)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return copy_pack(PORTATIL, tmp_path / "pack")


def lint(pack: Path) -> subprocess.CompletedProcess[str]:
    return run_in_process("lint", pack.name, "--today", "2026-07-01", cwd=pack.parent)


def test_the_spanish_pack_lints_clean_with_the_inflesz_reading_ease(pack: Path):
    result = lint(pack)
    assert result.returncode == 0, result.stdout + result.stderr
    draft, *lines = result.stdout.splitlines()
    assert draft == "portatil: a draft (no manifest.toml); decisionaid release makes it a release"  # a copy
    assert lines[0] == "text                                  words   ease"
    assert lines[1].startswith("cards reparar-bueno.body                 11   ")
    summary = next(line for line in lines if line.startswith("reading ease"))
    assert summary.startswith("reading ease (Szigriszt-Pazos, INFLESZ; higher is easier): 13 texts measured, median ")
    assert summary.endswith("(cards reparar-bueno.body)"), "the hardest is the lowest score"
    assert lines[-1] == "portatil 0.1.0: lint: 0 errors, 0 warnings"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Usted debería reparar el portátil.", ["debería"]),
        ("Le recomendamos la mejor opción para su caso.", ["Le recomendamos", "la mejor opción"]),
        ("Lo mejor es cambiarlo: tiene que hacerlo pronto.", ["Lo mejor es", "tiene que"]),
        ("Debe usted decidir hoy. Usted necesita un equipo nuevo.", ["Debe usted", "Usted necesita"]),
        ("Puede reparar su portátil o cambiarlo.", []),
    ],
)
def test_spanish_directive_phrases_are_found(text: str, found: list[str]):
    assert SPANISH.directive_phrases(text) == found


def test_spanish_frequencies_relative_risks_and_vague_words():
    assert SPANISH.one_in_n("Falla 1 de cada 5 portátiles; una de cada diez pantallas.") == [
        "1 de cada 5",
        "una de cada diez",
    ]
    assert SPANISH.one_in_n("1 de cada 100 portátiles falla; 23 de cada 100 también.") == []
    assert SPANISH.relative_risk("Es tres veces más probable que falle, un 50 % más probable.") == [
        "veces más probable",
        "% más probable",
    ]
    assert SPANISH.vague_without_number("La avería es rara. Pasa a menudo en 3 de cada 100.") == ["rara"]
    assert SPANISH.vague_without_number("Nadie dijo «es algo raro».") == [], "a quoted claim is not made"
    assert SPANISH.advice_verb_at_start("¿Pregunte cuánto cuesta?") == "Pregunte"
    assert SPANISH.advice_verb_at_start("Asegúrese de guardar una copia?") == "Asegúrese"
    assert SPANISH.advice_verb_at_start("¿Cuánto cuesta?") is None
    assert SPANISH.has_number("dos años") and not SPANISH.has_number("unos años")


def test_spanish_findings_name_the_file_and_the_key(pack: Path):
    edit(pack, "cards.toml", BODY, "Usted debería reparar el portátil. Pasa en 1 de cada 5 casos.")
    edit(pack, "clinician.toml", "¿Cuánto costaría cada opción?", "¿Pregunte cuánto costaría cada opción?")
    result = lint(pack)
    assert result.returncode == 1
    assert (
        "pack/cards.toml: cards[id=reparar-bueno].body: error: directive wording 'debería': describe "
        "the options, give no advice" in result.stdout
    )
    assert "pack/cards.toml: cards[id=reparar-bueno].body: error: '1 de cada 5' style frequency" in result.stdout
    assert (
        "pack/clinician.toml: questions[id=q-coste].text: error: question starts with the instruction 'Pregunte': "
        "word it as a question the reader asks"
    ) in result.stdout


def test_a_hard_spanish_text_is_an_error_and_a_fairly_hard_card_a_warning(pack: Path):
    edit(pack, "cards.toml", BODY, HARD)
    result = lint(pack)
    score = INFLESZ.score(HARD)
    assert score < 40
    assert (
        f"pack/cards.toml: cards[id=reparar-bueno].body: error: reading ease (Szigriszt-Pazos, "
        f"INFLESZ) {score:.1f} is below 40: "
        "use shorter sentences and words"
    ) in result.stdout
    middling = "Reparar suele costar menos. Los programas instalados continúan funcionando igual."
    assert 40 <= INFLESZ.score(middling) < 55
    edit(pack, "cards.toml", HARD, middling)
    warned = lint(pack)
    assert (
        f"pack/cards.toml: cards[id=reparar-bueno].body: warning: reading ease (Szigriszt-Pazos, INFLESZ) "
        f"{INFLESZ.score(middling):.1f} is below 55: aim for 55 or above"
    ) in warned.stdout


def test_each_measurement_sets_its_own_language():
    """textstat's language is global: left on English, it would split Spanish words wrongly (116.4, not 65.4)."""
    import textstat

    textstat.set_lang("en_US")
    assert textstat.szigriszt_pazos(BODY) == 116.38
    assert INFLESZ.score(BODY) == 65.41
    english = "Cycling to work gives regular exercise, but on some days the weather makes it slower."
    assert FLESCH_KINCAID.score(english) == 8.0, "and English is measured in English again after it"


def test_a_language_with_no_lint_rules_gets_one_warning_and_no_english_rules(monkeypatch: pytest.MonkeyPatch):
    import decisionaid.lint.rules as rules

    monkeypatch.setattr(rules, "WORDING", {"en": WORDING["en"]})
    monkeypatch.setattr(rules, "MEASURES", {"en": rules.MEASURES["en"]})
    report = lint_pack(load_pack(PORTATIL), PORTATIL, date(2026, 7, 1))
    assert [(f.path.name, f.key, f.level, f.reason) for f in report.findings] == [
        (
            "pack.toml",
            "meta.language",
            Level.warning,
            "no wording rules or readability measure for the language 'es': only the checks that hold in any "
            "language ran (numbers, balance, dates, placeholders)",
        )
    ]
    assert report.grades == []


def test_a_spanish_question_that_speaks_as_yo_needs_its_helper_form(pack: Path):
    assert SPANISH.first_person("¿Dónde puedo leer más sobre mis archivos? «Yo no sé»") == ["puedo", "mis"]
    edit(pack, "clinician.toml", 'helper_text = "¿Qué pasa con sus archivos durante la reparación?"\n', "")
    result = lint(pack)
    assert result.returncode == 1
    assert (
        "pack/clinician.toml: questions[id=q-archivos].text: error: 'mis' is shown on the handout with no helper "
        "form: give helper_text, the same text for someone helping the person it is about"
    ) in result.stdout.splitlines()
