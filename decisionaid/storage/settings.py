"""The person's display preferences (the theme), kept in settings.toml beside their answers."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, ValidationError

from decisionaid.core.sanitize import clean_data
from decisionaid.storage.files import SETTINGS_LIMIT, atomic_write, ensure_private_dir, read_text_file
from decisionaid.storage.tomlfile import parse_toml


class Settings(BaseModel):
    """What is remembered between runs; unknown keys are ignored so older files still load."""

    model_config = ConfigDict(extra="ignore")

    theme: str | None = None


def load_settings(path: Path) -> Settings:
    """The saved settings, or the defaults when the file is missing or cannot be used.

    Only a regular file of at most SETTINGS_LIMIT bytes is read, so a pipe or a device never stalls the start.
    """
    try:
        return Settings.model_validate(clean_data(parse_toml(read_text_file(Path(path), SETTINGS_LIMIT))))
    except (OSError, tomllib.TOMLDecodeError, ValidationError):
        return Settings()


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically with mode 0600."""
    ensure_private_dir(Path(path).parent)
    atomic_write(Path(path), tomli_w.dumps(settings.model_dump(exclude_none=True)))
