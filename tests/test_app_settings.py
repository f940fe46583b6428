"""Display settings: saved privately, and a damaged file falls back to the defaults."""

from __future__ import annotations

from pathlib import Path

from decisionaid.storage.settings import Settings, load_settings, save_settings


def test_settings_round_trip_privately(tmp_path: Path) -> None:
    path = tmp_path / "data" / "settings.toml"
    save_settings(Settings(theme="decisionaid-high-contrast"), path)
    assert load_settings(path).theme == "decisionaid-high-contrast"
    assert path.stat().st_mode & 0o777 == 0o600


def test_missing_or_damaged_settings_give_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "missing.toml") == Settings()
    damaged = tmp_path / "settings.toml"
    damaged.write_text("theme = = 'x'", encoding="utf-8")
    assert load_settings(damaged) == Settings()
    damaged.write_text("theme = 3", encoding="utf-8")
    assert load_settings(damaged) == Settings()


async def test_an_unknown_saved_theme_is_ignored(make_app, tmp_path: Path) -> None:
    from decisionaid.storage.paths import settings_path

    save_settings(Settings(theme="no-such-theme"), settings_path())
    app = make_app(theme=None)
    assert app.theme in app.available_themes
