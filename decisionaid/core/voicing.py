"""The voice of the pack's own text on the handout: the self form, or the helper form when someone helping fills it in.

A pack may give any text the handout shows a helper form (`helper_<field>`, beside the field): the same text in the
voice of someone helping the person it is about. Without one, the self form is shown in either voice.
Pure Python: never imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content.models import Pack


def voiced(item: object, field: str, voice: str) -> str | None:
    """`item`'s `field` as the voice says it: its helper form for 'helper' when the pack gives one."""
    text = getattr(item, field)
    if voice == "helper":
        return getattr(item, f"helper_{field}", None) or text
    return text


@dataclass(frozen=True)
class HandoutText:
    """A text of the pack the handout may show, where it is ('clinician', 'questions[3].text'), and its helper form."""

    file: str
    key: str
    text: str
    helper: str | None


def handout_texts(pack: Pack) -> Iterator[HandoutText]:
    """Every text of the pack the handout may show, each with its helper form or None.

    The SURE items are left out: the handout quotes them word for word, as their licence asks.
    """
    for i, topic in enumerate(pack.topics):
        yield HandoutText("clinician", f"topics[{i}].title", topic.title, topic.helper_title)
    for i, question in enumerate(pack.questions):
        for field in ("text", "reason", "neutral"):
            yield from _text(question, "clinician", f"questions[{i}]", field)
    for i, item in enumerate(pack.values):
        for j, choice in enumerate(item.choices):
            for field in ("reason", "summary"):
                yield from _text(choice, "values", f"values[{i}].choices[{j}]", field)
    for i, check in enumerate(pack.self_check):
        for field in ("topic", "fact"):
            yield from _text(check, "self_check", f"self_check[{i}]", field)
        for j, choice in enumerate(check.choices):
            yield from _text(choice, "self_check", f"self_check[{i}].choices[{j}]", "belief")


def _text(item: object, file: str, at: str, field: str) -> Iterator[HandoutText]:
    text = getattr(item, field)
    if text is not None:
        yield HandoutText(file, f"{at}.{field}", text, getattr(item, f"helper_{field}"))
