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
    """One short line for the welcome: 'Version 3.0.0, signed: clinic.' or the draft's (the publisher and the
    release date are on the about page, which has the room: `release_lines`)."""
    if status.draft:
        return words("release.line_draft", version=status.version)
    return words("release.line", version=status.version, signed=_signed(status, words))


def _signed(status: PackStatus, words: Catalogue) -> str:
    return words("release.signed", key=status.signer) if status.signer else words("release.not_signed")


def release_lines(status: PackStatus, words: Catalogue) -> tuple[str, ...]:
    """For the about page: who released the pack and when, its status, whether and by whom it is signed (and
    what that means), and its review dates."""
    if status.draft:
        first = words("release.about_draft", publisher=status.publisher)
    else:
        signed = words("release.about_signed", key=status.signer) if status.signer else words("release.about_unsigned")
        released = words.date(status.released) if status.released else ""
        first = words("release.about_released", publisher=status.publisher, released=released, signed=signed)
    review = words(
        "release.about_review", reviewed=words.date(status.evidence_reviewed), due=words.date(status.review_due)
    )
    return (first, review)


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
