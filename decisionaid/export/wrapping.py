"""Wrapping text at a width, as textwrap does, in time linear in the length of the text.

textwrap breaks a word longer than the line by cutting off one line's worth and copying the rest,
again and again, so a long unbroken run (a pasted 50 MB note) takes time growing with its square.
Here the rest of such a word is cut into line-sized pieces once; every line comes out the same.
"""

from __future__ import annotations

import textwrap


class _LinearWrapper(textwrap.TextWrapper):
    """textwrap's own algorithm; only the handling of a word longer than a line differs, in cost alone."""

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
        chunk = reversed_chunks.pop()
        head = 1 if width < 1 else width - cur_len
        cur_line.append(chunk[:head])
        if not chunk.strip():  # spaces: the rest starts the next line, where it is dropped whole
            reversed_chunks.append(chunk[head:])
            return
        later = max(1, self.width - len(self.subsequent_indent))
        pieces = [chunk[start : start + later] for start in range(head, len(chunk), later)]
        reversed_chunks.extend(reversed(pieces))


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """`textwrap.wrap(text, width, initial_indent=..., subsequent_indent=..., break_on_hyphens=False)`."""
    wrapper = _LinearWrapper(
        width, initial_indent=initial_indent, subsequent_indent=subsequent_indent, break_on_hyphens=False
    )
    return wrapper.wrap(text)
