"""Browser sessions: a random id in a cookie, a token for every form, and the person's aid behind them.

On one person's own computer every session shares one aid: one controller, the same answers file and
lock as the aid in a terminal. In kiosk mode each session is its own person: its own controller, its
answers in a private folder (0700) made inside the server's own folder, deleted with everything in it
when the session ends: on "New person", after the idle time, when the cap evicts it, or when the server
stops. A server that could not clean up (killed, or the machine lost power) leaves its folder, which the next
kiosk server to start removes.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from decisionaid.core.controller import Controller
from decisionaid.storage.files import ensure_private_dir
from decisionaid.storage.paths import session_path
from decisionaid.storage.store import AnswersFile

EVICT_AFTER_SECONDS = 120  # a full server ends the session idle longest, if idle at least this long
SERVER_FOLDER = "decisionaid-serve-"  # a kiosk server's own folder, in the temporary folder
SERVER_PID = "server.pid"  # in it: the process that made it, so a later start knows when it is gone


def remove_left_behind(temporary: Path | None = None) -> int:
    """Remove the folders of kiosk servers that stopped without cleaning up (killed, or the machine lost power),
    with every answer in them: this user's own, whose server process is gone. How many were removed."""
    removed = 0
    for folder in Path(temporary or tempfile.gettempdir()).glob(f"{SERVER_FOLDER}*"):
        try:
            info = folder.lstat()
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if not stat.S_ISDIR(info.st_mode) or not mine:
                continue
            pid = int((folder / SERVER_PID).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # no record of its server: not known to be left behind
        if not _running(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True


class ThrowawayAnswers(AnswersFile):
    """A kiosk session's answers: each save replaces the file whole (0600, in the 0700 folder), but is not
    forced to the disk, since these answers never outlive the server: they are deleted when it stops."""

    def write(self, text: str) -> None:
        ensure_private_dir(self.path.parent)
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(name, self.path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise


MOVE_SAVE_DELAY = 1.0  # a move (the page a person is on) is saved this soon after; what they entered, at once


class Aid:
    """A person's aid: the controller, and a count of its changes that tells a form from an older page."""

    def __init__(self, controller: Controller, folder: Path | None = None) -> None:
        self.controller = controller
        self.folder = folder
        self.revision = 0
        self.ended = False

    def changed(self) -> None:
        self.revision += 1

    def save_moves_later(self, loop: asyncio.AbstractEventLoop) -> None:
        """Save moves in a row once, a moment after the page is sent, and never after the aid has ended."""

        def schedule(save: Callable[[], object]) -> None:
            loop.call_later(MOVE_SAVE_DELAY, lambda: None if self.ended else save())

        self.controller.save_after(schedule)

    def end(self) -> None:
        """Forget the answers: remove the file, let the lock go and delete the folder (kiosk)."""
        self.ended = True
        self.controller.delete()
        self.controller.leave()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class WebSession:
    """One browser's session: its id and form token, what the last change said, and its look."""

    id: str
    token: str
    aid: Aid
    last_seen: float
    said: list[str] = field(default_factory=list)
    high_contrast: bool = False
    leaving_since: float | None = None  # when its page said it was left (script on)


class Sessions:
    """Every open session, at most `cap` of them; kiosk sessions end after `idle_seconds` without a request."""

    def __init__(
        self,
        make_controller: Callable[[AnswersFile], Controller],
        pack_id: str,
        *,
        kiosk: bool,
        cap: int,
        idle_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.make_controller = make_controller
        self.pack_id = pack_id
        self.kiosk = kiosk
        self.cap = cap
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.by_id: dict[str, WebSession] = {}
        self.folder: Path | None = None  # a kiosk's own folder, made with its first session
        self.shared = None if kiosk else Aid(make_controller(AnswersFile(session_path(self.pack_id))))
        self.ended: dict[str, str] = {}  # ids of sessions that ended, and why, to say so once

    def __len__(self) -> int:
        return len(self.by_id)

    @property
    def full(self) -> bool:
        return len(self.by_id) >= self.cap and self._longest_idle() is None

    def get(self, session_id: str | None, *, touch: bool = True) -> WebSession | None:
        found = self.by_id.get(session_id or "")
        if found is not None and touch:
            found.last_seen = self.clock()
        return found

    def start(self) -> WebSession | None:
        """A new session, ending the one idle longest when full; None when every session is in use."""
        if len(self.by_id) >= self.cap:
            idle = self._longest_idle()
            if idle is None:
                return None
            self.end(idle, "evicted")
        aid = self.shared or self._new_aid()
        session = WebSession(secrets.token_urlsafe(32), secrets.token_urlsafe(32), aid, self.clock())
        self.by_id[session.id] = session
        return session

    def _new_aid(self) -> Aid:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix=SERVER_FOLDER))
            (self.folder / SERVER_PID).write_text(str(os.getpid()), encoding="ascii")
        folder = Path(tempfile.mkdtemp(prefix="person-", dir=self.folder))
        aid = Aid(self.make_controller(ThrowawayAnswers(session_path(self.pack_id, folder))), folder)
        aid.save_moves_later(asyncio.get_running_loop())
        return aid

    def _longest_idle(self) -> WebSession | None:
        if not self.by_id:
            return None
        oldest = min(self.by_id.values(), key=lambda s: s.last_seen)
        return oldest if self.clock() - oldest.last_seen >= EVICT_AFTER_SECONDS else None

    def end(self, session: WebSession, why: str) -> None:
        """End a session; in a kiosk its answers and folder go with it."""
        self.by_id.pop(session.id, None)
        self.ended[session.id] = why
        if len(self.ended) > 4 * self.cap:
            self.ended.pop(next(iter(self.ended)))
        if self.kiosk:
            session.aid.end()

    def idle(self) -> list[WebSession]:
        """The kiosk sessions idle for the idle time or longer."""
        if not self.kiosk:
            return []
        now = self.clock()
        return [s for s in self.by_id.values() if now - s.last_seen >= self.idle_seconds]

    def close(self) -> None:
        """The server stops: every kiosk session ends and the server's folder goes; one person's aid is saved."""
        for session in list(self.by_id.values()):
            self.end(session, "stopped")
        if self.shared is not None:
            self.shared.ended = True  # a move waiting to be saved is saved now, by leaving
            self.shared.controller.leave()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
