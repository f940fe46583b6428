"""One cleaner for text that reaches a terminal or a file: nothing in it can act on the terminal.

Whatever its origin (a content pack, an answers file, something typed, a file name), text is cleaned
where it enters the program: `clean_text` for prose, `clean_data` for everything read from a TOML file,
`escape_controls` and `display_path` for names, whose odd characters are shown rather than dropped.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

# Terminal escape sequences: CSI (ESC [ or the one-character CSI, U+009B) with its parameters;
# OSC (ESC ] or U+009D) ended by BEL or ST (ESC \ or U+009C), or unended; the other string commands
# DCS, SOS, PM and APC (ESC P, X, ^, _ or U+0090, U+0098, U+009E, U+009F) ended by ST; and every
# other ESC sequence (intermediates, then one final character).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 controls but tab and newline, DEL, every C1 control, and the bidirectional embeddings, overrides
# and isolates (U+202A-U+202E, U+2066-U+2069), which make text read differently from what it is.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# For names: the same characters, and newline and tab too (a file name is one line).
_NAME_CONTROLS = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)  # and a name's undecodable bytes


def clean_text(text: str) -> str:
    """Remove what could act on a terminal or disguise text, keep everything else as written.

    Removed: whole terminal escape sequences, C0 and C1 control characters except newline and tab
    (a carriage return becomes a newline, so it cannot overwrite a line), and the bidirectional
    embedding, override and isolate controls. Right-to-left and left-to-right marks (U+200E, U+200F)
    and right-to-left letters are kept. Cleaning clean text changes nothing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return CONTROLS.sub("", text)


def first_control(text: str) -> str | None:
    """The first character `clean_text` would remove or change, or None; for refusing it with its name."""
    found = CONTROLS.search(text)
    return found.group() if found else None


def code_point(char: str) -> str:
    """'U+001B'."""
    return f"U+{ord(char):04X}"


def clean_data(value: Any) -> Any:
    """The same TOML data with every text in it (keys too) cleaned; numbers, dates and booleans unchanged.

    The data must be no deeper than the TOML reader allows (see storage.tomlfile), which keeps this
    recursion short.
    """
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    return value


def escape_controls(text: str) -> str:
    """A name shown with its control characters made visible ('\\x1b', '\\u202e') instead of acting."""
    return _NAME_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def display_path(path: Path | str) -> str:
    """A path for a message: relative to the working directory when it lies below it, control characters
    made visible. Symbolic links are not followed, so a link is named, never its target."""
    path = Path(path)
    absolute = Path(os.path.abspath(path))
    try:
        shown = str(absolute.relative_to(Path.cwd()))
    except (ValueError, OSError):
        shown = str(path)
    return escape_controls(shown)
