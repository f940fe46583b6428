"""Safe reading and writing of the files the app uses: only regular files, bounded in size; writes atomic,
private and never through a symlink; folders created private without changing one that already exists."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from decisionaid.sanitize import display_path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PARENT_DIR = 0o755  # the most open a parent folder made here can be; the umask can only narrow it

KIB = 1024
MIB = 1024 * KIB
ANSWERS_LIMIT = 16 * MIB  # far above the most the aid itself writes (a 100,000-character note, every card read)
SETTINGS_LIMIT = 64 * KIB
PACK_FILE_LIMIT = 16 * MIB  # a generated 10,000-card pack's cards.toml is about 3.6 MB

_KINDS = {
    stat.S_IFDIR: "folder",
    stat.S_IFIFO: "pipe",
    stat.S_IFCHR: "device",
    stat.S_IFBLK: "device",
    stat.S_IFSOCK: "socket",
}


class FileProblem(OSError):
    """A file that cannot be read or written. `code` says why, for the catalogue to word (`file_problem.<code>`,
    filled in with `values`); `str()` is 'path: code', with the path's control characters made visible.

    It is an OSError, so code that already handles a failed read or write handles this too; `strerror` is the
    system's own words when it gave any, else the code.
    """

    def __init__(self, path: Path, code: str, number: int = errno.EINVAL, **values: object) -> None:
        super().__init__(number, str(values.get("reason", code)), str(path))
        self.path = Path(path)
        self.code = code
        self.values = values

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.code}"


class FileReadError(FileProblem):
    """A file that cannot be read: 'folder', 'pipe', 'device', 'socket', 'not_regular', 'symlink', 'loop',
    'cannot_read' (the system's words in `values['reason']`), 'too_big', 'grew' or 'not_utf8'."""


class FileWriteError(FileProblem):
    """A file that is not replaced: 'write_symlink' (never written through) or 'write_not_regular'."""


def read_file_bytes(path: Path, limit: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or FileReadError saying why not.

    Opening never waits (a named pipe is refused, not waited on) and reading never takes more than
    `limit` + 1 bytes, so a device such as /dev/zero or a file that keeps growing cannot fill memory.
    FileNotFoundError (also an OSError) is raised as it is, for callers that treat "none yet" apart.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):
            raise FileReadError(path, "symlink", errno.ELOOP)
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileReadError(path, "loop" if follow_symlinks else "symlink", exc.errno) from None
        raise FileReadError(path, "cannot_read", exc.errno or errno.EIO, reason=exc.strerror or "") from None
    try:
        info = os.fstat(fd)
        kind = stat.S_IFMT(info.st_mode)
        if kind != stat.S_IFREG:
            raise FileReadError(path, _KINDS.get(kind, "not_regular"))
        if info.st_size > limit:
            raise FileReadError(path, "too_big", errno.EFBIG, size=f"{info.st_size:,}", limit=_size(limit))
        data = _read_at_most(fd, limit + 1)
    except FileReadError:
        raise
    except OSError as exc:
        raise FileReadError(path, "cannot_read", exc.errno or errno.EIO, reason=exc.strerror or "") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileReadError(path, "grew", errno.EFBIG, limit=_size(limit))
    return data


def read_text_file(path: Path, limit: int, *, follow_symlinks: bool = True) -> str:
    """A regular file of at most `limit` bytes as UTF-8 text, or FileReadError saying why not."""
    raw = read_file_bytes(path, limit, follow_symlinks=follow_symlinks)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileReadError(Path(path), "not_utf8", **where_in(raw, exc.start)) from None


def where_in(raw: bytes, offset: int) -> dict[str, object]:
    """Where a bad byte is, for a person opening the file in an editor: the byte ('0xff'), its line and column."""
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return {"byte": f"0x{raw[offset]:02x}", "line": line, "column": column}


def _read_at_most(fd: int, most: int) -> bytes:
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(fd, min(left, MIB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    if n % MIB == 0:
        return f"{n // MIB} MiB"
    if n % KIB == 0:
        return f"{n // KIB} KiB"
    return f"{n:,} bytes"


def ensure_private_dir(folder: Path) -> None:
    """Make sure `folder` exists. A folder made here is 0700 and its missing parents at most 0755
    (whatever the umask); a folder that already exists is left exactly as it is.
    """
    folder = Path(folder)
    if folder.is_dir():
        return
    missing = []
    for parent in folder.parents:
        if parent.is_dir():
            break
        missing.append(parent)
    for parent in reversed(missing):
        _make_dir(parent, PARENT_DIR)
    _make_dir(folder, PRIVATE_DIR)


def _make_dir(folder: Path, mode: int) -> None:
    """mkdir with `mode`, narrowed by the umask but never widened; another process making it first is fine."""
    try:
        folder.mkdir(mode=mode)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return
    current = stat.S_IMODE(folder.stat().st_mode)
    if current & ~mode:
        os.chmod(folder, current & mode)


def atomic_write(path: Path, text: str, *, replace: bool = True) -> None:
    """Write `text` to `path` via a temporary file, fsync and rename, with mode 0600.

    A symlink at `path` is refused rather than followed. With replace=False an existing
    file is never replaced, even one created while writing (FileExistsError).
    """
    path = Path(path)
    if path.is_symlink():
        raise FileWriteError(path, "write_symlink", errno.ELOOP)
    if path.exists() and not path.is_file():
        raise FileWriteError(path, "write_not_regular")
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
