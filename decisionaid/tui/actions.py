"""The list of actions (Ctrl+P, Textual's command palette) in the aid's words, even when nothing matches.

Textual's palette says "No matches found", in English, when a search finds nothing; it has no setting for those
words. Each source of actions here (a `Provider`, Textual's public way to fill the palette) offers one line of its
own instead, in the interface's language, so the palette never has nothing to show.
"""

from __future__ import annotations

from rich.text import Text
from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider


class SaysWhenNothingMatches:
    """For a provider: when its search finds nothing, one line saying so (`nothing_found`)."""

    async def search(self, query: str) -> Hits:
        found = False
        async for hit in super().search(query):  # type: ignore[misc]
            found = True
            yield hit
        if not found:
            yield self.nothing_found()

    def nothing_found(self) -> Hit:
        raise NotImplementedError


class AidActions(SaysWhenNothingMatches, SystemCommandsProvider):
    """The aid's actions (`App.get_system_commands`); nothing found offers the keys of the screen beneath."""

    def nothing_found(self) -> Hit:
        words = self.app.words  # type: ignore[attr-defined]
        return Hit(1.0, Text(words("actions.no_match")), self.app.action_help, help=words("actions.no_match_help"))


class AidThemes(SaysWhenNothingMatches, ThemeProvider):
    """The themes to choose from; nothing found changes nothing."""

    def nothing_found(self) -> Hit:
        words = self.app.words  # type: ignore[attr-defined]
        return Hit(1.0, Text(words("actions.no_theme")), lambda: None, help=words("actions.no_theme_help"))
