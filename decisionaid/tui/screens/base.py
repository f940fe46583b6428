"""What every step of the journey shares: the controller it reads, back and next, number keys, offers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal

from decisionaid.core.controller import Controller, Outcome
from decisionaid.core.pages.steps import CardPage, StepPage
from decisionaid.core.session import Session
from decisionaid.tui.fields import takes_typing, typed_in_field
from decisionaid.tui.hints import hint, page_shown
from decisionaid.tui.keys import LabelledScreen, page_keys
from decisionaid.tui.messages import Changed, Move
from decisionaid.tui.speedups.overrides import StyledOnce
from decisionaid.tui.widgets.action_button import ActionButton
from decisionaid.tui.widgets.choices import ChoiceList
from decisionaid.tui.widgets.footer import AidFooter
from decisionaid.tui.widgets.page import Page
from decisionaid.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from decisionaid.content import Pack


NUMBER_KEYS = "1-9"  # the footer's name for a screen's number keys, until the screen says how many it has


def number_bindings(label: str = "choose", action: str = "choose") -> list[Binding]:
    """Keys 1-9 for `action(n)`, named by the catalogue's `bindings.<label>`; only the first is shown in the
    footer, as '1-9', or as the numbers the screen has (`AidScreen.number_keys`)."""
    return [
        Binding(
            str(n),
            f"{action}({n})",
            label,
            show=n == 1,
            key_display=NUMBER_KEYS if n == 1 else None,
            id=f"{action}-{n}",
        )
        for n in range(1, 10)
    ]


def numbered(active: ActiveBinding, count: int) -> ActiveBinding:
    """A screen's number keys as the footer shows them: '1-4' for four choices, '1' for one, none for none."""
    shown = "1" if count == 1 else f"1-{count}"
    binding = replace(active.binding, key_display=shown, show=count > 0)
    return ActiveBinding(active.node, binding, active.enabled, active.tooltip)


class AidScreen(StyledOnce, LabelledScreen):
    """A screen of the aid: it reads from the controller it is given and posts changes up to the app."""

    BINDINGS = [Binding("f2", "app.crisis", "crisis", id="crisis-first")]
    TITLE_KEY = ""

    def __init__(self, controller: Controller, **kwargs) -> None:
        super().__init__(**kwargs)
        self.controller = controller
        if self.TITLE_KEY:
            self.title = controller.words(self.TITLE_KEY)

    def on_screen_suspend(self) -> None:
        """Under a dialog the footer's keys are not this screen's (the dialog's are): it is left blank, keeping
        its line so nothing moves, until the screen is back on top."""
        for footer in self.query(AidFooter):
            footer.styles.visibility = "hidden"

    def on_screen_resume(self) -> None:
        for footer in self.query(AidFooter):
            footer.styles.visibility = "visible"
        page_shown(self.app)

    @property
    def pack(self) -> Pack:
        return self.controller.pack

    @property
    def session(self) -> Session:
        session = self.controller.session
        assert session is not None, "journey screens are only shown with a session"
        return session

    def number_keys(self) -> int | None:
        """How many number keys choose something on this screen (None: it has none, or says so itself)."""
        return None

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys, named; number keys say how many there are ('1-4 Choose'), not '1-9'. While a text field has
        the focus, keys it types or moves in ('e', '←') are not offered: 'e/^s Export' reads '^s Export'."""
        found = super().active_bindings
        count = self.number_keys()
        if count is not None:
            found = {
                key: numbered(active, count) if active.binding.key_display == NUMBER_KEYS else active
                for key, active in found.items()
            }
        if takes_typing(self.focused):
            found = self.beside_typing(found)
        return found

    def beside_typing(self, found: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
        """The footer's keys while a text field has the focus: only those the field leaves alone, so that
        'e/^s Export' reads '^s Export' and '←/b Back' is not offered (Textual gives each key its own binding)."""
        kept: dict[tuple[int, str], list[str]] = {}
        for key, active in found.items():
            if active.binding.show and not typed_in_field(key):
                kept.setdefault((id(active.node), active.binding.action), []).append(key)
        shown = {}
        for key, active in found.items():
            binding = active.binding
            if binding.show:
                keys = kept.get((id(active.node), binding.action), [])
                names = "/".join(self.app.get_key_display(replace(binding, key=k, key_display=None)) for k in keys)
                binding = replace(binding, key_display=names or None, show=key in keys)
                active = ActiveBinding(active.node, binding, active.enabled, active.tooltip)
            shown[key] = active
        return shown

    def title_bar(self) -> TitleBar:
        """The aid's name, this step, and where the person is in the whole journey."""
        controller = self.controller
        return TitleBar(
            self.pack.meta.title,
            self.title or "",
            controller.where(),
            controller.where(short=True),
            help_words=controller.words if self.pack.help_now else None,
        )

    def card_pages(self, positions: Iterable[int]) -> list[CardPage]:
        """The cards at these positions in reading order, as pages to reopen."""
        keys = page_keys(self.controller.words)
        return [self.controller.page(keys, ("cards", position)) for position in positions]  # type: ignore[misc]

    def report(self, outcome: Outcome) -> None:
        """Tell the app what an operation did, so a problem is shown."""
        self.post_message(Changed(outcome))

    def keep_typing(self) -> None:
        """Put into the session any text typed here that is still waiting to be recorded; most screens have none."""


