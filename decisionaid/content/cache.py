"""Packs that passed every check, kept compiled, so that a start need not check unchanged files again.

A compiled pack is found by its key (a hash of the pack's files and of the checking code): first among
those built with the package, then in the user's cache folder. A pack with no compiled form for its key,
because it is new, changed or checked by changed code, is loaded and checked in full, and then kept.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.content.compiled import CompileError, NotCompiled, compile_pack, pack_key, read_compiled
from decisionaid.storage.kept import SUFFIX, keep
from decisionaid.storage.paths import cache_dir, compiled_dir

if TYPE_CHECKING:
    from decisionaid.content.models import Pack


def open_pack(folder: Path, *, keep: bool = True) -> Pack:
    """The pack in `folder`, from its compiled form when one matches its files, else loaded and checked in full.

    Raises ContentError with every problem, as `load_pack` does. With `keep`, a pack checked in full is kept
    compiled in the cache folder (a failure to write it only means the next start checks again).
    """
    folder = Path(folder)
    try:
        key = pack_key(folder)
    except OSError:  # an unreadable file: the full load names it
        key = None
    if key is not None:
        for path in compiled_files(key):
            try:
                return read_compiled(path.read_bytes(), key)
            except (OSError, NotCompiled):
                continue
    from decisionaid.content.loader import load_pack

    pack = load_pack(folder)
    if key is None:
        return pack
    try:
        text = compile_pack(pack, key)
    except CompileError:
        return pack
    if keep:
        with contextlib.suppress(OSError):
            keep_compiled(pack.meta.id, key, text)
    return read_compiled(text, key)


def compiled_files(key: str) -> list[Path]:
    """The compiled forms made for `key`: those built with the package first, then the cache folder's."""
    pattern = f"*.{key}{SUFFIX}"
    return [path for folder in (compiled_dir(), cache_dir() / "packs") for path in sorted(folder.glob(pattern))]


def keep_compiled(pack_id: str, key: str, text: str) -> Path:
    """Write a compiled pack into the cache folder, replacing older ones of the same pack id."""
    return keep(cache_dir() / "packs", pack_id, key, text)
