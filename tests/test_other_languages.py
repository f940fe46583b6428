"""Packs in languages beyond the interface's: the closest interface and a plain notice, French lint rules, and
right-to-left packs in plain mode and the browser (the full-screen aid refuses them in one line)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.bidi import FIRST_STRONG_ISOLATE as FSI
from decisionaid.core.bidi import LEFT_TO_RIGHT
from decisionaid.core.bidi import POP_ISOLATE as PDI
from decisionaid.core.catalogue import interface_language, load_catalogue
from decisionaid.core.formats import babel_locale
from decisionaid.lint import Level, lint_pack
from decisionaid.lint.readability import KANDEL_MOLES
from decisionaid.lint.wording import WORDING
from decisionaid.plain.lines import cell_width, close_isolates, wrap
from tests.helpers import PORTATIL, ROOT, TESTS, copy_pack, edit, run_in_process

HASOUB = TESTS / "packs" / "hasoub"  # Arabic, right to left
NOTICE_EN = (
    "This aid is written in Catalan. The aid's own buttons and messages are not in Catalan yet, so they are in English."
)


@pytest.fixture
def catalan(tmp_path: Path) -> Path:
    """The Spanish test pack, said to be in Catalan: a language the interface has no sentences in."""
    pack = copy_pack(PORTATIL, tmp_path / "pack")
    edit(pack, "pack.toml", 'language = "es"', 'language = "ca"')
    return pack


def plain(pack: Path, *extra: str, answers: str = "q\n") -> str:
    result = run_in_process("--plain", "--pack", str(pack), *extra, input=answers, env={"COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_interface_language_is_the_packs_else_the_closest_by_negotiation_else_english():
    assert [interface_language(code) for code in ("fr", "es", "ca", "ar", "en")] == ["fr", "es", "en", "en", "en"]


def test_a_pack_in_a_language_without_a_catalogue_validates_and_opens_in_english_saying_so_once(catalan: Path):
    assert run_in_process("validate", str(catalan)).returncode == 0
    shown = plain(catalan)
    assert " ".join(shown.split()).count(NOTICE_EN) == 1
    assert "Press Enter to start" in shown
    spanish = " ".join(plain(catalan, "--language", "es").split())
    assert (
        "Esta herramienta está escrita en catalán. Los botones y mensajes propios de la herramienta aún no " in spanish
    )


def test_a_french_pack_opens_in_french(tmp_path: Path):
    pack = copy_pack(PORTATIL, tmp_path / "pack")
    edit(pack, "pack.toml", 'language = "es"', 'language = "fr"')
    shown = plain(pack)
    assert "Appuyez sur Entrée pour commencer (h pour l'aide)\u00a0:" in shown.replace("\n", " ")
    assert "écrit en" not in shown, "French has its own interface: no notice"


def test_lint_warns_of_the_missing_interface_and_runs_the_checks_for_any_language(catalan: Path):
    report = lint_pack(load_pack(catalan), catalan, date(2026, 7, 1))
    interface, rules = report.findings
    assert (interface.key, interface.level, rules.key, rules.level) == (
        "meta.language",
        Level.warning,
        "meta.language",
        Level.warning,
    )
    assert interface.reason.startswith("the aid has no interface sentences in 'ca', so people see this pack with ")
    assert interface.reason.endswith("can start the catalogue with `decisionaid catalogue export-po ca`")
    assert rules.reason.startswith("no wording rules or readability measure for the language 'ca': only the")
    assert report.grades == [], "no English reading grade on a Catalan text"


FRENCH = WORDING["fr"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vous devriez choisir la meilleure option.", ["Vous devriez", "la meilleure option"]),
        ("Nous vous recommandons le meilleur traitement.", ["Nous vous recommandons", "le meilleur traitement"]),
        ("Vous pouvez réparer votre portable ou le changer.", []),
    ],
)
def test_french_directive_phrases_are_found(text: str, found: list[str]):
    assert FRENCH.directive_phrases(text) == found


def test_french_frequencies_relative_risks_and_vague_words():
    assert FRENCH.one_in_n("Une personne sur 10 et un sur cinq. 23 personnes sur 100, 1 sur 1 000.") == [
        "Une personne sur 10",
        "un sur cinq",
    ]
    assert FRENCH.relative_risk("C'est deux fois plus probable, ou 50 % plus probable.") == [
        "fois plus probable",
        "% plus probable",
    ]
    assert FRENCH.vague_without_number("Les pannes sont rares. C'est fréquent pour 3 portables sur 100.") == ["rares"]
    assert FRENCH.vague_without_number("« Les pannes sont rares », dit-on.") == []
    assert FRENCH.advice_verb_at_start("Demandez le prix ?") == "Demandez"


def test_a_french_pack_is_linted_with_french_rules_and_the_kandel_moles_reading_ease(tmp_path: Path):
    pack = copy_pack(PORTATIL, tmp_path / "pack")
    edit(pack, "pack.toml", 'language = "es"', 'language = "fr"')
    body = "Reparar suele costar menos. Sus archivos y programas siguen donde estaban."
    edit(pack, "cards.toml", body, "Vous devriez choisir la meilleure option. Les pannes sont rares.")
    result = run_in_process("lint", str(pack), "--today", "2026-07-01")
    out = result.stdout
    assert result.returncode == 1
    assert (
        "cards[id=reparar-bueno].body: error: directive wording 'Vous devriez': describe the options, give no advice"
        in out
    )
    assert "cards[id=reparar-bueno].body: error: directive wording 'la meilleure option'" in out
    assert "cards[id=reparar-bueno].body: warning: vague word 'rares' with no number in the same sentence" in out
    assert re.search(r"^reading ease \(Kandel-Moles; higher is easier\): \d+ texts measured", out, re.M)
    assert KANDEL_MOLES.score("Vos réponses sont enregistrées. Vous pouvez revenir quand vous voulez.") > 60


# --- right to left -------------------------------------------------------------------------------------------------


def test_a_right_to_left_pack_is_refused_by_the_full_screen_aid_in_one_line_pointing_to_the_others():
    result = run_in_process("--pack", str(HASOUB))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "decisionaid: hasoub is written right to left, which the full-screen aid cannot show. "
        "Open it with decisionaid --plain, or in a web browser with decisionaid serve.\n"
    )


def test_the_languages_known_to_be_left_to_right_are_so_in_cldr_and_asking_of_them_imports_no_babel():
    from babel import Locale

    for language in LEFT_TO_RIGHT:
        assert Locale.parse(babel_locale(language)).character_order == "left-to-right", language
    code = (
        "import sys\nfrom decisionaid.core.bidi import is_right_to_left\n"
        "print(is_right_to_left(sys.argv[1]), 'babel' in sys.modules)"
    )
    seen = {
        language: subprocess.run(
            [sys.executable, "-c", code, language], capture_output=True, text=True, cwd=ROOT, timeout=60
        ).stdout.split()
        for language in ("en", "ar")
    }
    assert seen == {"en": ["False", "False"], "ar": ["True", "True"]}


def test_plain_mode_keeps_a_right_to_left_pack_in_logical_order_isolating_numbers_and_names():
    pack = load_pack(HASOUB)
    shown = plain(HASOUB, answers="\n" * 4 + "q\n")
    lines = shown.splitlines()
    assert all(cell_width(line) <= 60 for line in lines), "wrapped to the terminal's 60 columns"
    assert all(line.count(FSI) == line.count(PDI) for line in lines), "every line closes what it isolates"
    assert f"{FSI}{pack.meta.title}{PDI}" in lines[0], "the title as written, in logical order"
    assert f"Card {FSI}1{PDI} of {FSI}5{PDI}. {FSI}{pack.sections[0].title}{PDI}." in shown
    assert f"questions for your {FSI}فني الإصلاح{PDI}." in " ".join(shown.split())


def test_wrapping_counts_wide_characters_twice_and_isolates_are_closed_on_each_line():
    text = "日本語のテキスト " * 6
    assert all(cell_width(line) <= 20 for line in wrap(text, 20)) and len(wrap(text, 20)) == 6
    assert close_isolates([f"a {FSI}b c", f"d{PDI} e"]) == [f"a {FSI}b c{PDI}", f"{FSI}d{PDI} e"]


async def test_the_browser_marks_a_right_to_left_packs_text_and_isolates_numbers_and_names_in_sentences(
    tmp_path: Path,
):
    from decisionaid.core.controller import Controller
    from decisionaid.serve import views
    from decisionaid.serve.app import ServeOptions, WebAid
    from decisionaid.serve.sessions import Aid, WebSession
    from decisionaid.storage.store import AnswersFile

    pack = load_pack(HASOUB)
    aid = WebAid(ServeOptions(pack=pack))
    controller = Controller(pack, AnswersFile(tmp_path / "answers.toml"), aid.words)
    session = WebSession("id", "token", Aid(controller), 0.0)
    welcome = aid.renderer.html(views.welcome(controller, aid.site), session)
    assert '<html lang="en" dir="ltr">' in welcome
    assert f'<p class="lead-title" lang="ar" dir="rtl">{pack.meta.title}</p>' in welcome
    assert "<bdi>Arabic</bdi>" not in welcome and "This aid is written in Arabic." in welcome
    assert "<bdi>فني الإصلاح</bdi>" in welcome, "the pack's word for the expert, inside an English sentence"
    controller.start()
    controller.go("cards", 0)
    card = aid.renderer.html(views.step(controller), session)
    assert '<p class="progress">Card <bdi>1</bdi> of <bdi>5</bdi> · <span lang="ar" dir="rtl">' in card
    assert f'<h1 lang="ar" dir="rtl">{pack.cards[0].title}</h1>' in card
    english = load_catalogue("en")
    assert english("interface_language.welcome", written="x", shown="y").startswith("This aid is written in x.")


async def test_the_full_screen_aid_says_on_its_welcome_which_language_its_interface_speaks_instead(
    catalan: Path, tmp_path: Path
):
    from decisionaid.tui.factory import make_app
    from decisionaid.tui.screens.welcome import WelcomeScreen
    from tests.conftest import shown_text

    app = make_app(load_pack(catalan), theme="textual-dark", export_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert " ".join(shown_text(app.screen).split()).count(NOTICE_EN) == 1


def test_a_pack_in_a_language_without_a_catalogue_exports_in_every_format(catalan: Path):
    plain(catalan, answers="\n" * 10 + "1\n\n\n1\n\n\n1\n2\n1\n1\nq\n")
    for fmt in ("text", "md", "html", "fhir"):
        result = run_in_process("export", "--pack", str(catalan), "--format", fmt)
        assert result.returncode == 0 and result.stderr == "", (fmt, result.stderr)
        assert "Reparar o cambiar el portátil" in result.stdout, fmt
