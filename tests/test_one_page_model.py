"""Every front end shows the same pages: the words the reading time counts are the words plain mode prints for
each page of the short path (less its prompts and key hints), and the full-screen aid shows the same sentences."""

from __future__ import annotations

import contextlib
import io
from collections import defaultdict
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.catalogue import words_for
from decisionaid.core.controller import Controller
from decisionaid.core.figures import count_words as count_words_of
from decisionaid.core.figures import figure_heading, other_side_words
from decisionaid.core.timing import count_words
from decisionaid.plain.console import Console
from decisionaid.plain.flow import PlainAid
from decisionaid.storage.store import AnswersFile
from tests.conftest import shown_text
from tests.helpers import COMMUTE, KETAMINE, PORTATIL, run_in_process


class PagesConsole(Console):
    """Takes every default (Enter; 'not sure' at a question) and keeps what each place printed as its page, apart
    from what plain mode notes around it (where it is, key hints, what an answer did)."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(io.StringIO(), io.StringIO(), width=1_000, echo=False)
        self.controller = controller
        self.printed: dict[tuple, list[str]] = defaultdict(list)
        self.noted: list[str] = []

    def say(self, *lines: str) -> None:
        if self.controller.session is not None:
            self.printed[self.controller.place] += lines
        super().say(*lines)

    def note(self, *lines: str) -> None:
        self.noted += lines
        super().note(*lines)

    def read(self, prompt: str) -> str:
        controller = self.controller
        if controller.session is not None and controller.place[0] == "summary":
            raise EOFError
        stage, position = controller.place
        if controller.session is None or stage != "self_check" or not controller.journey.is_item(controller.place):
            return ""
        item = controller.pack.self_check[position]
        if item.id in controller.session.self_check:
            return ""
        return str(next(n for n, c in enumerate(item.choices, 1) if c.not_sure))


def walk(pack_dir: Path, tmp_path: Path) -> tuple[Controller, PagesConsole]:
    pack = load_pack(pack_dir)
    controller = Controller(pack, AnswersFile(tmp_path / "answers.toml"))
    console = PagesConsole(controller)
    with contextlib.suppress(EOFError):
        PlainAid(controller, console).run()
    return controller, console


@pytest.mark.parametrize("pack_dir", [COMMUTE, PORTATIL, KETAMINE], ids=["commute", "portatil", "ketamine"])
def test_timing_counts_the_words_plain_mode_prints_on_every_page_of_the_short_path(pack_dir: Path, tmp_path: Path):
    controller, console = walk(pack_dir, tmp_path)
    timing = controller.timing
    steps = timing.short_path()
    assert steps and all(place in console.printed for place in steps), "the walk met every step"
    for place in steps:
        assert count_words("\n".join(console.printed[place])) == timing.words_at(place), place
    yours = controller.words("your_answer.self_check", answer="").split(":")[0]
    assert any(line.startswith(yours) for lines in console.printed.values() for line in lines), "the answer chosen"


def test_the_spanish_interface_counts_its_own_pages_the_same_way(tmp_path: Path):
    """A pack read with another interface language: the same pages, in the other language's words."""
    pack = load_pack(COMMUTE)
    words = words_for(pack, language="es")
    controller = Controller(pack, AnswersFile(tmp_path / "answers.toml"), words)
    console = PagesConsole(controller)
    with contextlib.suppress(EOFError):
        PlainAid(controller, console).run()
    for place in controller.timing.short_path():
        assert count_words("\n".join(console.printed[place])) == controller.timing.words_at(place), place


def flat(text: str) -> str:
    return " ".join(text.split())


def arms_of(figure):
    return (figure.option_arm, figure.comparator)


def sentences_of(page, words) -> tuple[str, ...]:
    """What a page says, as the full-screen aid lays it out: the options at a glance as a grid, not as lines."""
    if page.kind == "compare":
        table = page.table
        cells = (cell.text for row in table.rows for cell in row.cells)
        return (table.lead, *table.options, *(row.question for row in table.rows), *cells)
    if page.kind == "card":  # a figure's numbers are drawn as icons with their words beside them
        figures = [(f.figure, f.how_sure) for f in page.figures]
        arms = [(a.label, count_words_of(a, words), other_side_words(a, words)) for f, _ in figures for a in arms_of(f)]
        drawn = [figure_heading(f, words) for f, _ in figures] + [part for arm in arms for part in arm]
        return (*page.texts()[: -sum(len(f.lines) for f in page.figures) or None], *drawn, *(s for _, s in figures))
    return page.texts()


def grid_text(screen) -> str:
    """The text in every cell and column heading of the tables on a screen."""
    from textual.widgets import DataTable

    parts = []
    for table in screen.query(DataTable):
        parts += [str(column.label) for column in table.columns.values()]
        parts += [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
    return " ".join(parts)


async def test_the_full_screen_aid_shows_every_sentence_of_every_page_on_the_short_path(make_app):
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        controller = app.controller
        seen = []
        while True:
            await pilot.pause()
            place = controller.place
            if place[0] == "summary":
                break
            page = controller.page(app.keys)
            if page.kind == "question" and page.feedback is None:
                await pilot.press(str(next(n for n, c in enumerate(page.choices, 1) if "sure" in c.label.lower())))
                await pilot.pause()
                page = controller.page(app.keys)
            shown = flat(shown_text(app.screen) + " " + grid_text(app.screen))
            for text in sentences_of(page, controller.words):
                assert flat(text) in shown, (place, text)
            seen.append(page.kind)
            await pilot.press("n")
        assert {"compare", "card", "contents", "question", "offers", "value", "sure"} <= set(seen)


def test_a_sure_item_answered_no_says_what_that_may_mean_when_it_is_shown_again():
    """Plain mode shows the page model's meaning of a 'no', as the full-screen aid does, coming back to it."""
    from decisionaid.storage.paths import session_path

    pack = load_pack(COMMUTE)
    controller = Controller(pack, AnswersFile(session_path(pack.meta.id)))
    controller.start()
    item = pack.sure.items[1]
    controller.answer_sure(item.id, False)
    controller.go("sure", 1)
    controller.leave()
    resumed = run_in_process("--plain", "--pack", str(COMMUTE), input="1\n")  # resume, then the input ends
    assert item.text in resumed.stdout and item.if_no in resumed.stdout
