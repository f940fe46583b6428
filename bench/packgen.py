"""Generated content for load tests: the commute pack grown to N cards, and a saved-answers file."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import tomli_w

EXTRA_OPTIONS = [
    {"id": "walk", "name": "Walk", "summary": "Walk to work."},
    {"id": "train", "name": "Take the train", "summary": "Ride the train to work."},
]
KINDS = ["benefit", "harm", "practical", "experience"]
BODY = (
    "This card is one of many made for a load test. It says a few plain things about the option, "
    "in short sentences, the way a real card would. Card number {i}."
)


def shape(cards: int) -> dict[str, int]:
    """How a generated pack grows: sources and sections grow with the cards, options stay few."""
    return {
        "cards": cards,
        "options": 2 + len(EXTRA_OPTIONS),
        "sources": max(2, cards // 10),
        "sections": max(2, cards // 20),
    }


def generate_pack(base: Path, dest: Path, cards: int) -> Path:
    """Copy the pack at `base` (the commute test pack) to `dest` and grow it to `cards` cards.

    Its own cards come first; the rest are spread over four options and every kind, each citing two
    of `cards // 10` generated sources, in `cards // 20` sections. The comparison table gets a cell for
    each added option.
    """
    size = shape(cards)
    shutil.copytree(base, dest, ignore=shutil.ignore_patterns("manifest.toml*"))  # a draft: its files change
    pack = _read(dest / "pack.toml")
    sources = _read(dest / "sources.toml")
    own = _read(dest / "cards.toml")["cards"]
    pack["options"] += EXTRA_OPTIONS
    pack["sections"] += [{"id": f"sec-{k:05d}", "title": f"Part {k}"} for k in range(size["sections"])]
    source_ids = [f"src-{k:05d}" for k in range(size["sources"])]
    sources["sources"] += [
        {
            "id": sid,
            "citation": f"Example Study {k}, 2025.",
            "year": 2025,
            "kind": "trial",
            "url": f"https://example.org/study/{k}",
        }
        for k, sid in enumerate(source_ids)
    ]
    option_ids = [o["id"] for o in pack["options"]]
    grown = [
        {
            "id": f"card-{i:05d}",
            "section": f"sec-{i % size['sections']:05d}",
            "options": [option_ids[i % len(option_ids)]],
            "kind": KINDS[(i // len(option_ids)) % len(KINDS)],
            "title": f"Generated card {i}",
            "body": BODY.format(i=i),
            "sources": [source_ids[i % len(source_ids)], source_ids[(i + 1) % len(source_ids)]],
            "certainty": "uncertain",
        }
        for i in range(max(0, cards - len(own)))
    ]
    _write(dest / "pack.toml", pack)
    _write(dest / "sources.toml", sources)
    _write(dest / "cards.toml", {"cards": own + grown})
    if (dest / "comparison.toml").exists():
        _grow_comparison(dest / "comparison.toml")
    return dest


def _grow_comparison(path: Path) -> None:
    """A cell for each added option in every row, so the table stays balanced."""
    table = _read(path)
    for row in table["rows"]:
        row["cells"] += [{"option": o["id"], "text": f"What {o['name']} means here."} for o in EXTRA_OPTIONS]
    _write(path, table)


def write_session(pack_dir: Path, dest: Path) -> Path:
    """A saved-answers file for the pack: every card read and every question answered."""
    from decisionaid.content import load_pack

    dest.write_text(full_session(load_pack(pack_dir)).to_toml(), encoding="utf-8")
    return dest


def full_session(pack, stage: str = "summary", position: int = 0):
    """Answers to everything in `pack` (every card read, the first choice everywhere), placed at a step."""
    from decisionaid.core.session import Session

    return Session(
        pack=pack.meta.id,
        pack_version=pack.meta.version,
        stage=stage,
        position=position,
        cards_read=[c.id for c in pack.cards],
        self_check={q.id: q.choices[0].id for q in pack.self_check},
        values={v.id: v.choices[0].id for v in pack.values},
        sure={item.id: False for item in pack.sure.items} if pack.sure else {},
        own_questions=["Is there anything else I should ask?"],
    )


def _read(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict) -> None:
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
