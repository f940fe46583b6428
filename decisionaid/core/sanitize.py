"""One cleaner for text that reaches a terminal or a file: nothing in it can act on the terminal."""

from __future__ import annotations

import re

# Terminal escape sequences: CSI (ESC [ or 0x9B), OSC (ESC ] or 0x9D) ended by BEL or ST,
# other string commands (DCS, SOS, PM, APC) ended by ST, and two-byte ESC sequences.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Remove what could act on a terminal or disguise text, keep everything else as typed.

    Removed: terminal escape sequences (CSI, OSC ended by BEL or ST, DCS/SOS/PM/APC strings,
    two-character ESC sequences), C0 and C1 control characters except newline and tab (a carriage
    return becomes a newline), and the bidirectional embedding, override and isolate controls
    (U+202A-U+202E, U+2066-U+2069), which can make text read differently from what it is.
    Right-to-left and left-to-right marks (U+200E, U+200F) and right-to-left letters are kept.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)
