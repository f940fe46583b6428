"""The one place that changes a person's answers and asks storage to keep them.

Both front ends call these operations and show what they return; none of them touches a session's
fields or the answers file itself. Every change is checked and cleaned here, saved at once, and
reported back, including a save that failed, in words.

One aid at a time keeps a person's answers: the controller takes the answers file's lock when it
opens. When another aid has it, these answers are open elsewhere: they can be read, nothing is saved
or deleted here, and `claim()` takes them over once the other aid has closed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.catalogue import Catalogue, words_for
from decisionaid.core.journey import Journey, Place
from decisionaid.core.pages.at import Keys
from decisionaid.core.pages.changes import what_changed
from decisionaid.core.pages.steps import ChangesPage, StepPage, WelcomePage
from decisionaid.core.progress import AidMap, Progress
from decisionaid.core.session import (
    LEANING_NOT_SURE,
    MAX_OWN_QUESTIONS,
    READERS,
    Session,
    SessionError,
    Stage,
    file_problem,
    load_session,
    parse_session,
    save_session,
    set_aside_unknown,
)
from decisionaid.core.timing import Timing
from decisionaid.sanitize import clean_text
from decisionaid.storage.copies import copies_of, keep_copy
from decisionaid.storage.files import FileReadError, ensure_private_dir
from decisionaid.storage.lock import AnswersLock, LockError
from decisionaid.storage.paths import others_can_read
from decisionaid.storage.settings import Settings, load_settings, save_settings
from decisionaid.storage.store import AnswersFile

if TYPE_CHECKING:
    from decisionaid.content import Pack
    from decisionaid.core.summary import Summary

MAX_QUESTION = 1_000
MAX_NOTE = 200_000


def star_limit(summary: Summary) -> int:
    """How many questions the reader can star (from the summary's module, imported when first needed)."""
    from decisionaid.core.summary import star_limit as limit

    return limit(summary)


def top_questions() -> int:
    """How many questions the top of the handout holds (from the summary's module, imported when first needed)."""
    from decisionaid.core.summary import TOP_QUESTIONS

    return TOP_QUESTIONS


@dataclass(frozen=True)
class Outcome:
    """What an operation did: `problem` is one sentence for the person when it did not work or did not save."""

    done: bool = True
    problem: str | None = None
    said: str | None = None

    @property
    def saved(self) -> bool:
        return self.problem is None


class Controller:
    """One pack's journey for one person: the session, the journey order and the answers file."""

    def __init__(
        self,
        pack: Pack,
        answers: AnswersFile,
        words: Catalogue | None = None,
        *,
        offer_copies: bool = True,
        settings: Path | None = None,
    ) -> None:
        """With `offer_copies`, copies of answers an earlier run could not save are offered back (not for a
        shared computer's or an author's throwaway answers, which are no one's to take back). `settings` is where
        the person's display settings are kept; None keeps none (a kiosk, a test)."""
        self.pack = pack
        self.answers = answers
        self.settings_file = settings
        self.words = words or words_for(pack)
        self.journey = Journey(pack)
        self.timing = Timing(pack, self.journey, self.words)
        self.progress = Progress(self.journey, self.timing, self.words)
        self.pages = self.timing.pages
        self._session: Session | None = None
        self.notices: tuple[str, ...] = ()
        self.save_problem: str | None = None
        self.fallback: Path | None = None
        self.today: Callable[[], date] = date.today  # the day a handout is made; tests fix it
        self._save_soon: Callable[[Callable[[], Outcome]], None] | None = None
        self._save_pending = False
        self.read_only_reason: str | None = None  # why nothing is saved, when no other aid has the answers
        self._lock = AnswersLock(answers.path)
        self._claimed = self._take_lock()
        self._changed_elsewhere = False  # changes made while the answers were open in another aid
        self._left = False  # saved and let go on leaving: nothing more is saved, and the lock is not taken again
        self._closed_run: Place | None = None  # where the last open question of a run left out was just answered
        lock_problem = self.read_only_reason
        self._load()
        self._restored: Path | None = None  # a copy taken back, removed once its answers are saved here
        offered = self._offer_copies() if offer_copies else None
        earlier = self._earlier_place()
        folder = self.answers.path.parent
        exposed = self.words("data_folder.others_can_read", path=folder) if others_can_read(folder) else None
        if lock_problem or exposed or offered or earlier:
            self.notices = (" ".join(filter(None, (*self.notices, offered, earlier, lock_problem, exposed))),)

    # --- reading ---------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        """The answers so far (read-only), or None before the person starts."""
        return self._session

    @property
    def started(self) -> bool:
        return self._session is not None

    def summary(self) -> Summary:
        """The questions and statements the answers so far lead to."""
        return self.pages.summarise(self._session or Session.new(self.pack))

    def page(self, keys: Keys, place: Place | None = None) -> StepPage:
        """The page at the person's place (or at `place`), as the answers so far make it."""
        session = self._session or Session.new(self.pack)
        return self.pages.at(place or self.place, session, keys, today=self.today())

    def welcome_page(self, keys: Keys, **where: object) -> WelcomePage:
        """The welcome, with where the saved answers left off and how long the rest of the short path takes."""
        return self.pages.welcome(self.notices, self.left_off(), self.minutes(), keys, today=self.today(), **where)

    def what_changed(self) -> ChangesPage | None:
        """On resuming with a newer pack: what its change list says changed since the version last used, else None."""
        if self._session is None:
            return None
        return what_changed(self.pack, self._session.pack_version, self.words)

    def changes_seen(self) -> Outcome:
        """The person has seen what changed: this version is the one they last used from now on."""
        if self._session is None or self._session.pack_version == self.pack.meta.version:
            return Outcome()
        return self._change(pack_version=self.pack.meta.version)

    def left_off(self) -> str | None:
        """Where the saved answers left off, in words, or None when there are none."""
        if self._session is None:
            return None
        return self.journey.describe(self._session.stage, self._session.position, self.words)

    def where(self, *, short: bool = False) -> str:
        """Where the person is in the whole journey: 'Part 2 of 7 · about 9 minutes left' ('Part 2/7 · 9 min left'),
        and that nothing is saved while the answers are open in another aid."""
        line = self.progress.line(self._session, self.place, short=short, resume=self.resume_place())
        if not self._claimed:
            return self.words("lock.where_short" if short else "lock.where", where=line)
        return line

    @property
    def open_elsewhere(self) -> bool:
        """Another aid has these answers open: they can be read here, but nothing is saved or deleted."""
        return not self._claimed and self.read_only_reason is None

    def open_elsewhere_notice(self) -> str:
        """Who has the answers open, in one sentence for the person."""
        owner = self._lock.owner()
        if owner:
            return self.words("lock.open_elsewhere_by", path=self.answers.path, process=owner)
        return self.words("lock.open_elsewhere", path=self.answers.path)

    def claim(self) -> bool:
        """Take over answers that were open elsewhere, once the other aid has closed, and read what it saved.

        Only before anything was changed here: changes made meanwhile would be lost in the reading."""
        if self._claimed:
            return True
        if self._changed_elsewhere or not self._take_lock():
            return False
        self._claimed, self.read_only_reason = True, None
        self._session, self.notices = None, ()
        self._load()
        return True

    def _take_lock(self) -> bool:
        """True when these answers are ours to save: the lock is taken, or its folder cannot be made (then no
        aid can write there, and saving says what is wrong). A lock file that cannot be used makes the aid read
        only, with the reason in `read_only_reason`: never two aids writing one file."""
        try:
            ensure_private_dir(self.answers.path.parent)
        except OSError:
            return True
        try:
            return self._lock.acquire()
        except LockError as exc:
            problem = self.words(f"lock.problem_{exc.code}", path=exc.path, reason=exc.reason)
            self.read_only_reason = self.words("lock.unsafe", problem=problem)
            return False

    def _still_ours(self) -> bool:
        """Checked before every save: the lock is still held on the file at its path. When the folder was removed
        or replaced meanwhile (another aid could lock a new one), or the lock cannot be taken now, the aid turns
        read only: what was changed here is kept in a copy on leaving, never written over another aid's file."""
        if not AnswersLock.supported:
            return True
        if self._lock.held:
            if self._lock.still_in_place():
                return True
            self._lock.release()
            self.read_only_reason = self.words("lock.lost", folder=self.answers.path.parent)
        elif self._take_lock():
            return True
        self._claimed, self._changed_elsewhere = False, True
        return False

    def _read_only(self, reason: str) -> None:
        """Save nothing from now on, for `reason` (a sentence): the lock is let go and the answers shown as read."""
        self._lock.release()
        self._claimed = False
        self.read_only_reason = reason

    def aid_map(self) -> AidMap:
        """Every part with its state and minutes, and where choosing it leads."""
        return self.progress.aid_map(self._session, self.place)

    def minutes(self) -> int:
        """The short path's minutes for someone new; what is left of it for someone returning."""
        here = ("welcome", 0) if self._session is None else self.resume_place()
        minutes = self.progress.minutes_left(self._session, here)
        return minutes or int(self.progress.anything_left(self._session, here))  # under a minute: about 1

    def _load(self) -> None:
        words, where = self.words, self.answers.path
        if self._lock.held or not AnswersLock.supported:
            self.answers.remove_interrupted_writes()
        try:
            raw = self.answers.read()
        except OSError as exc:
            if isinstance(exc, FileReadError) and exc.code == "cannot_read":
                reason = exc.strerror  # the system's own words: the sentence already says it could not be read
            else:
                reason = file_problem(exc, words)
            if self.answers.replaceable():  # unreadable or too big, yet a save would replace it: keep it aside first
                self.notices = (self._set_aside(words("notice.unreadable_kept", reason=reason, path=where)),)
            else:
                self.notices = (words("notice.unreadable", reason=reason, path=where),)
            return
        if raw is None:
            return
        try:
            session = parse_session(raw.decode("utf-8"), str(where))
        except (SessionError, UnicodeDecodeError) as exc:
            reason = exc.reason(words) if isinstance(exc, SessionError) else words("session_problem.not_text")
            self.notices = (self._set_aside(words("notice.bad_file", reason=reason)),)
            return
        if session.pack != self.pack.meta.id:
            self.notices = (self._set_aside(words("notice.other_pack", pack=session.pack)),)
            return
        self._session = set_aside_unknown(session, self.pack)
        kept = self._session.unknown_answers()
        if kept:
            self.notices = (words("notice.kept_unknown", count=len(kept), details="; ".join(kept)),)

    def _earlier_place(self) -> str | None:
        """Earlier versions kept the answers in a subfolder, `decisionaid/`, of a data folder others could look
        into; answers left there are named, with the command that shows them, so none are lost from sight."""
        earlier = self.answers.path.parent / "decisionaid" / self.answers.path.name
        try:
            found = earlier.is_file() and not earlier.is_symlink()
        except OSError:
            return None
        return self.words("copies.earlier_place", path=earlier) if found else None

    def _offer_copies(self) -> str | None:
        """Copies of answers that an earlier run could not save: with no saved answers here, the newest one is taken
        back and saved as usual from now on; otherwise the welcome names it, so it can be looked at or exported.
        What was done, in a sentence for the welcome."""
        copies = copies_of(self.pack.meta.id)
        if not copies:
            return None
        newest = copies[-1]
        if self._session is None and self._claimed:
            try:
                session = load_session(newest)  # a regular file of bounded size, never through a link
            except SessionError:
                session = None
            if session is not None and session.pack == self.pack.meta.id:
                self._session, self._restored = set_aside_unknown(session, self.pack), newest
                return self.words("copies.taken_back", path=newest)
        return self.words("copies.kept", count=len(copies), path=newest)

    def _set_aside(self, why: str) -> str:
        """Move an unusable file aside, so it is kept but no longer read; say where it went (only for answers
        that are ours: another aid's file is left as it is)."""
        if not self._claimed:
            kept = "lock.left_as_it_is" if self.open_elsewhere else "notice.kept_in_place"
            return f"{why} {self.words(kept, path=self.answers.path)}"
        try:
            backup = self.answers.move_aside()
        except OSError as exc:
            self._read_only(self.words("notice.not_moved_read_only", path=self.answers.path))
            return (
                f"{why} {self.words('notice.not_moved', path=self.answers.path, reason=file_problem(exc, self.words))}"
            )
        return f"{why} {self.words('notice.moved', path=backup)}"

    # --- moving through the journey --------------------------------------------------

    def start(self) -> Outcome:
        """Fresh answers at the first step after the welcome."""
        self._session = Session.new(self.pack)
        self.notices = ()
        return self.go(*self.journey.start())

    def resume_place(self) -> Place:
        """Where the saved answers left off (the first step if they never left the welcome)."""
        if self._session is None or self._session.stage == "welcome":
            return self.journey.start()
        return self.journey.clamp(self._session.stage, self._session.position)

    def go(self, stage: Stage, position: int = 0) -> Outcome:
        """Record that the person is at this place (a card shown counts as read, any other page as seen), and save."""
        if self._session is None:
            self._session = Session.new(self.pack)
        place = self.journey.clamp(stage, position)
        if place != self._closed_run:
            self._closed_run = None
        key = self.journey.step_key(place)
        read, seen = self._session.cards_read, self._session.seen
        if key in self.journey.card_ids:
            read = read if key in read else (*read, key)
        elif key is not None and key not in seen:
            seen = (*seen, key)
        return self._change(stage=place[0], position=place[1], cards_read=read, seen=seen, moved=True)

    def read_card(self, position: int) -> Outcome:
        """A card opened on top of a page (from the table of options) counts as read; the place stays."""
        card = self.journey.card_ids[position]
        if card in self._live.cards_read:
            return Outcome()
        return self._change(cards_read=(*self._live.cards_read, card), moved=True)

    def step(self, delta: int) -> Place:
        """The place one step forward (1) or back (-1) from here; `go` records it."""
        session = self._session or Session.new(self.pack)
        here = (session.stage, session.position)
        return self.following(here) if delta > 0 else self.journey.previous(*here)

    def following(self, place: Place) -> Place:
        """The place after `place`, as the journey orders it; but among the questions the short path left out, the
        next one still open, and their end page once the last open one was answered: a person who took up "Answer
        the question still open" goes back to the offers, not through every answer already given. With none open
        (looking at the answers again), they are walked in order."""
        stage, _ = place = self.journey.clamp(*place)
        if stage not in ("self_check", "values") or not self.journey.is_left_out(place):
            return self.journey.next(*place)
        end = self.journey.end_page(stage) or self.journey.next(*place)
        if place == self._closed_run:
            return end
        still_open = self._open_in_run(place)
        if not still_open:
            return self.journey.next(*place)
        later = [p for p in still_open if p[1] > place[1]]
        return later[0] if later else end

    def _open_in_run(self, place: Place) -> list[Place]:
        """The questions of `place`'s run (those the short path left out) not answered yet."""
        ids, session = self.journey.item_ids[place[0]], self._session
        return [p for p in self.journey.group(place) if session is None or not session.answered(p[0], ids[p[1]])]

    @property
    def place(self) -> Place:
        session = self._session or Session.new(self.pack)
        return self.journey.clamp(session.stage, session.position)

    # --- answers ---------------------------------------------------------------------

    def answer_self_check(self, item_id: str, choice_id: str) -> Outcome:
        item = next(q for q in self.pack.self_check if q.id == item_id)
        if choice_id not in {c.id for c in item.choices}:
            raise ValueError(f"{item_id}: no choice '{choice_id}'")
        self._note_closed_run("self_check", item_id)
        return self._change(
            self_check={**self._live.self_check, item_id: choice_id}, **self._on(f"self_check:{item_id}")
        )

    def answer_value(self, item_id: str, choice_id: str) -> Outcome:
        item = next(v for v in self.pack.values if v.id == item_id)
        if choice_id not in {c.id for c in item.choices}:
            raise ValueError(f"{item_id}: no choice '{choice_id}'")
        self._note_closed_run("values", item_id)
        return self._change(values={**self._live.values, item_id: choice_id}, **self._on(f"values:{item_id}"))

    def _note_closed_run(self, stage: Stage, item_id: str) -> None:
        """Before an answer: note it when it answers the last open question of a run left out (see `following`)."""
        place = (stage, self.journey.item_ids[stage].index(item_id))
        if self.journey.is_left_out(place) and self._open_in_run(place) == [place]:
            self._closed_run = place

    def answer_sure(self, item_id: str, yes: bool) -> Outcome:
        return self._change(sure={**self._live.sure, item_id: yes}, **self._on(f"sure:{item_id}"))

    def _on(self, key: str) -> dict[str, object]:
        """The update that records an answer as given on this version of the pack."""
        return {"answered_on": {**self._live.answered_on, key: self.pack.meta.version}}

    def include_question(self, question_id: str, included: bool) -> Outcome:
        """Keep a suggested question in the list, or leave it out (a question left out is no longer starred)."""
        self._known_question(question_id)
        unticked = [q for q in self._live.unticked if q != question_id]
        starred = self._live.starred
        if not included:
            unticked.append(question_id)
            starred = tuple(q for q in starred if q != question_id)
        return self._change(unticked=tuple(unticked), starred=starred)

    def star_question(self, question_id: str, starred: bool) -> Outcome:
        """Star a suggested question for the top of the handout (it goes back on the list), or unstar it."""
        text = self._known_question(question_id)
        stars = tuple(q for q in self._live.starred if q != question_id)
        if not starred:
            outcome = self._change(starred=stars)
            return replace(outcome, said=self.words("summary.unstarred", text=text))
        if question_id not in self._live.starred and self.stars_left() == 0:
            return Outcome(done=False, said=self.star_hint("summary.star_full"))
        left_out = question_id in self._live.unticked
        unticked = tuple(q for q in self._live.unticked if q != question_id)
        outcome = self._change(starred=(*stars, question_id), unticked=unticked)
        return replace(outcome, said=self.words("summary.starred_back" if left_out else "summary.starred", text=text))

    def star_own_question(self, index: int, starred: bool) -> Outcome:
        """Star the person's own question at `index` (from 0) for the top of the handout, or unstar it."""
        own = self._live.own_questions
        if not 0 <= index < len(own):
            return Outcome(done=False)
        text = own[index]
        stars = tuple(q for q in self._live.starred_own if q != text)
        if not starred:
            outcome = self._change(starred_own=stars)
            return replace(outcome, said=self.words("summary.unstarred", text=text))
        if text not in self._live.starred_own and self.stars_left() == 0:
            return Outcome(done=False, said=self.star_hint("summary.star_full"))
        outcome = self._change(starred_own=(*stars, text))
        return replace(outcome, said=self.words("summary.starred", text=text))

    def star_hint(self, key: str, **values: object) -> str:
        """The catalogue's sentence `key` on starring, with its limit, and a word on the questions the pack keeps at
        the top whatever is starred, when there are any."""
        limit = self.star_limit()
        said = self.words(key, limit=limit, **values)
        kept = top_questions() - limit
        return f"{said} {self.words('summary.pinned_too', count=kept)}" if kept else said

    def stars_left(self) -> int:
        """How many more questions can be starred: the top holds TOP_QUESTIONS, counting only those still listed."""
        summary = self.summary()
        listed = {q.id for q in summary.questions() if q.ticked}
        session = self._live
        used = len(set(session.starred) & listed) + len(set(session.starred_own) & set(session.own_questions))
        return max(0, star_limit(summary) - used)

    def star_limit(self) -> int:
        """How many questions can be starred at most: the handout's top places less the pinned questions kept."""
        return star_limit(self.summary())

    def set_reader(self, reader: str) -> Outcome:
        """Who fills the aid in: 'self', or 'helper' for someone helping the person it is about."""
        if reader not in READERS or not reader:
            raise ValueError(f"reader: must be 'self' or 'helper', not '{reader}'")
        return self._change(reader=reader)

    def include_private(self, item_id: str, included: bool) -> Outcome:
        """Show a sensitive answer on the saved copy, or keep it off (where it stays until the person shows it)."""
        item = next(v for v in self.pack.values if v.id == item_id)
        if not item.sensitive:
            raise ValueError(f"{item_id}: not a sensitive item")
        shown = tuple(i for i in self._live.shown if i != item_id)
        return self._change(shown=(*shown, item_id) if included else shown)

    def set_leaning(self, leaning: str) -> Outcome:
        """The option the person leans towards now, LEANING_NOT_SURE, or '' to say nothing; never used to advise."""
        if leaning not in {"", LEANING_NOT_SURE, *(o.id for o in self.pack.options)}:
            raise ValueError(f"leaning: no option '{leaning}'")
        return self._change(leaning=leaning)

    def add_own_question(self, text: str) -> Outcome:
        """Add a question the person wrote; cleaned, and refused with a reason when empty or too long."""
        text = clean_text(text).strip()
        if not text:
            return Outcome(done=False, said=self.words("summary.no_question_added"))
        if len(text) > MAX_QUESTION:
            return Outcome(
                done=False, problem=self.words("summary.question_too_long", limit=self.words.number(MAX_QUESTION))
            )
        if len(self._live.own_questions) >= MAX_OWN_QUESTIONS:
            return Outcome(done=False, problem=self.words("summary.own_full", limit=MAX_OWN_QUESTIONS))
        outcome = self._change(own_questions=(*self._live.own_questions, text))
        return replace(outcome, said=self.words("summary.added", text=text))

    def remove_own_question(self, index: int) -> Outcome:
        """Remove the person's own question at `index` (from 0)."""
        own = self._live.own_questions
        if not 0 <= index < len(own):
            return Outcome(done=False)
        removed = own[index]
        left = own[:index] + own[index + 1 :]
        starred = tuple(q for q in self._live.starred_own if q in left)
        outcome = self._change(own_questions=left, starred_own=starred)
        return replace(outcome, said=self.words("summary.removed", text=removed))

    def keep_draft(self, text: str) -> Outcome:
        """Keep a question being typed, so it is there next time; it is not added to the list. It is kept whole,
        never cut: a draft longer than a question may be (written into the file by hand) stays as it is until
        the person shortens it."""
        text = clean_text(text)
        if self._session is None or text == self._session.own_draft:
            return Outcome()
        return self._change(own_draft=text)

    def set_note(self, text: str) -> Outcome:
        """Replace the note; cleaned, and refused with a reason when too long (never cut short silently)."""
        text = clean_text(text)
        if len(text) > MAX_NOTE:
            return Outcome(done=False, problem=self.words("summary.note_too_long", limit=self.words.number(MAX_NOTE)))
        if self._session is None or text == self._session.note:
            return Outcome()
        return self._change(note=text)

    # --- the file --------------------------------------------------------------------

    def save_after(self, schedule: Callable[[Callable[[], Outcome]], None]) -> None:
        """Save each move a moment later: `schedule` is handed the save (once for moves in a row) and runs it,
        and shows its outcome, when the front end has drawn the new page. What the person entered, and leaving,
        are still saved at once."""
        self._save_soon = schedule

    def save(self) -> Outcome:
        """Save now (nothing to do before the person starts; nothing is saved while the answers are open
        elsewhere)."""
        if self._session is None or self._left:
            return Outcome()
        if not self._claimed or not self._still_ours():
            return Outcome(problem=self._not_saved())
        try:
            self._session = save_session(self._session, self.answers.path, self.answers.write)
        except OSError as exc:
            self.save_problem = self.words(
                "notice.not_saved", path=self.answers.path, reason=file_problem(exc, self.words)
            )
            return Outcome(problem=self.save_problem)
        self.save_problem = None
        if self._restored is not None:
            self._restored.unlink(missing_ok=True)
            self._restored = None
        return Outcome()

    def delete(self) -> Outcome:
        """Forget every answer and remove the file (not while another aid has it open)."""
        if not self._claimed:
            if self.read_only_reason:
                return Outcome(done=False, problem=self.words("lock.not_deleted_because", why=self.read_only_reason))
            return Outcome(done=False, problem=self.words("lock.not_deleted"))
        try:
            self.answers.delete()
        except OSError as exc:
            problem = self.words("notice.not_deleted", path=self.answers.path, reason=file_problem(exc, self.words))
            return Outcome(done=False, problem=problem)
        self._session = None
        self.save_problem = None
        self.notices = (self.words("notice.deleted"),)
        return Outcome()

    def clear_for_next_person(self, notice: str) -> Outcome:
        """A shared computer left idle: forget every answer and remove the file, saying why on the welcome."""
        outcome = self.delete()
        if outcome.done:
            self.notices = (notice,)
        return outcome

    def start_over(self) -> Outcome:
        """Forget every answer and begin again at the first step."""
        outcome = self.delete()
        if not outcome.done:
            return outcome
        return self.start()

    def leave(self) -> Outcome:
        """Save before leaving; if that fails, keep a private copy elsewhere and say where it is. The lock is
        let go, so another aid can take the answers."""
        if not self._claimed and not self._changed_elsewhere:
            return Outcome(said=self.words("lock.left_unchanged" if self.open_elsewhere else "lock.left_read_only"))
        outcome = self.save()
        if outcome.saved:
            self._lock.release()
            self._left = True
        if outcome.saved or self._session is None:
            return outcome
        self.fallback = self._write_fallback()
        if self.fallback is None:
            return replace(outcome, said=self.words("leave.lost"))
        return replace(outcome, said=self.words("leave.fallback", path=self.fallback))

    def _write_fallback(self) -> Path | None:
        """A copy of the answers in the aid's private folder for copies (the next start offers it back), or, when
        that cannot be used, a private file of the system's temporary folder; None when neither can be written."""
        assert self._session is not None
        text = self._session.to_toml()
        try:
            return keep_copy(self.pack.meta.id, text)
        except OSError:
            pass
        try:
            handle, name = tempfile.mkstemp(prefix=f"{self.pack.meta.id}-answers-", suffix=".toml")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError:
            return None
        return Path(name)

    # --- inside ----------------------------------------------------------------------

    def _not_saved(self) -> str:
        """Why nothing was saved, while the answers are read only here."""
        if self.read_only_reason:
            return self.words("lock.not_saved_because", why=self.read_only_reason)
        return self.words("lock.not_saved")

    def _known_question(self, question_id: str) -> str:
        """The text of a clinician question as the list shows it, or ValueError for an id the pack does not have."""
        for question in self.pack.questions:
            if question.id == question_id:
                listed = (q.text for q in self.summary().questions() if q.id == question_id)
                return next(listed, question.text)
        raise ValueError(f"no clinician question '{question_id}'")

    @property
    def _live(self) -> Session:
        if self._session is None:
            self._session = Session.new(self.pack)
        return self._session

    def _change(self, *, moved: bool = False, **updates: object) -> Outcome:
        """Change the answers and save them: at once for what the person entered; for a move (the place, a
        card read), once the front end has drawn the new page, when it asked for that."""
        self._session = replace(self._live, **updates)  # type: ignore[arg-type]
        if not self._claimed:
            self._changed_elsewhere = True
            return self.save()
        if not moved or self._save_soon is None:
            return self.save()
        if not self._save_pending:
            self._save_pending = True
            self._save_soon(self._save_now)
        return Outcome()

    def _save_now(self) -> Outcome:
        self._save_pending = False
        return self.save()

    # --- display settings ------------------------------------------------------------

    def saved_theme(self) -> str | None:
        """The colour theme the person chose last time, if any."""
        return load_settings(self.settings_file).theme if self.settings_file else None

    def remember_theme(self, theme: str) -> Outcome:
        """Keep the colour theme for next time; a failure to keep it is said, and changes nothing else."""
        if self.settings_file is None:
            return Outcome()
        try:
            save_settings(Settings(theme=theme), self.settings_file)
        except OSError as exc:
            return Outcome(problem=self.words("notice.theme_not_saved", reason=file_problem(exc, self.words)))
        return Outcome()
