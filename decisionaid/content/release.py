"""A pack's release record: `manifest.toml` (file hashes, item hashes, status) and the checks built on it.

`decisionaid release` writes the manifest; loading a pack checks its files against it and its signature, if it
has one. The change list (`changes.toml`) is checked against the pack (`change_list_problems`) and against the
item hashes the last release recorded (`uncovered_changes`, for `lint`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decisionaid.content.problems import Problem
from decisionaid.content.records import as_data
from decisionaid.content.signing import MANIFEST, SIGNATURE, SignatureProblem, verify
from decisionaid.storage.files import PACK_FILE_LIMIT, read_file_bytes
from decisionaid.storage.seen import version_tuple

if TYPE_CHECKING:
    from decisionaid.content.models import ManifestFile, Pack, VersionChanges

NOT_HASHED = {MANIFEST, SIGNATURE}
CHOICE_KINDS = ("self_check", "values")


# --- what a release records ---------------------------------------------------------------------------------------


def pack_files(folder: Path) -> Iterator[Path]:
    """Every regular file of the pack below `folder`, by name, except the manifest and its signature."""
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            if path.relative_to(folder).as_posix() not in NOT_HASHED:
                yield path


def file_hashes(folder: Path) -> dict[str, str]:
    """Each file of the pack (its path in the pack, with '/') and the SHA-256 of its bytes."""
    from hashlib import sha256

    return {
        path.relative_to(folder).as_posix(): sha256(read_file_bytes(path, PACK_FILE_LIMIT)).hexdigest()
        for path in pack_files(folder)
    }


def items_of(pack: Pack) -> dict[str, Any]:
    """Every item a change list can name, by 'kind:id', with its model."""
    groups = {
        "cards": pack.cards,
        "figures": pack.figures,
        "self_check": pack.self_check,
        "values": pack.values,
        "sure": pack.sure.items if pack.sure else [],
        "questions": pack.questions,
    }
    return {f"{kind}:{item.id}": item for kind, items in groups.items() for item in items}


def item_hashes(pack: Pack) -> dict[str, str]:
    """Each item's 'kind:id' and a short hash of all it says (its text, numbers and links)."""
    from hashlib import sha256

    return {
        ref: sha256(json.dumps(as_data(item), sort_keys=True).encode()).hexdigest()[:16]
        for ref, item in items_of(pack).items()
    }


def answer_codes(pack: Pack) -> dict[str, str]:
    """Each choice item's 'kind:id' and its answer codes (the ids of its choices, in order)."""
    return {
        ref: ",".join(choice.id for choice in item.choices)
        for ref, item in items_of(pack).items()
        if ref.split(":")[0] in CHOICE_KINDS
    }


def manifest_data(pack: Pack, folder: Path, *, status: str, today: date) -> dict[str, Any]:
    """The manifest of a release of `pack` now, carrying forward what the last release recorded."""
    old = pack.manifest
    same = old.version == pack.meta.version
    items = item_hashes(pack)
    previous: dict[str, Any] | None = None
    if old.version and old.version != pack.meta.version:
        previous = {"version": old.version, "items": dict(old.items), "codes": dict(old.codes)}
    elif old.previous is not None:  # the same version again: the release before it stays the one compared with
        previous = as_data(old.previous)
    removed = set(old.removed) | (set(old.items) - set(items))
    if same:
        removed -= set(items)
    data: dict[str, Any] = {
        "schema_version": 1,
        "pack": pack.meta.id,
        "version": pack.meta.version,
        "released": old.released if same and old.released else today,  # the same version keeps its day
        "review_due": pack.meta.review_due,
        "status": status,
        "publisher": pack.meta.authors[0].name,
        "removed": sorted(removed),
        "files": file_hashes(folder),
        "items": items,
        "codes": answer_codes(pack),
    }
    if previous is not None:
        data["previous"] = previous
    return data


# --- checked on load ----------------------------------------------------------------------------------------------


