"""Every override of a Textual 8.2.8 behaviour that the aid makes for speed, in one place.

Each names the behaviour it replaces, what it gained when measured (the times are from docs/performance.md and
the closing runs of `python -m bench`) and the report written for Textual in docs/upstream/. Each obeys the
switch in `decisionaid.tui.speedups`: turned off, it leaves Textual's behaviour as it is. tests/test_speedups.py
checks that each Textual method replaced here is still there, so a Textual upgrade that moves one fails a test.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Checkbox

from decisionaid.tui.speedups import on

# --- screens and widgets ---------------------------------------------------------------------------------------


class StyledOnce:
    """For a Screen. Replaces Textual's restyle of every screen it shows (`ScreenResume.refresh_styles`), made for a
    screen that comes back after a change of theme: a new screen was styled as it mounted, and is not styled
    again, in full, when it is first shown. Gain: one full restyle of each new screen.
    Upstream: docs/upstream/textual-restyles-new-screens.md."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if on("styled_once") and not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False


class FocusStylesItself:
    """For a container that takes the focus. Replaces `Widget.watch_has_focus`, which restyles the focused widget
    and everything in it, for a page every line on it; nothing in the aid's pages is styled by their container's
    focus, so the container alone is restyled. Gain: a restyle of the whole page at each screen's first focus.
    Upstream: docs/upstream/textual-focus-restyles-descendants.md."""

    def watch_has_focus(self, has_focus: bool) -> None:
        if on("focus_styles_itself"):
            self.app.stylesheet.update_nodes([self], animate=True)  # type: ignore[attr-defined]
        else:
            super().watch_has_focus(has_focus)  # type: ignore[misc]


def set_toggle_quietly(box: Checkbox, value: bool, compact: bool) -> None:
    """Replaces how `ToggleButton.__init__` sets its value and compactness: through their watchers, each of which
    restyles the box before it is even mounted. Here they are set, with their classes, without restyling; mounting
    styles the box once. Gain: a long list of questions opened slowly before (a restyle per box and attribute).
    Upstream: docs/upstream/textual-restyles-unmounted-nodes.md."""
    if on("quiet_state"):
        box.set_reactive(type(box).value, value)
        box.set_reactive(type(box).compact, compact)
        box.set_class(value, "-on", update=False)
        box.set_class(compact, "-textual-compact", update=False)
    else:
        with box.prevent(box.Changed):  # as ToggleButton.__init__ sets it
            box.value = value
        box.compact = compact


Shown = tuple[tuple[str, str, str, str, bool, str], ...]


def shown_keys(screen: Screen) -> Shown:
    """What a footer shows for `screen`: each shown key, its label and action, whether it is available, its tip."""
    app = screen.app
    return tuple(
        (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class FooterRebuiltOnChange:
    """For a Footer. Replaces `Footer.bindings_changed` and `Footer.compose`: Textual rebuilds a footer whenever a
    screen's bindings may have changed (every change of focus, every dialog opened or closed over the screen,
    every `refresh_bindings`), mounting every key again and laying the whole screen out again, and each key is
    restyled twice more as it takes the footer's `compact`. Here the footer is rebuilt only when what it shows
    differs, once for changes that come together (a new screen tells it of its bindings twice: once mounted, once
    focused), and each key is given `compact` before it is styled. It mirrors Footer's private `_bindings_ready`
    (`_ready` here). Gain: part of the 'every screen is styled once' work (see `StyledOnce`).
    Upstream: docs/upstream/textual-footer-rebuilds.md."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._ready = False  # Textual's footer shows nothing until it is first told of the bindings
        self._shown: Shown | None = None
        self._rebuilding = False  # a rebuild is on its way: it reads the bindings as they are by then

    def compose(self) -> ComposeResult:
        if not on("footer"):
            yield from super().compose()  # type: ignore[misc]
            return
        self._rebuilding = False
        self._shown = shown_keys(self.screen) if self._ready else None  # type: ignore[attr-defined]
        compact_now: bool = self.compact  # type: ignore[attr-defined]
        for widget in super().compose():  # type: ignore[misc]
            # Each key is bound to the footer's `compact`, and set from it once mounted: restyled twice, for a
            # class added then taken away. Given it now, before it is styled, it is styled once.
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive):
                widget.set_reactive(compact, compact_now)
                widget.set_class(compact_now, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if not on("footer"):
            super().bindings_changed(screen)  # type: ignore[misc]
            return
        self._ready = True
        mine = screen is self.screen  # type: ignore[attr-defined]
        unchanged = self._shown is not None and mine and shown_keys(screen) == self._shown
        if self._rebuilding or unchanged:
            return
        super().bindings_changed(screen)  # type: ignore[misc]
        self._rebuilding = screen.app.app_focus and self.is_attached and mine  # type: ignore[attr-defined]
