"""The words of each page of the journey, as lines to print. Pure text, built from the pack and the answers."""

from __future__ import annotations

from collections.abc import Iterable

from decisionaid.content.models import Arm, Card, Figure, Pack, SelfCheck, Source, SureItem, ValueItem
from decisionaid.core.checking import learnt, right_answer, verdict
from decisionaid.core.figures import count_words, figure_heading, other_side_words
from decisionaid.core.session import Session
from decisionaid.core.summary import Summary
from decisionaid.core.wording import certainty_words
from decisionaid.export.render import HEADINGS, clean_user_text, long_date, source_links

ABOUT = (
    "This aid explains the options, checks what you know, asks what matters to you and builds a list of "
    "questions to take to your clinician. It informs and prepares that talk; it does not decide for you."
)
NO_WRONG_ANSWERS = "There are no right or wrong answers. They only shape the questions for your clinician."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def welcome(pack: Pack, notices: Iterable[str], left_off: str | None) -> list[str]:
    meta = pack.meta
    crisis = pack.crisis.crisis[0]
    lines = [meta.title, meta.decision, ""]
    lines += [*notices]
    if left_off:
        lines.append(f"Your answers are saved. You left off at {left_off}.")
    lines += [
        ABOUT,
        "",
        meta.disclaimer,
        "",
        f"About {meta.minutes} minutes. Evidence reviewed {long_date(meta.evidence_reviewed)}; "
        f"next review due {long_date(meta.review_due)}.",
        f"Funding: {meta.funding} Conflicts of interest: {meta.conflicts}",
        "",
        f"Crisis help: type c at any prompt. {crisis.name}: {crisis.contact}.",
        "Type h at any prompt for the list of commands.",
    ]
    return lines


def figure(fig: Figure) -> list[str]:
    """A figure in words: what was counted, then each group's count and the other side."""
    return [
        "Figure. " + figure_heading(fig),
        *(_arm(arm) for arm in (fig.option_arm, fig.comparator)),
        f"How sure about this figure: {certainty_words(fig.certainty)}.",
    ]


def _arm(arm: Arm) -> str:
    return f"{_capital(arm.label)}: {count_words(arm)}; {other_side_words(arm)}."


def card(pack: Pack, item: Card, position: int, total: int, *, list_sources: bool = False) -> list[str]:
    """A card as paragraphs; its sources are counted (s lists them) or, with `list_sources`, listed."""
    section = next(s for s in pack.sections if s.id == item.section)
    lines = [f"Card {position + 1} of {total}. Section: {section.title}.", "", item.title]
    if item.options:
        lines.append("About: " + ", ".join(pack.option(o).name for o in item.options) + ".")
    lines += [f"How sure: {certainty_words(item.certainty)}.", "", item.body]
    for figure_id in item.figures:
        lines += ["", *figure(pack.figure(figure_id))]
    found = card_sources(pack, item)
    if list_sources:
        return [*lines, "", *sources("Sources for this card:", found)]
    return [*lines, "", sources_hint(len(found))]


def sources_hint(count: int, title: str = "Sources") -> str:
    return f"{title}: {count}. Type s to list {'it' if count == 1 else 'them'}."


def card_sources(pack: Pack, item: Card) -> list[Source]:
    """The card's sources, then its figures' sources, each once."""
    ids = dict.fromkeys([*item.sources, *(s for f in item.figures for s in pack.figure(f).sources)])
    return [pack.source(s) for s in ids]


def sources(title: str, found: Iterable[Source]) -> list[str]:
    """Numbered citations, each with the addresses where it can be found."""
    lines = [title]
    for number, source in enumerate(found, 1):
        lines.append(f"{number}. {source.citation}")
        lines += [" " * (len(str(number)) + 2) + link for link in source_links(source)]
    return lines


def choices(labels: Iterable[str], chosen: int | None = None) -> list[str]:
    return [f"{n}. {label}" + (" (your answer)" if n == chosen else "") for n, label in enumerate(labels, 1)]


def self_check(item: SelfCheck, position: int, total: int, chosen: int | None) -> list[str]:
    return [
        f"Self-check question {position + 1} of {total}. Not a test: it shows what to ask about.",
        "",
        item.prompt,
        *choices((c.label for c in item.choices), chosen),
    ]


