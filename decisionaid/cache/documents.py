"""Documents kept in a cache folder by key (`NAME.KEY.json`): a new one replaces the older copies of its name."""

from __future__ import annotations

from pathlib import Path

from decisionaid.storage.files import atomic_write, ensure_private_dir
from decisionaid.storage.paths import only_mine

SUFFIX = ".json"


def keep(folder: Path, name: str, key: str, text: str) -> Path:
    """Write `text` as `name`'s document for `key` in `folder` (made private if new), then delete the documents
    `name` had for other keys. OSError when it cannot be written."""
    ensure_private_dir(folder)
    path = folder / f"{name}.{key}{SUFFIX}"
    atomic_write(path, text)
    for older in folder.glob(f"{name}.*{SUFFIX}"):
        if older != path and older.name.count(".") == 2:
            older.unlink(missing_ok=True)
    return path


def usable_folder(folder: Path, *, create: bool = False) -> bool:
    """True when `folder` and the cache folder above it are this user's own and no one else may change them, so
    a document in it can only have been written by this user (with `create`, a missing one is made, private)."""
    if create and not folder.exists():
        try:
            ensure_private_dir(folder)
        except OSError:
            return False
    return only_mine(folder.parent) and only_mine(folder)


def trusted(path: Path) -> bool:
    """True when the document at `path` can only have been written by this user: its folders and itself."""
    return usable_folder(path.parent) and only_mine(path)
