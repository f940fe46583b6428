"""A scrolling page whose arrow keys scroll up and down only, leaving left and right to back and next."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget

from decisionaid.tui.speedups.overrides import FocusStylesItself

SCROLL_KEYS = [
    Binding("up", "scroll_up", "scroll_up", show=False, id="scroll-up"),
    Binding("down", "scroll_down", "scroll_down", show=False, id="scroll-down"),
    Binding("pageup", "page_up", "page_up", show=False, id="page-up"),
    Binding("pagedown", "page_down", "page_down", show=False, id="page-down"),
    Binding("home", "scroll_home", "page_top", show=False, id="page-top"),
    Binding("end", "scroll_end", "page_end", show=False, id="page-end"),
]


class Page(FocusStylesItself, VerticalScroll, inherit_bindings=False):
    """The scrolling body of a screen.

    A text field left with Escape gives the focus to the page, where it is (letters act as keys again); Tab and
    Shift+Tab then go on from the field, to the widget after it or the one before.
    """

    BINDINGS = [
        *SCROLL_KEYS,
        Binding("tab", "from_field(1)", "focus_next", show=False, id="next-from-field"),
        Binding("shift+tab", "from_field(-1)", "focus_previous", show=False, id="previous-from-field"),
    ]

    def __init__(self, *children: Widget, **kwargs) -> None:
        super().__init__(*children, **kwargs)
        self.left_field: Widget | None = None

    def leave_field(self, field: Widget) -> None:
        self.left_field = field
        self.focus(scroll_visible=False)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        if not has_focus:
            self.left_field = None

    def action_from_field(self, step: int) -> None:
        """The widget after (1) or before (-1) the field just left; without one, Tab is the screen's."""
        field, chain = self.left_field, self.screen.focus_chain
        if field is None or field not in chain:
            raise SkipAction()
        self.screen.set_focus(chain[(chain.index(field) + step) % len(chain)])


class DialogScroll(FocusStylesItself, VerticalScroll, inherit_bindings=False):
    """The scrolling body of a dialog."""

    BINDINGS = SCROLL_KEYS


class ScrollWhenLong(VerticalScroll, inherit_bindings=False):
    """A scrolling box beside a widget that keeps the focus: Tab reaches it only while its text is longer than the
    room it has, and its arrow keys then scroll it."""

    BINDINGS = SCROLL_KEYS

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0
