"""The sentence catalogue: keys, placeholders, plural forms, voices and pack overrides."""

import pytest

from decisionaid.core.catalogue import Catalogue, CatalogueError, flatten, languages, load_catalogue, placeholders


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
    with pytest.raises(CatalogueError, match="crisis.count"):
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


def test_an_unknown_key_or_missing_value_is_a_one_line_error():
    words = catalogue(a="{x}")
    with pytest.raises(CatalogueError, match="no sentence called 'b'"):
        words("b")
    with pytest.raises(CatalogueError, match="a: cannot fill in"):
        words("a")


def test_every_shipped_catalogue_has_the_same_keys_and_placeholders_as_english():
    english = load_catalogue("en")
    assert "en" in languages()
    for language in languages():
        other = load_catalogue(language)
        assert set(other.entries) == set(english.entries), language
        for key, entry in english.entries.items():
            assert placeholders(other.entries[key]) == placeholders(entry), f"{language}: {key}"
