"""The hazard log names real tests: every `tests/file.py::name` it gives as evidence exists (`::name` is
in the file named last)."""

from __future__ import annotations

import ast
import re

from tests.helpers import ROOT

LOG = ROOT / "docs" / "hazard-log.md"
REFERENCE = re.compile(r"(tests/[\w/]+\.py)(?:::(\w+))?|::(\w+)")


def test_functions(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


test_functions.__test__ = False  # a helper, not a test


def test_every_piece_of_evidence_in_the_hazard_log_is_a_real_test() -> None:
    text = LOG.read_text(encoding="utf-8")
    current, missing, seen = None, [], 0
    for file, named, name in REFERENCE.findall(text):
        current = file or current
        name = named or name
        if not name:
            continue
        assert current, f"::{name} comes before any test file is named"
        seen += 1
        if name not in test_functions(ROOT / current):
            missing.append(f"{current}::{name}")
    assert seen > 40 and missing == []
