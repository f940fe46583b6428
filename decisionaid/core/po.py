"""A catalogue as a PO file for translators, and a translated PO file back as a catalogue (Babel's reader and writer).

Each text of a catalogue is one message: its key is the context (`card.progress`; a voice's form adds `@helper`),
the English text is the source, and an entry with plural forms is one plural message, its translations in the
order of the language's plural forms. English comments reach translators as extracted comments (`#.`); the
translated catalogue's own comments are translator comments (`#`), and come back where they were. A comment just
above a table's header belongs to the table's first sentence; the file's opening comment is the PO file's own.

A round trip, catalogue to PO file and back, loses nothing: texts, plural forms, voices, comments and the order of
the keys, which is always English's.
"""

from __future__ import annotations

import io
import json
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po, write_po

from decisionaid.core.catalogue import PLURALS, VOICES, Entry, flatten, placeholders
from decisionaid.core.formats import babel_locale

VOICE_MARK = "@"
SAMPLE_NUMBERS = (*range(1200), 10**6, 2 * 10**6, 10**7)  # enough whole numbers to meet every plural category
LINE_WIDTH = 10_000  # Babel wraps comments at any width it is given; lines this long keep each comment one line


class PoError(ValueError):
    """A PO file that cannot become a catalogue, with a one-line reason (`code` names the catalogue's sentence)."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code, self.values = code, values


@dataclass
class Commented:
    """A catalogue file read with its comments: its entries by dotted key, each key's comment lines (a table's
    comment with its first key), and the file's opening comment."""

    entries: dict[str, Entry]
    comments: dict[str, list[str]] = field(default_factory=dict)
    opening: list[str] = field(default_factory=list)


def read_commented(text: str) -> Commented:
    """A catalogue's TOML text, its comments kept by the key (or table) they stand above or beside."""
    data = tomllib.loads(text)
    entries = flatten(data)
    lines = text.splitlines()
    opening: list[str] = []
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        opening.append(lines[start][1:].strip())
        start += 1
    comments: dict[str, list[str]] = {}
    pending: list[str] = []
    table_pending: list[str] = []
    table = ""
    for line in lines[start:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped[1:].strip())
        elif stripped.startswith("["):
            table, table_pending, pending = _dotted(stripped.strip("[]")), pending, []
        elif "=" in stripped:
            name = _dotted(stripped.split("=", 1)[0])
            key = f"{table}.{name}" if table else name
            first = _first_under(entries, key)
            beside = _trailing_comment(stripped)
            comments.setdefault(first, []).extend([*table_pending, *pending, *([beside] if beside else [])])
            if not comments[first]:
                del comments[first]
            table_pending, pending = [], []
    return Commented(entries, comments, opening)


def _dotted(name: str) -> str:
    """A TOML key as the catalogue's dotted key: `"help_now.button"` and `help_now.button` are both
    'help_now.button'."""
    node: object = tomllib.loads(f"{name} = 0")
    parts: list[str] = []
    while isinstance(node, dict):
        (part, node), *_ = node.items()
        parts.append(part)
    return ".".join(parts)


def _trailing_comment(line: str) -> str | None:
    """The comment after a key's value on the same line, if any: a '#' outside every quoted text."""
    quoted = escaped = False
    for at, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "#" and not quoted:
            return line[at + 1 :].strip()
    return None


def plural_tags(language: str) -> list[str]:
    """The CLDR plural category of each of the language's gettext plural forms, in gettext's order: the categories
    whole numbers fall in, in CLDR's order (zero, one, two, few, many, other), fitted to gettext's count."""
    locale = Locale.parse(babel_locale(language))
    seen = {locale.plural_form(n) for n in SAMPLE_NUMBERS}
    tags = [tag for tag in PLURALS if tag in seen]
    count = get_plural(locale).num_plurals
    if len(tags) > count:
        return [*tags[: count - 1], "other"]
    return tags + ["other"] * (count - len(tags))


def _texts(entry: Entry, voice: str = "") -> Iterator[tuple[str, Entry]]:
    """(voice, the voice's entry) for an entry: its voices' forms if it has voices, else the entry itself."""
    if isinstance(entry, Mapping) and any(v in entry for v in VOICES):
        yield from entry.items()
    else:
        yield voice, entry


def to_po(english: Commented, translated: Commented, language: str) -> bytes:
    """The PO file of `translated` (a catalogue in `language`), with English as the source text."""
    catalog = Catalog(
        locale=babel_locale(language),
        project="decisionaid",
        header_comment="\n".join(f"# {line}".rstrip() for line in translated.opening),
        fuzzy=False,
    )
    tags = plural_tags(language)
    for key, entry in english.entries.items():
        theirs = dict(_texts(translated.entries[key]))
        for voice, source in _texts(entry):
            context = f"{key}{VOICE_MARK}{voice}" if voice else key
            notes = {
                "auto_comments": english.comments.get(key, []) if not voice or voice == VOICES[0] else [],
                "user_comments": translated.comments.get(key, []) if not voice or voice == VOICES[0] else [],
            }
            text = theirs.get(voice, "")
            if isinstance(source, Mapping):
                forms = text if isinstance(text, Mapping) else {"other": text}
                other = forms.get("other", "")
                strings = tuple(forms.get(tag, other) for tag in tags)
                catalog.add((source.get("one", source["other"]), source["other"]), strings, context=context, **notes)
            else:
                catalog.add(source, text, context=context, **notes)
    out = io.BytesIO()
    write_po(out, catalog, width=LINE_WIDTH, omit_header=False)
    return out.getvalue()


