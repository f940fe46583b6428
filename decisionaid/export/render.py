"""From a summary to a file the person takes to the clinician: plain text or Markdown.

Pure Python: never imports Textual. Text the person typed is cleaned before it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.pages import long_date, source_links
from decisionaid.core.summary import Summary
from decisionaid.export.wrapping import wrap
from decisionaid.sanitize import clean_text, display_path
from decisionaid.storage.files import atomic_write

if TYPE_CHECKING:
    from decisionaid.content.models import Pack

FORMATS = ("text", "md")
SUFFIXES = {"text": ".txt", "md": ".md"}

HEADINGS = {
    "matters": "What matters to me",
    "unsure": "What I am not sure about",
    "questions": "Questions to ask",
    "own": "My own questions",
    "note": "My note",
    "sure": "My SURE answers",
    "sources": "Sources behind the cards I read",
    "crisis": "If you need help now",
}


class ExportError(Exception):
    """An export that could not be written, with a one-line reason naming the path."""


class ExportExists(ExportError):
    """The export file is already there and replacing it was not asked for."""


def default_export_name(pack: Pack, today: date, *, fmt: str = "text") -> str:
    """The suggested file name, e.g. 'ketamine-questions-2026-11-21.txt'."""
    return f"{pack.meta.id}-questions-{today.isoformat()}{SUFFIXES[fmt]}"


# --- what goes in the export, in order, independent of the format ---------


@dataclass(frozen=True)
class _Item:
    """One list entry: a marker ('-' or '3.'), its text, then lines under it."""

    text: str
    marker: str = "-"
    details: tuple[str, ...] = ()
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Block:
    """A section (level 2) or a topic within the questions section (level 3)."""

    heading: str
    level: int = 2
    items: tuple[_Item, ...] = ()
    note: str = ""
    closing: str = ""


def _blocks(summary: Summary, pack: Pack) -> Iterator[_Block]:
    """The sections of the export in order; empty sections are left out."""
    if summary.matters:
        yield _Block(HEADINGS["matters"], items=tuple(_Item(m) for m in summary.matters))
    if summary.unsure:
        yield _Block(HEADINGS["unsure"], items=tuple(_Item(u) for u in summary.unsure))
    groups = summary.ticked_groups()
    if groups:
        yield _Block(HEADINGS["questions"])
        number = 0
        for group in groups:
            items = []
            for question in group.questions:
                number += 1
                why = "Why: " + " ".join(question.reasons)
                items.append(_Item(question.text, marker=f"{number}.", details=(why,)))
            yield _Block(group.title, level=3, items=tuple(items))
    own = [_typed_lines(q) for q in summary.own_questions]
    own = [lines for lines in own if lines]
    if own:
        yield _Block(HEADINGS["own"], items=tuple(_Item(lines[0], details=tuple(lines[1:])) for lines in own))
    note = clean_text(summary.note).strip()
    if note:
        yield _Block(HEADINGS["note"], note=note)
    if summary.sure and pack.sure.sure:
        items = tuple(
            _Item(f"{a.text} {'Yes' if a.yes else 'No'}", details=(a.meaning,) if a.meaning else ())
            for a in summary.sure
        )
        yield _Block(HEADINGS["sure"], items=items, closing=f"From: {pack.sure.sure.citation}")
    if summary.sources_read:
        items = tuple(_Item(s.citation, links=tuple(source_links(s))) for s in summary.sources_read)
        yield _Block(HEADINGS["sources"], items=items)


def _typed_lines(text: str) -> list[str]:
    """The non-blank lines of something the person typed, cleaned."""
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]


def _crisis_items(pack: Pack) -> tuple[_Item, ...]:
    return tuple(
        _Item(f"{r.name} ({r.region}): {r.contact}", details=(r.details,) if r.details else ())
        for r in pack.crisis.crisis
    )


def _title(summary: Summary) -> str:
    return f"Questions for my clinician: {summary.title}"


def _header(summary: Summary, today: date) -> list[str]:
    return [
        f"Made on {long_date(today, load_catalogue())}",
        f"Content version {summary.pack_version}; evidence reviewed "
        f"{long_date(summary.evidence_reviewed, load_catalogue())}",
    ]


# --- plain text -------------------------------------------------------------


def render_text(summary: Summary, pack: Pack, *, width: int = 72, today: date | None = None) -> str:
    """The summary as plain text, wrapped at `width` columns (web addresses are never broken)."""
    today = today or date.today()
    out = _underlined(_title(summary), "=", width)
    for line in _header(summary, today):
        out += _wrap(line, width)
    for block in _blocks(summary, pack):
        out.append("")
        out += _underlined(block.heading, "-", width) if block.level == 2 else _wrap(block.heading, width)
        if block.note:
            out += _wrap_paragraphs(block.note, width)
        for item in block.items:
            out += _text_item(item, width)
        if block.closing:
            out += [""] + _wrap(block.closing, width)
    out += [""] + _wrap(pack.meta.disclaimer, width)
    out += [""] + _underlined(HEADINGS["crisis"], "-", width)
    for item in _crisis_items(pack):
        out += _text_item(item, width)
    return "\n".join(out) + "\n"


def _underlined(heading: str, rule: str, width: int) -> list[str]:
    lines = _wrap(heading, width)
    return [*lines, rule * max(len(line) for line in lines)]


def _text_item(item: _Item, width: int) -> list[str]:
    indent = " " * (len(item.marker) + 1)
    lines = _wrap(item.text, width, f"{item.marker} ", indent)
    for detail in item.details:
        lines += _wrap(detail, width, indent, indent)
    return lines + [indent + link for link in item.links]


def _wrap(text: str, width: int, first: str = "", indent: str = "") -> list[str]:
    wrapped = wrap(text, width, first, indent)
    return wrapped or [first.rstrip()]


def _wrap_paragraphs(text: str, width: int) -> list[str]:
    """Wrap what the person typed, keeping their line breaks and blank lines."""
    return [wrapped for line in text.split("\n") for wrapped in (_wrap(line, width) if line.strip() else [""])]


# --- Markdown ---------------------------------------------------------------

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


def render_markdown(summary: Summary, pack: Pack, *, today: date | None = None) -> str:
    """The summary as Markdown; everything from the pack or the person is escaped."""
    today = today or date.today()
    out = [f"# {md_escape(_title(summary))}", ""]
    out += _hard_breaks([md_escape(line) for line in _header(summary, today)])
    for block in _blocks(summary, pack):
        out += ["", f"{'#' * block.level} {md_escape(block.heading)}"]
        if block.note:
            out += [""] + _md_paragraphs(block.note)
        if block.items:
            out.append("")
        for item in block.items:
            out += _md_item(item)
        if block.closing:
            out += ["", md_escape(block.closing)]
    out += ["", md_escape(pack.meta.disclaimer), "", f"## {md_escape(HEADINGS['crisis'])}", ""]
    for item in _crisis_items(pack):
        out += _md_item(item)
    return "\n".join(out) + "\n"


def _md_item(item: _Item) -> list[str]:
    indent = " " * (len(item.marker) + 1)
    lines = [md_escape(item.text)] + [md_escape(d) for d in item.details] + [md_link(u) for u in item.links]
    return _hard_breaks([f"{item.marker} {lines[0]}"] + [indent + line for line in lines[1:]])


def _hard_breaks(lines: list[str]) -> list[str]:
    """Lines of one paragraph or list item, each kept on its own line."""
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def _md_paragraphs(text: str) -> list[str]:
    """The person's note: blank lines separate paragraphs, single line breaks are kept."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [md_escape(line) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out += ([""] if out else []) + _hard_breaks(lines)
    return out


# --- writing ----------------------------------------------------------------


def render(summary: Summary, pack: Pack, fmt: str, *, today: date | None = None) -> str:
    """The export in `fmt`, one of FORMATS."""
    if fmt == "md":
        return render_markdown(summary, pack, today=today)
    return render_text(summary, pack, today=today)


def write_export(text: str, path: Path, *, force: bool = False) -> None:
    """Write atomically with mode 0600; never through a symlink; an existing file only with force."""
    path = Path(path)
    where = display_path(path)
    if path.is_symlink():
        raise ExportError(f"{where}: is a symbolic link; not writing through it")
    if path.is_dir():
        raise ExportError(f"{where}: is a folder")
    if path.exists() and not path.is_file():
        raise ExportError(f"{where}: is not a regular file; not replacing it")
    if path.exists() and not force:
        raise ExportExists(f"{where}: already exists; not replaced")
    try:
        atomic_write(path, text, replace=force)
    except FileExistsError:
        raise ExportExists(f"{where}: already exists; not replaced") from None
    except OSError as exc:
        raise ExportError(f"{where}: cannot write: {exc.strerror or exc}") from None
