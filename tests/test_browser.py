"""The aid's web pages in a real browser: headless Chromium, driven by Playwright, against `decisionaid serve`.

The short path is walked by keyboard alone, by touch alone on a phone, and with JavaScript off, each to a
downloaded handout; crisis help is reached from every kind of page; two kiosk sessions never see each
other's answers, and a person's answers leave no trace once they are gone. Every request the browser
makes is watched: one to any other server fails the test (and is never sent).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.helpers import COMMUTE, require_tool

pytestmark = pytest.mark.xdist_group("browser")  # one server and one browser for the module

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TIMEOUT = 20.0
LOCAL_HELP = "Front desk: ask any staff member"
MARKER = "Marker typed by the person 7f3a"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


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
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Server:
    """`decisionaid serve --kiosk` on 127.0.0.1, on a free port, with its temporary folders under `tmp`."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        env = {**os.environ, "TMPDIR": str(tmp), "HOME": str(tmp / "home"), "DECISIONAID_DATA_DIR": str(tmp / "data")}
        argv = [sys.executable, "-m", "decisionaid", "serve", "--port", "0", "--pack", str(COMMUTE), "--kiosk"]
        self.log = tmp / "server.log"
        self.process = subprocess.Popen(
            [*argv, "--local-help", LOCAL_HELP],
            env=env,
            stdout=subprocess.PIPE,
            stderr=self.log.open("w"),
            text=True,
        )
        first = self.process.stdout.readline() if self.process.stdout else ""
        assert " on http://127.0.0.1:" in first, f"the server did not start: {first!r}"
        self.url = first.split(" on ", 1)[1].split(" ", 1)[0].rstrip("/")
        self.netloc = urlsplit(self.url).netloc

    def holds(self, text: str) -> list[Path]:
        """Every file under the server's folders that holds `text`."""
        found = []
        for path in self.tmp.rglob("*"):
            if path.is_file() and path != self.log and text.encode() in path.read_bytes():
                found.append(path)
        return found

    def stop(self) -> None:
        self.process.terminate()
        self.process.communicate(timeout=TIMEOUT)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("serve"))
    yield running
    running.stop()
    assert running.process.returncode == 0
    assert not list(running.tmp.glob("decisionaid-serve-*")), "the kiosk folders were left behind"
    assert running.holds(MARKER) == [], "what was typed is still on disk"
    assert MARKER not in running.log.read_text(encoding="utf-8"), "the log holds what was typed"


class Visit:
    """A browser context (a person) on the aid: every request checked, every download kept."""

    def __init__(self, browser, server: Server, *, javascript: bool = True, **options) -> None:
        self.server = server
        self.context = browser.new_context(java_script_enabled=javascript, accept_downloads=True, **options)
        self.elsewhere: list[str] = []
        self.problems: list[str] = []
        self.context.route("**/*", self._only_our_server)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT * 1000)
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))

    def _only_our_server(self, route) -> None:
        if urlsplit(route.request.url).netloc == self.server.netloc:
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def open(self, path: str = "/") -> None:
        self.page.goto(self.server.url + path)

    @property
    def heading(self) -> str:
        return self.page.locator("h1").inner_text()

    def close(self) -> None:
        self.context.close()
        assert not self.elsewhere, f"the page asked other servers for {self.elsewhere}"
        assert not self.problems, f"the page reported errors: {self.problems}"


def focused_name(page) -> str:
    return page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '').trim()")


def tab_to(page, name: str, *, most: int = 80) -> None:
    """Press Tab until the element named `name` has focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if focused_name(page) == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def tab_to_field(page, kind: str, *, most: int = 80) -> None:
    """Press Tab until a field of this kind (radio, textarea) has focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == kind:
            return
    raise AssertionError(f"Tab never reached a {kind}")


def answer_by_keyboard(page) -> None:
    """Focus the first choice and pick it with Space, as a keyboard user does."""
    tab_to_field(page, "radio")
    page.keyboard.press("Space")


