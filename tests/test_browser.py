"""The aid in a real browser: headless Chromium, driven by Playwright, against `decisionaid serve --kiosk`.

The page draws the terminal on a canvas, so the test reads what is shown the way the browser gets it:
every frame the page receives is also fed to a terminal emulator (pyte). Every request the browser
makes is watched, and one to any other server fails the test (and is never sent).
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import COMMUTE, require_tool

pytestmark = pytest.mark.xdist_group("browser")  # one server and one browser for the module

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT = 20.0
LOCAL_HELP = "Front desk: ask any staff member"

# Runs in the page before its own scripts: keeps a copy of every frame the terminal receives, notes the
# terminal's size, and lets the test wait for the next frames without polling.
WATCH_FRAMES = """
(() => {
  const Native = window.WebSocket;
  window.__frames = [];
  window.__size = null;
  window.__wake = null;
  const wake = () => { if (window.__wake) { const w = window.__wake; window.__wake = null; w(); } };
  window.__nextFrames = (ms) => new Promise((resolve) => {
    const take = () => resolve({frames: window.__frames.splice(0), size: window.__size});
    if (window.__frames.length) return take();
    const timer = setTimeout(() => { window.__wake = null; take(); }, ms);
    window.__wake = () => { clearTimeout(timer); take(); };
  });
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const query = new URL(url).searchParams;
      window.__size = {width: Number(query.get("width")), height: Number(query.get("height"))};
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string") return;
        let text = "";
        for (const byte of new Uint8Array(event.data)) text += String.fromCharCode(byte);
        window.__frames.push(btoa(text));
        wake();
      });
    }
    send(data) {
      try {
        const message = JSON.parse(data);
        if (message[0] === "resize") window.__size = message[1];
      } catch (error) {}
      return super.send(data);
    }
  };
})();
"""


@pytest.fixture(scope="module")
def browser():
    require_tool("chromium", "the browser test drives Debian's Chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("Playwright is not installed, and CI must run the browser test", pytrace=False)
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        # Playwright starts Chromium with a fresh temporary profile (its own --user-data-dir).
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Server:
    """`decisionaid serve --kiosk` (or without it) on 127.0.0.1, on a free port, with its temporary folders
    under `tmp`."""

    def __init__(self, tmp: Path, *, kiosk: bool = True) -> None:
        self.tmp = tmp
        env = {
            **os.environ,
            "TMPDIR": str(tmp),
            "HOME": str(tmp / "home"),
            "DECISIONAID_DATA_DIR": str(tmp / "data"),
        }
        env.pop("NO_COLOR", None)
        argv = [sys.executable, "-m", "decisionaid", "serve", "--port", "0", "--pack", str(COMMUTE)]
        argv += ["--kiosk"] if kiosk else []
        self.process = subprocess.Popen(
            [*argv, "--local-help", LOCAL_HELP],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        first = self.process.stdout.readline() if self.process.stdout else ""
        assert " on http://127.0.0.1:" in first, f"the server did not start: {first!r}"
        self.url = first.split(" on ", 1)[1].split(" ", 1)[0]
        self.netloc = urlsplit(self.url).netloc

    def kiosk_folders(self) -> list[Path]:
        return sorted(self.tmp.glob("decisionaid-serve-*/decisionaid-kiosk-*"))

    def stop(self) -> str:
        self.process.terminate()
        output, _ = self.process.communicate(timeout=TIMEOUT)
        return output


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("serve"))
    yield running
    output = running.stop()
    assert running.process.returncode == 0, output
    assert not list(running.tmp.glob("decisionaid-serve-*")), "the kiosk folders were left behind"


@pytest.fixture(scope="module")
def personal_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("serve-personal"), kiosk=False)
    yield running
    output = running.stop()
    assert running.process.returncode == 0, output


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {TIMEOUT:g} s"
        time.sleep(0.05)


class Tab:
    """One browser tab showing the aid, read through a terminal emulator."""

    def __init__(self, browser, server: Server) -> None:
        import pyte

        self.server = server
        self.context = browser.new_context(viewport={"width": 1000, "height": 700}, accept_downloads=True)
        self.elsewhere: list[str] = []
        self.problems: list[str] = []
        self.context.route("**/*", self._only_our_server)
        self.context.add_init_script(WATCH_FRAMES)
        self.page = self.context.new_page()
        self.page.on("websocket", lambda ws: self._check(ws.url))
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def _check(self, url: str) -> bool:
        if urlsplit(url).netloc != self.server.netloc:
            self.elsewhere.append(url)
            return False
        return True

    def _only_our_server(self, route) -> None:
        if self._check(route.request.url):
            route.continue_()
        else:
            route.abort()

    def open(self) -> str:
        """Load the page and wait for the welcome."""
        self.page.goto(self.server.url)
        return self.wait_for("Crisis help: press F2 at any time.")

    def read(self, wait_ms: int = 200) -> str:
        got = self.page.evaluate("ms => window.__nextFrames(ms)", wait_ms)
        size = got["size"]
        if size and (size["width"], size["height"]) != (self.screen.columns, self.screen.lines):
            self.screen.resize(size["height"], size["width"])
        for frame in got["frames"]:
            self.stream.feed(base64.b64decode(frame))
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, *, gone: bool = False) -> str:
        """Read frames until `text` is shown (or, with gone=True, no longer shown)."""
        deadline = time.monotonic() + TIMEOUT
        shown = self.read(0)
        while (text in shown) == gone:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} {'stayed' if gone else 'never appeared'}; the tab shows:\n{shown}"
            shown = self.read(int(min(left, 1.0) * 1000))
        return shown

    def press(self, *keys: str) -> None:
        self.page.focus(".xterm-helper-textarea")
        for key in keys:
            self.page.keyboard.press(key)

    def click_text(self, text: str) -> None:
        """Click the middle of `text` where the terminal shows it, as a mouse or a finger would."""
        rows = self.read(0).split("\n")
        row = next(i for i, line in enumerate(rows) if text in line)
        column = rows[row].index(text) + len(text) / 2
        box = self.page.locator(".xterm-screen").bounding_box()
        cell_width, cell_height = box["width"] / self.screen.columns, box["height"] / self.screen.lines
        self.page.mouse.click(box["x"] + column * cell_width, box["y"] + (row + 0.5) * cell_height)

    def close(self) -> None:
        self.context.close()
        assert not self.elsewhere, f"the page asked other servers for {self.elsewhere}"
        assert not self.problems, f"the page reported errors: {self.problems}"


def test_a_tab_from_the_welcome_to_a_downloaded_file(browser, server: Server) -> None:
    tab = Tab(browser, server)
    tab.open()
    assert tab.page.title() == "Cycling or the bus to work"
    shown = tab.wait_for("This is a shared computer.")
    assert "Crisis help (F2)" in shown
    assert "Resume" not in shown

    tab.press("s")
    tab.wait_for("Keep taking the bus · What does it cost?")  # the options at a glance
    tab.press("n")
    tab.wait_for("Card 1 of 5")
    tab.press("F2")
    shown = tab.wait_for(f"Here: {LOCAL_HELP}")
    assert "Call your local emergency number" in shown
    assert shown.index(LOCAL_HELP) < shown.index("Call your local emergency number")
    tab.press("Escape")
    tab.wait_for(LOCAL_HELP, gone=True)
    tab.click_text("Crisis help (F2)")
    tab.wait_for(f"Here: {LOCAL_HELP}")
    tab.press("Escape")
    tab.wait_for(LOCAL_HELP, gone=True)

    for number in range(2, 6):
        tab.press("n")
        tab.wait_for(f"Card {number} of 5")
    tab.press("n")
    tab.wait_for("The short path left out 2 cards")
    tab.press("n")
    tab.wait_for("Does rain get you wet on the bus?")
    tab.press("2")
    tab.wait_for("✓ Correct")
    tab.press("n")
    tab.wait_for("You now know about:")
    tab.press("n")
    tab.wait_for("How much does the cost of travel matter to you?")
    tab.press("1")
    tab.press("n")
    tab.wait_for("1 more question about you was left out of the short path")
    for number in range(1, 5):
        tab.press("n")
        tab.wait_for(f"{number} of 4")
    tab.press("n")
    tab.wait_for("Who is filling this in?")

    tab.press("e")
    shown = tab.wait_for("Download your handout")
    assert "This is a shared computer, and it keeps downloaded files." in shown
    with tab.page.expect_download(timeout=TIMEOUT * 1000) as download_info:
        tab.press("t")
    download = download_info.value
    assert download.suggested_filename.startswith("commute-handout-")
    assert download.suggested_filename.endswith(".txt")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "How much would each way cost me in a month?" in text
    assert "Cost matters a lot to me." in text
    tab.wait_for("Sent to your browser as commute-handout-")
    tab.close()


def test_each_tab_is_its_own_person_in_kiosk_mode(browser, server: Server) -> None:
    first = Tab(browser, server)
    first.open()
    first.press("s")
    first.wait_for("Keep taking the bus · What does it cost?")
    wait_until(lambda: any((f / "commute-answers.toml").exists() for f in server.kiosk_folders()), "saving")

    second = Tab(browser, server)
    second.open()
    shown = second.wait_for("Start (s)")
    assert "Your answers are saved" not in shown
    assert "Resume" not in shown
    folders = server.kiosk_folders()
    assert len(folders) == 2
    assert sorted((f / "commute-answers.toml").exists() for f in folders) == [False, True]

    first.close()
    wait_until(lambda: len(server.kiosk_folders()) == 1, "deleting the closed tab's folder")
    [left] = server.kiosk_folders()
    assert not (left / "commute-answers.toml").exists()
    second.press("q")
    ended = second.page.locator("#ended-message")
    ended.wait_for(timeout=TIMEOUT * 1000)
    assert ended.inner_text() == "The aid has closed in this tab, and its answers were deleted."
    wait_until(lambda: not server.kiosk_folders(), "deleting the last tab's folder")
    second.close()


def test_without_kiosk_a_second_tab_is_told_the_answers_are_open_in_the_first(browser, personal_server) -> None:
    first = Tab(browser, personal_server)
    first.open()
    first.press("s")
    first.wait_for("Options at a glance")
    second = Tab(browser, personal_server)
    second.page.goto(personal_server.url)
    shown = second.wait_for("Wait (w)")
    assert "are open in another decisionaid" in shown
    second.click_text("Wait (w)")
    second.wait_for("Waiting for the other decisionaid to close.")
    first.close()  # the first tab's aid saves and ends, which lets the answers go
    shown = second.wait_for("read only", gone=True)
    assert "You left off at the options at a glance." in shown and "are open in another" not in shown
    second.close()
