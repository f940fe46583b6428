"""The command line as an author or a script meets it; what a separate process proves (the entry points, what is
imported, an installed wheel) runs in one."""

from __future__ import annotations

import json
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import COMMUTE, ROOT, run_cli, run_in_process


def test_help_documents_every_command():
    result = run_in_process("--help")
    assert result.returncode == 0
    from decisionaid.cli import COMMANDS

    names = list(COMMANDS)
    for name in names:
        assert re.search(rf"^\s+{name}\s+\S", result.stdout, re.M), name
    assert "never makes one" in result.stdout
    assert not [w for w in ("medical", "clinician", "crisis", "988") if w in result.stdout.lower()], "topic-free"
    for name in names:
        sub = run_in_process(name, "--help")
        assert sub.returncode == 0
        assert sub.stdout.startswith(f"usage: decisionaid {name}")


def test_validate_prints_one_summary_line():
    result = run_in_process("validate", str(COMMUTE))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "commute 0.1.0: valid: 2 options, 7 cards, 1 figure, 2 self-check questions, 2 values items, "
        "4 SURE items, 4 questions, 2 sources, 1 help-now resource\n"
    )
    assert result.stderr == ""


def test_validate_with_no_argument_checks_the_shipped_packs():
    result = run_in_process("validate", cwd=ROOT.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ketamine ")


def test_schema_is_json_schema_for_the_whole_pack_and_each_file():
    whole = json.loads(run_in_process("schema").stdout)
    assert set(whole["properties"]) >= {"pack", "sources", "cards", "clinician", "crisis"}
    cards = json.loads(run_in_process("schema", "cards.toml").stdout)
    assert cards["title"] == "CardsFile"
    assert "cards" in cards["required"]


def test_schema_rejects_an_unknown_file_name():
    result = run_in_process("schema", "card.toml")
    assert result.returncode == 2
    assert result.stderr.startswith("decisionaid schema: unknown file 'card.toml' (did you mean 'cards.toml'?); ")
    assert result.stderr.count("\n") == 1


def test_app_refuses_to_start_on_a_broken_pack(tmp_path: Path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.toml").write_text("schema_version = 2\n")
    result = run_in_process("--pack", str(pack))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "pack.toml: schema_version: must be the number 1 without quotes, the only format version" in result.stderr
    assert result.stderr.rstrip().endswith("problems in the content; nothing was started")


def test_help_does_not_load_the_content_models():
    import subprocess

    code = (
        "import sys\nfrom decisionaid.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, 'textual' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "False False"


def test_python_dash_m_and_the_console_script_agree():
    script = Path(sys.executable).parent / "decisionaid"
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    import subprocess

    out = subprocess.run([str(script), "validate", str(COMMUTE)], capture_output=True, text=True)
    assert out.stdout == run_cli("validate", str(COMMUTE)).stdout


def test_the_wheel_carries_the_content_and_finds_it_from_elsewhere(tmp_path: Path):
    """A non-editable install must find its packs without the source tree."""
    import subprocess

    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0 and "No module named" in built.stderr:
        pytest.skip("hatchling is not installed")
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("decisionaid-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "decisionaid/_content/ketamine/pack.toml" in names
    assert "decisionaid/cli/starter/pack.toml" in names, "`decisionaid new` has its example pack"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r}); "
            "from decisionaid.cli import main; raise SystemExit(main(['validate']))",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ketamine ")
    compiled = [name for name in names if name.startswith("decisionaid/_compiled/ketamine.")]
    assert len(compiled) == 1, "the wheel carries the shipped pack compiled"
    catalogues = {name.rsplit("/", 1)[1].split(".")[0] for name in names if "/_compiled/catalogues/" in name}
    assert catalogues == {"en", "es", "fr"}, "the wheel carries the interface's sentences compiled"
    opened = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r}); "
            "from decisionaid.cli.packs import load_or_report; pack = load_or_report(None); "
            "print(pack.meta.id, 'pydantic' in sys.modules)",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert opened.stdout.split() == ["ketamine", "False"], opened.stderr
    cache = Path(os.environ["DECISIONAID_CACHE_DIR"])
    assert not cache.exists() or not any(cache.rglob("*.json")), "the built-in compiled form needs no cache"
