"""`decisionaid serve` from the outside: where it listens, what it warns about, how it starts and stops tabs.

Every server here listens on 127.0.0.1 only. A tab is opened as the page's script opens it (a WebSocket),
and what the aid shows is read through a terminal emulator.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp
import pyte
import pytest

from decisionaid.serve.addresses import RequestGuard, is_loopback
from decisionaid.serve.command import app_command
from tests.helpers import COMMUTE, copy_pack, run_cli, run_in_process

TIMEOUT = 20.0


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {TIMEOUT:g} s"
        time.sleep(0.05)


class Served:
    """`decisionaid serve --port 0 ARGS` in a subprocess, with its own HOME, data and temporary folders."""

    def __init__(self, tmp: Path, *args: str, pack: Path = COMMUTE) -> None:
        self.tmp = tmp
        self.temp = tmp / "temp"
        self.data = tmp / "data"
        self.home = tmp / "home"
        for folder in (self.temp, self.home):
            folder.mkdir()
        env = {**os.environ, "TMPDIR": str(self.temp), "HOME": str(self.home), "DECISIONAID_DATA_DIR": str(self.data)}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "decisionaid", "serve", "--port", "0", "--pack", str(pack), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.first_line = self.process.stdout.readline() if self.process.stdout else ""
        assert " on http://" in self.first_line, self.stop()
        self.url = self.first_line.split(" on ", 1)[1].split(" ", 1)[0]
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def kiosk_folders(self) -> list[Path]:
        return sorted(self.temp.glob("decisionaid-serve-*/decisionaid-kiosk-*"))

    def stop(self, signum: int = signal.SIGTERM) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        out, err = self.process.communicate(timeout=TIMEOUT)
        return self.first_line + out + err


@pytest.fixture
def serve(tmp_path: Path):
    started: list[Served] = []

    def start(*args: str, pack: Path = COMMUTE) -> Served:
        server = Served(tmp_path, *args, pack=pack)
        started.append(server)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


class TabClient:
    """A tab as the page opens it: one WebSocket, its output read through a terminal emulator."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.screen = pyte.Screen(100, 30)
        self.stream = pyte.ByteStream(self.screen)
        self.close_code: int | None = None

    def shown(self) -> str:
        return "\n".join(self.screen.display)

    async def wait_for(self, text: str) -> str:
        async with asyncio.timeout(TIMEOUT):
            while text not in self.shown():
                message = await self.websocket.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.stream.feed(message.data)
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    raise AssertionError(f"the tab closed before {text!r} appeared:\n{self.shown()}")
        return self.shown()

    async def press(self, keys: str) -> None:
        await self.websocket.send_json(["stdin", keys])

    async def wait_closed(self) -> int | None:
        async with asyncio.timeout(TIMEOUT):
            while not self.websocket.closed:
                await self.websocket.receive()
        return self.websocket.close_code


async def open_tab(session: aiohttp.ClientSession, server: Served) -> TabClient:
    websocket = await session.ws_connect(f"http://127.0.0.1:{server.port}/ws?width=100&height=30")
    await websocket.send_json(["resize", {"width": 100, "height": 30}])
    return TabClient(websocket)


# --- where it listens -----------------------------------------------------------------------


def test_it_listens_on_127_0_0_1_only_by_default(serve) -> None:
    server = serve()
    assert server.url == f"http://127.0.0.1:{server.port}/"
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT):
        pass
    with pytest.raises(ConnectionRefusedError):  # another loopback address: answered only if bound to all
        socket.create_connection(("127.0.0.2", server.port), timeout=TIMEOUT)
    output = server.stop()
    assert server.process.returncode == 0
    assert "warning" not in output


