"""A numbered list of choices: pick with 1-9, or the arrow keys and Enter."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceList(OptionList, inherit_bindings=False):
    """Choices numbered from 1; the current answer is marked in words, not only by colour.

    Page Up and Page Down are left to the page around it, so long feedback can be scrolled.
    """

    BINDINGS = [
        Binding("up", "cursor_up", "previous_choice", show=False, id="previous-choice"),
        Binding("down", "cursor_down", "next_choice", show=False, id="next-choice"),
        Binding("home", "first", "first_choice", show=False, id="first-choice"),
        Binding("end", "last", "last_choice", show=False, id="last-choice"),
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
        self, choices: list[tuple[str, str]], chosen: str | None, chosen_mark: str, *, id: str | None = None
    ) -> None:
        self.choices = choices
        self.chosen = chosen
        self.chosen_mark = chosen_mark
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
        self.highlighted = ids.index(self.chosen) if self.chosen in ids else 0

    def pick(self, index: int) -> None:
        """Choose the choice at `index` (0-based), as if selected with Enter."""
        if 0 <= index < len(self.choices):
            self.highlighted = index
            self._choose(self.choices[index][0])

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
