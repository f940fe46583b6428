"""The end of the self-check: what the person now knows, said as learning, never as a score, and the
questions skipped or left out of the short path, offered."""

from __future__ import annotations

from decisionaid.core import pages
from decisionaid.tui.screens.base import OfferingScreen


class LearntScreen(OfferingScreen):
    """Topics answered correctly as 'You now know…'; the others as things to ask about."""

    TITLE_KEY = "learnt.title"
    AUTO_FOCUS = "#offering"

    def page_model(self) -> pages.Page:
        controller = self.controller
        minutes = controller.timing.left_out_minutes("self_check")
        return pages.learnt_page(self.pack, controller.journey, self.session, controller.words, minutes)
