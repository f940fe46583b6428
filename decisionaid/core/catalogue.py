"""Every interface sentence, keyed, per language: plural forms, the reader's voice and pack overrides.

A catalogue is a TOML file in `locales/` (for example `en.toml`). Nested tables give dotted keys
(`[welcome] start = "Start"` is `welcome.start`). An entry is a string with named placeholders
(`"Card {n} of {total}"`), or a table of forms: by voice (`self`, the person themself; `helper`,
someone filling it in for them) and by plural category (`one`, `other`), in that order of nesting.

The `[vocabulary]` table holds the words a pack may replace with its own (`{expert}`, who the questions
are for; `{counted}`, what the figures count): any sentence can use them as placeholders. `words_for`
gives a pack's catalogue: its language, its vocabulary and its own wording of any sentence.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from decisionaid.cache.catalogues import sentences
from decisionaid.content.problems import did_you_mean
from decisionaid.core.formats import long_date, plural_form, whole_number
from decisionaid.sanitize import escape_controls

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.problems import Problem

LOCALES = Path(__file__).parent / "locales"
VOICES = ("self", "helper")
PLURALS = ("zero", "one", "two", "few", "many", "other")
DEFAULT_LANGUAGE = "en"
# The table whose sentences word help now for a pack that says help_now = "support", in place of the crisis wording.
HELP_WORDING = {"support": "help_support"}

Entry = str | Mapping[str, "Entry"]


class CatalogueError(Exception):
    """A pack's wording or vocabulary that the catalogue cannot use, with a one-line reason naming the key."""


class SentenceError(ValueError):
    """A sentence asked for in a way the catalogue cannot give: a key it lacks, a value not given, a count not
    given for a plural (a fault in the aid's code, never in what a person or an author wrote)."""


def plural_category(language: str, count: int) -> str:
    """The plural form for `count` in `language`, by CLDR's rules ('one' is 1 in English, 0 and 1 in French)."""
    return plural_form(abs(count), language)


def placeholders(entry: Entry) -> frozenset[str]:
    """The named placeholders used anywhere in an entry's forms."""
    if isinstance(entry, str):
        return frozenset(name for _, name, _, _ in string.Formatter().parse(entry) if name)
    return frozenset().union(*(placeholders(form) for form in entry.values()))


