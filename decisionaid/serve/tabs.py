"""One browser tab: its own process of the aid, started and stopped through textual-serve's AppService."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from contextlib import suppress

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager


class Tab(AppService):
    """The aid's process for one WebSocket, with extra environment and a stop that waits only so long.

    Stopping sends SIGTERM, on which the aid saves what was typed and leaves (in kiosk mode, deleting
    its folder); a process still running after the time limit is killed.
    """

    def __init__(
        self,
        command: str,
        websocket: web.WebSocketResponse,
        download_manager: DownloadManager,
        environment: Mapping[str, str],
    ) -> None:
        super().__init__(
            command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=download_manager,
        )
        self.websocket = websocket
        self.environment = dict(environment)
        self._stopping: asyncio.Future[None] | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return {**super()._build_environment(width=width, height=height), **self.environment}

    async def run(self) -> None:
        """Relay the process's output; when it ends on its own (q, or a crash), close the tab's connection."""
        await super().run()
        await self.remote_close()

    async def stop(self, timeout: float = 5.0) -> None:  # type: ignore[override]
        """End the process (once, however many callers ask) and wait until it has gone."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop(timeout))
        await asyncio.shield(self._stopping)

    async def _stop(self, timeout: float) -> None:
        process, relay = self._process, self._task
        if process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            with suppress(ProcessLookupError):
                process.terminate()
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            with suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        if relay is not None:
            await relay
        self._task = None
