"""The footer of every step: Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, str, bool, str], ...]


def shown_keys(screen: Screen) -> Shown:
    """What a footer shows for `screen`: each shown key, its label and action, whether it is available, its tip."""
    app = screen.app
    return tuple(
        (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class AidFooter(Footer):
    """Textual rebuilds a footer whenever a screen's bindings may have changed: on every change of focus, every
    dialog opened or closed over the screen, every `refresh_bindings`. Each rebuild mounts every key again and
    lays the whole screen out again. This one is rebuilt only when what it shows differs, and once for changes
    that come together (a new screen tells it of its bindings twice: once mounted, once focused)."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._ready = False  # Textual's footer shows nothing until it is first told of the bindings
        self._shown: Shown | None = None
        self._rebuilding = False  # a rebuild is on its way: it reads the bindings as they are by then

    def compose(self) -> ComposeResult:
        self._rebuilding = False
        self._shown = shown_keys(self.screen) if self._ready else None
        for widget in super().compose():
            # Each key is bound to the footer's `compact`, and set from it once mounted: restyled twice, for a
            # class added then taken away. Given it now, before it is styled, it is styled once.
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive):
                widget.set_reactive(compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._ready = True
        unchanged = self._shown is not None and screen is self.screen and shown_keys(screen) == self._shown
        if self._rebuilding or unchanged:
            return
        super().bindings_changed(screen)
        self._rebuilding = screen.app.app_focus and self.is_attached and screen is self.screen
