"""A pack that passed every check is kept compiled and read back without Pydantic, exactly as validated."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from datetime import date, datetime
from enum import Enum
from pathlib import Path

import pytest
from pydantic import BaseModel

from decisionaid.cache.packs import compiled_files, open_pack
from decisionaid.content import ContentError, Pack, compiled, load_pack
from decisionaid.content.compiled import (
    CompileError,
    NotCompiled,
    compile_pack,
    engine_digest,
    engine_sources,
    pack_key,
    read_compiled,
)
from decisionaid.content.loader import validate_pack
from decisionaid.content.records import Record
from tests.helpers import COMMUTE, KETAMINE, ROOT, copy_pack, run_in_process


def assert_same(validated: object, compiled: object, where: str = "pack") -> None:
    """Every field of every model, walked from the models' own definitions, reads the same from both."""
    if isinstance(validated, BaseModel):
        for name in type(validated).model_fields:
            assert_same(getattr(validated, name), getattr(compiled, name), f"{where}.{name}")
    elif isinstance(validated, list):
        assert isinstance(compiled, list) and len(compiled) == len(validated), where
        for i, (a, b) in enumerate(zip(validated, compiled, strict=True)):
            assert_same(a, b, f"{where}[{i}]")
    elif isinstance(validated, Enum):
        assert compiled == validated and compiled.value == validated.value, where
    else:
        assert type(compiled) is type(validated) and compiled == validated, where


def compiled_twin(folder: Path) -> tuple[Pack, Pack]:
    pack = validate_pack(folder)
    key = pack_key(folder)
    return pack, read_compiled(compile_pack(pack, key), key)


@pytest.mark.parametrize("folder", [COMMUTE, KETAMINE], ids=["commute", "ketamine"])
def test_a_compiled_pack_reads_back_as_it_was_validated(folder: Path):
    pack, compiled = compiled_twin(folder)
    assert_same(pack, compiled)
    assert compiled.meta.title == pack.meta.title
    assert [c.id for c in compiled.ordered_cards()] == [c.id for c in pack.ordered_cards()]
    assert compiled.card(pack.cards[-1].id).title == pack.cards[-1].title
    assert isinstance(compiled.meta.published, date)


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    found = {model.__name__: model}
    for field in model.model_fields.values():
        for inner in _inner_types(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel) and inner.__name__ not in found:
                found |= _models(inner)
    return found


def _inner_types(annotation: object) -> list[object]:
    import typing

    args = typing.get_args(annotation)
    return [annotation, *(t for a in args for t in _inner_types(a))]


