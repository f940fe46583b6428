"""Every sentence a person reads lives in the catalogue: none is written into the front ends or the CLI."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "decisionaid"
SCANNED = ["tui", "plain", "cli", "export", "serve"]
WORDS = re.compile(r"[A-Za-z]{2,}[,;:.!?]? +[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*>?|\{[^}]*\}")  # HTML tags and CSS rules: the export's markup, not its wording
NOT_FOR_PEOPLE = {'attachment; filename="'}  # an HTTP header's fixed part
NOT_WORDING = {"classes", "id", "name", "action", "key_display", "metavar", "variant", "dest", "prefix", "suffix"}
# Textual's key bindings are declared on the class, before any catalogue is chosen: their short labels
# are the one known exception, listed here so that nothing else can slip in.
BINDING_CALLS = {"Binding", "number_bindings"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _exempt(tree: ast.AST) -> set[int]:
    """Constants that are names, classes, keys or binding labels rather than sentences."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None:  # for developers, never shown
            found |= {id(n) for n in ast.walk(node.msg) if isinstance(n, ast.Constant)}
        if isinstance(node, ast.Raise) and node.exc is not None and _is_programming_error(node.exc):
            found |= {id(n) for n in ast.walk(node.exc) if isinstance(n, ast.Constant)}
        if isinstance(node, ast.Call):
            callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if callee in BINDING_CALLS:
                found |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Constant)}
            for keyword in node.keywords:
                if keyword.arg in NOT_WORDING:
                    found |= {id(n) for n in ast.walk(keyword.value) if isinstance(n, ast.Constant)}
    return found


def _is_programming_error(exc: ast.expr) -> bool:
    call = exc.func if isinstance(exc, ast.Call) else exc
    return isinstance(call, ast.Name) and call.id in {
        "ValueError",
        "TypeError",
        "AssertionError",
        "NotImplementedError",
    }


def sentence_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _exempt(tree)
    found = []
    for node in ast.walk(tree):
        literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        if literal and node.value not in NOT_FOR_PEOPLE and WORDS.search(MARKUP.sub(" ", node.value)):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_no_sentence_is_written_outside_the_catalogue():
    files = [f for part in SCANNED for f in sorted((PACKAGE / part).rglob("*.py"))]
    assert files
    found = [line for f in files for line in sentence_literals(f)]
    assert found == [], "sentences belong in decisionaid/core/locales:\n" + "\n".join(found)


def test_the_scan_finds_a_sentence_written_in_code(tmp_path: Path):
    sample = ROOT / "decisionaid" / "tui" / "_sample_for_test.py"
    try:
        sample.write_text('def f():\n    """Doc string here."""\n    return "Press Enter to go on"\n')
        assert [line.split(": ", 1)[1] for line in sentence_literals(sample)] == ["'Press Enter to go on'"]
    finally:
        sample.unlink()
