"""Packs that passed every check, kept compiled, so that a start need not check unchanged files again.

A compiled pack is found by its key (a hash of the pack's files and of the checking code): first among
those built with the package, then in the user's cache folder. A pack with no compiled form for its key,
because it is new, changed or checked by changed code, is loaded and checked in full, and then kept.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.cache.documents import SUFFIX, keep, trusted, usable_folder
from decisionaid.content.compiled import NotCompiled, compile_pack, pack_key, read_compiled
from decisionaid.storage.files import PACK_FILE_LIMIT, read_file_bytes
from decisionaid.storage.paths import cache_dir, compiled_dir

if TYPE_CHECKING:
    from decisionaid.content.models import Pack

COMPILED_LIMIT = 10 * PACK_FILE_LIMIT  # a compiled pack holds every file of a pack, each at most PACK_FILE_LIMIT


def open_pack(folder: Path, *, keep: bool = True) -> Pack:
    """The pack in `folder`, from its compiled form when one matches its files, else loaded and checked in full.

    Either way the pack is the records the aid runs on (`content.records`). Raises ContentError with every
    problem, as `load_pack` does. With `keep`, a pack checked in full is kept compiled in the cache folder (a
    failure to write it only means the next start checks again).
    """
    folder = Path(folder)
    try:
        key = pack_key(folder)
    except OSError:  # an unreadable file: the full load names it
        key = None
    if key is not None:
        for path in compiled_files(key):
            try:
                return read_compiled(read_file_bytes(path, COMPILED_LIMIT, follow_symlinks=False), key)
            except (OSError, NotCompiled):
                continue
    from decisionaid.content.loader import validate_pack

    validated = validate_pack(folder)
    text = compile_pack(validated, key or "")
    if keep and key is not None and usable_folder(cache_dir() / "packs", create=True):
        with contextlib.suppress(OSError):
            keep_compiled(validated.meta.id, key, text)
    return read_compiled(text, key or "")


def compiled_files(key: str) -> list[Path]:
    """The compiled forms made for `key`: those built with the package first, then the cache folder's, where only
    this user can have written them (anyone else could plant a pack with other crisis numbers)."""
    pattern = f"*.{key}{SUFFIX}"
    found = sorted(compiled_dir().glob(pattern))
    return found + [path for path in sorted((cache_dir() / "packs").glob(pattern)) if trusted(path)]


def keep_compiled(pack_id: str, key: str, text: str) -> Path:
    """Write a compiled pack into the cache folder, replacing older ones of the same pack id."""
    return keep(cache_dir() / "packs", pack_id, key, text)
