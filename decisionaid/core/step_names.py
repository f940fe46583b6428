"""One step of the journey named in words, such as `cards:bike-good`, for opening the aid there directly.

A step is a stage, alone (its first step) or with the id of a card, a self-check item, a values item or a
SURE item: `compare`, `cards:ID`, `self_check:ID`, `values:ID`, `sure:ID`, `summary`. Only the stages the
pack has can be named.
"""

from __future__ import annotations

from decisionaid.content.problems import did_you_mean
from decisionaid.core.catalogue import Catalogue
from decisionaid.core.journey import Journey, Place
from decisionaid.core.session import Stage

NAMED_STAGES: tuple[Stage, ...] = ("compare", "cards", "self_check", "values", "sure", "summary")


class NoSuchStep(Exception):
    """A step that is not in this pack; the message is one line naming the ones that are."""


def stages_of(journey: Journey) -> list[Stage]:
    """The stages this pack has, in journey order."""
    return [stage for stage in NAMED_STAGES if journey.lengths[stage] and _has_items(journey, stage)]


def named_step(journey: Journey, named: str, words: Catalogue) -> Place:
    """The place `named` names ('STAGE' or 'STAGE:ID'), or NoSuchStep saying what can be named."""
    stage, colon, item = named.strip().partition(":")
    stages = stages_of(journey)
    if stage not in stages:
        raise NoSuchStep(words("at.no_stage", named=named, stages=", ".join(stages)))
    if not colon:
        return journey.first(stage)
    ids = _ids(journey, stage)
    if ids is None:
        raise NoSuchStep(words("at.no_ids", named=named, stage=stage))
    if item not in ids:
        reason = words(f"at.no_{stage}", item=item)
        close = did_you_mean(item, ids)
        if close:
            reason = words("pack_problem.did_you_mean", reason=reason, suggestion=f"{stage}:{close}")
        raise NoSuchStep(words("at.unknown", named=named, reason=reason, ids=", ".join(ids)))
    return stage, ids.index(item)


def _ids(journey: Journey, stage: Stage) -> list[str] | None:
    """The ids that name the items of a stage, in the order of their positions; None for a single page."""
    if stage == "cards":
        return journey.card_ids
    if stage in ("self_check", "values"):
        return journey.item_ids[stage]
    if stage == "sure":
        return journey.sure_ids
    return None


def _has_items(journey: Journey, stage: Stage) -> bool:
    ids = _ids(journey, stage)
    return ids is None or bool(ids)
