"""A minimal Textual app: a counter redrawn every 10 ms; SIGHUP and SIGTERM exit it; it also exits after 3 s."""

import asyncio
import signal

from textual.app import App, ComposeResult
from textual.widgets import Static


class Counter(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("0")

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, self.exit)
        self.count = 0
        self.set_interval(0.01, self.tick)
        self.set_timer(3, self.exit)

    def tick(self) -> None:
        self.count += 1
        self.query_one(Static).update(str(self.count))


if __name__ == "__main__":
    Counter().run()
