"""Restyles and rebuilds Textual 8.2.8 does for nothing, counted in a bare app (see the reports beside this file).

Needs only `pip install textual==8.2.8`: `python restyles.py`. Each line counts one kind of work, as Textual does
it; the reports say what each could be instead.
"""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

LINES = 100
restyled: list[object] = []  # every node Textual restyles, in order
original_update_nodes = Stylesheet.update_nodes


def counting_update_nodes(self: Stylesheet, nodes, animate: bool = False) -> None:  # type: ignore[no-untyped-def]
    nodes = list(nodes)
    restyled.extend(nodes)
    original_update_nodes(self, nodes, animate)


Stylesheet.update_nodes = counting_update_nodes  # type: ignore[method-assign]


class Page(Screen):
    """A page of LINES lines that takes the focus, a button, two fields and a footer."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page") as page:
            page.can_focus = True
            for n in range(LINES):
                yield Static(f"line {n}")
        yield Input(id="first")
        yield Input(id="second")
        yield Footer()


class Demo(App):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]


async def main() -> None:
    app = Demo()
    footer_rebuilds = 0
    original_recompose = Footer.recompose

    async def counting_recompose(self: Footer) -> None:
        nonlocal footer_rebuilds
        footer_rebuilds += 1
        await original_recompose(self)

    Footer.recompose = counting_recompose  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        before_mount = 0
        original_update_styles = App.update_styles

        def counting_update_styles(self: App, node, animate: bool = True) -> None:  # type: ignore[no-untyped-def]
            nonlocal before_mount
            before_mount += not node.is_attached
            original_update_styles(self, node, animate)

        App.update_styles = counting_update_styles  # type: ignore[method-assign]
        Button("Next", variant="primary", compact=True, flat=True)
        App.update_styles = original_update_styles  # type: ignore[method-assign]
        print(
            f"update_styles: a Button made with a variant, compact and flat restyled before mounting: {before_mount}x"
        )

        page = Page()
        restyled.clear()
        await app.push_screen(page)
        await pilot.pause()
        whole = restyled.count(page)
        print(f"screen: a new screen restyled in full after its mount styled it: {whole}x (resume, breakpoints)")

        page.query_one("#first").focus()
        await pilot.pause()
        restyled.clear()
        page.query_one("#page").focus()
        await pilot.pause()
        print(f"focus: a container of {LINES} lines takes the focus: {len(restyled)} nodes restyled (with the field)")

        await pilot.pause(0.2)
        footer_rebuilds = 0
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
        print(f"footer: 4 changes of focus, the same keys each time: footer rebuilt {footer_rebuilds}x")


if __name__ == "__main__":
    asyncio.run(main())
