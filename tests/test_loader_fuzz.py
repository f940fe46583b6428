"""Property tests: whatever the files hold, the loader ends in a pack or in one-line problems."""

from __future__ import annotations

import re
import shutil
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.content import ContentError, Pack, load_pack
from tests.helpers import COMMUTE, problem_lines

PROBLEM_LINE = re.compile(r"^\S[^\n]*\.toml: (?:[^\n]+: )?[^\n]+$|^\S[^\n]*: [^\n]+$")
PYDANTIC_WORDING = re.compile(r"should (?:be|have|match)|Value error|Field required|Extra inputs|valid (?:string|num)")
FILES = sorted(p.name for p in COMMUTE.glob("*.toml"))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=50),
    st.just("x" * 100_000),
    st.just("\u202e\u0000\x1b[31m🙂"),
    st.dates(),
)
toml_values = st.recursive(
    scalars.filter(lambda v: v is not None),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


MORE_OF_A_KIND = re.compile(r"^\.\.\. and \d+ more problems? of the same kind as the three above$")  # a flood summed up


def outcome(folder: Path) -> Pack | list[str]:
    """Load and return the pack, or the problem lines; any other exception fails the test."""
    try:
        return load_pack(folder)
    except ContentError as exc:
        lines = problem_lines(exc)
        assert lines, "a ContentError must carry at least one problem"
        for line in lines:
            assert "\n" not in line and (PROBLEM_LINE.match(line) or MORE_OF_A_KIND.match(line)), line
            assert not PYDANTIC_WORDING.search(line), f"said in Pydantic's words: {line}"
        return lines


SCRATCH = tempfile.TemporaryDirectory(prefix="decisionaid-fuzz-")  # removed when the tests end


def fresh_copy() -> Path:
    """The pack copied afresh into this module's scratch folder, in place of the last example's copy."""
    folder = Path(SCRATCH.name) / "pack"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(COMMUTE, folder)
    return folder


def mutate(data: object, path: list, action: str, value: object) -> None:
    """Apply one mutation at `path` inside nested dicts and lists."""
    *parents, last = path
    node = data
    for key in parents:
        node = node[key]
    if action == "delete":
        del node[last]
    elif action == "replace":
        node[last] = value
    elif action == "duplicate" and isinstance(node, list):
        node.append(node[last])


def paths_in(data: object, prefix: list | None = None) -> list[list]:
    prefix = prefix or []
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        found.append(prefix + [key])
        found += paths_in(value, prefix + [key])
    return found


settings_ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings_
@given(file=st.sampled_from(FILES), document=st.dictionaries(st.text(min_size=1, max_size=12), toml_values, max_size=5))
def test_random_documents_end_in_problems_not_tracebacks(file: str, document: dict):
    folder = fresh_copy()
    (folder / file).write_text(tomli_w.dumps(document), encoding="utf-8")
    outcome(folder)


@settings_
@given(file=st.sampled_from(FILES), data=st.data())
def test_mutations_of_the_pack_end_in_problems_not_tracebacks(file: str, data: st.DataObject):
    folder = fresh_copy()
    document = tomllib.loads((folder / file).read_text(encoding="utf-8"))
    targets = paths_in(document)
    for _ in range(data.draw(st.integers(1, 3))):
        if not targets:
            break
        where = data.draw(st.sampled_from(targets))
        action = data.draw(st.sampled_from(["delete", "replace", "duplicate"]))
        mutate(document, where, action, data.draw(toml_values))
        targets = paths_in(document)
    (folder / file).write_text(tomli_w.dumps(document), encoding="utf-8")
    outcome(folder)


@settings_
@given(file=st.sampled_from(FILES), raw=st.binary(max_size=300))
def test_random_bytes_end_in_problems_not_tracebacks(file: str, raw: bytes):
    folder = fresh_copy()
    (folder / file).write_bytes(raw)
    outcome(folder)


@settings_
@given(file=st.sampled_from(FILES), cut=st.floats(0, 1), junk=st.binary(min_size=1, max_size=8))
def test_truncated_or_corrupted_files_end_in_problems(file: str, cut: float, junk: bytes):
    folder = fresh_copy()
    raw = (folder / file).read_bytes()
    (folder / file).write_bytes(raw[: int(len(raw) * cut)] + junk)
    outcome(folder)
