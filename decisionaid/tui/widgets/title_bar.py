"""A one-line bar at the top of every screen: the aid and the step, where the person is in the whole journey,
and the crisis-help button."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.widgets.help_now import HelpNowButton


class TitleLine(Widget):
    """'<aid title> · <step>', cut short with '…' where it must be, then 'Part 2 of 7 · about 9 minutes left' at
    the right; a narrow window shows only the progress in short ('Part 2/7 · 9 min left'), so crisis help always
    fits. One widget draws the line, its heading styled by a component class (in app.tcss)."""

    COMPONENT_CLASSES = {"title-line--heading"}

    def __init__(self, heading: str, progress: str, progress_short: str, *, step: str = "") -> None:
        super().__init__(id="title-line")
        self.heading = heading
        self.step = step or heading  # the heading without the aid's title, where the whole heading does not fit
        self.progress = progress
        self.progress_short = progress_short

    def show_progress(self, progress: str, progress_short: str) -> None:
        self.progress, self.progress_short = progress, progress_short
        self.refresh()

    def show_step(self, heading: str, step: str) -> None:
        self.heading, self.step = heading, step
        self.refresh()

    def render(self) -> Content:
        width = self.size.width  # the line's height is fixed, so it is only ever drawn at its own width
        if self.screen.has_class("-narrow"):
            return Content(self.progress_short).truncate(width, ellipsis=True)
        # The whole heading and the progress in full if they fit; else the step alone, then the progress in short,
        # so nothing is cut where it can be helped (3: a space either side of the heading, one before the progress).
        tries = [(h, p) for p in (self.progress, self.progress_short) for h in (self.heading, self.step)]
        text, said = next(((h, p) for h, p in tries if len(h) + len(p) + 3 <= width), tries[-1])
        progress = Content(said)
        room = max(width - progress.cell_length - 3, 0)
        heading = Content.styled(text, self.get_visual_style("title-line--heading"))
        return Content.assemble(" ", heading.truncate(room, ellipsis=True, pad=True), "  ", progress)


class TitleBar(Horizontal):
    """The title line and crisis help at the right; plain text, so brackets in a title survive."""

    def __init__(
        self, aid_title: str, step: str, progress: str = "", progress_short: str = "", *, help_words: Catalogue | None
    ) -> None:
        """`help_words`: the words of crisis help's button, or None when the pack offers no help now."""
        super().__init__(classes="title-bar")
        self.aid_title = aid_title
        self.line = TitleLine(f"{aid_title} · {step}", progress, progress_short or progress, step=step)
        self.help_words = help_words

    def compose(self) -> ComposeResult:
        yield self.line
        if self.help_words is not None:
            yield HelpNowButton(self.help_words)

    def show_progress(self, progress: str, progress_short: str) -> None:
        self.line.show_progress(progress, progress_short)

    def show_step(self, step: str) -> None:
        """Another step's name, as when a card the short path left out follows one on it."""
        self.line.show_step(f"{self.aid_title} · {step}", step)
