"""`decisionaid serve` from the outside: where it listens, what it refuses, its sessions, forms and logs.

The command line is run as a person runs it; the server's behaviour is checked in this process with
aiohttp's test client, on 127.0.0.1, with a clock the test moves on.
"""

from __future__ import annotations

import html
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from decisionaid.content import Pack
from decisionaid.serve import views
from decisionaid.serve.app import LEAVE_GRACE_SECONDS, ServeOptions, WebAid
from decisionaid.serve.sessions import EVICT_AFTER_SECONDS
from decisionaid.storage.paths import session_path
from tests.helpers import COMMUTE, run_in_process

TIMEOUT = 20.0
TYPED = "Secret words typed by the person 51c9"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Browser:
    """One browser on the server: its cookies, and the fields of the last page it was shown."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.page = ""
        self.url = ""

    async def get(self, path: str) -> str:
        response = await self.client.get(path)
        self.page, self.url = await response.text(), response.url.path
        self.status = response.status
        return self.page

    async def post(self, **fields: str) -> str:
        form = dict(re.findall(r'name="(token|revision)" value="([^"]*)"', self.page)) | fields
        response = await self.client.post("/do", data=form)
        self.page, self.url = await response.text(), response.url.path
        self.status = response.status
        return self.page


async def client_of(aid: WebAid) -> TestClient:
    """A client of the server on 127.0.0.1, run as `serve` runs it: with no access log."""
    server = TestServer(aid.make_app())
    await server.start_server(access_log=None)
    client = TestClient(server)
    await client.start_server()
    return client


async def served(pack: Pack, **options) -> tuple[WebAid, TestClient]:
    aid = WebAid(ServeOptions(pack=pack, **options))
    return aid, await client_of(aid)


async def fresh_browser(aid: WebAid) -> Browser:
    return Browser(await client_of(aid))


# --- the command line ------------------------------------------------------------------------


def test_it_listens_on_127_0_0_1_only_and_a_stop_deletes_every_kiosk_folder(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "DECISIONAID_DATA_DIR": str(tmp_path / "data")}
    argv = [sys.executable, "-m", "decisionaid", "serve", "--port", "0", "--pack", str(COMMUTE), "--kiosk"]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline() if process.stdout else ""
    port = int(first.split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as connection:
        connection.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        assert b"200 OK" in connection.recv(100)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.2", port), timeout=TIMEOUT)
    assert list(tmp_path.glob("decisionaid-serve-*/person-*")), "the session has its folder"
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, err
    assert not list(tmp_path.glob("decisionaid-serve-*")), "the kiosk folders were left behind"
    assert "warning" not in first + out + err


def test_another_address_is_refused_without_kiosk_and_warned_about_with_it() -> None:
    refused = run_in_process("serve", "--pack", str(COMMUTE), "--host", "192.0.2.1", "--port", "0")
    assert refused.returncode == 2
    assert "192.0.2.1 can be reached from other computers" in refused.stderr and "--kiosk" in refused.stderr
    # 192.0.2.1 is reserved for documentation: no computer has it, so nothing is bound and nothing is sent.
    result = run_in_process("serve", "--pack", str(COMMUTE), "--host", "192.0.2.1", "--port", "0", "--kiosk")
    warning, error, *log = result.stderr.strip().splitlines()
    assert all(" INFO " in line for line in log)
    assert "warning: 192.0.2.1 can be reached from other computers" in warning and "TLS proxy" in warning
    assert error.startswith("decisionaid: serve: cannot listen on 192.0.2.1:0: ")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_bad_options_are_one_line_errors() -> None:
    for args, problem in [
        (["--port", "70000"], "--port: must be a port number"),
        (["--max-sessions", "0"], "--max-sessions: must be a whole number from 1 to 10000"),
        (["--public-url", "kiosk.example"], "--public-url: must be an http:// or https:// address"),
        (["--idle-minutes", "0"], "--idle-minutes: must be between 1 and 1440 minutes"),
    ]:
        result = run_in_process("serve", "--pack", str(COMMUTE), *args)
        assert result.returncode == 2, args
        assert problem in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


# --- what every response says ----------------------------------------------------------------


async def test_a_session_cookie_a_strict_policy_and_only_its_own_names(commute_pack: Pack) -> None:
    aid, client = await served(commute_pack, kiosk=True)
    response = await client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie
    assert "Max-Age" not in cookie and "expires" not in cookie.lower(), "it lasts as long as the browser session"
    page = await response.text()
    assert '<html lang="en" dir="ltr">' in page and "http" not in page.replace("http-equiv", "")
    assert (await client.get("/", headers={"Host": "attacker.example"})).status == 421
    foreign = await client.post("/do", data={"action": "start"}, headers={"Origin": "http://attacker.example"})
    assert foreign.status == 403
    assert (await client.get("/healthz")).status == 200
    ready = await (await client.get("/readyz")).json()
    assert ready == {"pack": True, "room": True, "sessions": 1, "max_sessions": 500}
    await client.close()
    await aid.stop()


async def test_behind_a_proxy_the_cookie_is_secure_and_every_address_has_the_proxys_path(commute_pack) -> None:
    aid, client = await served(commute_pack, kiosk=True, public_url="https://kiosk.example/aid/")
    response = await client.get("/", headers={"Host": "kiosk.example"})
    assert "Secure" in response.headers["Set-Cookie"]
    page = await response.text()
    assert 'action="/aid/do"' in page and 'href="/aid/help"' in page and 'href="/aid/static/aid.css"' in page
    await client.close()
    await aid.stop()


# --- forms -----------------------------------------------------------------------------------


async def test_a_form_from_an_older_page_or_without_the_token_changes_nothing(commute_pack: Pack) -> None:
    aid, client = await served(commute_pack, kiosk=True)
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    old = browser.page
    await browser.get("/step/summary/0")
    await browser.post(action="note", text="first")
    response = await client.post("/do", data={"token": "wrong", "revision": "99", "action": "note", "text": "x"})
    assert response.status == 403
    browser.page = old  # the page of the table, shown before the person moved on
    await browser.post(action="note", text="from the old page")
    assert browser.url == "/step/summary/0" and "That page was out of date" in browser.page
    controller = next(iter(aid.sessions.by_id.values())).aid.controller
    assert controller.session.note == "first"
    for fmt, kind in (("text", "text/plain"), ("md", "text/markdown"), ("html", "text/html"), ("fhir", "fhir+json")):
        download = await client.get(f"/download/{fmt}")
        assert download.status == 200 and kind in download.headers["Content-Type"], fmt
        assert "attachment" in download.headers["Content-Disposition"]
    assert "FHIR record with my note" in browser.page
    controller.set_reader("helper")
    await browser.get("/step/summary/0")
    assert "FHIR record with our note" in browser.page, "in the helper's voice, as the page's 'Our note'"
    assert '"valueString": "first"' not in await (await client.get("/download/fhir")).text(), "left out unless asked"
    assert '"valueString": "first"' in await (await client.get("/download/fhir?note=1")).text()
    await client.close()
    await aid.stop()


# --- one person's own computer ---------------------------------------------------------------


async def test_without_kiosk_every_tab_shares_the_answers_file_of_the_aid_in_a_terminal(commute_pack) -> None:
    aid, client = await served(commute_pack)
    first = Browser(client)
    await first.get("/")
    await first.post(action="start")
    await first.get("/step/summary/0")
    await first.post(action="note", text=TYPED)
    saved = session_path(commute_pack.meta.id)
    assert TYPED in saved.read_text(encoding="utf-8"), "saved where the terminal aid keeps it"
    second = await fresh_browser(aid)
    await second.get("/")
    assert "Resume" in second.page
    await second.get("/step/summary/0")
    assert TYPED in second.page
    await second.client.close()
    await client.close()
    await aid.stop()
    assert TYPED in saved.read_text(encoding="utf-8"), "one person's answers stay when the server stops"


# --- a shared computer -----------------------------------------------------------------------


def holding(folder: Path, text: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


async def test_an_idle_kiosk_session_is_warned_then_ended_with_its_folder(commute_pack, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    aid, client = await served(commute_pack, kiosk=True, idle_minutes=5)
    aid.sessions.clock = clock = Clock()
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    await browser.get("/step/summary/0")
    await browser.post(action="note", text=TYPED)
    (folder,) = aid.sessions.folder.glob("person-*")
    assert holding(tmp_path, TYPED), "the note is kept while the session lasts"
    clock.now += 4 * 60 + 30
    await browser.get("/still-there")
    assert "Are you still there?" in browser.page and "30 seconds" in browser.page
    aid.sweep()
    assert folder.exists(), "the warning page is no use of the aid"
    clock.now += 31
    aid.sweep()
    assert not folder.exists() and holding(tmp_path, TYPED) == []
    await browser.get("/step/summary/0")
    assert browser.url == "/" and "cleared" in browser.page and TYPED not in browser.page
    await client.close()
    await aid.stop()
    assert not aid.sessions.folder.exists()


async def test_a_full_kiosk_ends_the_session_idle_longest_or_says_it_is_full(commute_pack: Pack) -> None:
    aid, client = await served(commute_pack, kiosk=True, max_sessions=1)
    aid.sessions.clock = clock = Clock()
    first = Browser(client)
    await first.get("/")
    second = await fresh_browser(aid)
    await second.get("/")
    assert second.status == 503 and "as many people as this computer allows" in second.page
    assert "Local emergency number" in second.page, "the full page gives the help lines"
    assert (await client.get("/readyz")).status == 503
    clock.now += EVICT_AFTER_SECONDS
    await second.get("/")
    assert second.status == 200 and len(aid.sessions) == 1
    await first.get("/")
    assert first.status == 503
    await second.client.close()
    await client.close()
    await aid.stop()


# --- logs ------------------------------------------------------------------------------------


async def test_no_log_line_holds_what_was_typed(commute_pack: Pack, caplog, monkeypatch) -> None:
    caplog.set_level(logging.DEBUG)
    aid, client = await served(commute_pack, kiosk=True)
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    await browser.get("/step/summary/0")
    await browser.post(action="own_add", text=TYPED)
    await browser.post(action="note", text=TYPED)
    for malformed in (
        {"action": TYPED, "text": TYPED},  # an action there is no such thing as
        {"action": "answer", "kind": "value", "item": TYPED, "choice": TYPED},
        {"action": "own_remove", "index": TYPED},
    ):
        await browser.get("/step/summary/0")
        await browser.post(**malformed)
        assert browser.status == 400
    await client.post("/do", data=b"\xff" + TYPED.encode(), headers={"Content-Type": "multipart/form-data"})
    await client.get(f"/step/{TYPED}/0")

    def broken(controller):
        raise RuntimeError(TYPED)

    monkeypatch.setattr(views, "step", broken)
    response = await client.get("/step/summary/0")
    assert response.status == 500 and TYPED not in await response.text()
    await client.close()
    await aid.stop()
    logged = [record.getMessage() for record in caplog.records]
    assert any("kind=RuntimeError" in line for line in logged)
    assert not [line for line in logged if "51c9" in line]


async def test_a_page_left_with_no_page_after_it_ends_its_kiosk_session(commute_pack: Pack) -> None:
    aid, client = await served(commute_pack, kiosk=True)
    aid.sessions.clock = clock = Clock()
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    (folder,) = aid.sessions.folder.glob("person-*")
    assert (await client.post("/away")).status == 204  # the page's script, as the page is left
    await browser.get("/step/cards/0")  # the next page came: the session goes on
    clock.now += LEAVE_GRACE_SECONDS
    aid.sweep()
    assert folder.exists()
    await client.post("/away")  # the tab was closed
    clock.now += LEAVE_GRACE_SECONDS
    aid.sweep()
    assert not folder.exists() and len(aid.sessions) == 0
    await client.close()
    await aid.stop()


def test_a_kiosk_server_removes_what_a_killed_one_left_behind(commute_pack: Pack, tmp_path: Path):
    """A kiosk server killed before it could clean up leaves its folder, answers and all: the next one to start
    removes it, once its process is gone, and leaves a running server's folder alone."""
    from decisionaid.serve.sessions import SERVER_FOLDER, SERVER_PID

    temporary = Path(tempfile.gettempdir())
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = temporary / f"{SERVER_FOLDER}killed"
    (left / "person-1").mkdir(parents=True)
    (left / SERVER_PID).write_text(gone.stdout.strip(), encoding="ascii")
    (left / "person-1" / "commute-answers.toml").write_text('note = "MARKER-left-behind"\n', encoding="utf-8")
    running = temporary / f"{SERVER_FOLDER}running"
    running.mkdir()
    (running / SERVER_PID).write_text(str(os.getpid()), encoding="ascii")
    WebAid(ServeOptions(pack=commute_pack, kiosk=True))  # as `decisionaid serve --kiosk` starts
    assert not left.exists(), "a killed server's answers are gone at the next start"
    assert running.exists(), "a running server's folder is its own"


