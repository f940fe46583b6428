"""The order of the journey: which stage and position come before and after a given one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.session import STAGES, Stage

if TYPE_CHECKING:
    from decisionaid.content import Pack

Place = tuple[Stage, int]


class Journey:
    """The steps of one pack, stage by stage; stages with nothing in them are skipped."""

    def __init__(self, pack: Pack) -> None:
        checks = len(pack.self_check.self_check)
        self.lengths: dict[Stage, int] = {
            "welcome": 1,
            "cards": len(pack.ordered_cards()),
            "self_check": checks + 1 if checks else 0,  # the last page says what was learnt
            "values": len(pack.values.values),
            "sure": len(pack.sure.sure.items) if pack.sure.sure else 0,
            "summary": 1,
        }
        self.steps: list[Place] = [(stage, i) for stage in STAGES for i in range(self.lengths[stage])]
        self.card_ids = [card.id for card in pack.ordered_cards()]

    def clamp(self, stage: Stage, position: int) -> Place:
        """A place that exists: a saved position past the end of a shrunken stage moves to its last step."""
        if self.lengths[stage] == 0:
            later = [s for s in self.steps if STAGES.index(s[0]) > STAGES.index(stage)]
            return later[0] if later else self.steps[-1]
        return stage, min(position, self.lengths[stage] - 1)

    def next(self, stage: Stage, position: int) -> Place:
        index = self.steps.index(self.clamp(stage, position))
        return self.steps[min(index + 1, len(self.steps) - 1)]

    def previous(self, stage: Stage, position: int) -> Place:
        index = self.steps.index(self.clamp(stage, position))
        return self.steps[max(index - 1, 0)]

    def first(self, stage: Stage) -> Place:
        return self.clamp(stage, 0)

    def describe(self, stage: Stage, position: int, words: Catalogue) -> str:
        """Where a place is, in words, e.g. 'card 4 of 22'."""
        stage, position = self.clamp(stage, position)
        total = self.lengths[stage]
        if stage == "self_check" and position == total - 1:
            return words("place.self_check_end")
        if stage == "self_check":
            total -= 1
        return words(f"place.{stage}", n=position + 1, total=total)
