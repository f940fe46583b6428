"""The highest version of each pack this install has opened, so an older copy is not taken for the current one."""

from __future__ import annotations

import tomllib

import tomli_w

from decisionaid.storage.files import atomic_write, ensure_private_dir, read_text_file
from decisionaid.storage.paths import seen_versions_path

SEEN_LIMIT = 1 << 20


def version_tuple(version: str) -> tuple[int, ...]:
    """'3.10.0' as (3, 10, 0), so versions compare as numbers; () for no version."""
    return tuple(int(part) for part in version.split(".")) if version else ()


def highest_seen() -> dict[str, str]:
    """Pack id -> highest version opened; empty when the file is missing or unreadable (a damaged record only
    means the next pack opened starts it again)."""
    try:
        data = tomllib.loads(read_text_file(seen_versions_path(), SEEN_LIMIT))
    except (OSError, tomllib.TOMLDecodeError):  # FileReadError is an OSError
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str) and _is_version(value)}


def remember(pack_id: str, version: str) -> None:
    """Keep `version` as the highest seen for `pack_id` when it is higher than the one kept (OSError if unsaved)."""
    seen = highest_seen()
    if version_tuple(version) <= version_tuple(seen.get(pack_id, "")):
        return
    seen[pack_id] = version
    path = seen_versions_path()
    ensure_private_dir(path.parent)
    atomic_write(path, tomli_w.dumps(seen))


def _is_version(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 3 and all(part.isdigit() for part in parts)
