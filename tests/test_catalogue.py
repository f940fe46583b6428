"""The sentence catalogue: keys, placeholders, plural forms, voices and pack overrides."""

import pytest

from decisionaid.core.catalogue import (
    Catalogue,
    CatalogueError,
    SentenceError,
    flatten,
    languages,
    load_catalogue,
    placeholders,
)


def catalogue(**entries):
    return Catalogue("en", flatten(entries))


def test_nested_tables_give_dotted_keys_and_placeholders_are_filled():
    words = catalogue(cards={"progress": "Card {n} of {total}"})
    assert words("cards.progress", n=2, total=9) == "Card 2 of 9"


def test_plural_forms_follow_the_count():
    words = catalogue(crisis={"count": {"one": "{count} place to call", "other": "{count} places to call"}})
    assert words("crisis.count", count=1) == "1 place to call"
    assert words("crisis.count", count=3) == "3 places to call"


def test_a_plural_entry_without_a_count_is_an_error_naming_the_key():
    words = catalogue(crisis={"count": {"one": "one", "other": "many"}})
    with pytest.raises(SentenceError, match="crisis.count"):
        words("crisis.count")


def test_the_voice_picks_the_form_for_the_person_or_someone_helping():
    words = catalogue(why={"self": "I said {reason}", "helper": "They said {reason}"})
    assert words("why", reason="x") == "I said x"
    assert words.in_voice("helper")("why", reason="x") == "They said x"


def test_voice_and_plural_nest():
    entry = {
        "self": {"one": "I wrote {count} question", "other": "I wrote {count} questions"},
        "helper": "They wrote {count}",
    }
    words = catalogue(own=entry)
    assert words("own", count=2) == "I wrote 2 questions"
    assert words.in_voice("helper")("own", count=1) == "They wrote 1"


def test_an_override_must_keep_the_placeholders():
    words = catalogue(cards={"progress": "Card {n} of {total}"})
    assert (
        words.with_overrides({"cards.progress": "Step {n} of {total}"})("cards.progress", n=1, total=2) == "Step 1 of 2"
    )
    with pytest.raises(CatalogueError, match=r"cards.progress: must use the same placeholders.*\{n\}, \{total\}"):
        words.with_overrides({"cards.progress": "Step {n}"})
    with pytest.raises(CatalogueError, match="no such sentence"):
        words.with_overrides({"cards.nope": "x"})


def test_an_unknown_key_or_missing_value_is_a_one_line_error_of_the_code_not_of_a_pack():
    words = catalogue(a="{x}")
    with pytest.raises(SentenceError, match="no sentence called 'b'"):
        words("b")
    with pytest.raises(SentenceError, match="a: cannot fill in"):
        words("a")


# Entries a translation keeps exactly as English has them: symbols, names and words the two languages share.
SAME_AS_ENGLISH = {
    "es": {
        "summary.star_mark",  # ★
        "learnt.known_item",  # ✓ {topic}
        "learnt.to_ask_item",  # • {topic}
        "time.short",  # {count} min: 'min' is the abbreviation in both
        "formats.md",  # Markdown, a format's name
        "plain.a_number.one",  # 1, the only number to type
        "sure.no",  # No
        "cli.lint_errors.one",  # 1 error: the same word
        "cli.lint_result",  # {pack} {version}: lint: ...: the command's name
        "cli.lint_option_count",  # {option} {pack} ({short_path}): an id and two numbers
        "export_cli.problem",  # decisionaid: {problem}
        "catalogue_cli.problem",  # decisionaid catalogue: {path}: {problem}
        "pack_problem.given",  # {reason}
        "prompt.no_usage",  # n: no.
        "map.row",  # the rest are placeholders and punctuation only
        "map.row_optional",
        "compare.where",
        "lock.with_key",
        "handout.crisis_line",
        "handout.crisis_details",
        "crisis.name",
        "figure.arm",
        "plain.choice",
        "plain.card_progress",  # {progress}. {section}.
        "plain.part_heading",
        "plain.option_heading",
        "prompt.command_line",
        "about.option",  # {name}: {summary}
        "about.author",
        "about.author_credentials",
        "lint.level_error",  # error
    },
    "fr": {
        "summary.star_mark",  # ★
        "learnt.known_item",  # ✓ {topic}
        "learnt.to_ask_item",  # • {topic}
        "time.short",  # {count} min
        "formats.md",  # Markdown, a format's name
        "plain.a_number.one",  # 1
        "kiosk.minutes.one",  # minute, minutes: the same words
        "kiosk.minutes.other",
        "card.title",  # Information, as the part is named too
        "part.cards",
        "compare.question",  # Question
        "sources.title",  # Sources
        "handout.sources",
        "card.sources",
        "bindings.sources.label",
        "web.sources.other",
        "figure.heading",  # Figure. {heading}
        "cli.count_figures.other",  # {count} figures, options, questions, sources
        "cli.count_options.other",
        "cli.count_questions.other",
        "cli.count_sources.other",
        "bindings.command_palette.label",  # Actions
        "about.version",  # Version, Licence: the same words
        "about.licence",
        "key_names.super",  # a key's name as printed on it
        "key_names.tab",
        "pack_problem.given",  # {reason}
        "cli.lint_option_count",  # the rest are placeholders and punctuation only
        "map.row",
        "compare.where",
        "lock.with_key",
        "crisis.name",
        "plain.choice",
        "plain.card_progress",
        "plain.part_heading",
        "release.line",  # Version {version}, {signed}
    },
}


