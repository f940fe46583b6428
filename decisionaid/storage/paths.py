"""Where things live: the user's data folder and the packaged content. No mkdir at import."""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP_NAME = "decisionaid"


class FolderRefused(Exception):
    """A folder the aid will not keep files in. `code` says why, for the catalogue to word: 'others_can_write'
    (group or others may change what is in it) or 'not_yours' (another user owns it)."""

    def __init__(self, code: str, path: Path) -> None:
        super().__init__(f"{path}: {code}")
        self.code = code
        self.path = Path(path)


def data_dir() -> Path:
    """The folder for saved answers and settings: the user's data folder, or $DECISIONAID_DATA_DIR.

    The aid never changes the mode of a folder it did not make, and never moves to another folder on its own.
    A folder that another user owns, or that others may write in, is refused (FolderRefused); one that others
    may only look into is used as it is (`others_can_read` says so, for a warning).
    """
    override = os.environ.get("DECISIONAID_DATA_DIR")
    if override:
        return own_folder(Path(override))
    from platformdirs import user_data_path

    return own_folder(user_data_path(APP_NAME, appauthor=False))


def own_folder(folder: Path) -> Path:
    """`folder`, when it is missing (it will be made 0700) or this user's own and closed to others' changes;
    else FolderRefused."""
    try:
        info = folder.stat()
    except OSError:
        return folder
    if not stat.S_ISDIR(info.st_mode) or os.name != "posix":
        return folder  # not a folder: saving says so
    if info.st_uid != os.geteuid():
        raise FolderRefused("not_yours", folder)
    if stat.S_IMODE(info.st_mode) & 0o022:
        raise FolderRefused("others_can_write", folder)
    return folder


def only_mine(path: Path) -> bool:
    """True when `path` (a file or a folder, not a link) belongs to this user and no one else may change it;
    False when it is missing or cannot be looked at. Always True where there are no owners (Windows)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if os.name != "posix":
        return True
    return not stat.S_ISLNK(info.st_mode) and info.st_uid == os.geteuid() and not stat.S_IMODE(info.st_mode) & 0o022


def others_can_read(folder: Path) -> bool:
    """True when group or others may look into `folder` (the files in it stay private, 0600)."""
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return os.name == "posix" and stat.S_ISDIR(mode) and bool(stat.S_IMODE(mode) & 0o044)


def session_path(pack_id: str, folder: Path | None = None) -> Path:
    """The autosave file for one pack, in the data folder or in `folder` (a kiosk's temporary one)."""
    return (folder or data_dir()) / f"{pack_id}-answers.toml"


def settings_path() -> Path:
    return data_dir() / "settings.toml"


def cache_dir() -> Path:
    """The folder for files the aid can always make again, such as compiled packs ($DECISIONAID_CACHE_DIR overrides)."""
    override = os.environ.get("DECISIONAID_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def export_dir() -> Path:
    """Where a saved handout goes unless the person says otherwise ($DECISIONAID_EXPORT_DIR overrides): their
    documents folder, else their home folder; never the current folder, which may be anything (a project's
    checkout, a system folder)."""
    override = os.environ.get("DECISIONAID_EXPORT_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return documents if documents.is_dir() else Path.home()


def compiled_dir() -> Path:
    """The compiled forms of the shipped packs, made when the package was built (absent in a source tree)."""
    return Path(__file__).resolve().parent.parent / "_compiled"


def content_dir() -> Path:
    """The folder of content packs: $DECISIONAID_CONTENT, the installed copy, or the source tree's."""
    override = os.environ.get("DECISIONAID_CONTENT")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_content"
    if packaged.is_dir():
        return packaged
    return package.parent / "content"


def pack_dirs() -> list[Path]:
    """Every pack folder in the content folder, sorted by name."""
    root = content_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "pack.toml").exists())


def trusted_keys_dir() -> Path:
    """The folder of public keys (`*.pub`, minisign's format) whose signatures on a pack this person trusts."""
    return data_dir() / "trusted-keys"


def seen_versions_path() -> Path:
    """The file that keeps, per pack id, the highest pack version this install has opened (to refuse a rollback)."""
    return data_dir() / "pack-versions.toml"
