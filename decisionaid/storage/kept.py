"""Documents kept in a cache folder by key (`NAME.KEY.json`): a new one replaces the older copies of its name."""

from __future__ import annotations

from pathlib import Path

from decisionaid.storage.files import atomic_write, ensure_private_dir

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
