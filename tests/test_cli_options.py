"""`--pack`, `--language` and `--theme` mean the same written before or after the command, for every command;
a command that has no use for one says so in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import COMMUTE, run_in_process

PACK = str(COMMUTE)
NO_ANSWERS_ES = "todavía no hay respuestas guardadas para «commute»"


def both_ways(command: str, *options: str, rest: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The command line with the options before the command, and with them after it."""
    return [(*options, command, *rest), (command, *rest, *options)]


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_validate_checks_the_pack_named_by_pack(before: bool):
    args = ("--pack", PACK, "validate") if before else ("validate", "--pack", PACK)
    result = run_in_process(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("commute 0.1.0: valid: ")
    assert "ketamine" not in result.stdout


def test_validate_speaks_spanish_with_language_es_either_way():
    for args in both_ways("validate", "--language", "es", rest=(PACK,)):
        result = run_in_process(*args)
        assert result.stdout.startswith("commute 0.1.0: válido: 2 opciones"), args


def test_lint_checks_the_pack_named_by_pack_either_way():
    for args in both_ways("lint", "--pack", PACK):
        result = run_in_process(*args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.rstrip().endswith("commute 0.1.0: lint: 0 errors, 4 warnings"), args
        assert "ketamine" not in result.stdout


def test_a_failed_export_under_language_es_is_spanish_either_way(tmp_path: Path):
    for args in both_ways("export", "--language", "es", "--pack", PACK):
        result = run_in_process(*args, cwd=tmp_path)
        assert result.returncode == 2
        assert NO_ANSWERS_ES in result.stderr, args
        assert result.stderr.count("\n") == 1


def test_export_under_pack_uses_that_packs_answers_either_way(tmp_path: Path):
    run_in_process("--plain", "--pack", PACK, cwd=tmp_path, input="\n")  # saves the commute pack's answers
    for args in both_ways("export", "--pack", PACK):
        result = run_in_process(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Cycling or the bus to work" in result.stdout, args


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_serve_gets_the_pack_language_and_kiosk_either_way(monkeypatch: pytest.MonkeyPatch, before: bool):
    from decisionaid.serve import app

    served = []

    async def serve(options):
        served.append(options)
        return 0

    monkeypatch.setattr(app, "serve", serve)
    options = ("--pack", PACK, "--language", "es", "--kiosk", "--idle-minutes", "7")
    result = run_in_process(*((*options, "serve") if before else ("serve", *options)))
    assert result.returncode == 0, result.stderr
    [chosen] = served
    assert (chosen.pack.meta.id, chosen.language, chosen.kiosk, chosen.idle_minutes) == ("commute", "es", True, 7)


def test_serve_has_no_use_for_a_theme_either_way():
    """The web pages follow the browser's own colours, or their high-contrast look: no terminal theme."""
    for args in both_ways("serve", "--theme", "decisionaid-high-contrast", "--pack", PACK):
        result = run_in_process(*args)
        assert result.returncode == 2
        assert result.stderr == "decisionaid serve does not use --theme: leave it out\n", (args, result.stderr)


@pytest.mark.parametrize(
    ("command", "rest"),
    [("new", ("folder",)), ("schema", ("card.toml",))],
)
def test_new_and_schema_speak_spanish_with_language_es_either_way(tmp_path: Path, command: str, rest: tuple):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "kept.txt").write_text("")  # not empty: refused
    for args in both_ways(command, "--language", "es", rest=rest):
        result = run_in_process(*args, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert ("no está vacía" if command == "new" else "archivo desconocido") in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("command", "option", "rest"),
    [
        ("validate", "--theme", ()),
        ("lint", "--theme", ()),
        ("export", "--theme", ()),
        ("new", "--pack", ("folder",)),
        ("new", "--theme", ("folder",)),
        ("schema", "--pack", ()),
        ("schema", "--theme", ()),
    ],
)
def test_an_option_a_command_cannot_use_is_one_line_either_way(tmp_path: Path, command, option, rest):
    for args in both_ways(command, option, "x", rest=rest):
        result = run_in_process(*args, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (2, f"decisionaid {command} does not use {option}: leave it out\n")
    assert not (tmp_path / "folder").exists()


def test_the_refusal_speaks_the_language_asked_for():
    result = run_in_process("--language", "es", "--theme", "x", "validate")
    assert result.stderr == "decisionaid validate no usa --theme: quítelo\n"


def test_options_of_the_aid_itself_before_another_command_are_refused_not_ignored():
    result = run_in_process("--kiosk", "export", "--pack", PACK)
    assert (result.returncode, result.stderr) == (2, "decisionaid export does not use --kiosk: leave it out\n")


def test_the_aid_takes_pack_and_language_in_either_order(tmp_path: Path):
    first = run_in_process("--plain", "--pack", PACK, "--language", "es", cwd=tmp_path, input="q\n")
    second = run_in_process("--language", "es", "--plain", "--pack", PACK, cwd=tmp_path, input="q\n")
    assert first.returncode == second.returncode == 0
    assert "Cycling or the bus to work" in first.stdout
    assert "Pulse Enter para empezar" in first.stdout
    assert first.stdout == second.stdout
