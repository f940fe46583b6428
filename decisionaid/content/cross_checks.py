"""Checks across a pack's files: ids, references, citations and balance."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from decisionaid.content.models import CardKind, Pack
from decisionaid.content.problems import Problem, did_you_mean


def cross_check(pack: Pack, folder: Path) -> list[Problem]:
    """Every cross-file problem in `pack`, all reported together."""
    checker = _Checker(pack, folder)
    checker.duplicate_ids()
    checker.references()
    checker.unused()
    checker.balance()
    checker.help_now()
    return checker.problems


class _Checker:
    def __init__(self, pack: Pack, folder: Path) -> None:
        self.pack = pack
        self.folder = folder
        self.problems: list[Problem] = []
        self.ids = {
            "section": [s.id for s in pack.sections],
            "option": [o.id for o in pack.options],
            "source": [s.id for s in pack.sources.sources],
            "card": [c.id for c in pack.cards.cards],
            "figure": [f.id for f in pack.figures.figures],
            "clinician question": [q.id for q in pack.clinician.questions],
            "topic": [t.id for t in pack.clinician.topics],
        }
        self.id_sets = {kind: set(ids) for kind, ids in self.ids.items()}

    def help_now(self) -> None:
        """Help-now lines unless the pack says it has none, and none when it says so."""
        meta, lines = self.pack.meta, self.pack.crisis.crisis
        if meta.help_now and not lines:
            self.add("crisis", "crisis", "no help-now line: give at least one, or say help_now = false in pack.toml")
        if not meta.help_now and lines:
            self.add("pack", "meta.help_now", "is false, yet crisis.toml has help-now lines: remove one or the other")

    def add(self, file: str, key: str, reason: str) -> None:
        self.problems.append(Problem(self.folder / f"{file}.toml", key, reason))

    def duplicate_ids(self) -> None:
        p = self.pack
        groups = [
            ("pack", "sections", p.sections),
            ("pack", "options", p.options),
            ("sources", "sources", p.sources.sources),
            ("cards", "cards", p.cards.cards),
            ("figures", "figures", p.figures.figures),
            ("self_check", "self_check", p.self_check.self_check),
            ("values", "values", p.values.values),
            ("clinician", "topics", p.clinician.topics),
            ("clinician", "questions", p.clinician.questions),
            ("comparison", "rows", p.comparison.rows),
        ]
        if p.sure.sure:
            groups.append(("sure", "sure.items", p.sure.sure.items))
        for file, key, items in groups:
            self._unique(file, key, items)
        for i, item in enumerate(p.self_check.self_check):
            self._unique("self_check", f"self_check[{i}].choices", item.choices)
        for i, item in enumerate(p.values.values):
            self._unique("values", f"values[{i}].choices", item.choices)

    def _unique(self, file: str, key: str, items: Iterable) -> None:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                self.add(file, f"{key}[{i}].id", f"duplicate id '{item.id}' (first at {key}[{first[item.id]}])")
            else:
                first[item.id] = i

    def ref(self, file: str, key: str, kind: str, wanted: str) -> None:
        if wanted not in self.id_sets[kind]:
            self.add(file, key, f"unknown {kind} '{wanted}'" + did_you_mean(wanted, self.ids[kind]))

    def refs(self, file: str, key: str, kind: str, wanted: list[str]) -> None:
        for j, one in enumerate(wanted):
            self.ref(file, f"{key}[{j}]", kind, one)

    def references(self) -> None:
        p = self.pack
        for i, c in enumerate(p.cards.cards):
            self.ref("cards", f"cards[{i}].section", "section", c.section)
            self.refs("cards", f"cards[{i}].options", "option", c.options)
            self.refs("cards", f"cards[{i}].sources", "source", c.sources)
            self.refs("cards", f"cards[{i}].figures", "figure", c.figures)
        for i, f in enumerate(p.figures.figures):
            self.ref("figures", f"figures[{i}].option", "option", f.option)
            self.refs("figures", f"figures[{i}].sources", "source", f.sources)
        for i, q in enumerate(p.self_check.self_check):
            self.refs("self_check", f"self_check[{i}].sources", "source", q.sources)
            self.refs("self_check", f"self_check[{i}].cards", "card", q.cards)
            self.refs("self_check", f"self_check[{i}].adds", "clinician question", q.adds)
        for i, v in enumerate(p.values.values):
            for j, choice in enumerate(v.choices):
                self.refs("values", f"values[{i}].choices[{j}].adds", "clinician question", choice.adds)
        if p.sure.sure:
            for i, item in enumerate(p.sure.sure.items):
                self.refs("sure", f"sure.items[{i}].adds", "clinician question", item.adds)
        for i, q in enumerate(p.clinician.questions):
            self.ref("clinician", f"questions[{i}].topic", "topic", q.topic)
        for i, r in enumerate(p.crisis.crisis):
            self.ref("crisis", f"crisis[{i}].source", "source", r.source)
        for i, row in enumerate(p.comparison.rows):
            for j, cell in enumerate(row.cells):
                key = f"rows[{i}].cells[{j}]"
                self.ref("comparison", f"{key}.option", "option", cell.option)
                self.refs("comparison", f"{key}.sources", "source", cell.sources)
                if cell.card is not None:
                    self.ref("comparison", f"{key}.card", "card", cell.card)

    def unused(self) -> None:
        p = self.pack
        cited = {s for c in p.cards.cards for s in c.sources}
        cited |= {s for f in p.figures.figures for s in f.sources}
        cited |= {s for q in p.self_check.self_check for s in q.sources}
        cited |= {r.source for r in p.crisis.crisis}
        cited |= {s for row in p.comparison.rows for cell in row.cells for s in cell.sources}
        for i, s in enumerate(p.sources.sources):
            if s.id not in cited:
                self.add("sources", f"sources[{i}]", f"source '{s.id}' is never cited")
        shown = {f for c in p.cards.cards for f in c.figures}
        for i, f in enumerate(p.figures.figures):
            if f.id not in shown:
                self.add("figures", f"figures[{i}]", f"figure '{f.id}' is not shown on any card")
        added = {q for item in p.self_check.self_check for q in item.adds}
        added |= {q for v in p.values.values for c in v.choices for q in c.adds}
        if p.sure.sure:
            added |= {q for item in p.sure.sure.items for q in item.adds}
        for i, q in enumerate(p.clinician.questions):
            if not q.core and q.id not in added:
                reason = f"question '{q.id}' is never included: not core and no answer adds it"
                self.add("clinician", f"questions[{i}]", reason)

    def balance(self) -> None:
        p = self.pack
        if not any(o.status_quo for o in p.options):
            self.add("pack", "options", "no option has status_quo = true (the 'no change' option)")
        self.comparison_balance()
        for i, option in enumerate(p.options):
            kinds = {c.kind for c in p.cards.cards if option.id in c.options}
            for needed in (CardKind.benefit, CardKind.harm):
                if needed not in kinds:
                    self.add("pack", f"options[{i}]", f"option '{option.id}' has no {needed.value} card")

    def comparison_balance(self) -> None:
        """Every option has exactly one cell in every row of the comparison table."""
        options = [o.id for o in self.pack.options]
        for i, row in enumerate(self.pack.comparison.rows):
            given = [cell.option for cell in row.cells]
            for option in options:
                if option not in given:
                    self.add("comparison", f"rows[{i}]", f"row '{row.id}' has no cell for option '{option}'")
            seen: set[str] = set()
            for j, option in enumerate(given):
                if option in seen:
                    self.add("comparison", f"rows[{i}].cells[{j}]", f"second cell for option '{option}'")
                seen.add(option)
