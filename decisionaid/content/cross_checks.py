"""Checks across a pack's files: ids, references, citations and balance.

They run on the files that loaded: a check that needs a file that failed says nothing, since anything it said
could follow from that file's own problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from decisionaid.content.models import CardKind, FactKind, SourceKind
from decisionaid.content.problems import Problem, did_you_mean

# The pack file that holds each kind of id.
ID_FILES = {
    "section": "pack",
    "option": "pack",
    "source": "sources",
    "card": "cards",
    "figure": "figures",
    "question": "clinician",
    "topic": "clinician",
}

# The kinds of source that can stand behind each kind of fact; a fact of kind 'other' may cite any.
FACT_SOURCES = {
    FactKind.label: {SourceKind.label},
    FactKind.trial: {SourceKind.trial, SourceKind.meta_analysis},
    FactKind.review: {SourceKind.review, SourceKind.meta_analysis},
    FactKind.guideline: {SourceKind.guideline},
    FactKind.regulator: {SourceKind.regulator},
    FactKind.survey: {SourceKind.survey},
}


def cross_check(files: Mapping[str, Any], folder: Path) -> list[Problem]:
    """Every cross-file problem among the pack's `files` that loaded (by pack field), all reported together."""
    checker = _Checker(files, folder)
    checker.duplicate_ids()
    checker.references()
    checker.fact_kinds()
    checker.unused()
    checker.balance()
    checker.help_now()
    return checker.problems


