"""What a reader is told about the pack in hand: who released it, which version, when, whether it is signed and
by whom, whether it is a draft or past its review date. A small model the welcome, the handout and an about page
show; it says nothing about what the pack contains."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.catalogue import Catalogue


@dataclass(frozen=True)
class PackStatus:
    publisher: str
    version: str
    released: date | None  # None for a pack with no manifest
    status: str  # draft (also a pack with no manifest), active or retired
    signer: str  # the trusted key's name, or '' when not signed by one
    evidence_reviewed: date
    review_due: date

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    def overdue(self, today: date) -> bool:
        return today > self.review_due


def pack_status(pack: Pack) -> PackStatus:
    manifest, meta = pack.manifest, pack.meta
    return PackStatus(
        publisher=manifest.publisher or meta.authors[0].name,
        version=meta.version,
        released=manifest.released if manifest.version else None,
        status=manifest.status if manifest.version else "draft",
        signer=manifest.signer,
        evidence_reviewed=meta.evidence_reviewed,
        review_due=meta.review_due,
    )


def status_line(status: PackStatus, words: Catalogue) -> str:
    """One short line for the welcome: 'Version 3.0.0 (7 December 2026), signed: clinic.' or the draft's (the
    publisher is for a page about the pack, which has the room)."""
    if status.draft:
        return words("release.line_draft", version=status.version)
    released = words.date(status.released) if status.released else ""
    signed = words("release.signed", key=status.signer) if status.signer else words("release.not_signed")
    return words("release.line", version=status.version, released=released, signed=signed)


def overdue_line(status: PackStatus, today: date, words: Catalogue) -> str | None:
    """'Evidence last reviewed ...; a review was due ...' once the review date has passed, else None."""
    if not status.overdue(today):
        return None
    return words("release.overdue", reviewed=words.date(status.evidence_reviewed), due=words.date(status.review_due))


def notices(pack: Pack, today: date, words: Catalogue) -> tuple[str, ...]:
    """The lines the welcome and the handout add about the pack itself: a draft, a review past due."""
    status = pack_status(pack)
    found = [words("release.draft")] if status.draft else []
    if line := overdue_line(status, today, words):
        found.append(line)
    return tuple(found)
