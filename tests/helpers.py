"""Small helpers shared by tests: running the CLI and copying packs."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).parent
COMMUTE = TESTS / "packs" / "commute"
PORTATIL = TESTS / "packs" / "portatil"  # Spanish, not about health, no help-now section
ROOT = TESTS.parent
KETAMINE = ROOT / "content" / "ketamine"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m decisionaid ARGS` in a subprocess and capture its output."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "decisionaid", *args],
        cwd=cwd,
        env=full_env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_in_process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `decisionaid ARGS` in this process, as `run_cli` does in a subprocess: same streams, same result.

    Quicker than a new interpreter; tests of what a process imports, or of signals, use `run_cli`.
    """
    import contextlib
    import io

    from decisionaid.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), Path.cwd(), sys.stdin
    os.environ.update(env or {})
    os.environ.pop("NO_COLOR", None)
    sys.stdin = io.StringIO(input or "")
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                status = main(list(args))
            except SystemExit as exc:  # argparse: --help, --version and usage errors
                status = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(saved_cwd)
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["decisionaid", *args], status, stdout.getvalue(), stderr.getvalue())


def copy_pack(source: Path, dest: Path) -> Path:
    """A writable copy of a pack folder, as a draft (without its manifest): a test may change its files."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("manifest.toml*"))
    return dest


def edit(pack: Path, file_name: str, old: str, new: str) -> None:
    """Replace `old`, which must appear exactly once, in one of a pack's files."""
    path = pack / file_name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


PRIVATE_ITEM = """
[[values]]
id = "money-tight"
kind = "situation"
statement = "Is money tight for you this month?"
sensitive = true
short_path = true

[[values.choices]]
id = "yes"
label = "Yes"
adds = ["q-cost"]
reason = "Money is tight this month."
summary = "Money is tight this month."

[[values.choices]]
id = "no"
label = "No"
summary = "Money is not tight this month."

[[values.choices]]
id = "not-sure"
label = "Not sure"
summary = "Not sure whether money is tight this month."

[[values.choices]]
id = "skip"
label = "Prefer not to say"
"""


def commute_for_the_handout(dest: Path) -> Path:
    """The commute pack with what else the handout uses: a fact and a belief, and a private situation item."""
    copy_pack(COMMUTE, dest)
    checks = dest / "self_check.toml"
    text = checks.read_text(encoding="utf-8")
    fact = 'fact = "On the bus you sit inside, out of the rain."\n'
    text = text.replace('correct = ["no"]\n', f'correct = ["no"]\n{fact}')
    text = text.replace('label = "Yes"\n', 'label = "Yes"\nbelief = "rain gets you wet on the bus"\n', 1)
    checks.write_text(text, encoding="utf-8")
    with (dest / "values.toml").open("a", encoding="utf-8") as values:
        values.write(PRIVATE_ITEM)
    return dest


def default_walk(pack, answers: Path):
    """The journey taking every default: each step in order, 'Not sure' wherever it is a choice, else no answer.

    Returns the controller, at the summary. The reader is the person themself, and their leaning 'not sure yet'.
    """
    from decisionaid.core.controller import Controller
    from decisionaid.core.session import LEANING_NOT_SURE
    from decisionaid.storage.store import AnswersFile

    controller = Controller(pack, AnswersFile(answers))
    controller.start()
    while (place := controller.place)[0] != "summary":
        stage, position = place
        if stage == "self_check" and position < len(pack.self_check):
            item = pack.self_check[position]
            controller.answer_self_check(item.id, next(c.id for c in item.choices if c.not_sure))
        elif stage == "values" and position < len(pack.values):
            item = pack.values[position]
            unsure = [c.id for c in item.choices if c.label == "Not sure"]
            if unsure:
                controller.answer_value(item.id, unsure[0])
        controller.go(*controller.step(1))
    controller.set_reader("self")
    controller.set_leaning(LEANING_NOT_SURE)
    return controller


def fully_answered(pack, reader: str = "self"):
    """Every question answered so as to add the most to the handout: each self-check answer differing from the
    evidence, each values item with the choice that adds the most questions, every SURE item 'no'; with a note and
    an own question."""
    from dataclasses import replace

    from decisionaid.core.session import LEANING_NOT_SURE, Session

    differing = {
        item.id: next(c.id for c in item.choices if not c.not_sure and c.id not in item.correct)
        for item in pack.self_check
    }
    most = {item.id: max(item.choices, key=lambda c: len(c.adds)).id for item in pack.values}
    return replace(
        Session.new(pack),
        reader=reader,
        self_check=differing,
        values=most,
        sure={item.id: False for item in pack.sure.items},
        leaning=LEANING_NOT_SURE,
        own_questions=("Can my partner stay in the room during the session?",),
        note="Bring my list of medicines and the dates I tried each one.",
    )


def require_tool(name: str, why: str) -> None:
    """Skip when a tool the test needs is missing on a developer's machine; fail in CI, which must have it."""
    import pytest

    if shutil.which(name) is not None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is not installed, and CI must run this test: {why}")
    pytest.skip(f"{name} is not installed ({why})")


def problem_lines(error) -> list[str]:
    """A ContentError's problems as the CLI prints them: 'file: key: reason'."""
    from decisionaid.core.catalogue import load_catalogue

    return error.lines(load_catalogue())


def problem_reasons(error) -> list[str]:
    """A ContentError's reasons alone, in words."""
    from decisionaid.core.catalogue import load_catalogue

    words = load_catalogue()
    return [problem.reason(words) for problem in error.problems]


def read_until(process: subprocess.Popen, wanted: bytes | Callable[[bytes], bool], *, send: bytes = b"") -> bytes:
    """Send `send`, then read the process's output until `wanted` appears (or, given a test, until all read so far
    passes it), waiting up to 60 s on a loaded machine; returns what was read."""
    assert process.stdin is not None and process.stdout is not None
    done = wanted if callable(wanted) else lambda seen: wanted in seen
    if send:
        process.stdin.write(send)
        process.stdin.flush()
    seen, deadline = b"", time.monotonic() + 60
    while not done(seen):
        assert time.monotonic() < deadline, seen
        if select.select([process.stdout], [], [], 0.2)[0]:
            seen += os.read(process.stdout.fileno(), 65536)
    return seen