def tap(page, locator) -> None:
    """Touch a link or a button, and wait for the page it leads to."""
    with page.expect_navigation():
        locator.tap()


def enter(page) -> None:
    """Press Enter on a link or a button, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def walk_by_keyboard(page) -> None:
    """From the welcome to the handout: Tab and Enter (Space on a choice), never the mouse."""
    tab_to(page, "Start")
    enter(page)
    while "Your handout" not in page.locator("h1").inner_text():
        if page.locator("input[type=radio]").count() and not page.locator(".feedback").count():
            answer_by_keyboard(page)
            button = page.locator("form.question button[type=submit]").inner_text()
            tab_to(page, button)
            enter(page)
            continue
        tab_to(page, "Next")
        enter(page)


def test_the_short_path_by_keyboard_alone_to_a_downloaded_handout(browser, server: Server) -> None:
    visit = Visit(browser, server, **DESKTOP)
    page = visit.page
    visit.open()
    page.keyboard.press("Tab")
    assert focused_name(page) == "Skip to the page"
    page.keyboard.press("Tab")
    assert focused_name(page) == "Crisis help", "crisis help is the first thing after the skip link"
    walk_by_keyboard(page)
    tab_to_field(page, "textarea")
    assert page.evaluate("() => document.activeElement.id") == "own-text"
    page.keyboard.type(MARKER)
    page.keyboard.press("Tab")
    enter(page)
    assert MARKER in page.locator("#own").inner_text()
    with page.expect_download() as download:
        tab_to(page, "Text (72 columns)")
        page.keyboard.press("Enter")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename.endswith(".txt") and MARKER in text
    visit.close()


def test_the_short_path_by_touch_on_a_phone_to_a_downloaded_handout(browser, server: Server) -> None:
    visit = Visit(browser, server, **PHONE)
    page = visit.page
    visit.open()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "the welcome scrolls sideways"
    tap(page, page.get_by_role("button", name="Start"))
    assert page.locator(".grid-narrow").is_visible() and not page.locator(".grid-wide").is_visible()
    while "Your handout" not in visit.heading:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, f"{visit.heading} is too wide"
        if page.locator("input[type=radio]").count() and not page.locator(".feedback").count():
            page.locator("label").first.tap()
            tap(page, page.locator("form.question button[type=submit]"))
            continue
        tap(page, page.get_by_role("link", name="Next"))
    page.get_by_role("radio", name="Me, for myself").tap()
    tap(page, page.locator("#reader button"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Web page to print (HTML)").tap()
    assert download.value.suggested_filename.endswith(".html")
    visit.close()


def test_the_short_path_with_javascript_off(browser, server: Server) -> None:
    visit = Visit(browser, server, javascript=False, **DESKTOP)
    page = visit.page
    visit.open()
    page.get_by_role("button", name="Start").click()
    while "Your handout" not in visit.heading:
        if page.locator("input[type=radio]").count() and not page.locator(".feedback").count():
            page.locator("input[type=radio]").first.check()
            page.locator("form.question button[type=submit]").click()
            if page.locator(".feedback").count():
                assert page.locator(".feedback[role=status]").inner_text()
            continue
        page.get_by_role("link", name="Next").click()
    page.locator("#note-text").fill(MARKER)
    page.get_by_role("button", name="Save the note").click()
    assert page.locator("#note-text").input_value() == MARKER
    page.get_by_role("button", name="Star").first.click()
    assert "(starred)" in page.locator("#questions").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Markdown").click()
    assert MARKER in Path(download.value.path()).read_text(encoding="utf-8")
    printed = PdfReader(io.BytesIO(page.pdf())).pages  # the page printed is the handout alone, on one page
    assert printed[0].extract_text().startswith("My handout") and "More detail" not in printed[0].extract_text()
    assert "Your note" not in "".join(p.extract_text() for p in printed), "no form is printed"
    visit.close()


PAGE_KINDS = {
    "welcome": "/",
    "options at a glance": "/step/compare/0",
    "card": "/step/cards/0",
    "all the cards": "/step/cards/7",
    "self-check": "/step/self_check/0",
    "what was learnt": "/step/self_check/2",
    "values": "/step/values/0",
    "values left out": "/step/values/2",
    "SURE": "/step/sure/0",
    "handout": "/step/summary/0",
    "map": "/map",
    "card from the table": "/card/1",
    "confirm": "/confirm/new_person",
    "still there": "/still-there",
    "crisis help": "/help",
    "about this aid": "/about",
}


def started(visit: Visit) -> None:
    visit.open()
    visit.page.get_by_role("button", name="Start").click()


def test_two_kiosk_sessions_never_see_each_others_answers(browser, server: Server) -> None:
    first, second = Visit(browser, server, **DESKTOP), Visit(browser, server, **DESKTOP)
    started(first)
    started(second)
    first.open("/step/summary/0")
    first.page.locator("#note-text").fill(MARKER)
    first.page.get_by_role("button", name="Save the note").click()
    second.open("/step/summary/0")
    assert MARKER not in second.page.content()
    with second.page.expect_download() as download:
        second.page.get_by_role("link", name="Text (72 columns)").click()
    assert MARKER not in Path(download.value.path()).read_text(encoding="utf-8")
    first.close()
    second.close()


def test_new_person_asks_first_then_leaves_nothing_on_disk(browser, server: Server) -> None:
    marker = f"{MARKER}, new person"
    visit = Visit(browser, server, **PHONE)
    started(visit)
    visit.open("/step/summary/0")
    visit.page.locator("#note-text").fill(marker)
    tap(visit.page, visit.page.get_by_role("button", name="Save the note"))
    assert server.holds(marker), "the note was saved in the session's folder"
    tap(visit.page, visit.page.get_by_role("link", name="New person: delete these answers"))
    assert visit.heading == "New person?"
    assert "downloads folder" in visit.page.locator("main").inner_text(), "it says what stays"
    tap(visit.page, visit.page.get_by_role("button", name="Yes, delete these answers"))
    assert visit.heading == "Welcome"
    expect(visit.page.locator(".said")).to_contain_text("The answers were deleted")
    assert server.holds(marker) == []
    visit.close()


def test_every_kind_of_page_passes_axe_and_reaches_crisis_help_by_keyboard_and_by_touch(browser, server) -> None:
    """axe-core with the WCAG 2.2 AA tags, in both looks, at a phone's and a desktop's width; from each page,
    crisis help is the second Tab and Enter on the desktop, one tap on the phone."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
    found: dict[str, list[str]] = {}
    for width, context in ((390, PHONE), (1280, DESKTOP)):
        visit = Visit(browser, server, **context)
        started(visit)
        visit.open("/step/self_check/0")
        visit.page.locator("input[type=radio]").first.check()
        visit.page.locator("form.question button[type=submit]").click()  # the feedback is checked too
        for kind, path in PAGE_KINDS.items():
            visit.open(path)
            for look in ("look-default", "look-high"):
                visit.page.evaluate("look => { document.body.className = look; }", look)
                for violation in axe.run(visit.page, options=options).response["violations"]:
                    nodes = [node["target"] for node in violation["nodes"]]
                    found.setdefault(f"{kind} at {width} px, {look}", []).append(f"{violation['id']}: {nodes}")
            if width == 390:
                visit.page.set_viewport_size({"width": 320, "height": 640})  # as 640 px wide at 200% zoom
                wide = visit.page.evaluate("() => document.documentElement.scrollWidth")
                assert wide <= 320, f"the {kind} page scrolls sideways at 320 px"
                visit.page.set_viewport_size(PHONE["viewport"])
                tap(visit.page, visit.page.get_by_role("link", name="Crisis help"))
            else:
                visit.page.keyboard.press("Tab")
                visit.page.keyboard.press("Tab")
                enter(visit.page)
            assert visit.heading == "Crisis help", f"from the {kind} page at {width} px"
            assert LOCAL_HELP in visit.page.locator("main").inner_text()
        visit.close()
    assert found == {}, "\n".join(f"{where}: {problems}" for where, problems in found.items())