def test_compiled_classes_answer_every_question_the_models_answer():
    """A method or property added to a model must also be given to its compiled twin (lookups.BEHAVIOUR)."""
    _, compiled = compiled_twin(COMMUTE)
    twins: dict[str, type] = {}

    def collect(value: object) -> None:
        if hasattr(value, "_fields"):
            twins.setdefault(type(value).__name__, type(value))
            for name in value._fields:
                collect(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(compiled)
    for name, model in _models(Pack).items():
        public = {a for a in dir(model) if not a.startswith("_")} - set(dir(BaseModel)) - set(model.model_fields)
        if name in twins:
            missing = sorted(a for a in public if not hasattr(twins[name], a))
            assert not missing, f"{name}: {missing} are not on the compiled {name}; put them in content/lookups.py"


def test_a_pack_checked_in_full_and_one_read_compiled_are_the_same_records(tmp_path: Path):
    """One kind of pack at run time: Pydantic checks the files, and the aid is given plain records either way."""
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    checked, kept, read_back = load_pack(folder), open_pack(folder), open_pack(folder)
    assert type(checked) is type(kept) is type(read_back) and issubclass(type(checked), Record)
    assert checked == kept == read_back
    assert type(checked.cards[0].kind) is type(read_back.cards[0].kind)
    assert not isinstance(checked.cards[0], BaseModel)


def test_a_compiled_pack_is_read_only_and_compares_by_value():
    _, first = compiled_twin(COMMUTE)
    _, second = compiled_twin(COMMUTE)
    assert first.cards[0] == second.cards[0]
    assert first.cards[0] != first.cards[1]
    with pytest.raises(AttributeError):
        first.meta.title = "changed"


def test_the_key_follows_the_files_and_the_code_that_checks_them(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    key = pack_key(folder)
    assert pack_key(folder) == key
    assert pack_key(folder, engine="other checking code") != key
    (folder / "crisis.toml").write_text((folder / "crisis.toml").read_text() + "\n", encoding="utf-8")
    assert pack_key(folder) != key
    assert pack_key(copy_pack(COMMUTE, tmp_path / "copy")) == key, "the folder's name and place do not matter"
    assert len(engine_digest()) == 128 and len(key) == 32


def test_every_module_the_checks_run_on_is_in_the_key():
    """The loader reads files through storage and cleans text with the sanitiser: all of it is hashed."""
    code = (
        "import sys, decisionaid.content.loader, decisionaid.content.compiled\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('decisionaid')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    loaded = {Path(line).resolve() for line in result.stdout.split()}
    hashed = {path.resolve() for path in engine_sources()}
    assert loaded and loaded <= hashed, result.stderr


def test_the_hashed_code_is_the_content_layer_and_the_layers_below_it():
    """The layer contract is what keeps the content package from importing code the key does not cover."""
    (layers,) = [
        c["layers"]
        for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
        if c["type"] == "layers"
    ]
    below = layers[layers.index("decisionaid.content") :]
    hashed = {path.relative_to(ROOT).with_suffix("").parts[:2] for path in engine_sources()}
    assert {tuple(layer.split(".")) for layer in below} | {("decisionaid", "__init__")} == hashed


@pytest.mark.parametrize("changed", ["content/models.py", "storage/tomlfile.py", "sanitize.py", "__init__.py"])
def test_a_change_to_the_code_a_pack_is_checked_by_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: str
):
    before = pack_key(COMMUTE)
    copy = tmp_path / "decisionaid"
    shutil.copytree(ROOT / "decisionaid", copy, ignore=shutil.ignore_patterns("__pycache__", "_compiled"))
    monkeypatch.setattr(compiled, "PACKAGE", copy)
    assert pack_key(COMMUTE) == before, "a copy of the same code gives the same key"
    (copy / changed).write_text((copy / changed).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert pack_key(COMMUTE) != before
    (copy / "core" / "summary.py").write_text("# not code a pack is checked by\n", encoding="utf-8")
    (copy / changed).write_text((ROOT / "decisionaid" / changed).read_text(encoding="utf-8"), encoding="utf-8")
    assert pack_key(COMMUTE) == before


def test_a_document_for_another_key_or_a_damaged_one_is_not_read():
    pack = validate_pack(COMMUTE)
    text = compile_pack(pack, "one")
    with pytest.raises(NotCompiled):
        read_compiled(text, "two")
    with pytest.raises(NotCompiled):
        read_compiled(text[: len(text) // 2], "one")
    damaged = json.loads(text)
    damaged["models"]["Card"]["title"] = {"model": "NoSuchModel"}
    with pytest.raises(NotCompiled):
        read_compiled(json.dumps(damaged), "one")


def test_a_field_added_to_a_model_reaches_the_records_with_nothing_else_written():
    class Question(BaseModel):
        text: str
        sensitive: bool = False
        sources: list[str] = []

    class File(BaseModel):
        questions: list[Question]

    validated = File(questions=[Question(text="Why?", sensitive=True, sources=["a"])])
    (question,) = read_compiled(compile_pack(validated, "key"), "key").questions
    assert (question.text, question.sensitive, question.sources) == ("Why?", True, ["a"])
    assert isinstance(question, Record)


def test_a_field_type_with_no_plain_form_is_refused_by_name():
    class Odd(BaseModel):
        when: datetime

    with pytest.raises(CompileError, match=r"Odd\.when"):
        compile_pack(Odd(when=datetime(2026, 1, 1)), "key")


# --- opening packs ---------------------------------------------------------------------


def test_a_pack_is_checked_once_then_opened_from_its_compiled_form(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    first = open_pack(folder)
    kept = compiled_files(pack_key(folder))
    assert len(kept) == 1 and kept[0].name.startswith("commute.")
    assert open_pack(folder) == first


def test_a_changed_pack_is_checked_in_full_and_a_broken_one_reported(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    open_pack(folder)
    cards = folder / "cards.toml"
    cards.write_text(cards.read_text(encoding="utf-8").replace('kind = "harm"', 'kind = "harmful"'), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        open_pack(folder)
    assert any("kind" in problem.key for problem in caught.value.problems)


def test_a_damaged_compiled_file_is_set_aside_for_a_full_check(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    open_pack(folder)
    (kept,) = compiled_files(pack_key(folder))
    kept.write_text('{"format": 1, "key": "', encoding="utf-8")
    assert open_pack(folder).meta.id == "commute"
    assert json.loads(kept.read_text(encoding="utf-8"))["key"] == pack_key(folder), "written again"


def test_older_compiled_forms_of_a_pack_are_replaced(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    open_pack(folder)
    crisis = folder / "crisis.toml"
    crisis.write_text(crisis.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    open_pack(folder)
    assert [p.name.split(".")[1] for p in (tmp_path / "cache" / "packs").glob("commute.*.json")] == [pack_key(folder)]


def test_nothing_is_kept_when_asked_not_to(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    assert open_pack(folder, keep=False).meta.id == "commute"
    assert compiled_files(pack_key(folder)) == []


# --- what a person meets -------------------------------------------------------------------


FIRST_SCREEN = """
import asyncio, sys
from decisionaid.cli.packs import load_or_report
from decisionaid.tui.factory import make_app

async def main():
    app = make_app(load_or_report({pack!r}), theme="textual-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__, "pydantic" in sys.modules)

asyncio.run(main())
"""


@pytest.mark.parametrize("folder", [COMMUTE, KETAMINE], ids=["commute", "ketamine-released"])
def test_the_first_screen_of_an_unchanged_pack_needs_no_pydantic(folder: Path):
    code = FIRST_SCREEN.format(pack=str(folder))
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert first.stdout.split() == ["WelcomeScreen", "True"], first.stderr  # checked in full the first time
    assert again.stdout.split() == ["WelcomeScreen", "False"], again.stderr


def test_validate_twice_says_the_same_and_a_broken_pack_is_still_reported(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    first, again = run_in_process("validate", str(folder)), run_in_process("validate", str(folder))
    assert first.returncode == again.returncode == 0
    assert first.stdout == again.stdout and "commute" in first.stdout
    (folder / "sources.toml").write_text("sources = [", encoding="utf-8")
    broken = run_in_process("validate", str(folder))
    assert broken.returncode == 2
    assert "sources.toml: not valid TOML" in broken.stderr


def test_the_whole_journey_reads_the_same_from_a_compiled_pack(tmp_path: Path):
    """Plain mode walks the journey twice through the command line: on the pack checked in full (which keeps it
    compiled), then on its compiled form; every page, the summary and the help read the same."""
    from tests.test_plain import TO_SUMMARY, plain

    def walk(data: str) -> str:
        result = plain(*TO_SUMMARY, "h", cwd=tmp_path, env={"DECISIONAID_DATA_DIR": str(tmp_path / data)})
        assert result.returncode == 0, result.stderr
        return result.stdout.replace(str(tmp_path / data), "DATA")

    checked = walk("first")
    assert compiled_files(pack_key(COMMUTE)), "the first walk keeps the pack compiled"
    assert walk("again") == checked
    assert "Card 5 of 5" in checked and "Type 1 to 9, or q to leave:" in checked, "the walk reached the summary"


# --- a cache folder others could write in --------------------------------------------------------

REAL = "Call your local emergency number"
FAKE = "Call 555-0100"


def plant(folder: Path, cache: Path) -> Path:
    """A compiled pack with the right name and key but another crisis number, in the cache folder."""
    key = pack_key(folder)
    text = compile_pack(validate_pack(folder), key).replace(REAL, FAKE)
    (cache / "packs").mkdir(parents=True, exist_ok=True)
    planted = cache / "packs" / f"commute.{key}.json"
    planted.write_text(text, encoding="utf-8")
    return planted


def test_a_planted_compiled_pack_is_read_only_where_no_one_else_could_have_written_it(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    cache = tmp_path / "cache"
    planted = plant(folder, cache)
    os.chmod(cache / "packs", 0o777)
    assert open_pack(folder).crisis[0].contact == REAL, "a folder others may change is not trusted"
    assert planted.read_text(encoding="utf-8").count(FAKE), "and nothing is written there"
    os.chmod(cache / "packs", 0o700)
    os.chmod(planted, 0o666)
    assert open_pack(folder, keep=False).crisis[0].contact == REAL, "nor a file others may change"
    os.chmod(planted, 0o600)
    assert open_pack(folder, keep=False).crisis[0].contact == FAKE, "this user's own cache is trusted"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_compiled_pack_another_user_owns_is_not_read(tmp_path: Path):
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    planted = plant(folder, tmp_path / "cache")
    os.chown(planted, 12345, 12345)
    assert open_pack(folder, keep=False).crisis[0].contact == REAL
