"""From a summary to the text of an export in one of the formats; the layout lives in one module per format."""

from __future__ import annotations

from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import words_for
from decisionaid.core.handout import build_handout

if TYPE_CHECKING:
    from decisionaid.content.models import Pack
    from decisionaid.core.catalogue import Catalogue
    from decisionaid.core.summary import Summary

# A format's module and its function, imported only when that format is asked for: one does not wait for the others.
RENDERERS = {"text": ("text", "render_text"), "md": ("markdown", "render_markdown"), "html": ("html", "render_html")}


def render(
    summary: Summary,
    pack: Pack,
    fmt: str,
    *,
    today: date | None = None,
    words: Catalogue | None = None,
    with_note: bool = False,
) -> str:
    """The handout for `summary` in `fmt`, one of FORMATS, dated `today`; a FHIR record holds the note only
    `with_note`."""
    handout = build_handout(summary, pack, today=today or date.today(), words=words)
    if fmt == "fhir":
        from decisionaid.export.fhir import render_fhir

        return render_fhir(summary, pack, handout, words or words_for(pack), with_note=with_note)
    module, function = RENDERERS[fmt]
    return getattr(import_module(f"{__package__}.{module}"), function)(handout)
