"""After the values items on the short path: the ones it left out, offered with how long they take."""

from __future__ import annotations

from decisionaid.core import pages
from decisionaid.core.more import values_more
from decisionaid.tui.screens.base import OfferingScreen


class ValuesMoreScreen(OfferingScreen):
    TITLE_KEY = "values.title"
    AUTO_FOCUS = "#offering"

    def page_model(self) -> pages.Page:
        controller = self.controller
        minutes = controller.timing.left_out_minutes("values")
        return values_more(self.pack, controller.journey, self.session, controller.words, minutes)