# Enter on a step with nothing highlighted to act on (a card, the card list, a page of offers) goes on as n does.
ENTER_GOES_ON = Binding("enter", "next", "next", show=False, id="enter-next")


class StepScreen(AidScreen):
    """A step with back and next, showing the page model it is given."""

    BINDINGS = [
        Binding("left,b", "back", "back", key_display="←/b", id="back"),
        Binding("right,n", "next", "next", key_display="→/n", id="next"),
    ]

    def __init__(self, controller: Controller, page: StepPage) -> None:
        super().__init__(controller)
        self.model = page
        self.position = page.place[1]
        self.title = page.title

    def shows_in_place(self, page: StepPage) -> bool:
        """Whether `page` can be written into this screen rather than shown on a new one."""
        return False

    def refresh_model(self) -> StepPage:
        """The page model made afresh from the answers as they are now (after an answer on this page)."""
        self.model = self.controller.page(page_keys(self.controller.words), self.model.place)
        return self.model

    async def show(self, page: StepPage) -> None:
        """Write another page of the same kind into this screen."""
        raise NotImplementedError

    def action_next(self) -> None:
        self.post_message(Move(1))

    def action_back(self) -> None:
        self.post_message(Move(-1))

    def navigation(self) -> ComposeResult:
        """The Back and Next buttons under a step."""
        words = self.controller.words
        with Horizontal(classes="nav"):
            yield ActionButton(words("nav.back"), "screen.back", id="back")
            yield ActionButton(words("nav.next"), "screen.next", variant="primary", id="next")


class ChoiceStepScreen(StepScreen):
    """A step answered by picking one choice: number keys 1-9 pick from its ChoiceList.

    Moving to another item of the same kind rewrites the page in place: the title bar, the buttons
    and the footer stay, which is much quicker than building a new screen."""

    AUTO_FOCUS = ".choices"
    # Enter with no choice highlighted (none made yet) goes on, as an empty line does in plain mode, and says so.
    BINDINGS = [*number_bindings(), Binding("enter", "skip", "next_unanswered", show=False, id="next-unanswered")]
    PAGE_ID = ""

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with Page(id=self.PAGE_ID, classes="page"):
            yield from self.page_lines()
        yield from self.navigation()
        yield AidFooter()

    def page_lines(self) -> ComposeResult:
        """What the page holds for its model."""
        raise NotImplementedError

    def shows_in_place(self, page: StepPage) -> bool:
        return page.kind == self.model.kind

    def number_keys(self) -> int | None:
        return len(self.model.choices)  # type: ignore[union-attr]

    async def show(self, page: StepPage) -> None:
        """Another item of this step, in place of this one."""
        self.model = page
        self.position = page.place[1]
        body = self.query_one(Page)
        page_shown(self.app)
        with self.app.batch_update():
            self.set_focus(None)  # the focused choices go: the focus would move on to a button, and back
            self.query_one(TitleBar).show_progress(self.controller.where(), self.controller.where(short=True))
            await body.remove_children()
            await body.mount_all(list(self.page_lines()))
            body.scroll_home(animate=False, immediate=True)  # home in the first frame, not the one after
            self.set_focus(self.query_one(ChoiceList))
        self.refresh_bindings()

    def choice_list(self, chosen: str | None) -> ChoiceList:
        """The page's choices, numbered, with the current answer marked."""
        words = self.controller.words
        choices = [(c.id, c.label) for c in self.model.choices]  # type: ignore[union-attr]
        return ChoiceList(choices, chosen, words("choice.chosen"), words("choice_keys.range", count=len(choices)))

    def action_skip(self) -> None:
        """Enter with no choice highlighted: go on as n does, saying that the question was left unanswered and how
        to answer it."""
        if self.query_one(ChoiceList).chosen is None:
            hint(self, self.controller.words("skipped.went_on"), for_next_page=True)
        self.action_next()

    def action_choose(self, number: int) -> None:
        """A number key, wherever the focus is on the page; one with no choice says which numbers there are."""
        self.query_one(ChoiceList).action_number(number)
