"""Icon arrays: counts out of 100, drawn as two 10x10 grids and said in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from decisionaid.core.figures import arm_counts, count_words, figure_heading, grid_lines, legend, other_side_words

if TYPE_CHECKING:
    from decisionaid.content.models import Arm, Figure
    from decisionaid.core.catalogue import Catalogue


def arm_cells(arm: Arm, side: str, words: Catalogue) -> list[Static]:
    """Label, count in words, icons and the other side of the frame, for one arm."""
    return [
        Static(Content(arm.label), classes=f"arm-label {side}"),
        Static(Content(count_words(arm, words)), classes=f"arm-count {side}"),
        Static(Content("\n".join(grid_lines(arm_counts(arm)))), classes=f"arm-icons {side}"),
        Static(Content(other_side_words(arm, words)), classes=f"arm-other {side}"),
    ]


class IconArray(Widget):
    """A figure: heading, the option arm beside its comparator, and a legend.

    Side by side, the cells sit in a grid so both arrays line up however long the labels are; a narrow window
    shows them stacked instead. Only the one the window shows is made (a figure is some twenty widgets), and the
    other takes its place when the window crosses the narrow breakpoint.
    """

    def __init__(self, figure: Figure, words: Catalogue) -> None:
        super().__init__(classes="icon-array")
        self.figure = figure
        self.words = words
        self.stacked = False

    def compose(self) -> ComposeResult:
        figure, words = self.figure, self.words
        yield Static(Content(figure_heading(figure, words)), classes="figure-heading")
        self.stacked = self.screen.has_class("-narrow")
        yield self.arms(stacked=self.stacked)
        yield Static(Content(legend((figure.option_arm, figure.comparator), words)), classes="figure-legend")

    def arms(self, *, stacked: bool) -> Widget:
        """The two arms stacked, or side by side in a grid, label beside label and icons beside icons."""
        option = arm_cells(self.figure.option_arm, "option-arm", self.words)
        comparator = arm_cells(self.figure.comparator, "comparator-arm", self.words)
        if stacked:
            return Vertical(*option, *comparator, classes="figure-stack")
        return Grid(*(cell for pair in zip(option, comparator, strict=True) for cell in pair), classes="figure-pair")

    async def on_resize(self) -> None:
        stacked = self.screen.has_class("-narrow")
        if stacked != self.stacked:
            self.stacked = stacked
            old = self.query_one(".figure-pair, .figure-stack")
            await self.mount(self.arms(stacked=stacked), after=old)
            await old.remove()