@dataclass(frozen=True)
class Catalogue:
    """The sentences of one language, in one voice; call it with a key and the placeholders' values."""

    language: str
    entries: Mapping[str, Entry]
    voice: str = "self"
    overridden: frozenset[str] = field(default=frozenset())
    vocabulary: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, key: str, /, *, count: int | None = None, **values: object) -> str:
        """The sentence for `key`, in this voice and the plural form for `count` (also a placeholder).

        A path among the values is shown with any control characters in its name made visible.
        """
        try:
            entry = self.entries[key]
        except KeyError:
            raise SentenceError(f"{self.language}: no sentence called '{key}'") from None
        form = self._form(key, entry, count)
        values = {**self.vocabulary, **values}
        if count is not None:
            values = {"count": count, **values}
        values = {k: escape_controls(str(v)) if isinstance(v, PurePath) else v for k, v in values.items()}
        try:
            return form.format_map(values)
        except (KeyError, IndexError, ValueError) as exc:
            raise SentenceError(f"{self.language}: {key}: cannot fill in {exc}") from None

    def _form(self, key: str, entry: Entry, count: int | None) -> str:
        while not isinstance(entry, str):
            if self.voice in entry or any(v in entry for v in VOICES):
                entry = entry.get(self.voice, entry.get("self", next(iter(entry.values()))))
            elif count is not None:
                category = plural_category(self.language, count)
                entry = entry.get(category, entry.get("other", next(iter(entry.values()))))
            else:
                raise SentenceError(f"{self.language}: {key}: has plural forms, so it needs a count")
        return entry

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def date(self, day: date) -> str:
        """The long date in this catalogue's language, e.g. '21 November 2026'."""
        return long_date(day, self.language)

    def number(self, n: int) -> str:
        """A whole number grouped as this catalogue's language groups it, e.g. '100,000'."""
        return whole_number(n, self.language)

    def in_voice(self, voice: str) -> Catalogue:
        """The same catalogue, speaking for `voice` ('self' or 'helper')."""
        if voice not in VOICES:
            raise SentenceError(f"voice: must be one of {', '.join(VOICES)}, not '{voice}'")
        return Catalogue(self.language, self.entries, voice, self.overridden, self.vocabulary)

    def with_overrides(self, overrides: Mapping[str, Entry]) -> Catalogue:
        """A copy in which a pack's own wording replaces entries; CatalogueError (one line per problem, in this
        catalogue's words) for an unknown key, a placeholder added or left out in any form, a format code
        or a conversion (`{text:q}`, `{text!r}`), or a brace without its pair."""
        shipped = load_catalogue(self.language if self.language in languages() else DEFAULT_LANGUAGE)
        problems = [_misfit_line(shipped, key, code, values) for key, code, values in self._misfits(overrides)]
        if problems:
            raise CatalogueError("; ".join(problems))
        merged = {**self.entries, **overrides}
        return Catalogue(self.language, merged, self.voice, self.overridden | frozenset(overrides), self.vocabulary)

    def _misfits(self, overrides: Mapping[str, Entry]) -> Iterator[tuple[str, str, dict[str, str]]]:
        """(key, problem code, values) for each override that cannot be used as the original is."""
        vocabulary = frozenset(self.vocabulary)
        for key, entry in overrides.items():
            if key not in self.entries:
                yield key, "unknown", {"suggestion": self._key_like(key)}
                continue
            wanted = placeholders(self.entries[key]) - vocabulary
            shown = ", ".join(f"{{{p}}}" for p in sorted(wanted)) or "none"
            for form, text in _forms(entry):
                try:
                    fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
                except ValueError:
                    yield key, "braces", {}
                    break
                if coded := next((f for f in fields if f[0] is not None and (f[1] or f[2])), None):
                    name, spec, conversion = coded
                    yield (
                        key,
                        "format_code",
                        {"got": f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"},
                    )
                    break
                used = {name for name, _, _ in fields if name} - vocabulary
                missing = wanted - used - ({"count"} if form in ("zero", "one", "two") else set())
                if used - wanted or missing:
                    yield key, "placeholders", {"wanted": shown}
                    break

    def with_wording_of(self, table: str) -> Catalogue:
        """A copy in which the sentences of `table` replace those of the same keys (`help_support.crisis.title`
        replaces `crisis.title`): the wording of a pack's kind of help."""
        prefix = f"{table}."
        own = {key.removeprefix(prefix): entry for key, entry in self.entries.items() if key.startswith(prefix)}
        return Catalogue(self.language, {**self.entries, **own}, self.voice, self.overridden, self.vocabulary)

    def _key_like(self, key: str) -> str | None:
        """The key closest to a misspelt one: within its table when the table is right ('help_now.buton' ->
        'help_now.button'), else among every key."""
        table, _, name = key.rpartition(".")
        names = [k.removeprefix(f"{table}.") for k in self.entries if k.rpartition(".")[0] == table]
        if names:
            close = did_you_mean(name, names)
            return f"{table}.{close}" if close else None
        return did_you_mean(key, list(self.entries))

    def with_vocabulary(self, vocabulary: Mapping[str, str | None]) -> Catalogue:
        """A copy that uses a pack's own words for the vocabulary it names (the rest stay the catalogue's)."""
        unknown = sorted(set(vocabulary) - set(self.vocabulary))
        if unknown:
            shipped = load_catalogue(self.language if self.language in languages() else DEFAULT_LANGUAGE)
            raise CatalogueError(shipped("pack_problem.unknown_vocabulary", word=unknown[0]))
        chosen = {**self.vocabulary, **{k: v for k, v in vocabulary.items() if v}}
        return Catalogue(self.language, self.entries, self.voice, self.overridden, chosen)


def _misfit_line(shipped: Catalogue, key: str, code: str, values: dict[str, str]) -> str:
    """One override's problem in words, with '(did you mean ...?)' for a key close to one the catalogue has."""
    text = shipped(f"pack_problem.wording_{code}", key=key, **values)
    if values.get("suggestion"):
        text = shipped("pack_problem.did_you_mean", reason=text, suggestion=values["suggestion"])
    return text


def _forms(entry: Entry, name: str = "") -> Iterator[tuple[str, str]]:
    """Every text of an entry with the name of the form it is ('' for a plain text, else 'one', 'helper'...)."""
    if isinstance(entry, str):
        yield name, entry
    elif isinstance(entry, Mapping):
        for form, text in entry.items():
            yield from _forms(text, form)


def flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, Entry]:
    """Dotted keys for nested tables; a table whose keys are all forms is one entry."""
    flat: dict[str, Entry] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, str) or (isinstance(value, Mapping) and _is_forms(value)):
            flat[dotted] = value  # type: ignore[assignment]
        elif isinstance(value, Mapping):
            flat.update(flatten(value, f"{dotted}."))
        else:
            raise SentenceError(f"{dotted}: must be text or a table of forms")
    return flat


