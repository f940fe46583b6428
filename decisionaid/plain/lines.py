"""Lines as a terminal shows them: wrapped by display width, with right-to-left isolates closed on each line.

Wrapping follows textwrap's algorithm (words never broken, continuation lines hanging under the text after any
indent or 'N. '), but measures each line in terminal cells rather than characters: a wide character (Chinese,
Japanese, most emoji) takes two cells, a combining mark or an invisible format character (an isolate) none.
"""

from __future__ import annotations

import re
import unicodedata

from decisionaid.core.bidi import FIRST_STRONG_ISOLATE, POP_ISOLATE

_HANGING = re.compile(r"^(\s*(?:\d+\.\s+)?)")
_CHUNKS = re.compile(r"[\t\n\x0b\x0c\r ]+|[^\t\n\x0b\x0c\r ]+")  # textwrap's words and spaces (no-break spaces bind)


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes."""
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(line: str, width: int) -> list[str]:
    """One line wrapped at `width` cells; continuation lines hang under the text after any indent or 'N. '."""
    if not line.strip():
        return [""]
    text = line.lstrip(" ")
    indent = line[: len(line) - len(text)]
    hang = " " * len(_HANGING.match(line).group(1))  # type: ignore[union-attr]
    chunks = [" " * len(c) if not c.strip() else c for c in _CHUNKS.findall(text.expandtabs())][::-1]
    lines: list[str] = []
    while chunks:
        lead = hang if lines else indent
        room = width - cell_width(lead)
        if lines and not chunks[-1].strip():
            chunks.pop()
        current: list[str] = []
        used = 0
        while chunks and used + cell_width(chunks[-1]) <= room:
            used += cell_width(chunks[-1])
            current.append(chunks.pop())
        if chunks and not current and cell_width(chunks[-1]) > room:
            current.append(chunks.pop())  # a word longer than the line is not broken
        if current and not current[-1].strip():
            current.pop()
        if current:
            lines.append(lead + "".join(current))
    return lines


def close_isolates(lines: list[str]) -> list[str]:
    """Each line's isolates closed at its end and opened again on the next line, so that a name wrapped across
    two lines is isolated on both (a terminal reorders each line on its own)."""
    out: list[str] = []
    open_before = 0
    for line in lines:
        depth = open_before
        for char in line:
            if char == FIRST_STRONG_ISOLATE:
                depth += 1
            elif char == POP_ISOLATE and depth:
                depth -= 1
        out.append(FIRST_STRONG_ISOLATE * open_before + line + POP_ISOLATE * depth)
        open_before = depth
    return out