def test_any_other_address_is_warned_about_before_listening() -> None:
    # 192.0.2.1 is reserved for documentation: no computer has it, so nothing is bound and nothing is sent.
    result = run_in_process("serve", "--pack", str(COMMUTE), "--host", "192.0.2.1", "--port", "0")
    warning, error = result.stderr.strip().splitlines()
    assert "warning: 192.0.2.1 can be reached from other computers" in warning
    assert "anyone who can reach it can use the aid" in warning and "plain HTTP" in warning
    assert "TLS proxy" in warning
    assert error.startswith("decisionaid: serve: cannot listen on 192.0.2.1:0: ")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_local_names_are_not_warned_about_and_bad_options_are_one_line_errors() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("[::1]") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("kiosk.example")
    for args, problem in [
        (["--port", "70000"], "--port: must be a port number"),
        (["--max-tabs", "0"], "--max-tabs: must be a whole number from 1 to 1000"),
        (["--public-url", "kiosk.example"], "--public-url: must be an http:// or https:// address"),
        (["--idle-minutes", "0"], "--idle-minutes: must be between 1 and 1440 minutes"),
        (["--theme", "nope"], "--theme: no theme called 'nope'"),
    ]:
        result = run_in_process("serve", "--pack", str(COMMUTE), *args)
        assert result.returncode == 2, args
        assert problem in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_only_its_own_names_and_its_own_page_are_answered(serve) -> None:
    guard = RequestGuard("127.0.0.1", None)
    assert guard.host_allowed("127.0.0.1:8000") and guard.host_allowed("localhost:8000")
    assert not guard.host_allowed("attacker.example:8000")  # a name pointed at 127.0.0.1 by someone else
    assert guard.origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not guard.origin_allowed("http://attacker.example", "127.0.0.1:8000")
    behind_proxy = RequestGuard("127.0.0.1", "https://kiosk.example/")
    assert behind_proxy.origin_allowed("https://kiosk.example", "127.0.0.1:8000")

    server = serve()

    async def check() -> None:
        async with aiohttp.ClientSession() as session:
            async with session.get(server.url, headers={"Host": "attacker.example"}) as response:
                assert response.status == 421
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{server.url}ws", headers={"Origin": "http://attacker.example"})
            assert refused.value.status == 403
            async with session.get(server.url) as response:
                assert response.status == 200
                policy = response.headers["Content-Security-Policy"]
                assert "default-src 'none'" in policy and "connect-src 'self'" in policy
                page = await response.text()
                assert "<title>Cycling or the bus to work</title>" in page
                assert "http" not in page.replace("http-equiv", "")  # no address of any other server

    asyncio.run(check())
    server.stop()


# --- the command each tab runs ----------------------------------------------------------------


def test_every_argument_of_the_tab_command_is_quoted() -> None:
    awkward = '/tmp/it\'s a "pack" $(touch pwned); `id` & x'
    command = app_command(
        "/opt/py thon/bin/python", Path(awkward), kiosk=True, idle_minutes=3, local_help='Ask at "desk"; $HOME'
    )
    assert command.startswith("exec ")
    assert shlex.split(command.removeprefix("exec ")) == [
        "/opt/py thon/bin/python",
        "-m",
        "decisionaid",
        "--pack",
        awkward,
        "--kiosk",
        "--idle-minutes",
        "3",
        "--local-help",
        'Ask at "desk"; $HOME',
    ]


async def test_a_tab_starts_with_an_awkward_pack_folder_and_local_help_exactly_as_given(serve, tmp_path) -> None:
    pack = copy_pack(COMMUTE, tmp_path / 'it\'s a "pack" $(touch pwned); `touch pwned2` & x')
    local_help = 'Ask at "desk" 3; $HOME & `id`'
    server = serve("--kiosk", "--local-help", local_help, pack=pack)
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, server)
        await tab.wait_for("Cycling or the bus to work · Welcome")
        await tab.press("\x1bOQ")  # F2
        await tab.wait_for(f"Here: {local_help}")
        await tab.websocket.close()
    server.stop()
    assert not list(Path.cwd().glob("pwned*")) and not list(tmp_path.rglob("pwned*"))


# --- kiosk folders -----------------------------------------------------------------------------


async def test_each_kiosk_tab_has_a_private_folder_deleted_when_it_closes(serve) -> None:
    server = serve("--kiosk")
    assert "kiosk mode" in server.process.stdout.readline()
    async with aiohttp.ClientSession() as session:
        first = await open_tab(session, server)
        await first.wait_for("This is a shared computer.")
        await first.press("s")
        await first.wait_for("Keep taking the bus · What does it cost?")  # the options at a glance
        [folder] = server.kiosk_folders()
        assert folder.stat().st_mode & 0o777 == 0o700
        wait_until((folder / "commute-answers.toml").exists, "saving the first answers")

        second = await open_tab(session, server)
        shown = await second.wait_for("Start (s)")
        assert "Resume" not in shown and "Your answers are saved" not in shown
        assert len(server.kiosk_folders()) == 2

        await first.websocket.close()
        wait_until(lambda: len(server.kiosk_folders()) == 1, "the closed tab's folder being deleted")
        assert server.kiosk_folders() != [folder]

        await second.press("q")
        assert await second.wait_closed() == aiohttp.WSCloseCode.OK
        wait_until(lambda: not server.kiosk_folders(), "the quitting tab's folder being deleted")
    server.stop()
    assert server.process.returncode == 0
    assert not list(server.temp.iterdir()), "the server's own kiosk folder was left behind"
    assert not server.data.exists(), "kiosk mode wrote to the data folder"
    assert not list(server.home.iterdir()), "kiosk mode wrote to the home folder"