def _is_forms(table: Mapping[str, object]) -> bool:
    return bool(table) and all(k in VOICES or k in PLURALS for k in table)


def load_catalogue(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The shipped catalogue for `language`, read once however it is asked for (`load_catalogue()` and
    `load_catalogue("en")` are one catalogue; a cache keyed on the call itself had read the file twice)."""
    return _shipped_catalogue(language)


@cache
def _shipped_catalogue(language: str) -> Catalogue:
    try:
        text = (LOCALES / f"{language}.toml").read_bytes()
    except FileNotFoundError:
        raise SentenceError(f"no interface sentences for the language '{language}'") from None
    data = sentences(language, text)  # kept as JSON after its first parse (see cache.catalogues)
    vocabulary = data.pop("vocabulary", {})
    return Catalogue(language, flatten(data), vocabulary=vocabulary)


# Forget every catalogue read, as with any functools cache (for a locales folder that changed, as tests change it).
load_catalogue.cache_clear = _shipped_catalogue.cache_clear  # type: ignore[attr-defined]


def words_for(pack: Pack, voice: str = "self", language: str | None = None) -> Catalogue:
    """The catalogue a pack speaks with: its language (or `language`, the person's choice of interface), its
    vocabulary and its own wording; CatalogueError (one line, naming the key) when the pack's wording does not fit.

    A pack that offers support rather than crisis help (`help_now = "support"`) speaks of help in the
    catalogue's neutral words. The vocabulary and wording are the pack's own text, in its own language: when the
    person chose an interface in another language the aid has, it keeps its own words, so no sentence mixes two
    languages ("su clinician"); a pack in a language the interface lacks keeps its words, the best there are.
    """
    meta = pack.meta
    words = load_catalogue(language or interface_language(meta.language))
    if meta.help_now in HELP_WORDING:
        words = words.with_wording_of(HELP_WORDING[meta.help_now])
    own = _base(meta.language)
    if _base(words.language) != own and _base(interface_language(meta.language)) == own:
        return words.in_voice(voice) if voice != words.voice else words
    words = words.with_vocabulary({name: getattr(meta.vocabulary, name, None) for name in words.vocabulary})
    if meta.wording:
        words = words.with_overrides(dict(meta.wording))
    return words.in_voice(voice) if voice != words.voice else words


def _base(language: str) -> str:
    """A language code's language, without its region or script: 'es' for 'es-MX'."""
    return language.replace("_", "-").split("-")[0].lower()


def wording_problems(pack: Pack, folder: Path) -> list[Problem]:
    """What in a pack's vocabulary and wording the catalogue cannot use, as pack.toml problems (a language it has no
    sentences in is none: the interface speaks the closest language it has)."""
    from decisionaid.content.problems import Problem

    where = Path(folder) / "pack.toml"
    try:
        words_for(pack)
    except CatalogueError as exc:
        return [Problem(where, "meta.wording", "given", {"reason": exc})]
    return []


def languages() -> tuple[str, ...]:
    """The languages that have a shipped catalogue."""
    return tuple(sorted(p.stem for p in LOCALES.glob("*.toml")))


def interface_language(language: str) -> str:
    """The shipped catalogue a pack in `language` is shown with: its own language's, else the closest by Babel's
    locale negotiation (a regional or older code for a language the aid has), else English."""
    known = languages()
    if language in known:
        return language
    from babel import negotiate_locale

    return negotiate_locale([language], known) or DEFAULT_LANGUAGE