def forms(entry, prefix=""):
    """Each text of an entry, named by its key and its forms, e.g. 'handout.made.helper'."""
    if isinstance(entry, str):
        return {prefix: entry}
    return {name: text for form, inner in entry.items() for name, text in forms(inner, f"{prefix}.{form}").items()}


def test_every_shipped_catalogue_has_the_same_keys_placeholders_and_forms_as_english():
    english = load_catalogue("en")
    assert {"en", "es", "fr"} <= set(languages())
    for language in languages():
        other = load_catalogue(language)
        assert set(other.entries) == set(english.entries), language
        assert set(other.vocabulary) == set(english.vocabulary), language
        for key, entry in english.entries.items():
            assert placeholders(other.entries[key]) == placeholders(entry), f"{language}: {key}"
            assert set(forms(other.entries[key], key)) == set(forms(entry, key)), f"{language}: {key}: its forms"
            for name, text in forms(other.entries[key], key).items():
                added = placeholders(text) - placeholders(forms(entry, key)[name])
                # French's 'one' is also 0, so its 'one' form shows the count where English can write '1'.
                counted = added <= {"count"} and name.rsplit(".", 1)[-1] in ("zero", "one", "two")
                assert placeholders(text) >= placeholders(forms(entry, key)[name]), f"{language}: {name}"
                assert not added or counted, f"{language}: {name}"


def test_no_translated_entry_is_left_in_english_but_the_listed_ones():
    english = {
        name: text for key, entry in load_catalogue("en").entries.items() for name, text in forms(entry, key).items()
    }
    for language in set(languages()) - {"en"}:
        entries = load_catalogue(language).entries
        translated = {name: text for key, entry in entries.items() for name, text in forms(entry, key).items()}
        same = {name for name, text in translated.items() if text == english[name]}
        assert same == SAME_AS_ENGLISH.get(language, set()), language
        assert load_catalogue(language).vocabulary != load_catalogue("en").vocabulary


def test_spanish_plural_and_voice_forms_are_used():
    words = load_catalogue("es")
    assert words("cli.count_cards", count=1) == "1 ficha"
    assert words("cli.count_cards", count=0) == "0 fichas"
    assert words.in_voice("helper")("handout.top") == "Nuestras preguntas principales"
    assert words("figure_count.exactly", n=23) == "23 de cada 100 personas"


def test_french_plural_forms_follow_cldr_where_one_is_also_zero():
    words = load_catalogue("fr")
    assert words("cli.count_cards", count=0) == "0 fiche"
    assert words("cli.count_cards", count=1) == "1 fiche"
    assert words("cli.count_cards", count=2) == "2 fiches"
    assert words("time.about", count=0) == "environ 0 minute"
    assert words("figure_count.exactly", n=23) == "23 sur 100 personnes"
    assert words.in_voice("helper")("handout.top") == "Nos questions principales"


def test_the_default_catalogue_and_the_english_one_are_one_catalogue_read_once():
    assert load_catalogue() is load_catalogue("en") is load_catalogue(language="en")
