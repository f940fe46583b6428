"""The shipped catalogues kept as JSON, so that a start need not parse their TOML again.

Parsing `en.toml` takes some 15 ms, reading the same sentences as JSON half a millisecond. A kept catalogue is
found by its key, a hash of the TOML file's bytes, so a changed file is never read from an older copy: first
among those built with the package, then in the user's cache folder. A catalogue parsed in this run is written
to the cache folder by `keep_parsed`, which the command line calls wherever it keeps compiled packs (never in a
kiosk, which writes nothing outside its own folder).
"""

from __future__ import annotations

import contextlib
import json
import tomllib
from pathlib import Path
from typing import Any

from decisionaid.cache.documents import SUFFIX, keep, trusted, usable_folder
from decisionaid.storage.files import MIB, read_file_bytes
from decisionaid.storage.hashing import blake2b
from decisionaid.storage.paths import cache_dir, compiled_dir

FORMAT = 1
KEPT_LIMIT = 4 * MIB  # a catalogue as JSON is some 100 KB

_parsed: dict[str, tuple[str, str]] = {}  # language: (key, JSON document) parsed in this run, not kept yet


def catalogue_key(text: bytes) -> str:
    """A hash of a catalogue file's bytes and of this format."""
    return blake2b(b"catalogue format %d\n" % FORMAT + text, digest_size=16).hexdigest()


def kept_folder() -> Path:
    """The cache folder's catalogues."""
    return cache_dir() / "catalogues"


def built_folder() -> Path:
    """The catalogues compiled when the package was built (absent in a source tree)."""
    return compiled_dir() / "catalogues"


def compile_catalogue(text: bytes) -> tuple[str, str]:
    """The key and the JSON document of the catalogue file whose bytes are `text` (tomllib errors as it raises
    them)."""
    key = catalogue_key(text)
    data = tomllib.loads(text.decode("utf-8"))
    return key, json.dumps({"format": FORMAT, "key": key, "data": data}, ensure_ascii=False)


def sentences(language: str, text: bytes) -> dict[str, Any]:
    """The tables of the catalogue file whose bytes are `text`: from a kept copy when one matches, else parsed and
    noted for `keep_parsed`."""
    key = catalogue_key(text)
    name = f"{language}.{key}{SUFFIX}"
    for path in (built_folder() / name, kept_folder() / name):
        if path.parent == kept_folder() and not trusted(path):
            continue  # a copy someone else could have written is never read: it could reword the help-now lines
        if (data := _read_kept(path, key)) is not None:
            return data
    key, document = compile_catalogue(text)
    _parsed[language] = (key, document)
    return json.loads(document)["data"]


def _read_kept(path: Path, key: str) -> dict[str, Any] | None:
    """The sentences of a kept copy, or None if there is none or it is damaged, of another format or key."""
    try:
        document = json.loads(read_file_bytes(path, KEPT_LIMIT, follow_symlinks=False))
    except (OSError, ValueError):
        return None
    if isinstance(document, dict) and document.get("format") == FORMAT and document.get("key") == key:
        data = document.get("data")
        return data if isinstance(data, dict) else None
    return None


def keep_parsed() -> None:
    """Write each catalogue parsed in this run into the cache folder, replacing older copies of its language; a
    failure to write only means that the next start parses it again."""
    if _parsed and not usable_folder(kept_folder(), create=True):
        return
    while _parsed:
        language, (key, document) = _parsed.popitem()
        with contextlib.suppress(OSError):
            keep(kept_folder(), language, key, document)
