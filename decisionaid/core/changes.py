"""What changed since the person last looked: the pack's change list from the version their answers were last
used with to this one, where each item it names is shown, and which self-check answers were given before their
question changed. `core.pages.changes` makes the page of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.core.journey import Journey, Place
from decisionaid.storage.seen import version_tuple

if TYPE_CHECKING:
    from decisionaid.content import Pack


def entries_since(pack: Pack, since: str) -> list:
    """The change list's entries newer than `since`, up to the pack's own version, oldest first."""
    low, high = version_tuple(since), version_tuple(pack.meta.version)
    found = [entry for entry in pack.changes if low < version_tuple(entry.version) <= high]
    return sorted(found, key=lambda entry: version_tuple(entry.version))


def place_of(pack: Pack, journey: Journey, ref: str) -> Place | None:
    """Where the item `ref` ('cards:ID', ...) is shown, or None when this version has no such item."""
    kind, item = ref.split(":", 1)
    if kind == "cards" and item in journey.card_ids:
        return ("cards", journey.card_ids.index(item))
    if kind in ("self_check", "values") and item in journey.item_ids[kind]:
        return (kind, journey.item_ids[kind].index(item))
    if kind == "sure" and item in journey.sure_ids:
        return ("sure", journey.sure_ids.index(item))
    if kind == "figures":
        shown_on = [i for i, card in enumerate(pack.ordered_cards()) if item in card.figures]
        return ("cards", shown_on[0]) if shown_on else None
    if kind == "questions" and any(q.id == item for q in pack.questions):
        return ("summary", 0)
    return None


def title_of(pack: Pack, ref: str) -> str:
    """The words a reader knows the item by: a card's title, a question's topic, an item's statement."""
    kind, item = ref.split(":", 1)
    found = {
        "cards": [(c.id, c.title) for c in pack.cards],
        "figures": [(f.id, f.counted) for f in pack.figures],
        "self_check": [(q.id, q.topic) for q in pack.self_check],
        "values": [(v.id, v.statement) for v in pack.values],
        "sure": [(s.id, s.text) for s in (pack.sure.items if pack.sure else [])],
        "questions": [(q.id, q.text) for q in pack.questions],
    }[kind]
    return next((title for one, title in found if one == item), item)


def answered_before_change(pack: Pack, ref: str, answered_on: str) -> bool:
    """Whether the item `ref` changed (by the change list) after the version it was answered on."""
    if not answered_on:
        return False
    return any(
        ref in {one.id for one in entry.changed} or ref in entry.added for entry in entries_since(pack, answered_on)
    )
