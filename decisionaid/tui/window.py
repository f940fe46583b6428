"""The window-size classes a screen is given (-narrow or -wide, -short or -tall), worked out before it is shown."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.screen import Screen


def size_classes(app: App, screen: Screen) -> dict[str, bool]:
    """Each breakpoint class of `screen`, and whether the window's size gives it, as Textual decides on a
    screen's first resize: the largest breakpoint that the width (or height) reaches names the class."""
    width, height = app.size
    classes: dict[str, bool] = {}
    for breakpoints, size in (
        (
            screen.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is not None else app.HORIZONTAL_BREAKPOINTS,
            width,
        ),
        (screen.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is not None else app.VERTICAL_BREAKPOINTS, height),
    ):
        reached = [(at, name) for at, name in breakpoints or () if size >= at]
        chosen = max(reached)[1] if reached else None
        classes |= {name: name == chosen for _, name in breakpoints or ()}
    return classes


def fit_to_window(app: App, screen: Screen) -> None:
    """Give a screen not yet shown its window-size classes, so it is styled once as it mounts rather than again,
    in full, when its first resize adds them."""
    if not screen.is_attached:
        screen.update_classes(size_classes(app, screen), update=False)


class StyledOnce:
    """For a Screen: styled as it mounts, it is not styled again, in full, when it is first shown. Textual restyles
    every screen it shows, for one that comes back after a change of theme; a new one has its styles already."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
