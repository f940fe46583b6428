"""Safe writing of files the app owns: atomic, private, never through a symlink."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) if needed; the folder itself is made 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(folder, PRIVATE_DIR)


def atomic_write(path: Path, text: str, *, replace: bool = True) -> None:
    """Write `text` to `path` via a temporary file, fsync and rename, with mode 0600.

    A symlink at `path` is refused rather than followed. With replace=False an existing
    file is never replaced, even one created while writing (FileExistsError).
    """
    path = Path(path)
    if path.is_symlink():
        raise OSError(f"{path} is a symbolic link; not writing through it")
    if path.exists() and not path.is_file():
        raise OSError(f"{path} is not a regular file; not replacing it")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