async def test_a_sure_page_cites_the_test_in_full_with_its_terms(commute_pack: Pack) -> None:
    """Its one-line credit on the page, and the full citation and the terms of use under its sources."""
    aid, client = await served(commute_pack, kiosk=True)
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    page = html.unescape(await browser.get("/step/sure/0"))
    sure = commute_pack.sure
    sources = page[page.index('<details class="sources">') :]
    assert sure.citation in sources and sure.terms_of_use in sources
    await client.close()


async def test_a_private_answer_is_in_the_download_only_once_its_page_or_the_list_shows_it(handout_pack: Pack) -> None:
    aid, client = await served(handout_pack, kiosk=True)
    browser = Browser(client)
    await browser.get("/")
    await browser.post(action="start")
    position = [v.id for v in handout_pack.values].index("money-tight")
    page = html.unescape(await browser.get(f"/step/values/{position}"))
    assert "This answer is private. It stays off the handout unless you choose to show it." in page
    assert 'name="show" value="1" id="show-private"' in page and "checked" not in page
    answer = dict(action="answer", kind="value", item="money-tight", choice="yes", private="1", then="stay")
    await browser.post(**answer)
    text = " ".join((await browser.get("/download/text")).split())
    assert "Money is tight" not in text and "1 private answer is left off this copy." in text
    await browser.get(f"/step/values/{position}")
    await browser.post(**answer, show="1")
    assert "Money is tight this month." in await browser.get("/download/text")
    await browser.get("/step/summary/0")
    await browser.post(action="private")  # the list's box unticked
    assert "Money is tight" not in await browser.get("/download/text")
    await client.close()