class _Checker:
    def __init__(self, files: Mapping[str, Any], folder: Path) -> None:
        self.files = files
        self.folder = folder
        self.problems: list[Problem] = []
        self.ids: dict[str, list[str]] = {}
        if self.loaded("pack"):
            self.ids["section"] = [s.id for s in files["pack"].sections]
            self.ids["option"] = [o.id for o in files["pack"].options]
        if self.loaded("sources"):
            self.ids["source"] = [s.id for s in files["sources"].sources]
        if self.loaded("cards"):
            self.ids["card"] = [c.id for c in files["cards"].cards]
        if self.loaded("figures"):
            self.ids["figure"] = [f.id for f in files["figures"].figures]
        if self.loaded("clinician"):
            self.ids["question"] = [q.id for q in files["clinician"].questions]
            self.ids["topic"] = [t.id for t in files["clinician"].topics]
        self.id_sets = {kind: set(ids) for kind, ids in self.ids.items()}

    def loaded(self, *names: str) -> bool:
        """Every one of these files loaded (an optional file left out counts as loaded and empty)."""
        return all(name in self.files for name in names)

    def add(self, file: str, key: str, says: str, suggestion: str | None = None, **values: object) -> None:
        self.problems.append(Problem(self.folder / f"{file}.toml", key, says, values, suggestion=suggestion))

    def help_now(self) -> None:
        """Help-now lines unless the pack says it has none, and none when it says so."""
        if not self.loaded("pack", "crisis"):
            return
        meta, lines = self.files["pack"].meta, self.files["crisis"].crisis
        if meta.help_now and not lines:
            self.add("crisis", "crisis", "no_help_now")
        if not meta.help_now and lines:
            self.add("pack", "meta.help_now", "help_now_but_lines")

    def duplicate_ids(self) -> None:
        f = self.files
        groups = [
            ("pack", "sections", lambda: f["pack"].sections),
            ("pack", "options", lambda: f["pack"].options),
            ("sources", "sources", lambda: f["sources"].sources),
            ("cards", "cards", lambda: f["cards"].cards),
            ("figures", "figures", lambda: f["figures"].figures),
            ("self_check", "self_check", lambda: f["self_check"].self_check),
            ("values", "values", lambda: f["values"].values),
            ("clinician", "topics", lambda: f["clinician"].topics),
            ("clinician", "questions", lambda: f["clinician"].questions),
            ("comparison", "rows", lambda: f["comparison"].rows),
            ("sure", "sure.items", lambda: f["sure"].sure.items if f["sure"].sure else []),
        ]
        for file, key, items in groups:
            if self.loaded(file):
                self._unique(file, key, items())
        if self.loaded("self_check"):
            for i, item in enumerate(f["self_check"].self_check):
                self._unique("self_check", f"self_check[{i}].choices", item.choices)
        if self.loaded("values"):
            for i, item in enumerate(f["values"].values):
                self._unique("values", f"values[{i}].choices", item.choices)

    def _unique(self, file: str, key: str, items: Iterable) -> None:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                self.add(file, f"{key}[{i}].id", "duplicate_id", id=item.id, first=f"{key}[{first[item.id]}]")
            else:
                first[item.id] = i

    def ref(self, file: str, key: str, kind: str, wanted: str) -> None:
        if wanted not in self.id_sets[kind]:
            self.add(file, key, f"unknown_{kind}", did_you_mean(wanted, self.ids[kind]), wanted=wanted)

    def refs(self, file: str, key: str, kind: str, wanted: list[str]) -> None:
        for j, one in enumerate(wanted):
            self.ref(file, f"{key}[{j}]", kind, one)

    def references(self) -> None:
        """Each reference names an id that exists, checked when both its own file and the file of the ids loaded."""
        f = self.files

        def can(file: str, *kinds: str) -> bool:
            return self.loaded(file, *(ID_FILES[kind] for kind in kinds))

        if self.loaded("cards"):
            for i, c in enumerate(f["cards"].cards):
                if can("cards", "section"):
                    self.ref("cards", f"cards[{i}].section", "section", c.section)
                    self.refs("cards", f"cards[{i}].options", "option", c.options)
                if can("cards", "source"):
                    self.refs("cards", f"cards[{i}].sources", "source", c.sources)
                if can("cards", "figure"):
                    self.refs("cards", f"cards[{i}].figures", "figure", c.figures)
        if self.loaded("figures"):
            for i, fig in enumerate(f["figures"].figures):
                if can("figures", "option"):
                    self.ref("figures", f"figures[{i}].option", "option", fig.option)
                if can("figures", "source"):
                    self.refs("figures", f"figures[{i}].sources", "source", fig.sources)
        if self.loaded("self_check"):
            for i, q in enumerate(f["self_check"].self_check):
                if can("self_check", "source"):
                    self.refs("self_check", f"self_check[{i}].sources", "source", q.sources)
                if can("self_check", "card"):
                    self.refs("self_check", f"self_check[{i}].cards", "card", q.cards)
                if can("self_check", "question"):
                    self.refs("self_check", f"self_check[{i}].adds", "question", q.adds)
        if can("values", "question"):
            for i, v in enumerate(f["values"].values):
                for j, choice in enumerate(v.choices):
                    self.refs("values", f"values[{i}].choices[{j}].adds", "question", choice.adds)
        if can("sure", "question") and f["sure"].sure:
            for i, item in enumerate(f["sure"].sure.items):
                self.refs("sure", f"sure.items[{i}].adds", "question", item.adds)
        if self.loaded("clinician"):
            for i, q in enumerate(f["clinician"].questions):
                self.ref("clinician", f"questions[{i}].topic", "topic", q.topic)
                if can("clinician", "source"):
                    self.refs("clinician", f"questions[{i}].sources", "source", q.sources)
        if can("crisis", "source"):
            for i, r in enumerate(f["crisis"].crisis):
                self.ref("crisis", f"crisis[{i}].source", "source", r.source)
        if self.loaded("comparison"):
            self.comparison_references()

    def fact_kinds(self) -> None:
        """An item that names the kind of its fact cites at least one source of that kind."""
        if not self.loaded("self_check", "sources"):
            return
        kinds = {s.id: s.kind for s in self.files["sources"].sources}
        for i, item in enumerate(self.files["self_check"].self_check):
            wanted = FACT_SOURCES.get(item.kind) if item.kind else None
            cited = [kinds[s] for s in item.sources if s in kinds]
            if wanted and not wanted.intersection(cited):
                named = ", ".join(dict.fromkeys(str(k.value) for k in cited))
                self.add(
                    "self_check",
                    f"self_check[{i}].kind",
                    "fact_kind_unsourced",
                    id=item.id,
                    kind=item.kind.value,
                    kinds=named,
                )

    def comparison_references(self) -> None:
        for i, row in enumerate(self.files["comparison"].rows):
            for j, cell in enumerate(row.cells):
                key = f"rows[{i}].cells[{j}]"
                if self.loaded("pack"):
                    self.ref("comparison", f"{key}.option", "option", cell.option)
                if self.loaded("sources"):
                    self.refs("comparison", f"{key}.sources", "source", cell.sources)
                if cell.card is not None and self.loaded("cards"):
                    self.ref("comparison", f"{key}.card", "card", cell.card)

    def unused(self) -> None:
        f = self.files
        if self.loaded("sources", "cards", "figures", "self_check", "crisis", "comparison", "clinician"):
            cited = {s for c in f["cards"].cards for s in c.sources}
            cited |= {s for q in f["clinician"].questions for s in q.sources}
            cited |= {s for fig in f["figures"].figures for s in fig.sources}
            cited |= {s for q in f["self_check"].self_check for s in q.sources}
            cited |= {r.source for r in f["crisis"].crisis}
            cited |= {s for row in f["comparison"].rows for cell in row.cells for s in cell.sources}
            for i, s in enumerate(f["sources"].sources):
                if s.id not in cited:
                    self.add("sources", f"sources[{i}]", "never_cited", id=s.id)
        if self.loaded("figures", "cards"):
            shown = {fig for c in f["cards"].cards for fig in c.figures}
            for i, fig in enumerate(f["figures"].figures):
                if fig.id not in shown:
                    self.add("figures", f"figures[{i}]", "figure_not_shown", id=fig.id)
        if self.loaded("clinician", "self_check", "values", "sure"):
            added = {q for item in f["self_check"].self_check for q in item.adds}
            added |= {q for v in f["values"].values for c in v.choices for q in c.adds}
            if f["sure"].sure:
                added |= {q for item in f["sure"].sure.items for q in item.adds}
            for i, q in enumerate(f["clinician"].questions):
                if not q.core and q.id not in added:
                    self.add("clinician", f"questions[{i}]", "never_included", id=q.id)

    def balance(self) -> None:
        if not self.loaded("pack"):
            return
        options = self.files["pack"].options
        if not any(o.status_quo for o in options):
            self.add("pack", "options", "no_status_quo")
        if self.loaded("comparison"):
            self.comparison_balance()
        if not self.loaded("cards"):
            return
        for i, option in enumerate(options):
            kinds = {c.kind for c in self.files["cards"].cards if option.id in c.options}
            for needed in (CardKind.benefit, CardKind.harm):
                if needed not in kinds:
                    self.add("pack", f"options[{i}]", f"no_{needed.value}_card", option=option.id)

    def comparison_balance(self) -> None:
        """Every option has exactly one cell in every row of the comparison table."""
        options = [o.id for o in self.files["pack"].options]
        for i, row in enumerate(self.files["comparison"].rows):
            given = [cell.option for cell in row.cells]
            for option in options:
                if option not in given:
                    self.add("comparison", f"rows[{i}]", "no_cell", row=row.id, option=option)
            seen: set[str] = set()
            for j, option in enumerate(given):
                if option in seen:
                    self.add("comparison", f"rows[{i}].cells[{j}]", "second_cell", option=option)
                seen.add(option)
