"""Pages as HTML: one template per kind of page, fed by its view and the frame every page shares.

Everything put into a template is escaped (autoescape); templates hold markup only, and every word
they show comes from the catalogue (`w`), a page model or the pack.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from aiohttp import web
from markupsafe import Markup, escape

from decisionaid.core.bidi import Isolator, is_right_to_left, isolator_for
from decisionaid.core.sources import source_links
from decisionaid.serve.views import step_url

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.catalogue import Catalogue
    from decisionaid.core.kiosk import Site
    from decisionaid.serve.sessions import WebSession

TEMPLATES = Path(__file__).parent / "templates"
RENDER_MS = web.ResponseKey("render_ms", float)


def direction(language: str) -> str:
    return "rtl" if is_right_to_left(language) else "ltr"


class Renderer:
    """Renders a view into a whole page for a session."""

    def __init__(self, pack: Pack, words: Catalogue, site: Site, root: str) -> None:
        self.pack = pack
        self.words = words
        self.site = site
        self.root = root
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # read once: a page is rendered without looking at the template's file
            trim_blocks=True,
            lstrip_blocks=True,
        )
        language = pack.meta.language
        other = language != words.language
        self.environment.globals.update(
            w=words,
            url=self.url,
            lang=words.language,
            dir=direction(words.language),
            pack_lang=Markup(f' lang="{language}" dir="{direction(language)}"') if other else "",
            aid_title=pack.meta.title,
            kiosk=site.kiosk,
            idle_seconds=int(site.idle_seconds),
            help_lines=self.help_lines(),
            hidden=hidden_fields,
            source_links=source_links,
        )
        self.environment.filters["runs"] = runs
        self.environment.filters["bdi"] = bdi_filter(isolator_for(pack, words.language))

    def url(self, path: str) -> str:
        return self.root + path

    def help_lines(self) -> tuple[str, ...]:
        """Where to find help now, in one line each: the help on site first."""
        words = self.words
        lines = [words("help_now.local", text=self.site.local_help)] if self.site.local_help else []
        return (*lines, *(f"{r.name} ({r.region}): {r.contact}" for r in self.pack.crisis))

    def html(self, view: object, session: WebSession | None) -> str:
        frame: dict[str, object] = {"view": view, "session": session}
        if session is not None:
            controller = session.aid.controller
            frame.update(
                token=session.token,
                revision=session.aid.revision,
                said=tuple(session.said),
                progress=controller.where() if controller.started else "",
                started=controller.started,
                high_contrast=session.high_contrast,
                back_to=here(controller),
            )
            session.said.clear()
        return self.environment.get_template(view.template).render(frame)  # type: ignore[attr-defined]

    def page(self, view: object, session: WebSession | None, status: int = 200) -> web.Response:
        started = time.perf_counter()
        text = self.html(view, session)
        response = web.Response(text=text, content_type="text/html", status=status)
        response[RENDER_MS] = (time.perf_counter() - started) * 1000
        return response

    def error(self, status: int, message: str) -> web.Response:
        return self.page(Message(message), None, status)

    def full(self, cap: int) -> web.Response:
        return self.page(Message(self.words("web.full")), None, 503)


def runs(entries) -> list[tuple[str, list]]:
    """A block's entries in runs of one kind: a numbered list (ol), a list (ul) or paragraphs (p)."""
    grouped: list[tuple[str, list]] = []
    for entry in entries:
        kind = "p" if not entry.marker else "ol" if entry.marker[0].isdigit() else "ul"
        if grouped and grouped[-1][0] == kind:
            grouped[-1][1].append(entry)
        else:
            grouped.append((kind, [entry]))
    return grouped


def bdi_filter(isolator: Isolator | None):
    """A filter for a sentence that holds numbers or names: each between <bdi> and </bdi> where the pack or the
    interface is written right to left (so the browser keeps each one whole and in place), else the sentence as
    it is."""

    def bdi(text: object) -> object:
        if isolator is None or not isinstance(text, str) or isinstance(text, Markup):
            return text
        return Markup("").join(
            Markup("<bdi>{}</bdi>").format(piece) if odd else escape(piece) for piece, odd in isolator.spans(text)
        )

    return bdi


def here(controller) -> str:
    """The address of the page the person is at."""
    place = controller.place
    return "/" if not controller.started or place == ("welcome", 0) else step_url(place)


@jinja2.pass_context
def hidden_fields(context: jinja2.runtime.Context) -> Markup:
    """The fields every form carries: the session's token and the revision of the answers it was made from."""
    fields = '<input type="hidden" name="token" value="{}"><input type="hidden" name="revision" value="{}">'
    return Markup(fields).format(context["token"], context["revision"])


class Message:
    """A page that only says one thing: the aid is full, a form was not understood, an error."""

    template = "message.html"

    def __init__(self, text: str) -> None:
        self.text = text
