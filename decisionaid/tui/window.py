"""The window-size classes a screen is given (-narrow or -wide, -short or -tall), from the moment it is made."""

from __future__ import annotations

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


class SizedToWindow(Screen):
    """A screen with its window-size classes from the start. Textual gives a screen its breakpoint classes on its
    first resize, after its first layout: laid out first as for a large window, a dialog at 40x12 kept the scroll
    bar its wide padding had needed, and a figure was composed side by side, then stacked. Given the classes as
    it is made, a screen is laid out once for the window it is in, and styled once as it mounts; Textual's first
    resize finds them in place. See docs/upstream/textual-breakpoints-after-mount.md."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        try:
            app = self.app
        except RuntimeError:  # made outside a running app: Textual's first resize gives the classes
            return
        self.update_classes(size_classes(app, self), update=False)
