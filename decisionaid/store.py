"""Where a person's answers are kept between runs: load (moving a bad file aside), save, delete."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from decisionaid.content import Pack
from decisionaid.session import Session, SessionError, load_session, save_session


class SessionStore:
    """The autosave file for one pack. Nothing is ever silently discarded."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def exists(self) -> bool:
        return self.path.exists()

    def load(self, pack: Pack) -> tuple[Session | None, list[str]]:
        """The saved session (or None) and one-sentence notices for the person.

        A file that cannot be read, or belongs to another pack, is renamed to a timestamped
        backup beside it and reported; answers to ids the pack no longer has are reported and dropped.
        """
        self._remove_interrupted_writes()
        if not self.path.exists():
            return None, []
        try:
            session = load_session(self.path)
        except SessionError as exc:
            backup = self.move_aside()
            return None, [f"Your saved answers could not be read ({exc}); the file was kept as {backup.name}."]
        if session.pack != pack.meta.id:
            backup = self.move_aside()
            notice = f"The saved answers were for another aid ('{session.pack}'); they were kept as {backup.name}."
            return None, [notice]
        unknown = session.unknown_answers(pack)
        if not unknown:
            return session, []
        notice = (
            f"The content was updated: {len(unknown)} saved answer(s) no longer match it "
            f"and were left out ({'; '.join(unknown)})."
        )
        return session.without_unknown(pack), [notice]

    def _remove_interrupted_writes(self) -> None:
        """Delete temporary files left by a save that was killed before its rename."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            leftover.unlink(missing_ok=True)

    def save(self, session: Session) -> None:
        save_session(session, self.path)

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)

    def move_aside(self) -> Path:
        """Rename the file to '<name>.bad-YYYYmmdd-HHMMSS' and return the new path."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.bad-{stamp}")
        n = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.bad-{stamp}-{n}")
            n += 1
        self.path.rename(backup)
        return backup
