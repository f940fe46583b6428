"""The web server: one page, one WebSocket per tab (each its own process of the aid), downloads, and limits.

It answers on one address, runs at most `max_tabs` tabs at once, and on SIGTERM, SIGHUP or Ctrl+C stops
every tab, waiting at most `stop_timeout` seconds for each, before it exits. In kiosk mode the tabs'
temporary folders are made inside one folder of the server's own, which it deletes on leaving, so nothing
is left behind even by a tab that had to be killed.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.download_manager import DownloadManager

from decisionaid.content import Pack
from decisionaid.core.catalogue import load_catalogue, words_for
from decisionaid.serve.addresses import RequestGuard, url_host
from decisionaid.serve.command import app_command
from decisionaid.serve.pages import STATIC, Pages, PageText
from decisionaid.serve.tabs import Tab

TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"
TRY_AGAIN_LATER = 1013
HEARTBEAT_SECONDS = 15
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
SAFE_FILE_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


@dataclass(frozen=True)
class ServeOptions:
    """What `decisionaid serve` was asked for."""

    pack: Pack
    pack_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    kiosk: bool = False
    idle_minutes: int = 10
    local_help: str | None = None
    theme: str | None = None
    language: str | None = None
    max_tabs: int = 10
    stop_timeout: float = 5.0


def _headers(public_url: str | None) -> dict[str, str]:
    """Headers for every response: nothing may be loaded from, or sent to, anywhere but this server."""
    connect = "'self'" + (f" {public_url.rstrip('/')}" if public_url else "")
    return {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            f"img-src 'self' data:; connect-src {connect}; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        ),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }


class AidServer:
    """The aiohttp application and the tabs it runs."""

    def __init__(self, options: ServeOptions, kiosk_parent: Path | None = None) -> None:
        self.options = options
        self.kiosk_parent = kiosk_parent
        self.words = words_for(options.pack, language=options.language)
        self.guard = RequestGuard(options.host, options.public_url)
        websocket_url = None
        if options.public_url:
            base = options.public_url.rstrip("/") + "/ws"
            websocket_url = "ws" + base.removeprefix("http")
        text = PageText.for_pack(options.pack, self.words, local_help=options.local_help, kiosk=options.kiosk)
        self.pages = Pages(text, websocket_url=websocket_url, max_tabs=options.max_tabs)
        self.headers = _headers(options.public_url)
        self.downloads = DownloadManager()
        self.tabs: set[Tab] = set()
        self.stopping = False
        self.command = app_command(
            sys.executable,
            options.pack_dir.resolve(),
            kiosk=options.kiosk,
            idle_minutes=options.idle_minutes,
            local_help=options.local_help,
            theme=options.theme,
            language=options.language,
        )

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.check_host])
        app.add_routes(
            [
                web.get("/", self.handle_page),
                web.get("/ws", self.handle_websocket),
                web.get("/download/{key}", self.handle_download),
                web.static("/static", TEXTUAL_SERVE_STATIC),
                web.static("/page", STATIC),
            ]
        )
        app.on_response_prepare.append(self.add_headers)
        app.on_shutdown.append(self.stop_tabs)
        return app

    @property
    def full(self) -> bool:
        return len(self.tabs) >= self.options.max_tabs

    # --- requests ----------------------------------------------------------------------

    @web.middleware
    async def check_host(self, request: web.Request, handler) -> web.StreamResponse:
        if not self.guard.host_allowed(request.host):
            raise web.HTTPMisdirectedRequest(text=self.words("serve_http.other_address"))
        return await handler(request)

    async def add_headers(self, _request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(self.headers)

    async def handle_page(self, request: web.Request) -> web.Response:
        if self.full or self.stopping:
            return web.Response(text=self.pages.full(), content_type="text/html", status=503)
        font_size = request.query.get("fontsize", "16")
        size = int(font_size) if font_size.isdigit() and 8 <= int(font_size) <= 48 else 16
        return web.Response(text=self.pages.terminal(size), content_type="text/html")

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.guard.origin_allowed(request.headers.get("Origin"), request.host):
            raise web.HTTPForbidden(text=self.words("serve_http.other_page"))
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS)
        if self.full or self.stopping:
            await websocket.prepare(request)
            await websocket.close(code=TRY_AGAIN_LATER, message=b"full")
            return websocket
        environment = {"TMPDIR": str(self.kiosk_parent)} if self.kiosk_parent else {}
        tab = Tab(self.command, websocket, self.downloads, environment)
        self.tabs.add(tab)
        try:
            await websocket.prepare(request)
            await tab.start(_size(request.query.get("width"), 80), _size(request.query.get("height"), 24))
            await self.relay(websocket, tab)
        finally:
            await tab.stop(self.options.stop_timeout)
            self.tabs.discard(tab)
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, tab: Tab) -> None:
        """Pass keys, resizes and focus from the browser to the tab's process; anything else is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = json.loads(message.data)
            except (ValueError, TypeError):
                continue
            data = rest[0] if rest else None
            if kind == "stdin" and isinstance(data, str):
                await tab.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await tab.set_terminal_size(_size(data.get("width"), 80), _size(data.get("height"), 24))
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await tab.blur()
            elif kind == "focus":
                await tab.focus()

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        key = request.match_info["key"]
        try:
            download = await self.downloads.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text=self.words("serve_http.no_download")) from None
        name = "".join(c if c in SAFE_FILE_NAME else "_" for c in download.file_name) or "download"
        content_type = download.mime_type + (f"; charset={download.encoding}" if download.encoding else "")
        response = web.StreamResponse(
            headers={"Content-Type": content_type, "Content-Disposition": f'attachment; filename="{name}"'}
        )
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # --- stopping ----------------------------------------------------------------------

    async def stop_tabs(self, _app: web.Application | None = None) -> None:
        """Tell every open page the aid is stopping, then end each tab's process within the time limit."""
        self.stopping = True
        tabs = list(self.tabs)
        await asyncio.gather(
            *(tab.websocket.close(code=WSCloseCode.GOING_AWAY, message=b"stopping") for tab in tabs),
            return_exceptions=True,
        )
        await asyncio.gather(*(tab.stop(self.options.stop_timeout) for tab in tabs), return_exceptions=True)


def _size(value: object, default: int) -> int:
    """A terminal width or height from the browser, kept to a sane range."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 1), 1000)


async def serve(options: ServeOptions) -> int:
    """Run until SIGINT, SIGTERM or SIGHUP; returns the exit status."""
    words = load_catalogue()
    kiosk_parent = Path(tempfile.mkdtemp(prefix="decisionaid-serve-")) if options.kiosk else None
    server = AidServer(options, kiosk_parent)
    runner = web.AppRunner(
        server.make_app(), handle_signals=False, access_log=None, shutdown_timeout=options.stop_timeout
    )
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
        print(words("serve.stopping", count=len(server.tabs)), flush=True)
        return 0
    finally:
        await runner.cleanup()
        if kiosk_parent is not None:
            shutil.rmtree(kiosk_parent, ignore_errors=True)
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
        sys.stdout.flush()