def from_po(english: Commented, po: bytes, language: str) -> str:
    """The catalogue file (TOML) for `language` from a translated PO file; PoError for a file that is not PO, a
    sentence missing, not translated (or marked fuzzy), or translated with other placeholders than English's."""
    try:
        catalog = read_po(io.BytesIO(po), locale=babel_locale(language), abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        raise PoError("not_po", detail=" ".join(str(exc).split()) or type(exc).__name__) from None
    messages = {message.context: message for message in catalog if message.id and message.context}
    tags = plural_tags(language)
    entries: dict[str, Entry] = {}
    comments: dict[str, list[str]] = {}
    for key, entry in english.entries.items():
        voices: dict[str, Entry] = {}
        for voice, source in _texts(entry):
            context = f"{key}{VOICE_MARK}{voice}" if voice else key
            message = messages.get(context)
            if message is None:
                raise PoError("missing", key=context)
            if message.fuzzy or not all(message.string if isinstance(message.string, tuple) else [message.string]):
                raise PoError("untranslated", key=context)
            if message.user_comments:
                comments.setdefault(key, []).extend(message.user_comments)
            voices[voice] = _translated(context, source, message.string, tags)
        entries[key] = voices.get("", voices)
    opening = [line[1:].strip() for line in (catalog.header_comment or "").splitlines() if line.startswith("#")]
    return render(english.entries, Commented(entries, comments, opening))


def _translated(context: str, source: Entry, string: str | tuple[str, ...], tags: list[str]) -> Entry:
    """A message's translation as a catalogue entry, checked against the English source's placeholders."""
    if isinstance(source, Mapping):
        strings = string if isinstance(string, tuple) else (string,)
        if len(strings) != len(tags):
            raise PoError("plural_count", key=context, wanted=len(tags), got=len(strings))
        forms: dict[str, str] = {}
        for tag, text in zip(tags, strings, strict=True):
            forms.setdefault(tag, text)
        other = forms.setdefault("other", strings[-1])  # where whole numbers never fall in 'other' (Polish)
        kept = {tag: text for tag, text in forms.items() if tag in source or text != other}
        wanted = placeholders(source)
        for tag, text in kept.items():
            allowed = wanted | ({"count"} if tag in ("zero", "one", "two") else set())
            if not placeholders(text) <= allowed or not (wanted - {"count"}) <= placeholders(text) | {"count"}:
                raise PoError("placeholders", key=context, wanted=_shown(wanted))
        return kept
    text = string if isinstance(string, str) else string[0]
    if placeholders(text) != placeholders(source):
        raise PoError("placeholders", key=context, wanted=_shown(placeholders(source)))
    return text


def _shown(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "-"


def render(order: Mapping[str, Entry], catalogue: Commented) -> str:
    """A catalogue as TOML, its tables and keys in the order of `order` (English's), each comment above its key
    (a table's first key's above the table's header). A table whose keys come back after another table's (such as
    `bindings.about` after `about`) gets a header of its own, so the order holds."""
    lines = [f"# {line}".rstrip() for line in catalogue.opening]
    for header, keys in _runs(order):
        items: dict[str, object] = {}
        for key in keys:
            node = items
            *parents, name = key.removeprefix(f"{header}.").split(".")
            for parent in parents:
                node = node.setdefault(parent, {})  # type: ignore[assignment]
            node[name] = catalogue.entries[key]
        first = keys[0]
        lines.append("")
        lines += [f"# {line}".rstrip() for line in catalogue.comments.get(first, [])]
        lines.append(f"[{header}]")
        for name, value in items.items():
            under = _first_under(keys, f"{header}.{name}")
            if under != first:
                lines += [f"# {line}".rstrip() for line in catalogue.comments.get(under, [])]
            lines.append(f"{name} = {_value(value)}")
    return "\n".join(lines).lstrip("\n") + "\n"


def _runs(order: Mapping[str, Entry]) -> list[tuple[str, list[str]]]:
    """The keys in order, in runs under one table header each: the top table, or, when that table was already
    written before another, the table one level down."""
    runs: list[tuple[str, list[str]]] = []
    for key in order:
        table, _, rest = key.partition(".")
        header = table
        if runs and runs[-1][0] != table and any(written == table for written, _ in runs):
            header = f"{table}.{rest.partition('.')[0]}"
        if not runs or runs[-1][0] != header:
            runs.append((header, []))
        runs[-1][1].append(key)
    return runs


def _first_under(keys: Iterable[str], prefix: str) -> str:
    """The first dotted key that is `prefix` or lies under it."""
    return next(key for key in keys if key == prefix or key.startswith(prefix + "."))


def _value(value: object) -> str:
    """A text as a TOML basic string, a table of texts as an inline table."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    inner = ", ".join(f"{name} = {_value(item)}" for name, item in value.items())  # type: ignore[attr-defined]
    return f"{{ {inner} }}"