def read_until_welcome(stdout) -> None:
    """Read what the aid sends a browser until its welcome is on screen, or until it ends."""
    assert stdout.readline() == b"__GANGLION__\n"
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    while "Start (s)" not in "\n".join(screen.display):  # packets: a type byte, a 4-byte length, data
        kind, size = stdout.read(1), int.from_bytes(stdout.read(4), "big")
        if not kind:
            return
        data = stdout.read(size)
        if kind == b"D":
            stream.feed(data)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_the_aid_deletes_its_kiosk_folder_when_told_to_stop(tmp_path: Path, signum: int) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    env.pop("NO_COLOR", None)
    aid = subprocess.Popen(
        [sys.executable, "-m", "decisionaid", "--kiosk", "--pack", str(COMMUTE)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert aid.stdout is not None
        reader = threading.Thread(target=read_until_welcome, args=(aid.stdout,), daemon=True)
        reader.start()
        reader.join(TIMEOUT)
        assert not reader.is_alive(), "the welcome never appeared"
        [folder] = tmp_path.glob("decisionaid-kiosk-*")
        aid.send_signal(signum)
        aid.wait(timeout=TIMEOUT)
    finally:
        if aid.poll() is None:
            aid.kill()
        aid.communicate()
    assert aid.returncode == 128 + signum
    assert not folder.exists()


# --- limits and stopping -----------------------------------------------------------------------


async def test_a_tab_beyond_the_limit_gets_a_clear_page(serve) -> None:
    server = serve("--max-tabs", "1", "--local-help", "Front desk")
    async with aiohttp.ClientSession() as session:
        first = await open_tab(session, server)
        await first.wait_for("Start (s)")
        async with session.get(server.url) as response:
            assert response.status == 503
            page = await response.text()
        assert "The aid is already open in 1 tab, the most this computer allows." in page
        assert "Here: Front desk" in page and "Call your local emergency number" in page
        extra = await open_tab(session, server)
        assert await extra.wait_closed() == 1013  # try again later

        await first.websocket.close()
        deadline = time.monotonic() + TIMEOUT
        while True:
            async with session.get(server.url) as response:
                if response.status == 200:
                    break
            assert time.monotonic() < deadline, "the closed tab was never counted out"
            await asyncio.sleep(0.05)
    server.stop()


async def test_stopping_closes_every_tab_and_exits_cleanly(serve) -> None:
    server = serve("--kiosk", "--stop-timeout", "3")
    async with aiohttp.ClientSession() as session:
        tabs = [await open_tab(session, server) for _ in range(2)]
        for tab in tabs:
            await tab.wait_for("Start (s)")
        assert len(server.kiosk_folders()) == 2
        server.process.send_signal(signal.SIGTERM)
        for tab in tabs:
            assert await tab.wait_closed() == aiohttp.WSCloseCode.GOING_AWAY
    server.process.wait(timeout=TIMEOUT)
    output = server.stop()
    assert server.process.returncode == 0, output
    assert "stopping; closing 2 open tabs" in output
    assert not list(server.temp.iterdir())


async def test_a_tab_that_ignores_the_stop_is_killed_after_the_time_limit(tmp_path: Path) -> None:
    from textual_serve.download_manager import DownloadManager

    from decisionaid.serve.tabs import Tab

    class Socket:
        async def send_bytes(self, data: bytes) -> None:
            pass

        async def send_str(self, data: str) -> None:
            pass

        async def close(self) -> None:
            pass

    ready = tmp_path / "ignoring SIGTERM"
    stubborn = f"trap '' TERM; touch {shlex.quote(str(ready))}; echo __GANGLION__; while :; do sleep 1; done"
    tab = Tab(stubborn, Socket(), DownloadManager(), {})  # type: ignore[arg-type]
    await tab.start(80, 24)
    await asyncio.to_thread(wait_until, ready.exists, "the stubborn process starting")
    async with asyncio.timeout(TIMEOUT):
        await tab.stop(timeout=0.5)
    assert tab._process is not None and tab._process.returncode == -signal.SIGKILL


# --- one person's own computer, and a proxy in front ---------------------------------------------


async def test_without_kiosk_mode_a_tab_keeps_the_same_answers_as_the_terminal(serve) -> None:
    server = serve()
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, server)
        await tab.wait_for("Start (s)")
        await tab.press("s")
        await tab.wait_for("Keep taking the bus · What does it cost?")
        answers = server.data / "commute-answers.toml"
        wait_until(answers.exists, "saving in the data folder")
        await tab.websocket.close()
    server.stop()
    assert not server.kiosk_folders()
    result = run_cli("export", "--pack", str(COMMUTE), env={"DECISIONAID_DATA_DIR": str(server.data)})
    assert result.returncode == 0, result.stderr
    assert "What do people like me usually choose?" in result.stdout  # read from the answers the tab saved


def test_behind_a_proxy_the_page_connects_to_the_public_address(commute_pack) -> None:
    from decisionaid.serve.server import AidServer, ServeOptions

    options = ServeOptions(pack=commute_pack, pack_dir=COMMUTE, public_url="https://kiosk.example/aid/")
    page = AidServer(options).pages.terminal(16)
    assert 'data-session-websocket-url="wss://kiosk.example/aid/ws"' in page
    assert "https://kiosk.example/aid" in AidServer(options).headers["Content-Security-Policy"]
    local = AidServer(ServeOptions(pack=commute_pack, pack_dir=COMMUTE)).pages.terminal(16)
    assert 'data-session-websocket-url=""' in local  # the page's own address, worked out in the browser
