"""What a pack author meets: every mistake said in plain words naming the file and the key, all in one run."""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from enum import Enum
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from decisionaid.content.loader import validate_pack
from decisionaid.content.models import Pack, Strict
from decisionaid.content.problems import ERROR_SENTENCES, GENERAL, Says, problems_from
from decisionaid.core.catalogue import load_catalogue
from tests.helpers import COMMUTE, copy_pack, run_in_process

# (file, text in the commute pack, what the author wrote instead, the line validate prints)
MISTAKES = [
    (
        "clinician.toml",
        'text = "What do people like me usually choose?"',
        'text = "What do people like me usually choose"',
        "clinician.toml: questions[id=q-start].text: must end with a question mark",
    ),
    (
        "cards.toml",
        'kind = "benefit"',
        'kind = "good"',
        "cards.toml: cards[id=bike-good].kind: must be one of: background, benefit, harm, "
        "experience, practical, uncertainty,"
        ' myth (got "good")',
    ),
    (
        "cards.toml",
        'sources = ["survey"]',
        "sources = []",
        "cards.toml: cards[id=what-options].sources: must have at least 1 entry (it has 0)",
    ),
    (
        "crisis.toml",
        "verified_on = 2026-01-05",
        'verified_on = "2026-01-05"',
        'crisis.toml: crisis[0].verified_on: must be a date without quotes, such as 2026-01-05 (got "2026-01-05")',
    ),
    (
        "pack.toml",
        "published = 2026-01-10",
        "published = 2026-01-10T09:30:00",
        "pack.toml: meta.published: must be a date without quotes, such as 2026-01-05 (got 2026-01-10T09:30:00)",
    ),
    (
        "sources.toml",
        "year = 2025",
        'year = "2025"',
        'sources.toml: sources[id=survey].year: must be a whole number without quotes, such as 3 (got "2025")',
    ),
    (
        "pack.toml",
        "status_quo = true",
        'status_quo = "yes"',
        'pack.toml: options[id=bus].status_quo: must be true or false, without quotes (got "yes")',
    ),
    (
        "pack.toml",
        "schema_version = 1",
        "schema_version = true",
        "pack.toml: schema_version: must be the number 1 without quotes, the only format version so far (got true)",
    ),
    (
        "pack.toml",
        'version = "0.1.0"',
        'version = "1.0"',
        'pack.toml: meta.version: must be a version number major.minor.patch, such as 1.0.0 (got "1.0")',
    ),
    (
        "pack.toml",
        "review_due = 2099-01-05",
        "review_due = 2025-01-05",
        "pack.toml: meta.review_due: must come after evidence_reviewed (2026-01-05)",
    ),
    (
        "cards.toml",
        'title = "Two ways to get to work"',
        "title = 2",
        "cards.toml: cards[id=what-options].title: must be text in quotes (got 2)",
    ),
    (
        "cards.toml",
        'id = "bike-bad"',
        'id = "Bike bad"',
        "cards.toml: cards[2].id: must be an id: lower-case letters a-z, digits, - and _, starting with a letter or"
        ' a digit (got "Bike bad")',
    ),
    (
        "self_check.toml",
        'correct = ["no"]',
        'correct = ["maybe"]',
        "self_check.toml: self_check[id=rain].correct[0]: 'maybe' is not one of the choices (yes, no, unsure)",
    ),
    (
        "figures.toml",
        "high = 30",
        "high = 130",
        "figures.toml: figures[id=fresh].comparator.high: must be 100 or less (got 130)",
    ),
    (
        "pack.toml",
        'licence = "CC BY 4.0"',
        'licence = "CC BY 4.0"\nlanguage = "English"',
        'pack.toml: meta.language: must be a language code of 2 or 3 lower-case letters, such as "en" or "es"'
        ' (got "English")',
    ),
    (
        "cards.toml",
        'sources = ["survey"]\ncertainty = "established"\nshort_path = true',
        'sorces = ["survey"]\ncertainty = "established"\nshort_path = true',
        "cards.toml: cards[id=what-options].sorces: unknown key (did you mean 'sources'?)",
    ),
]


def with_mistake(tmp_path: Path, file: str, old: str, new: str) -> Path:
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    path = pack / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{file} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


@pytest.mark.parametrize(("file", "old", "new", "line"), MISTAKES, ids=[m[3].split(":")[1] for m in MISTAKES])
def test_a_mistake_is_one_line_in_plain_words(tmp_path: Path, file: str, old: str, new: str, line: str):
    pack = with_mistake(tmp_path, file, old, new)

    result = run_in_process("validate", ".", cwd=pack)

    assert result.returncode == 2
    assert result.stderr.splitlines() == [line, ".: 1 problem"]


def test_problems_in_one_file_and_across_files_come_in_one_run(tmp_path: Path):
    """A broken cards.toml does not hide a bad reference in clinician.toml; what the cards would settle is unsaid."""
    pack = with_mistake(tmp_path, "cards.toml", 'kind = "benefit"', 'kind = "good"')
    clinician = pack / "clinician.toml"
    clinician.write_text(clinician.read_text().replace('topic = "money"', 'topic = "mony"', 1))

    result = run_in_process("validate", ".", cwd=pack)

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "cards.toml: cards[id=bike-good].kind: must be one of: background, benefit, harm, "
        "experience, practical, uncertainty,"
        ' myth (got "good")',
        "clinician.toml: questions[id=q-cost].topic: unknown topic 'mony' (did you mean 'money'?)",
        ".: 2 problems",
    ]


