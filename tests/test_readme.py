"""The README stays short enough to read: at most 250 lines, its prose lines at most 100 characters (tables and
code blocks aside). Details belong in docs/."""

from __future__ import annotations

from tests.helpers import ROOT

MOST_LINES = 250
MOST_PROSE_WIDTH = 100


def prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines outside code blocks and tables, numbered from 1."""
    found, in_code = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and not line.startswith("|"):
            found.append((number, line))
    return found


def test_the_readme_is_at_most_250_lines():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MOST_LINES, f"README.md has {len(lines)} lines: move details to docs/"


def test_the_readme_prose_lines_are_at_most_100_characters():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    long = [f"README.md:{n}: {len(line)}" for n, line in prose_lines(text) if len(line) > MOST_PROSE_WIDTH]
    assert long == [], "prose lines longer than 100 characters:\n" + "\n".join(long)


def test_code_blocks_and_tables_are_left_out_of_the_prose():
    text = "a\n```sh\n" + "x" * 120 + "\n```\n| " + "y" * 120 + " |\nb\n"
    assert prose_lines(text) == [(1, "a"), (6, "b")]
