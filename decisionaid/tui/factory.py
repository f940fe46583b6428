"""Building the full-screen aid: one factory for the command line, the tests and the benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.controller import Controller
from decisionaid.core.journey import Place
from decisionaid.core.kiosk import PERSONAL, Site
from decisionaid.storage.paths import session_path, settings_path
from decisionaid.storage.store import AnswersFile
from decisionaid.tui.app import DecisionAidApp

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.catalogue import Catalogue


def make_app(
    pack: Pack,
    *,
    theme: str | None = None,
    answers: Path | None = None,
    settings: Path | None = None,
    export_dir: Path | None = None,
    site: Site = PERSONAL,
    at: Place | None = None,
    words: Catalogue | None = None,
) -> DecisionAidApp:
    """The aid for `pack`, its answers in the user's data folder unless `answers` names a file; `words` is the
    interface's catalogue when it is not the pack's own language.

    In kiosk mode (`site.kiosk`) no settings file is read or written. With `at`, the aid opens at that step
    instead of the welcome, saying that it was opened for a look.
    """
    remembered = None if site.kiosk else settings or settings_path()
    answers_file = AnswersFile(answers or session_path(pack.meta.id))
    controller = Controller(pack, answers_file, words, offer_copies=not answers, settings=remembered)
    return DecisionAidApp(controller, theme=theme, export_dir=export_dir, site=site, opening=at)
