"""A numbered list of choices: pick with a number key, or the arrow keys and Enter."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from decisionaid.core.catalogue import Catalogue
from decisionaid.tui.hints import hint


class ChoiceList(OptionList, inherit_bindings=False):
    """Choices numbered from 1; the current answer is marked in words, not only by colour.

    A step's screen gives the number keys to its one list (`action_number`); a number past the last choice says
    which numbers there are (`keys_hint`) instead of doing nothing. Home, End, Page Up and Page Down are left to the
    page around it, so long feedback can be scrolled.

    A list with no answer yet starts with nothing highlighted: Enter alone chooses nothing, and is left to the
    screen (`check_action`), which goes on as `n` does. An answer is always a choice the person made.
    """

    BINDINGS = [
        Binding("up", "cursor_up", "previous_choice", show=False, id="previous-choice"),
        Binding("down", "cursor_down", "next_choice", show=False, id="next-choice"),
        Binding("enter", "select", "choose_highlighted", show=False, id="choose-highlighted"),
    ]

    @dataclass
    class Chosen(Message):
        choice_list: ChoiceList
        choice_id: str

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        choices: list[tuple[str, str]],
        chosen: str | None,
        chosen_mark: str,
        keys_hint: str,
        *,
        id: str | None = None,
    ) -> None:
        self.choices = choices
        self.chosen = chosen
        self.chosen_mark = chosen_mark
        self.keys_hint = keys_hint
        super().__init__(*self._numbered(), id=id, classes="choices")

    def _numbered(self) -> list[Option]:
        return [
            Option(Content(f"{n}. {label}{self.chosen_mark if choice_id == self.chosen else ''}"), id=choice_id)
            for n, (choice_id, label) in enumerate(self.choices, 1)
        ]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line per choice when there is no room to wrap (OptionList fails on a width of zero)."""
        if width - self.get_component_styles("option-list--option").padding.width <= 0:
            return len(self.choices)
        return super().get_content_height(container, viewport, width)

    def on_mount(self) -> None:
        ids = [choice_id for choice_id, _ in self.choices]
        self.highlighted = ids.index(self.chosen) if self.chosen in ids else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter chooses only a highlighted choice not chosen yet; with none, or on the answer already chosen,
        Enter is the screen's (and so are its keys' words): it goes on, as n does."""
        if action == "select":
            highlighted = self.highlighted
            return highlighted is not None and self.choices[highlighted][0] != self.chosen
        return True

    def pick(self, index: int) -> None:
        """Choose the choice at `index` (0-based), as if selected with Enter."""
        if 0 <= index < len(self.choices):
            self.highlighted = index
            self._choose(self.choices[index][0])

    def number_keys(self) -> int:
        """How many number keys choose here (the keys help lists those)."""
        return len(self.choices)

    def action_number(self, number: int) -> None:
        """The choice with this number; a number with no choice says which numbers there are. A list scrolled out
        of view is brought back into it first, and chooses nothing: a key never changes an answer unseen."""
        if not shown_part(self):
            self.scroll_visible(animate=False)
            return
        if number <= len(self.choices):
            self.pick(number - 1)
        else:
            hint(self, self.keys_hint)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._choose(event.option.id)

    def _choose(self, choice_id: str) -> None:
        self.chosen = choice_id
        highlighted = self.highlighted
        self.set_options(self._numbered())
        self.highlighted = highlighted
        self.post_message(self.Chosen(self, choice_id))


class KeyedChoiceList(ChoiceList):
    """A ChoiceList that takes the number keys itself while it has the focus: on a page with more lists than one
    (who fills in the handout, the leaning), or in a dialog. The numbers on its lines say the keys; Enter with
    nothing highlighted says that it chose nothing, and which number keys there are, as such a page has no next step
    for Enter to go on to."""

    BINDINGS = [Binding(str(n), f"number({n})", "choose", show=False, id=f"choice-{n}") for n in range(1, 10)]

    def __init__(
        self,
        choices: list[tuple[str, str]],
        chosen: str | None,
        chosen_mark: str,
        keys_hint: str,
        *,
        enter_hint: str,
        id: str | None = None,
    ) -> None:
        """`enter_hint`: what Enter with nothing highlighted says."""
        super().__init__(choices, chosen, chosen_mark, keys_hint, id=id)
        self.enter_hint = enter_hint

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is always the list's own."""
        return True

    def action_select(self) -> None:
        if self.highlighted is None:
            hint(self, self.enter_hint)
            return
        super().action_select()

    def action_number(self, number: int) -> None:
        """A number key is for the list the person sees: when the page has scrolled this one out of view, or left
        only part of it while another is in full view, that other list takes it (and the focus)."""
        if shown_part(self) < 1:
            others = [other for other in self.screen.query(KeyedChoiceList) if other is not self]
            whole = [other for other in others if shown_part(other) == 1]
            if whole:
                whole[0].focus()
                whole[0].action_number(number)
                return
        super().action_number(number)


def numbered_choices(
    choices: list[tuple[str, str]],
    chosen: str | None,
    words: Catalogue,
    *,
    chosen_mark: str = "",
    id: str | None = None,
) -> ChoiceList:
    """A list that takes the number keys itself, worded by the catalogue: the chosen one's mark, and which number
    keys there are."""
    keys = words("choice_keys.range", count=len(choices))
    enter = words("skipped.enter_nothing", count=len(choices))
    return KeyedChoiceList(choices, chosen, chosen_mark or words("choice.chosen"), keys, enter_hint=enter, id=id)


def shown_part(widget: Widget) -> float:
    """How much of the widget's height is inside the visible part of the container that scrolls it, from 0 to 1."""
    container = next((a for a in widget.ancestors if isinstance(a, Widget) and a.is_scrollable), widget.screen)
    if not widget.region.height:
        return 0.0
    return widget.region.intersection(container.region).height / widget.region.height