def feedback(pack: Pack, item: SelfCheck, choice_id: str) -> list[str]:
    """The verdict in words, the answer, the explanation and its sources, as the TUI shows them."""
    lines = [
        "",
        verdict(item, choice_id).words,
        f"The answer: {right_answer(item)}",
        item.explanation,
        "",
        *sources("Sources:", (pack.source(s) for s in item.sources)),
    ]
    if item.cards:
        titles = "; ".join(pack.card(c).title for c in item.cards)
        lines += ["", f"To read the card again, type o: {titles}."]
    return lines


def learnt_page(pack: Pack, session: Session) -> list[str]:
    result = learnt(pack.self_check.self_check, session.self_check)
    lines = ["The end of the self-check.", ""]
    if result.known:
        lines += ["You now know about:", *result.known, ""]
    if result.to_ask:
        lines += ["Worth talking through with your clinician:", *result.to_ask]
        lines += ["", "They are listed in your summary, to talk through."]
    if not result.known and not result.to_ask:
        lines.append("You skipped the self-check. You can go back to it at any time.")
    return lines


def value(item: ValueItem, position: int, total: int, chosen: int | None) -> list[str]:
    kind = "About you" if item.kind == "situation" else "What matters to you"
    return [
        f"{kind}: {position + 1} of {total}.",
        NO_WRONG_ANSWERS,
        "",
        item.statement,
        *choices((c.label for c in item.choices), chosen),
    ]


def sure_intro(pack: Pack) -> list[str]:
    sure = pack.sure.sure
    assert sure is not None, "only called when the pack has the SURE test"
    return [sure.title, f"From: {sure.citation}", sure.terms_of_use, ""]


def sure_item(pack: Pack, item: SureItem, position: int, answer: bool | None) -> list[str]:
    sure = pack.sure.sure
    assert sure is not None, "only called when the pack has the SURE test"
    chosen = None if answer is None else (1 if answer else 2)
    return [
        f"{sure.title} ({position + 1} of {len(sure.items)})",
        "",
        item.text,
        *choices(("Yes", "No"), chosen),
    ]


def crisis(pack: Pack) -> list[str]:
    lines = ["Crisis help. If you are in danger or might harm yourself, contact one of these now:"]
    for resource in pack.crisis.crisis:
        lines.append(f"{resource.name} ({resource.region}): {resource.contact}.")
        if resource.details:
            lines.append(resource.details)
        lines.append(f"Checked on {long_date(resource.verified_on)}.")
    return lines


def summary(result: Summary, pack: Pack) -> list[str]:
    """The summary with every suggested question numbered, and 'left out' said in words."""
    lines = [
        "Your questions for the clinician.",
        "Nothing here is a recommendation. Questions marked 'left out' will not be in the saved file.",
    ]
    if result.matters:
        lines += ["", HEADINGS["matters"] + ":", *result.matters]
    if result.unsure:
        lines += ["", HEADINGS["unsure"] + ":", *result.unsure]
    lines += ["", HEADINGS["questions"] + ":"]
    number = 0
    for group in result.groups:
        lines.append(f"Topic: {group.title}.")
        for question in group.questions:
            number += 1
            left_out = "" if question.ticked else "Left out: "
            lines.append(f"{number}. {left_out}{question.text}")
            lines.append(" " * (len(str(number)) + 2) + "Why: " + " ".join(question.reasons))
    lines += ["", HEADINGS["own"] + ":"]
    lines += [clean_user_text(q) for q in result.own_questions] or ["None yet."]
    note = clean_user_text(result.note).strip()
    lines += ["", HEADINGS["note"] + ":", note or "None yet."]
    if result.sure and pack.sure.sure:
        lines += ["", HEADINGS["sure"] + ":"]
        for answer in result.sure:
            lines.append(f"{answer.text} {'Yes' if answer.yes else 'No'}.")
            if answer.meaning:
                lines.append(answer.meaning)
        lines.append(f"From: {pack.sure.sure.citation}")
    if result.sources_read:
        lines += ["", sources_hint(len(result.sources_read), HEADINGS["sources"])]
    return lines
