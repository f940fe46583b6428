"""The server's own pages: the page that holds a tab's terminal, and the page shown when the aid is full.

Both load nothing from any other server: the terminal's font is the one textual-serve ships, served
from here, and the text comes from the sentence catalogue and the pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from decisionaid.content import Pack
from decisionaid.core.catalogue import Catalogue

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class PageText:
    """What every page says besides the terminal: the pack's title and where to find help now, in the
    interface's words."""

    title: str
    help_lines: tuple[str, ...]
    kiosk: bool
    words: Catalogue

    @classmethod
    def for_pack(cls, pack: Pack, words: Catalogue, *, local_help: str | None, kiosk: bool) -> PageText:
        lines = [words("help_now.local", text=local_help)] if local_help and pack.help_now else []
        lines += [f"{r.name} ({r.region}): {r.contact}" for r in pack.crisis.crisis]
        return cls(pack.meta.title, tuple(lines), kiosk, words)


class Pages:
    """Renders the templates; everything put into them is escaped."""

    def __init__(self, text: PageText, *, websocket_url: str | None, max_tabs: int) -> None:
        self.text = text
        self.websocket_url = websocket_url
        self.max_tabs = max_tabs
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
        )

    def _render(self, name: str, **values: object) -> str:
        words = self.text.words
        common = {
            "language": words.language,
            "title": self.text.title,
            "help_heading": words("serve.help_heading"),
            "help_lines": self.text.help_lines,
        }
        return self.environment.get_template(name).render(**common, **values)

    def terminal(self, font_size: int) -> str:
        words = self.text.words
        return self._render(
            "terminal.html",
            font_size=font_size,
            websocket_url=self.websocket_url or "",
            starting=words("serve.starting"),
            closed=words("serve.closed_kiosk" if self.text.kiosk else "serve.closed"),
            stopped=words("serve.stopped"),
            start_again=words("serve.start_again"),
            needs_script=words("serve.needs_script"),
            full=words("serve.full", count=self.max_tabs),
        )

    def full(self) -> str:
        words = self.text.words
        full = words("serve.full", count=self.max_tabs)
        return self._render("full.html", full=full, try_again=words("serve.try_again"))
