"""The page of what changed since the person last looked, whose lines open the item they name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.core.changes import entries_since, place_of, title_of
from decisionaid.core.journey import Journey
from decisionaid.core.pages.steps import Change, ChangesPage
from decisionaid.storage.seen import version_tuple

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.catalogue import Catalogue


def what_changed(pack: Pack, since: str, words: Catalogue) -> ChangesPage | None:
    """The page for a person who last used version `since`, or None when nothing listed changed since then."""
    if not since or version_tuple(since) >= version_tuple(pack.meta.version):
        return None
    journey, lines, listed = Journey(pack), [], set()
    for entry in reversed(entries_since(pack, since)):  # newest first: a later line about an item says the most
        groups = (
            ("added", [(ref, "") for ref in entry.added]),
            ("changed", [(one.id, one.what) for one in entry.changed]),
            ("removed", [(ref, "") for ref in entry.removed]),
        )
        for kind, refs in groups:
            for ref, what in refs:
                if ref in listed:
                    continue
                listed.add(ref)
                place = place_of(pack, journey, ref)
                title = title_of(pack, ref) if place is not None else ref.split(":", 1)[1]
                lines.append(Change(words(f"release.changed_{kind}", title=title, what=what), place))
    if not lines:
        return None
    return ChangesPage(
        title=words("release.changed_title"),
        intro=words("release.changed_intro", since=since, version=pack.meta.version),
        changes=tuple(lines),
        closing=words("release.changed_answered"),
    )
