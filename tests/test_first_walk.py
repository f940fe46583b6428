"""What a first walk through the terminal aid tripped over: keys, counts, focus and the kiosk, each as a person
meets it."""

from __future__ import annotations

from textual.widgets import TextArea

from tests.conftest import tab_to


async def open_summary(app, pilot) -> None:
    await pilot.pause()
    await app.start()
    await app.go("summary")
    await pilot.pause()


def in_view(app, widget) -> bool:
    """Whether the widget's top line is inside the summary page's visible area."""
    page = app.screen.query_one("#summary")
    return page.region.y <= widget.region.y < page.region.bottom


async def test_a_change_shown_again_never_scrolls_the_note_being_typed_out_of_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await tab_to(pilot, "leaning")
        app.screen.keep_focus_in_view()  # a change shown again, as choosing a leaning does
        note = app.screen.query_one("#note", TextArea)
        app.screen.set_focus(note)  # a quick Tab to the note before the change is laid out,
        app.screen.query_one("#summary").scroll_to_widget(note, animate=False, immediate=True)  # and shown
        await pilot.pause()
        await pilot.pause()
        assert in_view(app, note), "the page scrolled back to the question left behind"
