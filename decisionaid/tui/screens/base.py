"""What every step of the journey shares: back and next, and access to the app's pack and answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button

from decisionaid.core.session import Session
from decisionaid.tui.widgets.choices import ChoiceList

if TYPE_CHECKING:
    from decisionaid.tui.app import DecisionAidApp


def number_bindings(description: str = "Choose") -> list[Binding]:
    """Keys 1-9 for `choose(n)`; only the first is shown in the footer, as '1-9'."""
    return [
        Binding(
            str(n), f"choose({n})", description, show=n == 1, key_display="1-9" if n == 1 else None, id=f"choose-{n}"
        )
        for n in range(1, 10)
    ]


class AidScreen(Screen):
    """A screen of the aid, with typed access to the app; the crisis key comes first in its footer."""

    BINDINGS = [Binding("f2", "app.crisis", "Crisis help", id="crisis-first")]

    @property
    def aid(self) -> DecisionAidApp:
        return cast("DecisionAidApp", self.app)

    @property
    def session(self) -> Session:
        session = self.aid.session
        assert session is not None, "journey screens are only shown with a session"
        return session

    def keep_typing(self) -> None:
        """Put into the session any text typed here that is still waiting to be recorded; most screens have none."""

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button runs the action named by its id, so buttons and keys do the same thing."""
        await self.run_action(event.button.id or "")


class StepScreen(AidScreen):
    """A step with back and next."""

    BINDINGS = [
        Binding("left,b", "back", "Back", key_display="←/b", id="back"),
        Binding("right,n", "next", "Next", key_display="→/n", id="next"),
    ]

    def __init__(self, position: int = 0) -> None:
        super().__init__()
        self.position = position

    async def action_next(self) -> None:
        await self.aid.step(1)

    async def action_back(self) -> None:
        await self.aid.step(-1)

    def navigation(self) -> ComposeResult:
        """The Back and Next buttons under a step."""
        with Horizontal(classes="nav"):
            yield Button("← Back", id="back", compact=True)
            yield Button("Next →", id="next", variant="primary", compact=True)


class ChoiceStepScreen(StepScreen):
    """A step answered by picking one choice: number keys 1-9 pick from its ChoiceList."""

    AUTO_FOCUS = ".choices"
    BINDINGS = number_bindings()

    @property
    def choice_count(self) -> int:
        """How many choices this step offers; keys above it are greyed out."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return int(str(parameters[0])) <= self.choice_count
        return True

    def action_choose(self, number: int) -> None:
        self.query_one(ChoiceList).pick(number - 1)
