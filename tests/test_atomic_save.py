"""Killing the process in the middle of an autosave never leaves a broken file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from decisionaid.core.session import load_session

SAVER = """
import os
import sys
from pathlib import Path
from decisionaid.content import load_pack
from decisionaid.core.controller import Controller
from decisionaid.storage.store import AnswersFile

pack, path = load_pack(Path(sys.argv[1])), Path(sys.argv[2])
for _ in sys.stdin:  # a saver for each line read, made by forking: the imports are paid once
    child = os.fork()
    if child == 0:
        controller = Controller(pack, AnswersFile(path))
        controller.start()
        assert controller.set_note("save 0").saved
        n = 0
        print("ready", os.getpid(), flush=True)
        while True:
            n += 1
            for i in range(n % 3):
                controller.add_own_question(f"question {n}.{i}?")
            outcome = controller.set_note(f"save {n} " + "words " * (n % 5000))
            assert outcome.saved, outcome.problem
    os.waitpid(child, 0)
    print("gone", flush=True)
"""


def test_sigkill_during_saves_leaves_a_readable_file(tmp_path: Path):
    from tests.helpers import COMMUTE

    path = tmp_path / "data" / "answers.toml"
    rng = random.Random(7)
    notes = set()
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(COMMUTE), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    with saver:
        for _ in range(25):
            saver.stdin.write("\n")
            saver.stdin.flush()
            ready, pid = saver.stdout.readline().split()
            assert ready == "ready"
            time.sleep(rng.uniform(0.0, 0.15))  # the kill lands at a random point of the saves
            os.kill(int(pid), signal.SIGKILL)
            assert saver.stdout.readline().strip() == "gone"
            if path.exists():
                session = load_session(path)
                assert session.note.startswith("save ")
                notes.add(session.note.split()[1])
        saver.stdin.close()
    assert len(notes) > 5, "the saver should have completed saves between kills"
    leftovers = [p.name for p in path.parent.iterdir() if p.name != path.name]
    assert all(name.endswith((".tmp", ".lock")) for name in leftovers)

    from decisionaid.content import load_pack
    from decisionaid.core.controller import Controller
    from decisionaid.storage.store import AnswersFile

    controller = Controller(load_pack(COMMUTE), AnswersFile(path))
    assert controller.session is not None and controller.notices == ()
    left = sorted(p.name for p in path.parent.iterdir())
    assert left == [path.name, f"{path.name}.lock"], "interrupted temporary files are cleaned up"
