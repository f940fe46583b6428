"""The handout as Markdown: every text from the pack or the person is escaped, so it shows literally."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from decisionaid.core.handout import Block, Entry, Handout

_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_LINE_MARKER = re.compile(r"^([-+=])(?=\s|$)")
_MD_LINE_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def md_link(url: str) -> str:
    """A web address as a Markdown autolink; characters that could end it or start markup are percent-encoded."""
    return f"<{quote(url, safe=_URL_SAFE)}>"


def md_escape(text: str) -> str:
    """One line shown literally in Markdown: inline markup and line-start markers escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text.strip())
    escaped = _MD_LINE_MARKER.sub(r"\\\1", escaped)
    return _MD_LINE_NUMBER.sub(r"\1\\\2", escaped)


def render_markdown(handout: Handout) -> str:
    """The handout under a level-1 title, then the rest under another; sections at level 2, groups at 3."""
    out = [f"# {md_escape(handout.title)}", "", *_hard_breaks([md_escape(line) for line in handout.top])]
    for block in handout.blocks:
        out += _block(block)
    out += ["", "---", "", f"# {md_escape(handout.rest_title)}"]
    for block in handout.rest:
        out += _block(block)
    return "\n".join(out) + "\n"


def _block(block: Block) -> list[str]:
    out = ["", f"{'#' * block.level} {md_escape(block.heading)}"]
    in_list = False
    for entry in block.entries:
        if not entry.marker:
            out += ["", *_paragraphs(entry.text)]
            in_list = False
            continue
        if not in_list:
            out.append("")
            in_list = True
        out += _item(entry)
    return out


def _item(entry: Entry) -> list[str]:
    indent = " " * (len(entry.marker) + 1)
    first = md_escape(entry.text) + (f" {md_link(entry.link)}" if entry.link else "")
    lines = [first, *(md_escape(d) for d in entry.details)]
    return _hard_breaks([f"{entry.marker} {lines[0]}", *(indent + line for line in lines[1:])])


def _hard_breaks(lines: list[str]) -> list[str]:
    """Lines of one paragraph or list item, each kept on its own line."""
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks are kept."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [md_escape(line) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out += ([""] if out else []) + _hard_breaks(lines)
    return out
