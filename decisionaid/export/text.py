"""The handout as plain text, wrapped at 72 columns: web addresses are never broken, on a line of their own
when they do not fit beside their entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.export.wrapping import wrap as wrap_lines

if TYPE_CHECKING:
    from decisionaid.core.handout import Block, Entry, Handout

WIDTH = 72


def render_text(handout: Handout, *, width: int = WIDTH) -> str:
    """The handout, then the rest under its own title; a blank line between sections."""
    return "\n".join([*handout_lines(handout, width), "", *rest_lines(handout, width)]) + "\n"


def handout_lines(handout: Handout, width: int = WIDTH) -> list[str]:
    """The one-page part: title, the lines under it and its sections."""
    out = underlined(handout.title, "=", width)
    for line in handout.top:
        out += wrap(line, width)
    for block in handout.blocks:
        out += ["", *block_lines(block, width)]
    return out


def rest_lines(handout: Handout, width: int = WIDTH) -> list[str]:
    """What follows the handout, under its own title."""
    out = underlined(handout.rest_title, "=", width)
    for block in handout.rest:
        out += ["", *block_lines(block, width)] if block.level == 2 else block_lines(block, width)
    return out


def block_lines(block: Block, width: int) -> list[str]:
    heading = underlined(block.heading, "-", width) if block.level == 2 else wrap(block.heading, width)
    return [*heading, *(line for entry in block.entries for line in entry_lines(entry, width))]


def entry_lines(entry: Entry, width: int) -> list[str]:
    """A list item with a hanging indent and its details under it, or a paragraph keeping its line breaks."""
    if not entry.marker:
        lines = [w for line in entry.text.split("\n") for w in (wrap(line, width) if line.strip() else [""])]
        indent = ""
    else:
        indent = " " * (len(entry.marker) + 1)
        lines = wrap(entry.text, width, f"{entry.marker} ", indent)
    for detail in entry.details:
        lines += wrap(detail, width, indent, indent)
    if entry.link:
        if len(lines[-1]) + 1 + len(entry.link) <= width:
            lines[-1] += " " + entry.link
        else:
            lines.append(indent + entry.link)
    return lines


def underlined(heading: str, rule: str, width: int) -> list[str]:
    lines = wrap(heading, width)
    return [*lines, rule * max(len(line) for line in lines)]


def wrap(text: str, width: int, first: str = "", indent: str = "") -> list[str]:
    """Lines of at most `width`; a word longer than a line is cut (web addresses are placed apart, never cut)."""
    return wrap_lines(text, width, first, indent) or [first.rstrip()]
