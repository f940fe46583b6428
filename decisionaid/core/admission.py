"""Whether a checked pack may be opened here: not retired, not older than a version this install has opened,
and signed by a trusted key when that is required. Each refusal is one line naming the file and the reason."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.content.problems import display_path
from decisionaid.storage.seen import highest_seen, remember, version_tuple

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.catalogue import Catalogue


@dataclass(frozen=True)
class Trust:
    """What the person asked for: `require_signed` (clinics, kiosks), `allow_older` (a deliberate downgrade);
    `kiosk` checks the installed pack alone and keeps no record of versions seen."""

    require_signed: bool = False
    allow_older: bool = False
    kiosk: bool = False


def refusal(pack: Pack, folder: Path, trust: Trust, words: Catalogue) -> str | None:
    """The one-line refusal for opening `pack` from `folder`, or None when it may be opened."""
    manifest = Path(folder) / "manifest.toml"
    where = display_path(manifest)
    if pack.manifest.status == "retired":
        return f"{where}: {words('release.retired', version=pack.meta.version)}"
    if trust.require_signed and not pack.manifest.signer:
        return f"{display_path(Path(folder) / 'manifest.toml.minisig')}: {words('release.unsigned_refused')}"
    if pack.manifest.version and not (trust.kiosk or trust.allow_older):
        seen = highest_seen().get(pack.meta.id, "")
        if version_tuple(pack.meta.version) < version_tuple(seen):
            return f"{where}: {words('release.older', version=pack.meta.version, seen=seen)}"
    return None


def opened(pack: Pack, trust: Trust) -> None:
    """Keep the version of a released pack just opened (not in a kiosk); failing to keep it is harmless."""
    if pack.manifest.version and not trust.kiosk:
        with contextlib.suppress(OSError):
            remember(pack.meta.id, pack.meta.version)
