"""The aid in a browser: every page rendered on the server as HTML, forms posted then redirected.

No page needs script. Each request finds its session by a cookie; a form carries the session's token
and the revision of the answers it was made from, and one from an older page is not applied. Every
change goes through the person's controller; the server only shows pages and reads forms.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web

from decisionaid.core.catalogue import words_for
from decisionaid.core.controller import Controller
from decisionaid.core.kiosk import Site
from decisionaid.export import FORMATS
from decisionaid.export.files import default_export_name
from decisionaid.export.render import render
from decisionaid.serve import views
from decisionaid.serve.actions import Form, apply
from decisionaid.serve.addresses import RequestGuard, url_host
from decisionaid.serve.logs import event, setup_logging
from decisionaid.serve.render import RENDER_MS, Renderer, here
from decisionaid.serve.sessions import Sessions, WebSession, remove_left_behind
from decisionaid.storage.store import AnswersFile

if TYPE_CHECKING:
    from decisionaid.content import Pack

COOKIE = "decisionaid"
STATIC = Path(__file__).parent / "static"
LEAVE_GRACE_SECONDS = 15  # after a page is left (script on), a session with no new request ends this soon
SWEEP_SECONDS = 5
MAX_FORM_BYTES = 1024 * 1024  # a note of 200,000 characters, with room to spare
TYPES = {"text": "text/plain", "md": "text/markdown", "html": "text/html", "fhir": "application/fhir+json"}


@dataclass(frozen=True)
class ServeOptions:
    """What `decisionaid serve` was asked for."""

    pack: Pack
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    kiosk: bool = False
    idle_minutes: int = 5
    local_help: str | None = None
    language: str | None = None
    max_sessions: int = 500
    stop_timeout: float = 5.0


def security_headers(public_url: str | None) -> dict[str, str]:
    """Nothing is loaded from, or sent to, anywhere but this server; no inline script or style."""
    return {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        ),
        "Referrer-Policy": "same-origin",  # with no-referrer a browser's own form says Origin: null
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-store",
    }


class WebAid:
    """The aiohttp application: its sessions, its pages and its forms."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        pack = options.pack
        self.words = words_for(pack, language=options.language)
        self.site = Site(kiosk=options.kiosk, idle_seconds=options.idle_minutes * 60, local_help=options.local_help)
        self.guard = RequestGuard(options.host, options.public_url)
        self.root = urlsplit(options.public_url).path.rstrip("/") if options.public_url else ""
        self.secure = bool(options.public_url and options.public_url.startswith("https://"))
        self.headers = security_headers(options.public_url)
        self.renderer = Renderer(pack, self.words, self.site, self.root)
        self.sessions = Sessions(
            self._controller,
            pack.meta.id,
            kiosk=options.kiosk,
            cap=options.max_sessions,
            idle_seconds=self.site.idle_seconds,
        )
        if options.kiosk and (removed := remove_left_behind()):
            event("left_behind_removed", folders=removed)
        self.sweeper: asyncio.Task[None] | None = None
        self.stopped = False
        self.today = date.today

    def _controller(self, answers: AnswersFile) -> Controller:
        controller = Controller(self.options.pack, answers, self.words)
        controller.today = lambda: self.today()
        return controller

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard_and_time], client_max_size=MAX_FORM_BYTES)
        app.add_routes(
            [
                web.get("/", self.welcome, name="welcome"),
                web.get("/step/{stage}/{position}", self.step, name="step"),
                web.get("/card/{position}", self.card, name="card"),
                web.get("/help", self.crisis, name="help"),
                web.get("/about", self.about, name="about"),
                web.get("/map", self.aid_map, name="map"),
                web.get("/confirm/{what}", self.confirm, name="confirm"),
                web.get("/download/{fmt}", self.download, name="download"),
                web.get("/still-there", self.still_there, name="still-there"),
                web.get("/healthz", self.healthz, name="healthz"),
                web.get("/favicon.ico", self.no_icon, name="favicon"),
                web.get("/readyz", self.readyz, name="readyz"),
                web.post("/do", self.act, name="do"),
                web.post("/away", self.away, name="away"),
                web.static("/static", STATIC, name="static"),
            ]
        )
        app.on_response_prepare.append(self.add_headers)
        app.on_startup.append(self.start_sweeping)
        app.on_cleanup.append(self.stop)
        return app

    # --- around every request ------------------------------------------------------------

    @web.middleware
    async def guard_and_time(self, request: web.Request, handler) -> web.StreamResponse:
        """Refuse other names and other pages' forms; log the route, status and time, never what was sent."""
        started = time.perf_counter()
        route = request.match_info.route.name or "other"
        origin = request.headers.get("Origin")
        try:
            if not self.guard.host_allowed(request.host):
                response: web.StreamResponse = web.Response(status=421, text=self.words("serve_http.other_address"))
            elif request.method == "POST" and not self.guard.origin_allowed(origin, request.host):
                response = self.renderer.error(403, self.words("web.other_page"))
            else:
                response = await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            response = self.renderer.error(exc.status, self.words("web.not_found" if exc.status == 404 else "web.bad"))
        except Exception as exc:  # logged by its kind alone: a message could hold what was typed
            event("error", level=logging.ERROR, route=route, kind=type(exc).__name__)
            response = self.renderer.error(500, self.words("web.error"))
        handled = (time.perf_counter() - started) * 1000
        rendered = response.get(RENDER_MS, 0.0)
        method = request.method if request.method in ("GET", "HEAD", "POST") else "other"
        event("request", method=method, route=route, status=response.status, handler_ms=handled, render_ms=rendered)
        return response

    async def add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(self.headers)

    def session_of(self, request: web.Request, *, touch: bool = True) -> WebSession | None:
        session = self.sessions.get(request.cookies.get(COOKIE), touch=touch)
        if session is not None:
            session.leaving_since = None
        return session

    def ensure_session(self, request: web.Request) -> tuple[WebSession | None, bool]:
        """The request's session, or a new one (True when new); None when the aid is full."""
        session = self.session_of(request)
        if session is not None:
            return session, False
        ended = self.sessions.ended.pop(request.cookies.get(COOKIE, ""), None)
        session = self.sessions.start()
        if session is None:
            event("full", sessions=len(self.sessions))
            return None, False
        event("session_started", sessions=len(self.sessions))
        if ended in ("idle", "evicted"):
            session.said.append(self.words("kiosk.restarted", minutes=self.site.idle_words(self.words)))
        elif ended == "new_person":
            session.said.append(self.words("web.new_person_done"))
        return session, True

    def page(self, request: web.Request, name: str, view: object, session: WebSession, new: bool) -> web.Response:
        response = self.renderer.page(view, session)
        if new:
            response.set_cookie(COOKIE, session.id, httponly=True, samesite="Strict", secure=self.secure, path="/")
        return response

    def redirect(self, path: str, session: WebSession | None = None) -> web.Response:
        response = web.Response(status=303, headers={"Location": self.root + path})
        if session is not None:
            response.set_cookie(COOKIE, session.id, httponly=True, samesite="Strict", secure=self.secure, path="/")
        return response

    # --- pages ----------------------------------------------------------------------------

    async def welcome(self, request: web.Request) -> web.Response:
        session, new = self.ensure_session(request)
        if session is None:
            return self.renderer.full(self.options.max_sessions)
        controller = session.aid.controller
        if changed := controller.what_changed():
            self.report(session, controller.changes_seen())
            return self.page(request, "changes", views.Changes(changed), session, new)
        return self.page(request, "welcome", views.welcome(controller, self.site), session, new)

    async def step(self, request: web.Request) -> web.Response:
        session, new = self.ensure_session(request)
        if session is None:
            return self.renderer.full(self.options.max_sessions)
        controller = session.aid.controller
        place = views.place_from(request.match_info["stage"], request.match_info["position"], controller.journey)
        if place is None:
            raise web.HTTPNotFound()
        if not controller.started:
            return self.redirect("/", session if new else None)
        if place != controller.place or place == ("welcome", 0):
            if place == ("welcome", 0):
                return self.redirect("/")
            self.report(session, controller.go(*place))
            session.aid.changed()
        return self.page(request, "step", views.step(controller), session, new)

    async def card(self, request: web.Request) -> web.Response:
        session = self.session_of(request)
        if session is None or not session.aid.controller.started:
            return self.redirect("/")
        controller = session.aid.controller
        position = request.match_info["position"]
        if not position.isdigit() or int(position) >= len(controller.journey.card_ids):
            raise web.HTTPNotFound()
        self.report(session, controller.read_card(int(position)))
        return self.renderer.page(views.peek(controller, int(position)), session)

    async def crisis(self, request: web.Request) -> web.Response:
        session, new = self.ensure_session(request)
        view = views.crisis(self.options.pack, self.words, self.site)
        if session is None:
            return self.renderer.page(view, None)
        return self.page(request, "help", view, session, new)

    async def about(self, request: web.Request) -> web.Response:
        session, new = self.ensure_session(request)
        view = views.about(self.options.pack, self.words)
        if session is None:
            return self.renderer.page(view, None)
        return self.page(request, "about", view, session, new)

    async def aid_map(self, request: web.Request) -> web.Response:
        session = self.session_of(request)
        if session is None or not session.aid.controller.started:
            return self.redirect("/")
        return self.renderer.page(views.aid_map(session.aid.controller), session)

    async def confirm(self, request: web.Request) -> web.Response:
        session = self.session_of(request)
        what = request.match_info["what"]
        if what not in ("start_over", "delete", "new_person") or (what == "new_person") != self.options.kiosk:
            raise web.HTTPNotFound()
        if session is None:
            return self.redirect("/")
        return self.renderer.page(views.Confirm(what), session)

    async def still_there(self, request: web.Request) -> web.Response:
        """The warning before an idle kiosk session ends; asking for it is not a sign of use."""
        session = self.session_of(request, touch=False)
        if session is None:
            return self.redirect("/")
        left = round(self.site.idle_seconds - (self.sessions.clock() - session.last_seen))
        if left <= 0:
            self.end(session, "idle")
            return self.redirect("/")
        return self.renderer.page(views.StillThere(left), session)

    async def download(self, request: web.Request) -> web.StreamResponse:
        session = self.session_of(request)
        fmt = request.match_info["fmt"]
        if fmt not in FORMATS:
            raise web.HTTPNotFound()
        if session is None or not session.aid.controller.started:
            return self.redirect("/")
        controller = session.aid.controller
        with_note = fmt == "fhir" and request.query.get("note") == "1"  # the note goes in only when asked for
        summary = controller.summary()
        text = render(summary, self.options.pack, fmt, today=controller.today(), words=self.words, with_note=with_note)
        name = default_export_name(self.options.pack, controller.today(), fmt=fmt, words=self.words)
        event("download", fmt=fmt)
        return web.Response(
            text=text,
            content_type=TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def healthz(self, request: web.Request) -> web.Response:
        return web.json_response({"alive": True})

    async def readyz(self, request: web.Request) -> web.Response:
        ready = not self.sessions.full
        body = {"pack": True, "room": ready, "sessions": len(self.sessions), "max_sessions": self.options.max_sessions}
        return web.json_response(body, status=200 if ready else 503)

    # --- forms ----------------------------------------------------------------------------

    async def act(self, request: web.Request) -> web.Response:
        session = self.session_of(request)
        try:
            fields = await request.post()
        except ValueError:
            raise web.HTTPBadRequest() from None
        if session is None:
            event("form", action="no_session")
            return self.redirect("/")
        if not hmac.compare_digest(str(fields.get("token", "")), session.token):
            event("form", action="bad_token")
            return self.renderer.error(403, self.words("web.other_page"))
        form = Form(fields)
        controller = session.aid.controller
        if form.revision != session.aid.revision and form.action not in ("look",):
            event("form", action="stale")
            session.said.append(self.words("web.stale"))
            return self.redirect(self.here(session))
        if form.action == "new_person" and self.options.kiosk:
            self.end(session, "new_person")
            return self.redirect("/")
        if form.action == "look":
            session.high_contrast = not session.high_contrast
            return self.redirect(form.back)
        try:
            result = apply(form, controller)
        except ValueError:
            event("form", action=form.action, refused=1)  # a name from the table of actions
            raise web.HTTPBadRequest() from None
        if result is None:
            event("form", action="unknown")
            raise web.HTTPBadRequest()
        event("form", action=form.action)  # a name from the table of actions, never a value
        for outcome in result.outcomes:
            self.report(session, outcome)
        session.aid.changed()
        return self.redirect(result.go_to or self.here(session))

    async def away(self, request: web.Request) -> web.Response:
        """A page was left (sent by the page's script): unless another page follows soon, the session ends."""
        session = self.sessions.get(request.cookies.get(COOKIE), touch=False)
        if session is not None and self.options.kiosk:
            session.leaving_since = self.sessions.clock()
        return web.Response(status=204)

    def here(self, session: WebSession) -> str:
        return here(session.aid.controller)

    def report(self, session: WebSession, outcome) -> None:
        session.said += [line for line in (outcome.problem, outcome.said) if line]

    # --- ending sessions ------------------------------------------------------------------

    def end(self, session: WebSession, why: str) -> None:
        self.sessions.end(session, why)
        event("session_ended", reason=why, sessions=len(self.sessions))

    def sweep(self) -> None:
        """End kiosk sessions left idle, and those whose page was left with no page after it."""
        now = self.sessions.clock()
        for session in self.sessions.idle():
            self.end(session, "idle")
        for session in list(self.sessions.by_id.values()):
            if session.leaving_since is not None and now - session.leaving_since >= LEAVE_GRACE_SECONDS:
                self.end(session, "left")

    async def start_sweeping(self, _app: web.Application) -> None:
        if self.sessions.shared is not None:
            self.sessions.shared.save_moves_later(asyncio.get_running_loop())

        async def sweeping() -> None:
            while True:
                await asyncio.sleep(SWEEP_SECONDS)
                self.sweep()

        self.sweeper = asyncio.create_task(sweeping())

    async def stop(self, _app: web.Application | None = None) -> None:
        """End every session (deleting a kiosk's folders); once only, however often it is called."""
        if self.sweeper is not None:
            self.sweeper.cancel()
            self.sweeper = None
        if self.stopped:
            return
        self.stopped = True
        count = len(self.sessions)
        self.sessions.close()
        event("stopped", sessions=count)


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


async def serve(options: ServeOptions) -> int:
    """Run until SIGINT, SIGTERM or SIGHUP; every kiosk session's folder is deleted before it returns."""
    setup_logging()
    aid = WebAid(options)
    words = aid.words
    runner = web.AppRunner(aid.make_app(), handle_signals=False, access_log=None, shutdown_timeout=options.stop_timeout)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        await runner.setup()
        try:
            await web.TCPSite(runner, options.host, options.port).start()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            print(words("serve.cannot_listen", host=options.host, port=options.port, reason=reason), file=sys.stderr)
            return 1
        for signum in STOP_SIGNALS:
            loop.add_signal_handler(signum, stop.set)
        host, port = runner.addresses[0][:2]
        url = options.public_url or f"http://{url_host(host, port)}/"
        print(words("serve.listening", title=options.pack.meta.title, url=url), flush=True)
        if options.kiosk:
            minutes = words("kiosk.minutes", count=options.idle_minutes)
            print(words("serve.listening_kiosk", minutes=minutes), flush=True)
        await stop.wait()
        print(words("serve.stopping", count=len(aid.sessions)), flush=True)
        return 0
    finally:
        await runner.cleanup()
        await aid.stop()
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
        sys.stdout.flush()
