"""Only the full-screen interface imports Textual, and each layer imports only the layers below it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PURE_MODULES = [
    "decisionaid.content",
    "decisionaid.content.loader",
    "decisionaid.content.cross_checks",
    "decisionaid.content.compiled",
    "decisionaid.cache.packs",
    "decisionaid.cache.catalogues",
    "decisionaid.core.catalogue",
    "decisionaid.core.self_check",
    "decisionaid.core.controller",
    "decisionaid.core.figures",
    "decisionaid.core.handout",
    "decisionaid.core.journey",
    "decisionaid.core.step_names",
    "decisionaid.core.pages",
    "decisionaid.sanitize",
    "decisionaid.core.session",
    "decisionaid.core.summary",
    "decisionaid.storage.files",
    "decisionaid.storage.paths",
    "decisionaid.storage.settings",
    "decisionaid.storage.store",
    "decisionaid.export.render",
    "decisionaid.export.files",
    "decisionaid.export.html",
    "decisionaid.export.markdown",
    "decisionaid.export.text",
    "decisionaid.lint",
    "decisionaid.lint.readability",
    "decisionaid.lint.report",
    "decisionaid.lint.rules",
    "decisionaid.lint.wording",
    "decisionaid.plain.main",
    "decisionaid.cli",
    "decisionaid.serve.app",
    "decisionaid.storage.kiosk",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_module_does_not_import_textual(module: str):
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("command", [["validate", "tests/packs/commute"], ["schema"]])
def test_commands_do_not_import_textual(command: list[str]):
    code = (
        "import sys, runpy; sys.argv = ['decisionaid', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('decisionaid', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "CLEAN"


def test_the_import_contracts_in_pyproject_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" KEPT") >= 2 and " 0 broken" in result.stdout, "both contracts are checked"
