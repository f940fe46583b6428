"""A second interface language: the Spanish pack in both front ends and the export, and `--language`."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.catalogue import load_catalogue
from decisionaid.lint.prose import reader_texts
from tests.conftest import shown_text
from tests.helpers import COMMUTE, PORTATIL, ROOT, run_in_process

HEALTH_WORDS = re.compile(
    r"salud|médic|clínic|paciente|tratamiento|síntoma|crisis|dosis|enfermedad|sanitari|terapia|fármaco|"
    r"medicament|hospital|emergencia|daño|peligro|health|clinician|medical|crisis",
    re.IGNORECASE,
)
LETTERS = re.compile(r"[^\W\d_]{2,}")
# Enter to start, the table, five cards, the cards left out; a self-check answer, its feedback and the offers;
# a value and its offer; the four SURE questions; the reader; the help, then save as text under its own name.
WALK = ["", "", "", "", "", "", "", "", "1", "", "", "1", "", "1", "2", "1", "1", "", "h", "9", "1", "", "q"]


def _words(texts) -> set[str]:
    return {word.casefold() for text in texts for word in LETTERS.findall(text)}


def _texts(entry) -> list[str]:
    return [entry] if isinstance(entry, str) else [t for form in entry.values() for t in _texts(form)]


def english_only_words() -> set[str]:
    """Words of the English interface that neither the Spanish one nor the pack uses."""
    english = _words(t for entry in load_catalogue("en").entries.values() for t in _texts(entry))
    spanish = _words(t for entry in load_catalogue("es").entries.values() for t in _texts(entry))
    pack = _words(text.text for text in reader_texts(load_pack(PORTATIL)))
    return english - spanish - pack


def walk_in_spanish(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = ("--plain", "--pack", str(PORTATIL), *extra)
    return run_in_process(*args, cwd=tmp_path, input="".join(f"{a}\n" for a in WALK))


def test_plain_mode_walks_the_spanish_pack_in_spanish_with_no_english_and_no_health_word(tmp_path: Path):
    result = walk_in_spanish(tmp_path)
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Información revisada el 5 de enero de 2026; próxima revisión prevista el 5 de enero de 2099." in out
    assert "prepara una lista de preguntas para llevar a su técnico de reparación." in out
    assert "Ficha 2 de 5. Lo bueno y lo malo." in out
    assert "Reparados: 70 de cada 100 portátiles; 30 de cada 100 no." in out
    assert "Escriba un número de 1 a 3, o pulse Enter para saltarla:" in out
    assert "No coincide con los datos Su respuesta: Sí La respuesta: No" in out
    assert "Mi seguridad para decidir (test SURE): 3 de 4 con respuesta sí." in out
    assert "Comandos: escriba uno y pulse Enter." in out
    assert "Sus respuestas están guardadas. Vuelva a abrir decisionaid --plain para continuar." in out
    shown = (result.stdout + result.stderr).replace(str(tmp_path), "")  # the test's folder is named in English
    leaked = sorted(_words([shown]) & english_only_words())
    assert leaked == [], f"English interface words in the Spanish walk: {leaked}"
    assert HEALTH_WORDS.findall(result.stdout) == []
    saved = tmp_path / f"portatil-resumen-{date.today().isoformat()}.txt"
    handout = saved.read_text(encoding="utf-8")
    assert handout.startswith("Mi resumen: Reparar o cambiar el portátil")
    assert f"Hecho el {load_catalogue('es').date(date.today())} por mí, la persona de quien se trata." in handout
    assert HEALTH_WORDS.findall(handout) == []


def test_the_english_word_check_can_fail(tmp_path: Path):
    result = walk_in_spanish(tmp_path, "--language", "en")
    leaked = _words([result.stdout.replace(str(tmp_path), "")]) & english_only_words()
    assert {"press", "your", "card"} <= leaked
    assert "Evidence reviewed 5 January 2026" in " ".join(result.stdout.split())
    assert "técnico de reparación" not in result.stdout and "questions for your adviser" in " ".join(
        result.stdout.split()
    ), "an interface in another language than the pack's keeps its own vocabulary: no sentence mixes two languages"


async def test_the_full_screen_aid_speaks_spanish_on_the_welcome_a_card_its_footer_and_keys(tmp_path: Path):
    from decisionaid.tui.factory import make_app
    from decisionaid.tui.screens.card import CardScreen
    from decisionaid.tui.screens.welcome import WelcomeScreen

    app = make_app(load_pack(PORTATIL), theme="textual-dark", export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        welcome = shown_text(app.screen)
        assert "Empezar (s)" in welcome
        assert "Información revisada el 5 de enero de 2026" in welcome
        assert "El camino corto lleva alrededor de 3 minutos leyendo despacio" in welcome
        assert "Start" not in welcome and "Evidence" not in welcome
        assert HEALTH_WORDS.findall(welcome) == [], "no help-now line, button or key"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        card = shown_text(app.screen)
        assert "Ficha 2 de 5" in card and "Lo bueno de reparar" in card
        assert "Grado de certeza: Incierto: hay pocos estudios, o son pequeños o breves" in card
        assert "70 de cada 100 portátiles" in card and "entre 5 y 15 de cada 100 no" in card
        assert "Atrás" in card and "Card" not in card and "out of 100" not in card
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert "←/b Atrás" in footer and "s Fuentes" in footer and "m Mapa" in footer
        await pilot.press("question_mark")
        await pilot.pause()
        keys = shown_text(app.screen)
        assert "Inicio" in keys and "Mayús+Tab" in keys and "Fuentes" in keys and "Subir" in keys
        assert "Mapa: Todas las partes de la herramienta, cuánto ha avanzado y cuánto queda" in keys
        assert sorted(_words([keys, footer]) & english_only_words()) == [], "no English key or label"


def test_the_export_of_the_spanish_handout_is_in_spanish(tmp_path: Path):
    walk_in_spanish(tmp_path)
    result = run_in_process("export", "--pack", str(PORTATIL), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Mi resumen: Reparar o cambiar el portátil")
    assert "Versión del contenido 0.1.0, información revisada el 5 de enero de 2026, próxima" in result.stdout
    assert "## Mis preguntas principales" in result.stdout
    assert HEALTH_WORDS.findall(result.stdout) == []
    html = run_in_process("export", "--pack", str(PORTATIL), "--format", "html").stdout
    assert '<html lang="es">' in html
    english = run_in_process("export", "--pack", str(PORTATIL), "--language", "en")
    assert english.stdout.startswith("My handout: Reparar o cambiar el portátil")


@pytest.mark.parametrize("command", [["--plain"], ["export"], ["serve"]])
def test_an_unknown_language_is_one_line_naming_the_languages_there_are(command: list[str]):
    result = run_in_process(*command, "--language", "xx", "--pack", str(COMMUTE))
    assert result.returncode == 2
    assert result.stderr == "decisionaid: --language: no interface in 'xx' (languages: en, es, fr)\n"
    assert result.stdout == ""


def test_language_gives_an_english_pack_a_spanish_interface_and_leaves_its_text_as_written(tmp_path: Path):
    result = run_in_process("--plain", "--language", "es", "--pack", str(COMMUTE), cwd=tmp_path, input="\n")
    out = " ".join(result.stdout.split())
    assert "Cycling or the bus to work" in out and "This is a test pack. It gives no advice." in out
    assert "Información revisada el 5 de enero de 2026" in out
    assert "Ayuda en una crisis: escriba c en cualquier pregunta. Local emergency number:" in out
    assert "Vistazo a las opciones. Parte 1 de 7" in out
    assert "--language LANG" in run_in_process("--help").stdout


def test_serve_speaks_the_language_asked_for_and_marks_the_packs_own_text(commute_pack):
    from decisionaid.serve import views
    from decisionaid.serve.app import ServeOptions, WebAid

    aid = WebAid(ServeOptions(pack=commute_pack, language="es"))
    page = aid.renderer.html(views.crisis(commute_pack, aid.words, aid.site), None)
    assert (
        '<html lang="es" dir="ltr">' in page and "Ayuda en una crisis" in page and "Si necesita ayuda ahora" not in page
    )
    assert '<p class="aid-title" lang="en" dir="ltr">Cycling or the bus to work</p>' in page
    english = WebAid(ServeOptions(pack=commute_pack)).renderer.html(
        views.crisis(commute_pack, aid.words, aid.site), None
    )
    assert '<html lang="en" dir="ltr">' in english and '<p class="aid-title">' in english


FIRST_SCREEN = """
import asyncio, sys
from decisionaid.cli.packs import load_or_report
from decisionaid.tui.factory import make_app

