"""`decisionaid catalogue export-po` / `import-po`: translators work in PO files and nothing is lost coming back."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from decisionaid.core.catalogue import LOCALES, Catalogue, flatten, languages
from decisionaid.core.po import read_commented
from tests.helpers import run_in_process


def test_every_shipped_catalogue_comes_back_from_its_po_file_with_every_text_form_comment_and_key_in_order(
    tmp_path: Path,
):
    english = read_commented((LOCALES / "en.toml").read_text(encoding="utf-8"))
    for language in languages():
        po = tmp_path / f"{language}.po"
        assert run_in_process("catalogue", "export-po", language, "-o", str(po)).returncode == 0
        result = run_in_process("catalogue", "import-po", language, str(po))
        assert result.returncode == 0, result.stderr
        shipped = read_commented((LOCALES / f"{language}.toml").read_text(encoding="utf-8"))
        back = read_commented(result.stdout)
        assert back.entries == shipped.entries, language
        assert list(back.entries) == list(english.entries), language
        assert back.comments == shipped.comments and back.opening == shipped.opening, language


def test_a_po_file_holds_the_key_as_context_english_as_source_plural_forms_and_both_languages_comments():
    result = run_in_process("catalogue", "export-po", "fr")
    catalog = read_po(io.StringIO(result.stdout))
    messages = {message.context: message for message in catalog if message.id}
    cards = messages["cli.count_cards"]
    assert cards.id == ("1 card", "{count} cards") and cards.string == (
        "{count} fiche",
        "{count} fiches",
        "{count} fiches",
    )
    assert messages["handout.made@helper"].string.startswith("Fait le {made} par quelqu'un qui aide")
    expert = messages["vocabulary.expert"]
    assert expert.auto_comments[0].startswith("Words a pack may replace")  # English's comment, for the translator
    assert expert.user_comments[0].startswith("Mots qu'un paquet peut remplacer")  # French's own, kept


def _translated(po: str, edit) -> bytes:
    """A PO file as a translator's tool would save it after `edit(message)` on every message."""
    catalog = read_po(io.StringIO(po))
    for message in catalog:
        if message.id:
            edit(message)
    out = io.BytesIO()
    write_po(out, catalog, width=0)
    return out.getvalue()


def test_a_new_language_with_three_plural_forms_is_translated_in_a_po_file_and_kept_whole(tmp_path: Path):
    start = run_in_process("catalogue", "export-po", "pl")
    assert start.returncode == 0 and 'msgstr[2] ""' in start.stdout  # Polish: one, few, many

    def translate(message):
        if isinstance(message.id, tuple):
            message.string = tuple(f"{form} {message.id[1]}" for form in ("jeden", "kilka", "wiele"))
        else:
            message.string = f"PL {message.id}"
        if message.context == "card.progress":
            message.user_comments = ["Skrócone w wąskim oknie."]

    po = tmp_path / "pl.po"
    po.write_bytes(_translated(start.stdout, translate))
    result = run_in_process("catalogue", "import-po", "pl", str(po))
    assert result.returncode == 0, result.stderr
    entries = flatten(tomllib.loads(result.stdout))
    polish = Catalogue("pl", entries)
    shown = [polish("cli.count_cards", count=n) for n in (1, 3, 5, 22)]
    assert shown == ["jeden 1 cards", "kilka 3 cards", "wiele 5 cards", "kilka 22 cards"]
    assert entries["handout.made"]["helper"].startswith("PL Made on {made}")
    assert "# Skrócone w wąskim oknie.\nprogress = " in result.stdout


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda m: setattr(m, "string", "Fiche {n}"), "card.progress: must use the same placeholders as English"),
        (lambda m: setattr(m, "string", ""), "card.progress: not translated yet (or marked fuzzy)"),
        (lambda m: m.flags.add("fuzzy"), "card.progress: not translated yet (or marked fuzzy)"),
    ],
)
def test_a_po_file_that_cannot_be_used_is_refused_in_one_line_naming_the_sentence(tmp_path: Path, edit, reason):
    po = tmp_path / "fr.po"

    def change(message):
        if message.context == "card.progress":
            edit(message)

    po.write_bytes(_translated(run_in_process("catalogue", "export-po", "fr").stdout, change))
    result = run_in_process("catalogue", "import-po", "fr", str(po))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"decisionaid catalogue: {po}: {reason}") and result.stderr.count("\n") == 1


def test_a_file_that_is_not_po_and_a_language_code_that_is_none_are_one_line_each(tmp_path: Path):
    text = tmp_path / "notes.txt"
    text.write_text('not "a PO file\n', encoding="utf-8")
    result = run_in_process("catalogue", "import-po", "fr", str(text))
    assert result.returncode == 2 and result.stderr.startswith(f"decisionaid catalogue: {text}: not a PO file")
    result = run_in_process("catalogue", "export-po", "zz")
    assert (result.returncode, result.stderr) == (
        2,
        "decisionaid catalogue: 'zz' is not a language code that the aid knows\n",
    )
