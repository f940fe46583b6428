"""The order of the journey: the short path through a pack, what it leaves out, and the steps around a place.

A pack marks the cards, self-check items and values items that are on the short path (`short_path = true`);
a pack with no marks at all has everything on it. The default journey walks the short path only. A stage
that leaves items out ends with a page offering them ("More about ..."): they are walked from that page and
lead back to it, so nothing is forced and nothing is lost.

Positions keep their meaning: a card's position is its place in reading order, a question's its place in
its file. After the last item of a stage comes its end page: the list of all the cards (always there, on
the short path only when cards were left out), what the self-check showed, and the values items left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.session import STAGES, Stage

if TYPE_CHECKING:
    from decisionaid.content import Pack

Place = tuple[Stage, int]
MARKED_STAGES: tuple[Stage, ...] = ("cards", "self_check", "values")


@dataclass(frozen=True)
class Part:
    """A part of the aid as the map shows it: its steps on the short path, and what it offers beyond them."""

    id: str
    steps: tuple[Place, ...]
    extra: tuple[Place, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_places", frozenset((*self.steps, *self.extra)))

    def holds(self, place: Place) -> bool:
        return place in self._places  # type: ignore[attr-defined]


class Journey:
    """The steps of one pack: the short path, stage by stage, and the places off it."""

    def __init__(self, pack: Pack) -> None:
        cards = pack.ordered_cards()
        items: dict[Stage, Sequence] = {
            "cards": cards,
            "self_check": pack.self_check,
            "values": pack.values,
        }
        self.marked = any(item.short_path for stage in MARKED_STAGES for item in items[stage])
        self.short = {
            stage: tuple(i for i, item in enumerate(items[stage]) if item.short_path or not self.marked)
            for stage in MARKED_STAGES
        }
        on_short = {stage: frozenset(self.short[stage]) for stage in MARKED_STAGES}
        self.left_out = {
            stage: tuple(i for i in range(len(items[stage])) if i not in on_short[stage]) for stage in MARKED_STAGES
        }
        self._left_out = {stage: frozenset(self.left_out[stage]) for stage in MARKED_STAGES}
        self.counts = {stage: len(items[stage]) for stage in MARKED_STAGES}
        self.card_ids = [card.id for card in cards]
        self.item_ids = {stage: [item.id for item in items[stage]] for stage in MARKED_STAGES}
        self.sections = [card.section for card in cards]
        sure = pack.sure.items if pack.sure else []
        self.sure_ids = [item.id for item in sure]
        checks, values = self.counts["self_check"], self.counts["values"]
        self.lengths: dict[Stage, int] = {
            "welcome": 1,
            "compare": 1 if pack.comparison else 0,
            "cards": len(cards) + 1,  # the list of all the cards comes after the last one
            "self_check": checks + 1 if checks else 0,  # the last page says what was learnt
            "values": values + (1 if self.left_out["values"] else 0),
            "sure": len(sure),
            "summary": 1,
        }
        self._groups = self._left_out_groups()
        self._rank = {(stage, p): n for stage in MARKED_STAGES for n, p in enumerate(self.short[stage])}
        self._rank |= {place: n for group in set(self._groups.values()) for n, place in enumerate(group)}
        self.steps: list[Place] = self._short_path()
        self._on_path = {place: index for index, place in enumerate(self.steps)}  # a step's index on the path
        self.parts: tuple[Part, ...] = self._parts()

    def _left_out_groups(self) -> dict[Place, tuple[Place, ...]]:
        """Each left-out item's group, made once (every step that counts items is linear in their number): a
        section's left-out cards, or all of a stage's left-out questions."""
        by_section: dict[str, list[Place]] = {}
        for i in self.left_out["cards"]:
            by_section.setdefault(self.sections[i], []).append(("cards", i))
        groups = {place: tuple(places) for places in by_section.values() for place in places}
        for stage in ("self_check", "values"):
            group = tuple((stage, i) for i in self.left_out[stage])
            groups |= dict.fromkeys(group, group)
        return groups

    def _short_path(self) -> list[Place]:
        steps: list[Place] = [("welcome", 0)]
        if self.lengths["compare"]:
            steps.append(("compare", 0))
        for stage in MARKED_STAGES:
            steps += [(stage, i) for i in self.short[stage]]
            end = self.end_page(stage)
            if end is not None and (self.left_out[stage] or stage == "self_check"):
                steps.append(end)
        steps += [("sure", i) for i in range(self.lengths["sure"])]
        steps.append(("summary", 0))
        return steps

    def _parts(self) -> tuple[Part, ...]:
        contents = ("cards", self.counts["cards"])
        on = [p for p in self.steps if p[0] != "welcome"]

        def of(stage: Stage) -> tuple[Place, ...]:
            return tuple(p for p in on if p[0] == stage and p != contents)

        def extra(stage: Stage) -> tuple[Place, ...]:
            return tuple((stage, i) for i in self.left_out[stage])

        parts = [Part("compare", of("compare"))]
        if self.left_out["cards"]:
            parts += [Part("cards", of("cards")), Part("more", (contents,), extra("cards"))]
        else:
            parts.append(Part("cards", of("cards"), (contents,)))
        parts += [Part(stage, of(stage), extra(stage)) for stage in ("self_check", "values")]
        parts += [Part("sure", of("sure")), Part("summary", of("summary"))]
        return tuple(part for part in parts if part.steps)

    # --- where a place is -------------------------------------------------------------

    def end_page(self, stage: Stage) -> Place | None:
        """The page after a stage's last item, if the stage has one."""
        if stage in MARKED_STAGES and self.lengths[stage] > self.counts[stage]:
            return stage, self.counts[stage]
        return None

    def is_left_out(self, place: Place) -> bool:
        """A card, self-check item or values item that the short path leaves out."""
        stage, position = place
        return stage in MARKED_STAGES and position in self._left_out[stage]

    def is_item(self, place: Place) -> bool:
        """A card, question or item (not an end page)."""
        stage, position = place
        return stage not in MARKED_STAGES or position < self.counts[stage]

    def part_of(self, place: Place) -> Part | None:
        return next((part for part in self.parts if part.holds(place)), None)

    def step_key(self, place: Place) -> str | None:
        """How the session remembers that a step was shown: a card by its id, any other page by a key."""
        stage, position = place
        if stage == "welcome":
            return None
        if stage == "cards" and position < self.counts["cards"]:
            return self.card_ids[position]
        if stage in MARKED_STAGES:
            ids = self.item_ids[stage]
            return f"{stage}:{ids[position]}" if position < len(ids) else f"{stage}:end"
        if stage == "sure":
            return f"sure:{self.sure_ids[position]}"
        return stage

    def group(self, place: Place) -> tuple[Place, ...]:
        """The left-out items walked together with this one: a section's cards, or a stage's questions."""
        stage, position = place
        if place in self._groups:
            return self._groups[place]
        if stage == "cards":  # a card on the short path: its section's left-out cards
            section = self.sections[position]
            return next((g for p, g in self._groups.items() if p[0] == "cards" and self.sections[p[1]] == section), ())
        return tuple((stage, i) for i in self.left_out[stage])

    def counter(self, place: Place) -> tuple[int, int]:
        """'n of total' for an item: among the short path's items of its stage, or among its left-out group."""
        stage, position = place
        if stage == "sure":
            return position + 1, self.lengths["sure"]
        if self.is_left_out(place):
            return self._rank[place] + 1, len(self._groups[place])
        return self._rank[place] + 1, len(self.short[stage])

    # --- moving -----------------------------------------------------------------------

    def clamp(self, stage: Stage, position: int) -> Place:
        """A place that exists: a saved position past the end of a shrunken stage moves to its last step."""
        if self.lengths[stage] == 0:
            later = [s for s in self.steps if STAGES.index(s[0]) > STAGES.index(stage)]
            return later[0] if later else self.steps[-1]
        return stage, min(position, self.lengths[stage] - 1)

    def next(self, stage: Stage, position: int) -> Place:
        """One step on: along the short path, or through a left-out group and back to its stage's end page."""
        place = self.clamp(stage, position)
        if place in self._on_path:
            index = self._on_path[place]
            return self.steps[min(index + 1, len(self.steps) - 1)]
        if self.is_left_out(place):
            group = self._groups[place]
            later = group[self._rank[place] + 1 : self._rank[place] + 2]
            return later[0] if later else self._end(place[0])
        return next((s for s in self.steps if _order(s) > _order(place)), self.steps[-1])

    def previous(self, stage: Stage, position: int) -> Place:
        """One step back, the mirror of `next`."""
        place = self.clamp(stage, position)
        if place in self._on_path:
            return self.steps[max(self._on_path[place] - 1, 0)]
        if self.is_left_out(place):
            group, rank = self._groups[place], self._rank[place]
            return group[rank - 1] if rank else self._end(place[0])
        return next((s for s in reversed(self.steps) if _order(s) < _order(place)), self.steps[0])

    def _end(self, stage: Stage) -> Place:
        end = self.end_page(stage)
        assert end is not None, "a stage that leaves items out has an end page"
        return end

    def start(self) -> Place:
        """The first step after the welcome."""
        return self.steps[1]

    def first(self, stage: Stage) -> Place:
        """The first step of a stage on the short path (or its first place)."""
        return next((s for s in self.steps if s[0] == stage), self.clamp(stage, 0))

    # --- in words ---------------------------------------------------------------------

    def describe(self, stage: Stage, position: int, words: Catalogue) -> str:
        """Where a place is, in words, e.g. 'card 4 of 22'."""
        place = self.clamp(stage, position)
        stage, position = place
        if stage in MARKED_STAGES and not self.is_item(place):
            return words(f"place.{stage}_end")
        if stage in ("welcome", "compare", "summary"):
            return words(f"place.{stage}")
        n, total = self.counter(place)
        kind = "more" if self.is_left_out(place) else "short"
        key = f"place.{stage}" if stage == "sure" else f"place.{stage}_{kind}"
        return words(key, n=n, total=total)


def _order(place: Place) -> tuple[int, int]:
    return STAGES.index(place[0]), place[1]