async def main():
    app = make_app(load_or_report(sys.argv[1]), theme="textual-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__, "babel" in sys.modules)

asyncio.run(main())
"""


def test_the_english_first_screen_never_imports_babel_and_the_spanish_one_does(tmp_path: Path):
    def first_screen(pack: Path) -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", FIRST_SCREEN, str(pack)], capture_output=True, text=True, cwd=ROOT, timeout=120
        )
        return run.stdout.split() or [run.stderr]

    assert first_screen(COMMUTE) == ["WelcomeScreen", "False"]
    assert first_screen(PORTATIL) == ["WelcomeScreen", "True"]


def test_a_failed_save_in_plain_mode_is_said_in_the_interface_language(tmp_path: Path):
    """Saving the handout where nothing can be written: the aid's sentence in Spanish (the system's own reason
    may follow it as the system gives it)."""
    answers = ["", *[""] * 30]  # start, then Enter along the short path to the question list
    run_in_process("--plain", "--pack", str(COMMUTE), "--language", "es", input="\n".join(answers) + "\n")
    menu = ["1", "9", "", "/proc/nope/x.txt", "b"]  # resume, save, text, a folder that cannot hold it, back
    result = run_in_process("--plain", "--pack", str(COMMUTE), "--language", "es", input="\n".join(menu) + "\n")
    assert "No se ha guardado: /proc/nope/x.txt: no se puede escribir:" in result.stdout
    assert "cannot write" not in result.stdout and "Not saved" not in result.stdout


def test_an_answers_file_that_cannot_be_used_is_said_in_the_packs_language(tmp_path: Path):
    """The Spanish pack with an answers file whose pack is a number: the welcome says why in Spanish."""
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile

    answers = tmp_path / "answers.toml"
    answers.write_text("schema_version = 2\npack = 5\n", encoding="utf-8")
    controller = Controller(load_pack(PORTATIL), AnswersFile(answers))
    notice = " ".join(controller.notices)
    assert "No se pudieron leer sus respuestas guardadas (pack: debe ser texto)" in notice
    assert "must be" not in notice


def test_a_spanish_interface_over_an_english_pack_says_on_the_welcome_that_the_content_is_in_english(tmp_path: Path):
    out = run_in_process("--plain", "--language", "es", cwd=tmp_path, input="q\n").stdout
    said = " ".join(out.split())
    assert "El contenido de esta herramienta está escrito en inglés." in said
    assert "Sus botones y mensajes están en español, como usted eligió." in said
    english = " ".join(run_in_process("--plain", cwd=tmp_path, input="q\n").stdout.split())
    assert "content of this aid is written in" not in english


def test_an_interface_chosen_in_another_language_keeps_its_own_word_for_the_expert():
    from decisionaid.content import load_pack
    from decisionaid.core.catalogue import words_for
    from tests.helpers import KETAMINE

    pack = load_pack(KETAMINE)
    assert "your clinician" in words_for(pack)("values_more.why"), "the pack's own word, in its own language"
    spanish = words_for(pack, language="es")("values_more.why")
    assert "su profesional" in spanish and "clinician" not in spanish, "never 'su clinician'"
