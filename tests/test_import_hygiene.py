"""The content, session, summary and export code never imports Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE_MODULES = [
    "decisionaid.content",
    "decisionaid.core.session",
    "decisionaid.storage.store",
    "decisionaid.core.summary",
    "decisionaid.export.render",
    "decisionaid.cli",
    "decisionaid.core.journey",
    "decisionaid.core.figures",
    "decisionaid.core.wording",
    "decisionaid.core.checking",
    "decisionaid.plain.main",
    "decisionaid.serve.server",
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
