"""The person's display preferences (the theme), kept in settings.toml beside their answers."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

import tomli_w

from decisionaid.sanitize import clean_data
from decisionaid.storage.files import SETTINGS_LIMIT, atomic_write, ensure_private_dir, read_text_file
from decisionaid.storage.tomlfile import parse_toml


@dataclass(frozen=True)
class Settings:
    """What is remembered between runs; unknown keys are ignored so older files still load."""

    theme: str | None = None


def load_settings(path: Path) -> Settings:
    """The saved settings, or the defaults when the file is missing or cannot be used.

    Only a regular file of at most SETTINGS_LIMIT bytes is read, so a pipe or a device never stalls the start.
    """
    try:
        data = clean_data(parse_toml(read_text_file(Path(path), SETTINGS_LIMIT)))
    except (OSError, tomllib.TOMLDecodeError):
        return Settings()
    theme = data.get("theme")
    return Settings(theme=theme if isinstance(theme, str) else None)


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically with mode 0600."""
    ensure_private_dir(Path(path).parent)
    values = {name: value for name, value in asdict(settings).items() if value is not None}
    atomic_write(Path(path), tomli_w.dumps(values))
