"""Copies of answers that could not be saved in their usual place: one private folder of the aid, in the system's
temporary folder (`decisionaid-copies-<user id>`), where the next start finds them."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from decisionaid.storage.files import PRIVATE_DIR, FileWriteError
from decisionaid.storage.paths import only_mine

SUFFIX = ".toml"


def copies_folder() -> Path:
    """The folder for copies (not made here): one per user, so that no one else's copies are ever offered."""
    user = getattr(os, "getuid", lambda: "")()
    return Path(tempfile.gettempdir()) / f"decisionaid-copies-{user}"


def keep_copy(pack_id: str, text: str) -> Path:
    """Write `text` as a new copy for `pack_id` (mode 0600, in the private folder, made 0700 if new); OSError when
    it cannot be written or the folder is not this user's own and closed to others."""
    folder = copies_folder()
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_DIR)  # in the temporary folder, which is there or nothing can be kept
    if not only_mine(folder):
        raise FileWriteError(folder, "write_not_private", errno.EACCES)
    handle, name = tempfile.mkstemp(prefix=f"{pack_id}-answers-", suffix=SUFFIX, dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    return Path(name)


def copies_of(pack_id: str) -> list[Path]:
    """The copies kept for `pack_id`, oldest first; none when the folder is not this user's own."""
    folder = copies_folder()
    if not only_mine(folder):
        return []
    try:
        found = [p for p in folder.glob(f"{pack_id}-answers-*{SUFFIX}") if only_mine(p)]
        return sorted(found, key=lambda p: p.stat().st_mtime)
    except OSError:
        return []
