"""Every sentence a person reads lives in the catalogue: none is written into the front ends or the CLI."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "decisionaid"
SCANNED = ["core", "storage", "tui", "plain", "cli", "export", "serve"]
WORDS = re.compile(r"[A-Za-z]{2,}[,;:.!?]? +[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*>?|\{[^}]*\}")  # HTML tags and CSS rules: the export's markup, not its wording
NOT_FOR_PEOPLE = {
    'attachment; filename="',  # an HTTP header's fixed part
    "not sure yet",  # the value an answers file keeps for 'not sure' about the leaning (an id, never shown)
}
NOT_WORDING = {"classes", "id", "name", "action", "key_display", "metavar", "variant", "dest", "prefix", "suffix"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _exempt(tree: ast.AST) -> set[int]:
    """Constants that are names, classes or keys rather than sentences."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None:  # for developers, never shown
            found |= {id(n) for n in ast.walk(node.msg) if isinstance(n, ast.Constant)}
        if isinstance(node, ast.Raise) and node.exc is not None and _is_programming_error(node.exc):
            found |= {id(n) for n in ast.walk(node.exc) if isinstance(n, ast.Constant)}
        if isinstance(node, ast.Call):
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
        "SentenceError",  # the catalogue asked for in a way the aid's code should not: a fault for a developer
    }


def sentence_literals(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _exempt(tree)
    found = []
    for node in ast.walk(tree):
        literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        if literal and node.value not in NOT_FOR_PEOPLE and WORDS.search(MARKUP.sub(" ", node.value)):
            found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value!r}")
    return found


def test_no_sentence_is_written_outside_the_catalogue():
    files = [f for part in SCANNED for f in sorted((PACKAGE / part).rglob("*.py"))]
    assert files
    found = [line for f in files for line in sentence_literals(f)]
    assert found == [], "sentences belong in decisionaid/core/locales:\n" + "\n".join(found)


def test_the_scan_finds_a_sentence_written_in_code(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text('def f():\n    """Doc string here."""\n    return "Press Enter to go on"\n')
    assert sentence_literals(sample, root=tmp_path) == ["sample.py:3: 'Press Enter to go on'"]


def bindings_of_the_aid():
    """Every key binding declared in the full-screen aid's code, with the class that declares it."""
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    from decisionaid import tui

    for module in pkgutil.walk_packages(tui.__path__, f"{tui.__name__}."):
        loaded = importlib.import_module(module.name)
        for value in vars(loaded).values():
            if inspect.isclass(value) and issubclass(value, DOMNode) and value.__module__ == loaded.__name__:
                for binding in value.__dict__.get("BINDINGS", []):
                    assert isinstance(binding, Binding), f"{value.__name__}: a binding as a tuple has no id"
                    yield value.__name__, binding


def test_every_key_of_the_aid_has_an_id_and_is_named_in_every_catalogue():
    from decisionaid.core.catalogue import languages, load_catalogue

    found = list(bindings_of_the_aid())
    assert len(found) > 40
    for language in languages():
        words = load_catalogue(language)
        for owner, binding in found:
            assert binding.id, f"{owner}: {binding.key}: a key of the aid needs an id"
            assert f"bindings.{binding.description}.label" in words, f"{language}: {owner}: {binding.description}"
            shown = re.findall(r"[a-z]{2,}", binding.key_display or "")
            assert all(f"key_names.{name}" in words for name in shown), f"{language}: {owner}: {binding.key_display}"


def test_the_web_pages_templates_hold_markup_only():
    """Every word a web page shows comes into its template from the catalogue, a page model or the pack."""
    jinja = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
    found = []
    for template in sorted((PACKAGE / "serve" / "templates").glob("*.html")):
        text = MARKUP.sub(" ", jinja.sub(" ", template.read_text(encoding="utf-8")))
        found += [f"{template.name}: {word!r}" for word in re.findall(r"[A-Za-z]{2,}", text)]
    assert found == [], "words belong in decisionaid/core/locales:\n" + "\n".join(found)
