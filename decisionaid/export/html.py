"""The handout as one self-contained web page to print: no scripts, no external files or fonts, all text escaped.

A Content-Security-Policy allows only the page's own style sheet (by its hash). Printed, the handout
fills the first page (body text 10 pt) and the rest the next (`break-after: page`; 9 pt in two columns), with
as many of its questions as fit there.
"""

from __future__ import annotations

import base64
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.core.handout import Block, Entry, Handout

STYLE = (files(__package__) / "handout.css").read_text(encoding="utf-8")


def content_security_policy(style: str = STYLE) -> str:
    """Nothing may load or run: the only thing allowed is the page's own style sheet, named by its hash."""
    import hashlib  # here, not at the top: the aid loads this module with the summary, hashlib brings OpenSSL

    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def render_html(handout: Handout) -> str:
    """The page: the handout in its own section, then the rest as printed in another."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(handout.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy())}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(handout.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        '<section class="handout">',
        *handout_html(handout),
        "</section>",
        '<section class="rest">',
        f"<h1>{_e(handout.rest_title)}</h1>",
        *(line for block in handout.printed_rest for line in block_html(block)),
        "</section>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def handout_html(handout: Handout, *, breaks: bool = False) -> list[str]:
    """The one-page part: its title, the lines under it and its sections, as well-formed XHTML; `breaks` puts a
    line break before each detail, for readers without the style sheet."""
    return [
        f"<h1>{_e(handout.title)}</h1>",
        '<div class="lead">',
        *(f"<p>{_e(line)}</p>" for line in handout.top),
        "</div>",
        *(line for block in handout.blocks for line in block_html(block, breaks=breaks)),
    ]


def block_html(block: Block, *, breaks: bool = False) -> list[str]:
    out = [f'<div class="block {_e(block.kind)}">', f"<h{block.level}>{_e(block.heading)}</h{block.level}>"]
    current = ""  # the list element open now: "ul", "ol" or ""
    for entry in block.entries:
        wanted = "" if not entry.marker else "ul" if entry.marker == "-" else "ol"
        if wanted != current:
            if current:
                out.append(f"</{current}>")
            if wanted:
                out.append(f"<{wanted}>")
            current = wanted
        text = _entry(entry, breaks)
        out.append(f"<li>{text}</li>" if wanted else f"<p>{text}</p>")
    if current:
        out.append(f"</{current}>")
    out.append("</div>")
    return out


def _entry(entry: Entry, breaks: bool) -> str:
    text = _e(entry.text)
    if entry.link:
        text += f' <a href="{_e(entry.link)}">{_e(entry.link)}</a>'
    before = "<br/>" if breaks else ""
    return text + "".join(f'{before}<span class="detail">{_e(d)}</span>' for d in entry.details)


def _e(text: str) -> str:
    from html import escape  # here, not at the top: html brings its table of every named character

    return escape(text, quote=True)
