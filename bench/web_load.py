"""`python -m bench.web_load`: N simulated readers walking the short path of `decisionaid serve --kiosk`.

The server runs in a process of its own on 127.0.0.1; this process is the load generator. Each reader has
its own cookies and walks the whole short path as a person would: every page, every answer posted, a
question of its own, a note, a star and a download, then "New person", and again, pausing 1-3 s between
pages. After a ramp-up, the steady state is measured: pages per second, time to the last byte (p50, p95,
p99), the server's peak RSS and its own time in the handler and in rendering (from its log, which holds
only route names and timings). `--pause 0` with many readers measures the rate at saturation.

Bounded: at most 2,000 readers, at most 15 minutes, only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "tests" / "packs" / "commute"
MOST_READERS = 2000
MOST_SECONDS = 15 * 60
FIELD = re.compile(r'name="(token|revision)" value="([^"]*)"')
NEXT = re.compile(r'<a class="next"[^>]* href="([^"]+)"')
CHOICE = re.compile(r'name="choice" id="choice-\d+" value="([^"]+)"')
HIDDEN = re.compile(r'name="(kind|item)" value="([^"]+)"')
TIMING = re.compile(r"request method=\w+ route=(\S+) status=(\d+) handler_ms=([\d.]+) render_ms=([\d.]+)")


@dataclass
class Tally:
    """What the readers saw during the steady state."""

    times: list[float] = field(default_factory=list)
    errors: int = 0
    measuring: bool = False


class TimeUp(Exception):
    """The steady state is over."""


class Reader:
    """One person: their own cookies, walking the short path again and again until the deadline."""

    def __init__(self, url: str, tally: Tally, pause: float, deadline: float) -> None:
        self.url = url
        self.tally = tally
        self.pause = pause
        self.deadline = deadline

    async def fetch(self, session: aiohttp.ClientSession, method: str, path: str, data=None) -> str:
        if time.monotonic() >= self.deadline:
            raise TimeUp
        started = time.perf_counter()
        async with session.request(method, self.url + path, data=data, allow_redirects=True) as response:
            text = await response.text()
            status = response.status
        if self.tally.measuring:
            self.tally.times.append(time.perf_counter() - started)
            self.tally.errors += status >= 400
        if self.pause:
            await asyncio.sleep(random.uniform(self.pause, self.pause * 3))
        return text

    async def post(self, session, page: str, **fields: str) -> str:
        form = dict(FIELD.findall(page)) | fields
        return await self.fetch(session, "POST", "/do", data=form)

    async def walk(self) -> None:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            try:
                await self.walk_again_and_again(session)
            except TimeUp:
                return

    async def walk_again_and_again(self, session: aiohttp.ClientSession) -> None:
        page = await self.fetch(session, "GET", "/")
        while True:
            page = await self.post(session, page, action="start")
            for _ in range(60):
                hidden = dict(HIDDEN.findall(page))
                choices = CHOICE.findall(page)
                if hidden and choices and 'class="feedback"' not in page:
                    then = "stay" if hidden["kind"] == "self_check" else "next"
                    page = await self.post(session, page, action="answer", choice=choices[0], then=then, **hidden)
                    continue
                following = NEXT.search(page)
                if following is None:
                    break
                page = await self.fetch(session, "GET", following[1])
            page = await self.post(session, page, action="own_add", text="What should I ask first?")
            page = await self.post(session, page, action="note", text="A note typed by a reader.")
            await self.fetch(session, "GET", "/download/text")
            page = await self.fetch(session, "GET", "/confirm/new_person")
            page = await self.post(session, page, action="new_person")


def start_server(readers: int, log: Path, folder: Path) -> subprocess.Popen:
    """The server, its kiosk folders in `folder` (in memory, as docs/deploy's unit has them, where there is
    /dev/shm)."""
    env = {**os.environ, "TMPDIR": str(folder), "DECISIONAID_DATA_DIR": str(log.parent / "data")}
    argv = [sys.executable, "-m", "decisionaid", "serve", "--kiosk", "--port", "0", "--pack", str(PACK)]
    argv += ["--max-sessions", str(max(readers * 2, 10))]
    return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=log.open("w"), text=True, cwd=ROOT)


def rss_kib(pid: int) -> int:
    """The resident memory of a process, in KiB (0 once it has gone)."""
    try:
        return int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())[1])
    except (OSError, TypeError):
        return 0


async def watch_memory(pid: int, peak: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_kib(pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.25)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def load(url: str, pid: int, readers: int, ramp: float, steady: float, pause: float) -> dict:
    tally = Tally()
    peak = [0]
    stop = asyncio.Event()
    memory = asyncio.create_task(watch_memory(pid, peak, stop))
    deadline = time.monotonic() + ramp + steady

    async def one(delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await Reader(url, tally, pause, deadline).walk()
        except (aiohttp.ClientError, TimeoutError):
            tally.errors += 1

    tasks = [asyncio.create_task(one(ramp * i / readers)) for i in range(readers)]
    await asyncio.sleep(ramp)
    tally.measuring = True
    started = time.monotonic()
    await asyncio.gather(*tasks)
    measured = time.monotonic() - started
    tally.measuring = False
    stop.set()
    await memory
    times = [t * 1000 for t in tally.times]
    return {
        "readers": readers,
        "pause": pause,
        "seconds": round(measured, 1),
        "requests": len(times),
        "per_second": round(len(times) / measured, 1),
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "errors": tally.errors,
        "peak_rss_mb": round(peak[0] / 1024, 1),
    }


def server_times(log: Path) -> dict:
    """The server's own time per page, from its log: handler and render, median and p95."""
    handler, render = [], []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        found = TIMING.search(line)
        if found and found[1] in ("welcome", "step", "do") and found[2] == "200":
            handler.append(float(found[3]))
            render.append(float(found[4]))
    return {
        "handler_p50_ms": round(percentile(handler, 0.5), 2),
        "handler_p95_ms": round(percentile(handler, 0.95), 2),
        "render_p50_ms": round(percentile(render, 0.5), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web_load", description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=10)
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which the readers arrive")
    parser.add_argument("--steady", type=float, default=180.0, help="seconds of steady state measured")
    parser.add_argument("--pause", type=float, default=1.0, help="least pause between pages (up to 3x it)")
    args = parser.parse_args(argv)
    if not 1 <= args.readers <= MOST_READERS or args.ramp + args.steady > MOST_SECONDS:
        parser.error(f"at most {MOST_READERS} readers and {MOST_SECONDS} seconds")
    memory = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with (
        tempfile.TemporaryDirectory(prefix="decisionaid-bench-") as folder,
        tempfile.TemporaryDirectory(prefix="decisionaid-bench-", dir=memory) as sessions,
    ):
        log = Path(folder) / "server.log"
        server = start_server(args.readers, log, Path(sessions))
        try:
            first = server.stdout.readline() if server.stdout else ""
            if " on http://127.0.0.1:" not in first:
                print(f"the server did not start: {first!r}", file=sys.stderr)
                return 1
            url = first.split(" on ", 1)[1].split(" ", 1)[0].rstrip("/")
            result = asyncio.run(load(url, server.pid, args.readers, args.ramp, args.steady, args.pause))
        finally:
            server.terminate()
            server.wait(timeout=30)
        result |= server_times(log)
    print(" ".join(f"{key}={value}" for key, value in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
