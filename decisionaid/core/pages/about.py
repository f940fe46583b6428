"""The "about this aid" page: everything a pack says about itself that no step shows, as labelled rows.

Each row is a label from the catalogue and the pack's own text. A new fact about the pack (how it was signed,
when its review is due) is one more row in `about_rows`, and every front end shows it with no change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.pack_status import pack_status, release_lines
from decisionaid.core.pages import Line, Page

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.content.models import Author


@dataclass(frozen=True)
class Row:
    """One labelled fact: a label ('Licence') and what the pack says, one or more lines."""

    label: str
    lines: tuple[str, ...]


def about_rows(pack: Pack, words: Catalogue) -> list[Row]:
    """Who the aid is for, its options in one line each, who made it, on what terms and how it is kept current."""
    meta = pack.meta
    version = words("about.version_line", version=meta.version, published=words.date(meta.published))
    return [
        Row(words("about.audience"), (meta.audience,)),
        Row(words("about.options"), tuple(words("about.option", name=o.name, summary=o.summary) for o in pack.options)),
        Row(words("about.authors"), tuple(_author(author, words) for author in meta.authors)),
        Row(words("about.version"), (version,)),
        Row(words("release.about_label"), release_lines(pack_status(pack), words)),
        Row(words("about.update_policy"), (meta.update_policy,)),
        Row(words("about.licence"), (meta.licence,)),
        Row(words("about.funding"), (meta.funding,)),
        Row(words("about.conflicts"), (meta.conflicts,)),
    ]


def _author(author: Author, words: Catalogue) -> str:
    if author.credentials:
        return words("about.author_credentials", name=author.name, role=author.role, credentials=author.credentials)
    return words("about.author", name=author.name, role=author.role)


def about(pack: Pack, words: Catalogue) -> Page:
    """The page: the pack's title and decision, then each row as a subheading and its lines."""
    lines = [Line(pack.meta.title, "title"), Line(pack.meta.decision, "lead")]
    for row in about_rows(pack, words):
        lines.append(Line(row.label, "subheading"))
        lines += [Line(text, "about") for text in row.lines]
    return Page(words("about.title"), tuple(lines))
