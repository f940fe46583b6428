"""Where the full-screen aid works around Textual 8.2.8 to show screens sooner, and the switch that turns it off.

Every override of a Textual behaviour made for speed lives in `speedups.overrides`, each with the behaviour it
replaces, what it gained when measured, and its report for Textual in docs/upstream/. The aid's other speed work
is its own code, not a change to Textual's, and each piece obeys the same switch:

- `paint_later` (in `tui.collector`): the garbage collector is paused while the aid starts, and what the start
  made is set aside from it (`gc.freeze`) once the first screen is up.
- `import_later` (in `tui.app`): the screens' code is imported in the background once the first screen is up,
  the summary's once the step before it is up.
- `in_place` (in `tui.app.show`): another card, or another question of the same step, is written into the screen
  already up (`StepScreen.show`) instead of on a new screen.

`ActionButton` (tui/widgets/action_button.py) is the aid's own light button, not a change to Textual's Button,
and stays whatever the switch says.

`DECISIONAID_SPEEDUPS=off` turns every speed-up off: the aid then runs on Textual's own behaviour throughout
(for a test run that proves it behaves the same, or to try a new Textual). A list of names turns off only
those, to measure one: `DECISIONAID_SPEEDUPS=off:footer,in_place`. This module imports nothing of Textual's, so
the collector can read the switch before Textual is imported.
"""

from __future__ import annotations

import os

SWITCH = "DECISIONAID_SPEEDUPS"
NAMES = (
    "styled_once",  # overrides.StyledOnce
    "focus_styles_itself",  # overrides.FocusStylesItself
    "footer",  # overrides.FooterRebuiltOnChange
    "quiet_state",  # overrides.set_toggle_quietly
    "paint_later",  # tui.collector
    "import_later",  # tui.app.settle and _prepare_summary
    "in_place",  # tui.app.show
)


def turned_off(value: str | None) -> frozenset[str]:
    """The speed-ups a value of the switch turns off: 'off' all of them, 'off:a,b' those named, anything else none."""
    value = (value or "").strip()
    if value == "off":
        return frozenset(NAMES)
    if not value.startswith("off:"):
        return frozenset()
    return frozenset(name.strip() for name in value.removeprefix("off:").split(",")) & set(NAMES)


OFF = turned_off(os.environ.get(SWITCH))


def on(name: str) -> bool:
    """Whether the speed-up `name` is on (every one is, unless the switch turned it off)."""
    return name not in OFF
