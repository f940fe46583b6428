"""The words of each page of the journey, as lines to print: the page models laid out as plain text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from decisionaid.core import pages
from decisionaid.core.catalogue import Catalogue
from decisionaid.core.comparison import Comparison
from decisionaid.core.end_pages import Contents, SectionEntry
from decisionaid.core.pages.about import about as about_page
from decisionaid.core.pages.steps import CardPage, ChangesPage, Choice, QuestionPage, SurePage, ValuePage, WelcomePage
from decisionaid.core.progress import AidMap
from decisionaid.core.session import Session
from decisionaid.core.sources import source_links
from decisionaid.core.summary import Summary, voice_of
from decisionaid.export.text import handout_lines
from decisionaid.sanitize import clean_text

if TYPE_CHECKING:
    from decisionaid.content.models import Pack, Source
    from decisionaid.core.handout import Handout


def lines_of(page: pages.Page) -> list[str]:
    """A page model's paragraphs, with a blank line before the disclaimer and help-now lines."""
    out: list[str] = []
    for line in page.lines:
        if line.role in ("disclaimer", "help-now", "subheading") and out:
            out.append("")
        out.append(line.text)
    return out


def about(pack: Pack, words: Catalogue) -> list[str]:
    """About this aid: its title, then each labelled row after a blank line."""
    page = about_page(pack, words)
    return [f"{page.title}.", *lines_of(page)]


def welcome(page: WelcomePage, words: Catalogue) -> list[str]:
    return [*lines_of(page.page), words("plain.help_hint")]


def what_changed(page: ChangesPage, words: Catalogue) -> list[str]:
    """What changed: the lines that open an item numbered, those about an item no longer there not."""
    lines, n = [page.title, "", page.intro], 0
    for change in page.changes:
        if change.place is None:
            lines.append(f"- {change.text}")
        else:
            n += 1
            lines.append(words("plain.choice", n=n, label=change.text))
    return [*lines, "", page.closing]


def card(page: CardPage, words: Catalogue, *, list_sources: bool = False) -> list[str]:
    """A card as paragraphs: what the page model says, then its sources counted (s lists them) or listed."""
    lines = [
        words("plain.card_progress", progress=page.progress, section=page.section),
        "",
        *(line.text for line in page.heading[1:]),
        "",
        page.card.body,
    ]
    for figure in page.figures:
        lines += ["", *figure.lines]
    if list_sources:
        return [*lines, "", *sources(words("plain.card_sources"), page.sources)]
    return lines


def sources_hint(count: int, words: Catalogue, title: str | None = None) -> str:
    return words("plain.sources_hint", count=count, title=title or words("sources.title"))


def sources(title: str, found: Iterable[Source]) -> list[str]:
    """Numbered citations, each with the addresses where it can be found."""
    lines = [title]
    for number, source in enumerate(found, 1):
        lines.append(f"{number}. {source.citation}")
        lines += [" " * (len(str(number)) + 2) + link for link in source_links(source)]
    return lines


def choices(labels: Iterable[str], words: Catalogue, chosen: int | None = None) -> list[str]:
    return [
        words("plain.choice_chosen" if n == chosen else "plain.choice", n=n, label=label)
        for n, label in enumerate(labels, 1)
    ]


def numbered(shown: Iterable[Choice], words: Catalogue) -> list[str]:
    """A question's choices, numbered, the one chosen said so."""
    shown = tuple(shown)
    chosen = next((n for n, choice in enumerate(shown, 1) if choice.chosen), None)
    return choices((choice.label for choice in shown), words, chosen)


def question(page: QuestionPage, words: Catalogue) -> list[str]:
    """A self-check question and, once answered, its feedback."""
    lines = [page.progress, "", page.prompt, *numbered(page.choices, words)]
    return lines + feedback(page, words) if page.feedback else lines


def feedback(page: QuestionPage, words: Catalogue) -> list[str]:
    """The verdict in words, the person's answer, the answer, the explanation and the cards to read again."""
    shown = page.feedback
    assert shown is not None, "feedback follows an answer"
    lines = ["", shown.verdict, shown.chosen, shown.answer, shown.explanation]
    if shown.reopen:
        lines += ["", shown.reopen]
    return lines


def offered(page: pages.Page, words: Catalogue) -> list[str]:
    """A page's title and paragraphs, then what it offers, numbered."""
    lines = [page.title + ".", *lines_of(page)]
    if page.offers:
        lines += ["", *choices((offer.label for offer in page.offers), words)]
    return lines


