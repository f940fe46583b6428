"""The autosave file of one pack, as text: read, write atomically, delete, move a bad file aside."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

from decisionaid.storage.files import ANSWERS_LIMIT, atomic_write, ensure_private_dir, read_file_bytes


class AnswersFile:
    """Where a person's answers to one pack are kept between runs. It never decides what the text means."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> bytes | None:
        """The file's bytes, or None when there is none yet; OSError when it cannot be read."""
        try:
            return read_file_bytes(self.path, ANSWERS_LIMIT, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def write(self, text: str) -> None:
        """Replace the file whole (mode 0600, in a 0700 folder); OSError when it cannot be written."""
        ensure_private_dir(self.path.parent)
        atomic_write(self.path, text)

    def replaceable(self) -> bool:
        """True when something a save would replace is at the path: a file or a link, not a folder or nothing."""
        try:
            return not stat.S_ISDIR(os.lstat(self.path).st_mode)
        except OSError:
            return False

    def delete(self) -> None:
        """Remove the file; OSError when it cannot be removed."""
        self.path.unlink(missing_ok=True)

    def move_aside(self) -> Path:
        """Rename the file to '<name>.bad-YYYYmmdd-HHMMSS' and return the new path; OSError if it cannot."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.bad-{stamp}")
        n = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.bad-{stamp}-{n}")
            n += 1
        self.path.rename(backup)
        return backup

    def remove_interrupted_writes(self) -> None:
        """Delete temporary files left by a save that was killed before its rename. Only for the holder of the
        lock: another aid's temporary file may be a save under way."""
        try:
            for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                leftover.unlink(missing_ok=True)
        except OSError:
            pass