def release_problems(folder: Path, manifest: ManifestFile, pack_id: str, version: str) -> tuple[list[Problem], str]:
    """Whether the pack's files are the ones its manifest names, and its signature verifies: the problems (each
    naming a file) and the trusted key's name ('' when unsigned). A pack with no manifest has none to check."""
    folder = Path(folder)
    path = folder / MANIFEST
    if not os.path.lexists(path):
        if os.path.lexists(folder / SIGNATURE):
            return [Problem(folder / SIGNATURE, "", "release.signature_without_manifest")], ""
        return [], ""
    problems = []
    if manifest.signer:
        problems.append(Problem(path, "signer", "release.signer_in_file"))
    if manifest.pack != pack_id:
        problems.append(Problem(path, "pack", "release.other_pack", {"pack": manifest.pack, "id": pack_id}))
    if manifest.version != version:
        values = {"release": manifest.version, "version": version}
        problems.append(Problem(path, "version", "release.other_version", values))
    actual = file_hashes(folder)
    for name in sorted(set(actual) | set(manifest.files)):
        if name not in manifest.files:
            problems.append(Problem(folder / name, "", "release.file_added"))
        elif name not in actual:
            problems.append(Problem(folder / name, "", "release.file_missing"))
        elif actual[name] != manifest.files[name]:
            problems.append(Problem(folder / name, "", "release.file_changed"))
    try:
        signer = verify(folder)
    except SignatureProblem as exc:
        problems.append(Problem(folder / SIGNATURE, "", f"release.{exc.code}", exc.values))
        signer = ""
    return problems, signer


# --- the change list ----------------------------------------------------------------------------------------------


def entry_for(changes: list[VersionChanges], version: str) -> VersionChanges | None:
    return next((entry for entry in changes if entry.version == version), None)


def change_list_problems(pack: Pack, folder: Path) -> list[Problem]:
    """For `validate`: each version listed once; the current version's entry names only ids this version has
    (added, changed, unchanged) or no longer has (removed); no entry for a version newer than the pack's."""
    path = Path(folder) / "changes.toml"
    items = set(items_of(pack))
    problems = []
    seen: set[str] = set()
    for n, entry in enumerate(pack.changes):
        at = f"versions[{n}]"
        if entry.version in seen:
            problems.append(Problem(path, f"{at}.version", "release.version_twice", {"version": entry.version}))
        seen.add(entry.version)
        if version_tuple(entry.version) > version_tuple(pack.meta.version):
            problems.append(Problem(path, f"{at}.version", "release.version_ahead", {"version": pack.meta.version}))
        if entry.version != pack.meta.version:
            continue
        named = {
            "added": entry.added,
            "changed": [one.id for one in entry.changed],
            "unchanged": entry.unchanged,
        }
        for field, refs in named.items():
            for i, ref in enumerate(refs):
                if ref not in items:
                    where = f"{at}.{field}[{i}]" + (".id" if field == "changed" else "")
                    problems.append(Problem(path, where, "release.no_such_item", {"item": ref}))
        for i, ref in enumerate(entry.removed):
            if ref in items:
                problems.append(Problem(path, f"{at}.removed[{i}]", "release.still_there", {"item": ref}))
    return problems


def baseline(pack: Pack) -> tuple[str, Mapping[str, str], Mapping[str, str]] | None:
    """The release this version is compared with: (version, item hashes, answer codes), or None for a pack's
    first release. The manifest's own record when the pack's version is newer than it, else its `previous`."""
    manifest = pack.manifest
    if manifest.version and manifest.version != pack.meta.version:
        return manifest.version, manifest.items, manifest.codes
    if manifest.previous is not None:
        return manifest.previous.version, manifest.previous.items, manifest.previous.codes
    return None


def uncovered_changes(pack: Pack) -> list[tuple[str, str, dict[str, str]]]:
    """For `lint`: (dotted key, reason code, values) for each item that differs from the last release without
    the change list's entry for this version saying so, each id the last releases removed that is used again,
    and each choice item whose answer codes changed without a 'changed' line."""
    found: list[tuple[str, str, dict[str, str]]] = []
    items = item_hashes(pack)
    for ref in sorted(set(items) & set(pack.manifest.removed)):
        found.append(("", "release.id_reused", {"item": ref}))
    base = baseline(pack)
    if base is None:
        return found
    version, old_items, old_codes = base
    entry = entry_for(pack.changes, pack.meta.version)
    if entry is None:
        if items != dict(old_items):
            found.append(("versions", "release.no_entry", {"version": pack.meta.version, "since": version}))
        return found
    listed = {
        "added": set(entry.added),
        "changed": {one.id for one in entry.changed},
        "removed": set(entry.removed),
    }
    differing = {
        "added": set(items) - set(old_items),
        "changed": {ref for ref in set(items) & set(old_items) if items[ref] != old_items[ref]},
        "removed": set(old_items) - set(items),
    }
    for kind, refs in differing.items():
        for ref in sorted(refs - listed[kind]):
            found.append((f"versions.{kind}", f"release.not_listed_{kind}", {"item": ref, "since": version}))
    codes = answer_codes(pack)
    for ref in sorted(set(codes) & set(old_codes)):
        if codes[ref] != old_codes[ref] and ref not in listed["changed"]:
            found.append(("versions.changed", "release.codes_changed", {"item": ref, "since": version}))
    return found
