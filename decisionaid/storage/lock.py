"""One aid at a time per answers file: an advisory lock on a sibling file, `<answers>.lock`.

The lock is not on the answers file itself, because every save replaces that file with a new one
(an atomic rename), and a lock on the old file would guard nothing. The lock file holds only the
holder's process id, and the holder removes it as it lets go, so none is left behind. An aid that
was waiting then holds the lock of a file no longer there: whoever takes the lock checks that its
file is still the one at the path, and if not, locks the one there now (making it if need be).

On Linux and macOS the lock is `flock`: the system releases it when the holder ends, however it
ends, so a crash never leaves a stale lock. Where `fcntl` does not exist (Windows), locking is not
available: `supported` is False and `acquire()` succeeds without locking anything, so the aid works
as before.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from types import TracebackType

from decisionaid.storage.files import read_file_bytes

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"
_OWNER_LIMIT = 64


class LockError(OSError):
    """The lock file cannot be used. `code` says why, for the catalogue to word: 'symlink', 'not_regular',
    'cannot_open' or 'cannot_lock' (with the system's own words in `reason`); `str()` names the file."""

    def __init__(self, code: str, path: Path, number: int = errno.EINVAL, reason: str = "") -> None:
        super().__init__(number, f"{path}: {code}{': ' + reason if reason else ''}")
        self.code = code
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return str(self.strerror)


class AnswersLock:
    """The lock on one answers file; hold it while the file may be saved.

    `acquire()` returns False at once when another process holds it (True with `wait=True` blocks until
    it is free); `release()` lets it go. As a context manager it acquires (raising LockHeld when it is
    taken) and always releases.
    """

    supported: bool = fcntl is not None

    def __init__(self, answers: Path) -> None:
        self.answers = Path(answers)
        self.path = self.answers.with_name(self.answers.name + LOCK_SUFFIX)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock (always False where locking is unavailable)."""
        return self._fd is not None

    def acquire(self, *, wait: bool = False) -> bool:
        """Take the lock: True when it is ours, False when another process has it (only without `wait`).

        Raises LockError when the lock file cannot be used, for example when its folder cannot be written.
        """
        if not self.supported:
            return True
        if self._fd is not None:
            return True
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    return False
                raise LockError("cannot_lock", self.path, exc.errno, exc.strerror or "") from None
            if self._at_path(fd):
                break
            os.close(fd)  # its holder removed this file as it let go: lock the one at the path now
        self._fd = fd
        self._write_owner(fd)
        return True

    def release(self) -> None:
        """Let the lock go, removing its file first (nothing happens when it is not held)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self._at_path(fd):  # never another aid's file, put there after ours was removed or moved
                with contextlib.suppress(OSError):
                    os.unlink(self.path)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def still_in_place(self) -> bool:
        """True while the lock file this object holds is still the one at its path: False when it (or its
        folder) was removed, moved or replaced, since another aid could then lock a new file of that name.
        Always True where locking is unavailable; False when the lock is not held."""
        if not self.supported:
            return True
        return self._fd is not None and self._at_path(self._fd)

    def _at_path(self, fd: int) -> bool:
        """Whether the open file `fd` is the file at the lock's path."""
        try:
            held, there = os.fstat(fd), os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        return (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)

    def owner(self) -> int | None:
        """The process id written by whoever last took the lock, or None; for a message, never for deciding."""
        try:
            text = read_file_bytes(self.path, _OWNER_LIMIT, follow_symlinks=False).decode("ascii", "replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise LockError("symlink", self.path, exc.errno) from None
            if exc.errno == errno.EISDIR:
                raise LockError("not_regular", self.path, exc.errno) from None
            raise LockError("cannot_open", self.path, exc.errno or errno.EIO, exc.strerror or "") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise LockError("not_regular", self.path)
        return fd

    @staticmethod
    def _write_owner(fd: int) -> None:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass  # the owner is only for messages; the lock itself is held

    def __enter__(self) -> AnswersLock:
        if not self.acquire():
            raise LockHeld(self)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if getattr(self, "_fd", None) is not None:
            os.close(self._fd)


class LockHeld(Exception):
    """Another process holds the lock (raised by `with AnswersLock(...)`)."""

    def __init__(self, lock: AnswersLock) -> None:
        super().__init__(str(lock.answers), lock.owner())  # the answers file, and the process that has it open
        self.lock = lock
