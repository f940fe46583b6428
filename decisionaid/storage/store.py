"""Where a person's answers are kept between runs: load (moving a bad file aside), save, delete."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from decisionaid.content import Pack
from decisionaid.content.problems import display_path
from decisionaid.core.session import Session, SessionError, load_session, save_session


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
            reason = str(exc).removeprefix(f"{display_path(self.path)}: ")
            backup = self.move_aside()
            return None, [
                f"Your saved answers could not be read ({reason}), so the aid starts afresh; "
                f"the old file was kept as {backup}."
            ]
        if session.pack != pack.meta.id:
            backup = self.move_aside()
            notice = f"The saved answers were for another aid ('{session.pack}'); they were kept as {backup.name}."
            return None, [notice]
        unknown = session.unknown_answers(pack)
        if not unknown:
            return session, []
        notice = (
            f"The aid's content was updated since your last visit, so {_left_out(unknown)} no longer "
            f"{'matches' if len(unknown) == 1 else 'match'} it and {'was' if len(unknown) == 1 else 'were'} "
            f"left out; everything else you entered is kept (details: {'; '.join(unknown)})."
        )
        return session.without_unknown(pack), [notice]

    def _remove_interrupted_writes(self) -> None:
        """Delete temporary files left by a save that was killed before its rename."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            leftover.unlink(missing_ok=True)

    def save(self, session: Session) -> None:
        save_session(session, self.path)

    def save_or_explain(self, session: Session | None) -> str | None:
        """Save if there is anything to save; on failure, one sentence for the person instead of an error."""
        if session is None:
            return None
        try:
            self.save(session)
        except OSError as exc:
            return f"Could not save your answers to {self.path}: {exc.strerror or exc}"
        return None

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


_KINDS = {
    "cards_read": ("a card you had read", "cards you had read"),
    "self_check": ("a self-check answer", "self-check answers"),
    "values": ("an answer about what matters to you", "answers about what matters to you"),
    "sure": ("an answer to the four short questions", "answers to the four short questions"),
    "unticked": ("a question you had left out of your list", "questions you had left out of your list"),
}


def _left_out(unknown: list[str]) -> str:
    """'a card you had read and 2 self-check answers', from lines such as "cards_read: unknown card 'x'"."""
    counts: dict[str, int] = {}
    for line in unknown:
        key = line.split(":", 1)[0].split(".", 1)[0]
        counts[key] = counts.get(key, 0) + 1
    parts = [_KINDS[k][0] if n == 1 else f"{n} {_KINDS[k][1]}" for k, n in counts.items() if k in _KINDS]
    if not parts:
        return f"{len(unknown)} saved answers"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
