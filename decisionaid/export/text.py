"""The handout laid out as lines of text, wrapped at 72 columns: the text export, plain mode and the full-screen
aid all show these lines. Web addresses are never broken, on a line of their own when they do not fit beside
their entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decisionaid.export.wrapping import wrap as wrap_lines

if TYPE_CHECKING:
    from decisionaid.core.handout import Block, Entry, Handout

WIDTH = 72


@dataclass(frozen=True)
class HandoutLine:
    """One line of the laid-out handout and what it is: 'title', 'rule' (under a heading), 'heading' (a section's),
    'topic' (a group's), 'top' (the lines under the title), or '' for an entry's line or a blank one."""

    text: str
    kind: str = ""


def render_text(handout: Handout, *, width: int = WIDTH) -> str:
    """The handout, then the rest under its own title; a blank line between sections."""
    return "\n".join([*handout_lines(handout, width), "", *rest_lines(handout, width)]) + "\n"


def handout_lines(handout: Handout, width: int = WIDTH) -> list[str]:
    return [line.text for line in handout_layout(handout, width)]


def rest_lines(handout: Handout, width: int = WIDTH) -> list[str]:
    return [line.text for line in rest_layout(handout, width)]


def handout_layout(handout: Handout, width: int = WIDTH) -> list[HandoutLine]:
    """The one-page part: title, the lines under it and its sections."""
    out = underlined(handout.title, "title", width)
    out += [HandoutLine(text, "top") for line in handout.top for text in wrap(line, width)]
    for block in handout.blocks:
        out += [HandoutLine(""), *block_layout(block, width)]
    return out


def rest_layout(handout: Handout, width: int = WIDTH, blocks: Iterable[Block] | None = None) -> list[HandoutLine]:
    """What follows the handout (or only `blocks` of it), under its own title."""
    out = underlined(handout.rest_title, "title", width)
    for block in handout.rest if blocks is None else blocks:
        out += [HandoutLine(""), *block_layout(block, width)] if block.level == 2 else block_layout(block, width)
    return out


def block_layout(block: Block, width: int) -> list[HandoutLine]:
    if block.level == 2:
        heading = underlined(block.heading, "heading", width)
    else:
        heading = [HandoutLine(text, "topic") for text in wrap(block.heading, width)]
    return [*heading, *(HandoutLine(line) for entry in block.entries for line in entry_lines(entry, width))]


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


def underlined(heading: str, kind: str, width: int) -> list[HandoutLine]:
    """A heading's lines, then a rule under them: '=' under a title, '-' under a section's heading."""
    lines = wrap(heading, width)
    rule = ("=" if kind == "title" else "-") * max(len(line) for line in lines)
    return [*(HandoutLine(line, kind) for line in lines), HandoutLine(rule, "rule")]


def wrap(text: str, width: int, first: str = "", indent: str = "") -> list[str]:
    """Lines of at most `width`; a word longer than a line is cut (web addresses are placed apart, never cut)."""
    return wrap_lines(text, width, first, indent) or [first.rstrip()]