def value(page: ValuePage, words: Catalogue) -> list[str]:
    """A values item; the first of its part says there are no wrong answers."""
    lines = [page.progress + ".", *filter(None, (page.hint,))]
    return [*lines, "", page.statement, *numbered(page.choices, words)]


def sure(page: SurePage, words: Catalogue) -> list[str]:
    """A SURE item word for word, its yes and no, what a 'no' may mean once chosen, and where it comes from."""
    meaning = ["", page.meaning] if page.meaning else []
    return [page.progress, "", page.text, *numbered(page.choices, words), *meaning, "", page.credit]


def comparison_by_row(table: Comparison, words: Catalogue) -> list[str]:
    """The table read row by row: each question, then what it says for each option."""
    lines = [table.title + ".", table.lead]
    for row in table.rows:
        lines += ["", row.question, *(f"{cell.option}: {cell.text}" for cell in row.cells)]
    return lines


def comparison_by_option(table: Comparison, words: Catalogue) -> list[str]:
    """The table read option by option: each option, then its answer to every question."""
    lines: list[str] = []
    for column, option in enumerate(table.options):
        lines += ["", words("plain.option_heading", option=option)]
        lines += [f"{row.question} {row.cells[column].text}" for row in table.rows]
    return lines


def contents_sections(table: Contents) -> list[str]:
    return [
        table.title + ".",
        table.lead,
        "",
        *(f"{n}. {s.title}: {s.summary}." for n, s in enumerate(table.sections, 1)),
    ]


def contents_cards(section: SectionEntry, legend: str) -> list[str]:
    """A section's cards, numbered; read ones and ones the short path left out say so, and `legend` says how."""
    lines = [legend, f"{section.title}:"]
    for n, card in enumerate(section.cards, 1):
        lines.append(f"{n}. {card.title}" + (f" ({card.marks})" if card.marks else ""))
    return lines


def aid_map(shown: AidMap, words: Catalogue) -> list[str]:
    """The parts as a numbered list with their state and minutes, and where the person is."""
    lines = [f"{shown.title}. {shown.where}."]
    for row in shown.rows:
        here = f" ({words('map.here')})" if row.here else ""
        lines.append(f"{row.number}. {row.title}: {row.describe(words)}{here}.")
    return lines


def crisis(pack: Pack, words: Catalogue) -> list[str]:
    page = pages.crisis(pack, words)
    lines = [f"{page.title}. {page.lines[0].text}"]
    for resource in page.lines[1:]:
        name, contact, *rest = resource.text.split("\n")
        lines += [f"{name}: {contact}.", *rest]
    return lines


def summary(result: Summary, handout: Handout, session: Session, words: Catalogue) -> list[str]:
    """The handout as it will be saved, then every question numbered for the menu, with 'left out' and
    'starred' said in words; then the private answers, the note and a count of the sources."""
    voiced = words.in_voice(voice_of(session.reader))
    lines = [words("plain.summary_title"), words("plain.summary_hint"), ""]
    lines += handout_lines(handout)
    lines += ["", words("plain.all_questions")]
    number = 0
    for group in result.groups:
        lines.append(words("plain.topic", topic=group.title))
        for question in group.questions:
            number += 1
            lines.append(f"{number}. {_marks(question.ticked, question.starred, words)}{question.text}")
            lines.append(" " * (len(str(number)) + 2) + words("summary.why", reasons=" ".join(question.reasons)))
    lines += ["", voiced("handout.own") + ":"]
    for text in session.own_questions:
        number += 1
        lines.append(f"{number}. {_marks(True, text in session.starred_own, words)}{clean_text(text)}")
    if not session.own_questions:
        lines.append(words("plain.none_yet"))
    if result.private:
        lines += ["", words("summary.private") + ":"]
        lines += [private_line(p.text, p.included, words) for p in result.private]
    note = clean_text(result.note).strip()
    lines += ["", voiced("handout.note") + ":", note or words("plain.none_yet")]
    if handout.sources:
        lines += ["", sources_hint(len(handout.sources), words, words("handout.sources"))]
    return lines


def _marks(ticked: bool, starred: bool, words: Catalogue) -> str:
    if not ticked:
        return words("summary.left_out") + " "
    return words("plain.starred") + " " if starred else ""


def private_line(text: str, included: bool, words: Catalogue) -> str:
    return words("plain.private_in" if included else "plain.private_out", text=text)
