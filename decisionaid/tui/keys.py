"""The keys' words: every key the aid offers is named, and explained, by the interface's catalogue.

Textual's bindings are declared on classes, before any catalogue is chosen, so a binding's description names
its entry in the catalogue's [bindings] table instead of saying it: `Binding("left,b", "back", "back")` is
labelled by `bindings.back.label` (and `bindings.back.tip`, where a tip helps). The screens of the aid list their
keys through `active_bindings`, which the footer and the keys help read: there each binding gets its words,
once per binding and app. Key names ('home', 'pgup', 'shift+tab') come from the catalogue's [key_names].
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding, Binding

from decisionaid.core.catalogue import Catalogue
from decisionaid.core.pages.at import Keys
from decisionaid.tui.window import SizedToWindow


def page_keys(words: Catalogue) -> Keys:
    """How the full-screen aid's keys are named in the pages' sentences."""
    return Keys(words("welcome.help_key_tui"), words("self_check.reopen_key_tui"))


class KeyLabels:
    """The catalogue's words for keys; each binding is labelled the first time it is shown, then remembered."""

    def __init__(self, words: Catalogue) -> None:
        self.words = words
        # By the binding's identity, quicker than its hash of every field; the binding is kept with its label,
        # so that its identity cannot pass to another.
        self._labelled: dict[int, tuple[Binding, Binding]] = {}
        self._names: dict[str, str] = {}

    def label(self, binding: Binding) -> Binding:
        """The binding with its label and tip from the catalogue; one the aid does not name, as it is."""
        known = self._labelled.get(id(binding))
        if known is None or known[0] is not binding:
            known = self._labelled[id(binding)] = (binding, self._label(binding))
        return known[1]

    def _label(self, binding: Binding) -> Binding:
        words, entry = self.words, f"bindings.{binding.description}"
        if binding.id is None or f"{entry}.label" not in words:
            return binding  # Textual's own, such as the editing keys of a text field
        tip = words(f"{entry}.tip") if f"{entry}.tip" in words else ""
        return replace(binding, description=words(f"{entry}.label"), tooltip=tip)

    def active(self, found: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
        """A screen's active bindings, labelled."""
        shown = {}
        for key, active in found.items():
            labelled = self.label(active.binding)
            if labelled is not active.binding:
                active = ActiveBinding(active.node, labelled, active.enabled, labelled.tooltip)
            shown[key] = active
        return shown

    def key_name(self, shown: str) -> str:
        """A key as Textual writes it ('shift+tab', 'pgup', '^c'), each part named by the catalogue where it has
        a name ('letter' stands for any card's letter)."""
        name = self._names.get(shown)
        if name is None:
            words = self.words
            parts = (words(f"key_names.{part}") if f"key_names.{part}" in words else part for part in shown.split("+"))
            name = self._names[shown] = "+".join(parts)
        return name


class LabelledScreen(SizedToWindow):
    """A screen of the aid: its keys, and Textual's own keys for moving the focus and copying, named by the app's
    catalogue (`app.key_labels`)."""

    BINDINGS = [
        Binding("tab", "app.focus_next", "focus_next", show=False, id="focus-next"),
        Binding("shift+tab", "app.focus_previous", "focus_previous", show=False, id="focus-previous"),
        Binding("ctrl+c", "screen.copy_text", "copy", show=False, id="copy"),  # a terminal keeps cmd+c itself
    ]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return self.app.key_labels.active(super().active_bindings)  # type: ignore[attr-defined]