def test_a_file_that_failed_leaves_out_the_checks_that_need_it(tmp_path: Path):
    """With sources.toml broken, no reference to a source is called unknown and no source unused."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    (pack / "sources.toml").write_text('[[sources]]\nid = "survey"\n', encoding="utf-8")
    cards = pack / "cards.toml"
    cards.write_text(cards.read_text().replace('section = "options"', 'section = "optoins"'))

    result = run_in_process("validate", ".", cwd=pack)

    assert result.stderr.splitlines() == [
        "sources.toml: sources[id=survey].citation: required key is missing",
        "sources.toml: sources[id=survey].kind: required key is missing",
        "cards.toml: cards[id=what-options].section: unknown section 'optoins' (did you mean 'options'?)",
        ".: 3 problems",
    ]


def test_a_misspelt_file_name_is_not_taken_for_a_file_left_out(tmp_path: Path):
    """values.toml named value.toml: its questions are not then called unreachable."""
    pack = copy_pack(COMMUTE, tmp_path / "pack")
    (pack / "values.toml").rename(pack / "value.toml")

    result = run_in_process("validate", ".", cwd=pack)

    assert result.stderr.splitlines() == ["value.toml: unknown file (did you mean 'values.toml'?)", ".: 1 problem"]


# --- every field of every model, given a value of the wrong kind ---------------------------------


def _samples(value: object, found: dict[type, dict]) -> None:
    """One instance of each model in the commute pack, as the data it was read from."""
    if isinstance(value, BaseModel):
        found.setdefault(type(value), value.model_dump(mode="python"))
        for name in type(value).model_fields:
            _samples(getattr(value, name), found)
    elif isinstance(value, list):
        for item in value:
            _samples(item, found)


def _core(annotation: object) -> object:
    while typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0]
    return annotation


def wrong_values() -> list[tuple[str, type[BaseModel], dict, object]]:
    """(label, model, data, wrong value) for every field of the commute pack's models, one wrong kind each."""
    found: dict[type, dict] = {}
    _samples(validate_pack(COMMUTE), found)
    cases = []
    for model, data in found.items():
        if model is Pack:
            continue
        for name, info in model.model_fields.items():
            if data.get(name) is None:
                continue
            core = _core(info.annotation)
            value = data[name]
            if isinstance(value, bool | int | float | date) and not isinstance(core, type(Enum)):
                wrong: object = str(value).lower() if isinstance(value, bool) else str(value)
            elif isinstance(value, str):
                wrong = 5
            elif isinstance(value, list):
                wrong = "x"
            else:
                wrong = ["x"]
            cases.append((f"{model.__name__}.{name}", model, {**data, name: wrong}, wrong))
    return cases


@pytest.mark.parametrize(
    ("label", "model", "data", "wrong"), wrong_values(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_field_given_the_wrong_kind_of_value_says_so_in_words(label: str, model, data: dict, wrong: object):
    words = load_catalogue()
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)

    problems = problems_from(Path("file.toml"), model, caught.value.errors(include_url=False))

    field = label.split(".")[1]
    reasons = [p.reason(words) for p in problems if p.key == field]
    assert reasons, [p.line(words) for p in problems]
    assert all(p.says != GENERAL for p in problems), reasons
    if isinstance(wrong, str) and wrong != "x":  # a number, a date or true/false written in quotes
        assert "without quotes" in reasons[0] or "one of" in reasons[0], reasons


def test_the_models_are_strict_so_a_quoted_value_is_never_read_as_another_kind():
    assert Strict.model_config.get("strict") is True


def test_every_sentence_a_problem_can_say_is_in_the_catalogue():
    words = load_catalogue()
    named = set(ERROR_SENTENCES.values()) | {GENERAL}
    for model in _all_models(Pack):
        for info in model.model_fields.values():
            named |= {s for item in _metadata(info) if isinstance(item, Says) for s in item.sentences.values()}
    source = (Path(__file__).parents[1] / "decisionaid" / "content" / "models.py").read_text()
    named |= set(re.findall(r'refused\(\s*"(\w+)"', source))
    missing = sorted(s for s in named if f"pack_problem.{s}" not in words)
    assert missing == []


def _all_models(model: type[BaseModel], seen: set | None = None) -> set[type[BaseModel]]:
    seen = set() if seen is None else seen
    if model in seen:
        return seen
    seen.add(model)
    for info in model.model_fields.values():
        for arg in _walk(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                _all_models(arg, seen)
    return seen


def _walk(annotation: object):
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _walk(arg)


def _metadata(info) -> list:
    found = list(info.metadata)
    for arg in _walk(info.annotation):
        if typing.get_origin(arg) is typing.Annotated:
            found += list(arg.__metadata__)
    return found


def test_a_flood_of_one_kind_of_problem_is_summed_up_after_the_first_three(tmp_path: Path) -> None:
    folder = copy_pack(COMMUTE, tmp_path / "pack")
    cards = folder / "cards.toml"
    wrong = ", ".join(f'"nope-{n}"' for n in range(100))
    cards.write_text(cards.read_text(encoding="utf-8").replace('sources = ["survey"]', f"sources = [{wrong}]", 1))
    result = run_in_process("validate", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "pack/cards.toml: cards[id=what-options].sources[0]: unknown source 'nope-0'"
    assert lines[2] == "pack/cards.toml: cards[id=what-options].sources[2]: unknown source 'nope-2'"
    assert lines[3] == "pack/cards.toml: and 97 more problems of the same kind as the three above"
    assert lines[-1] == "pack: 100 problems" and len(lines) == 5
