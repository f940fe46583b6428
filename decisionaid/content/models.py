"""Pydantic models of a content pack: one model per TOML file, then the whole pack."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic import Strict as StrictType
from pydantic_core import PydanticCustomError

from decisionaid.content.lookups import PackLookups
from decisionaid.content.problems import Says

# Bounds that keep every screen within its benchmark (measured with a 10,000-card pack) and every step quick: a
# pack past one is refused by `validate` in one line, instead of slowing the aid down for its readers.
MAX_TEXT = 20_000  # characters in one text; the longest in a shipped pack is under 1,000
MAX_CARDS = 10_000
MAX_SOURCES = 10_000
MAX_SECTIONS = 1_000
MAX_OPTIONS = 12
MAX_FIGURES = 1_000
MAX_ITEMS = 200  # self-check questions, values items
MAX_QUESTIONS = 500  # clinician questions, and topics
MAX_ROWS = 100  # comparison rows
MAX_REFERENCES = 100  # ids one item lists: its sources, options, figures, cards, added questions
MAX_WORDING = 1_000  # interface sentences a pack words its own way

# Any text the handout shows may have a helper form: the same text in the voice of someone helping the person it
# is about ('their medicines', not 'my medicines'), used whenever the reader is helping.
HELPER_FORM = "The same text in the voice of someone helping the person it is about, e.g. 'their medicines'."

Id = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64), Says(string_pattern_mismatch="not_an_id")
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT, strip_whitespace=True)]
Per100 = Annotated[float, Field(ge=0, le=100)]
Version = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$"), Says(string_pattern_mismatch="not_version")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\S+/\S+$"), Says(string_pattern_mismatch="not_doi")]
PubMedId = Annotated[str, StringConstraints(pattern=r"^\d{5,9}$"), Says(string_pattern_mismatch="not_pmid")]
Address = Annotated[str, StringConstraints(pattern=r"^https?://\S+$"), Says(string_pattern_mismatch="not_url")]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$"), Says(string_pattern_mismatch="not_language")]
MythId = Annotated[str, StringConstraints(pattern=r"^M\d{2}$"), Says(string_pattern_mismatch="not_myth")]
Question = Annotated[  # ending with '?', or the Arabic '؟' or the full-width '？' of Chinese and Japanese
    str,
    StringConstraints(min_length=1, max_length=MAX_TEXT, strip_whitespace=True, pattern=r"[?؟？]$"),
    Says(string_pattern_mismatch="no_question_mark"),
]


class Strict(BaseModel):
    """Base for content: unknown keys are errors, content is immutable, and values are strict: a number, a date
    or true/false written in quotes is refused, as is a number where text is wanted.

    An enum is the one exception: TOML gives its value as text, so enum fields are read by value (`ByValue`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


ByValue = StrictType(False)


def refused(says: str, *at: str | int, **values: object) -> PydanticCustomError:
    """A problem found by a model's own check: the catalogue sentence `says` (under `pack_problem.`), at the
    key `at` below the model, with the values the sentence names."""
    return PydanticCustomError(says, says, {"says": says, "at": at, **values})


class Certainty(StrEnum):
    """How sure the evidence is, shown to the reader in words."""

    established = "established"
    uncertain = "uncertain"
    disputed = "disputed"


class CardKind(StrEnum):
    background = "background"
    benefit = "benefit"
    harm = "harm"
    experience = "experience"
    practical = "practical"
    uncertainty = "uncertainty"
    myth = "myth"


class SourceKind(StrEnum):
    trial = "trial"
    observational = "observational"
    meta_analysis = "meta-analysis"
    review = "review"
    label = "label"
    regulator = "regulator"
    guideline = "guideline"
    government = "government"
    survey = "survey"
    other = "other"


class FactKind(StrEnum):
    """The kind of source a self-check item's fact comes from, as the handout names it ("The label says")."""

    label = "label"
    trial = "trial"
    review = "review"
    guideline = "guideline"
    regulator = "regulator"
    survey = "survey"
    other = "other"


# --- pack.toml -------------------------------------------------------------


class Author(Strict):
    name: Text
    role: Text
    credentials: Text | None = None


class Vocabulary(Strict):
    """The pack's own words for what the interface names; a word left out is the catalogue's own."""

    expert: Text | None = Field(
        None, description="Who the handout's questions are for, e.g. 'clinician' or 'repair technician'."
    )
    counted: Text | None = Field(None, description="What the figures count, in the plural, e.g. 'people' or 'laptops'.")


class Meta(Strict):
    """Who made the pack, when, and on what terms (IPDAS certification items)."""

    id: Id
    title: Text
    decision: Text = Field(description="The decision, in one plain sentence.")
    audience: Text
    version: Version
    published: date
    evidence_reviewed: date
    review_due: date
    update_policy: Text
    funding: Text
    conflicts: Text
    authors: list[Author] = Field(min_length=1)
    licence: Text
    disclaimer: Text = Field(description="The 'not medical advice' statement, shown at the start and in exports.")
    minutes: int | None = Field(
        None,
        ge=1,
        le=240,
        description="Ignored: the aid works out the minutes from the words of the short path (remove this key).",
    )
    short_path_minutes: int = Field(
        15, ge=1, le=240, description="The most minutes the short path may take at 150 words a minute (lint checks)."
    )
    language: Language = Field(
        "en", description="The language of the pack's text (e.g. 'en', 'es'): the interface speaks it too."
    )
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    help_now: Literal["crisis", "support", False] = Field(
        "crisis",
        description="The help the pack's help-now lines (crisis.toml) give, shown on every screen and one key "
        "away: 'crisis' (the default: for someone in danger), 'support' (a help line, worded neutrally) or false "
        "(no lines: only for a decision that is not about health or safety, and then no crisis.toml).",
    )
    wording: dict[str, Text] = Field(
        default_factory=dict,
        max_length=MAX_WORDING,
        description="The pack's own wording for interface sentences, by their key in the catalogue; each must "
        "keep the sentence's placeholders.",
    )

    @field_validator("help_now", mode="before")
    @classmethod
    def _true_is_crisis(cls, value: object) -> object:
        """`help_now = true`, as the format first wrote it, is crisis help."""
        return "crisis" if value is True else value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Meta:
        if self.review_due <= self.evidence_reviewed:
            raise refused("review_due_order", "review_due", evidence_reviewed=self.evidence_reviewed.isoformat())
        return self


class Section(Strict):
    """A group of cards, shown in the order listed."""

    id: Id
    title: Text


class Option(Strict):
    id: Id
    name: Text
    summary: Text
    status_quo: bool = Field(False, description="True for 'no change / continue current care'.")


class PackFile(Strict):
    """pack.toml: metadata, sections and options."""

    schema_version: Annotated[
        int,
        Field(ge=1, le=1, json_schema_extra={"const": 1}),
        Says(int_type="schema_version", greater_than_equal="schema_version", less_than_equal="schema_version"),
    ]
    meta: Meta
    sections: list[Section] = Field(min_length=1, max_length=MAX_SECTIONS)
    options: list[Option] = Field(min_length=2, max_length=MAX_OPTIONS)


# --- sources.toml ----------------------------------------------------------


class Source(Strict):
    id: Id
    citation: Text
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication; left out when not known.")
    kind: Annotated[SourceKind, ByValue]
    doi: Doi | None = None
    pmid: PubMedId | None = None
    url: Address | None = None

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if not (self.doi or self.pmid or self.url):
            raise refused("no_locator")
        return self


class SourcesFile(Strict):
    """sources.toml: every source the pack cites."""

    sources: list[Source] = Field(min_length=1, max_length=MAX_SOURCES)


# --- cards.toml ------------------------------------------------------------


class Card(Strict):
    id: Id
    section: Id
    options: list[Id] = Field(
        default_factory=list,
        description="Options this card is about; empty for general cards.",
        max_length=MAX_REFERENCES,
    )
    kind: Annotated[CardKind, ByValue]
    title: Text
    body: Text
    sources: list[Id] = Field(min_length=1, max_length=MAX_REFERENCES)
    certainty: Annotated[Certainty, ByValue]
    figures: list[Id] = Field(
        default_factory=list,
        description="Outcome figures drawn as icon arrays on this card.",
        max_length=MAX_REFERENCES,
    )
    short_path: bool = Field(False, description="On the short path: shown in the default journey.")


class CardsFile(Strict):
    """cards.toml: the information cards, in reading order within each section."""

    cards: list[Card] = Field(min_length=1, max_length=MAX_CARDS)


# --- figures.toml ----------------------------------------------------------


class Arm(Strict):
    """Events out of 100 people in one group: a single number, a range, or both."""

    label: Text
    events: Per100 | None = None
    low: Per100 | None = None
    high: Per100 | None = None

    @model_validator(mode="after")
    def _has_number(self) -> Arm:
        if (self.low is None) != (self.high is None):
            raise refused("low_high_pair", "low" if self.low is None else "high")
        if self.events is None and self.low is None:
            raise refused("no_number")
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise refused("low_above_high", "low")
            if self.events is not None and not self.low <= self.events <= self.high:
                raise refused("events_outside", "events")
        return self


class Figure(Strict):
    """An outcome counted out of 100 people, for an option and its comparator."""

    id: Id
    counted: Text = Field(description="What is counted, e.g. 'felt much better (response)'.")
    population: Text
    time_frame: Text
    option: Id
    option_arm: Arm
    comparator: Arm
    sources: list[Id] = Field(min_length=1, max_length=MAX_REFERENCES)
    certainty: Annotated[Certainty, ByValue]


class FiguresFile(Strict):
    """figures.toml: outcome figures for icon arrays."""

    figures: list[Figure] = Field(default_factory=list, max_length=MAX_FIGURES)


# --- self_check.toml -------------------------------------------------------


class Choice(Strict):
    id: Id
    label: Text
    not_sure: bool = False
    belief: Text | None = Field(
        None, description="What choosing this means the person believed, for the handout: 'esketamine works at once'."
    )
    helper_belief: Text | None = Field(None, description=HELPER_FORM)


class SelfCheck(Strict):
    """A self-check question with immediate, explained feedback."""

    id: Id
    prompt: Text
    topic: Text = Field(description="A short noun phrase for the summary, e.g. 'how long the benefit lasts'.")
    choices: list[Choice] = Field(min_length=2, max_length=9)
    correct: list[Id] = Field(min_length=1, max_length=MAX_REFERENCES)
    explanation: Text
    sources: list[Id] = Field(min_length=1, max_length=MAX_REFERENCES)
    cards: list[Id] = Field(
        default_factory=list, description="Cards to reopen from the feedback.", max_length=MAX_REFERENCES
    )
    myth: MythId | None = None
    adds: list[Id] = Field(
        default_factory=list,
        description="Clinician questions a wrong or unsure answer adds.",
        max_length=MAX_REFERENCES,
    )
    fact: Text | None = Field(
        None, description="The fact in one line, for the handout: 'Most people need several doses.'"
    )
    short_path: bool = Field(False, description="On the short path: shown in the default journey.")
    helper_topic: Text | None = Field(None, description=HELPER_FORM)
    helper_fact: Text | None = Field(None, description=HELPER_FORM)
    kind: Annotated[FactKind, ByValue] | None = Field(
        None,
        description="Where the fact comes from, named on the handout ('The label says'); the item must cite a "
        "source of this kind. Without it the handout says 'The evidence says'.",
    )
    trivia: bool = Field(
        False,
        description="A detail: counted in the handout's score, but only counted, not listed, when it did not match.",
    )

    @model_validator(mode="after")
    def _choices_consistent(self) -> SelfCheck:
        ids = [c.id for c in self.choices]
        for i, wanted in enumerate(self.correct):
            if wanted not in ids:
                raise refused("correct_not_a_choice", "correct", i, wanted=wanted, choices=", ".join(ids))
        if any(c.id in self.correct and c.not_sure for c in self.choices):
            raise refused("not_sure_correct", "correct")
        if sum(c.not_sure for c in self.choices) != 1:
            raise refused("not_sure_count", "choices")
        return self


class SelfCheckFile(Strict):
    """self_check.toml: the self-check questions."""

    self_check: list[SelfCheck] = Field(default_factory=list, max_length=MAX_ITEMS)


# --- values.toml -----------------------------------------------------------


class ValueChoice(Strict):
    id: Id
    label: Text
    adds: list[Id] = Field(
        default_factory=list, description="Clinician questions this answer adds.", max_length=MAX_REFERENCES
    )
    reason: Text | None = Field(None, description="Why the questions were added: 'You said cost matters a lot to you.'")
    summary: Text | None = Field(None, description="How the answer reads under 'what matters to me'; none omits it.")
    helper_reason: Text | None = Field(None, description=HELPER_FORM)
    helper_summary: Text | None = Field(None, description=HELPER_FORM)


class ValueItem(Strict):
    """A values or situation item: something to talk about, never a verdict."""

    id: Id
    kind: Literal["value", "situation"]
    statement: Text
    choices: list[ValueChoice] = Field(min_length=2, max_length=9)
    sensitive: bool = Field(
        False, description="A private fact: it stays out of every copy unless the person chooses to show it."
    )
    short_path: bool = Field(False, description="On the short path: shown in the default journey.")

    @model_validator(mode="after")
    def _reason_with_adds(self) -> ValueItem:
        for i, choice in enumerate(self.choices):
            if choice.adds and choice.reason is None:
                raise refused("reason_missing", "choices", i, "reason")
        return self


class ValuesFile(Strict):
    """values.toml: values and situation items."""

    values: list[ValueItem] = Field(default_factory=list, max_length=MAX_ITEMS)


# --- sure.toml -------------------------------------------------------------


class SureItem(Strict):
    id: Id
    text: Text = Field(description="The item, word for word as licensed.")
    need: Literal["certainty", "knowledge", "values", "support"]
    if_no: Text = Field(description="A plain sentence on what a 'no' may mean.")
    adds: list[Id] = Field(default_factory=list, max_length=MAX_REFERENCES)


class Sure(Strict):
    """The SURE test: fixed text, citation and terms of use."""

    title: Text
    citation: Text
    short_citation: Text | None = None  # on each item's page; the full citation and the terms are with the sources
    terms_of_use: Text
    items: list[SureItem] = Field(min_length=4, max_length=4)


class SureFile(Strict):
    """sure.toml: the SURE decisional-conflict screen, kept apart for its licence."""

    sure: Sure | None = None


# --- clinician.toml --------------------------------------------------------


class Topic(Strict):
    id: Id
    title: Text
    helper_title: Text | None = Field(None, description=HELPER_FORM)


class ClinicianQuestion(Strict):
    id: Id
    text: Question
    topic: Id
    reason: Text = Field(description="Why the question is suggested, shown beside it.")
    core: bool = Field(False, description="Always included in the summary.")
    priority: int = Field(3, ge=1, le=5, description="1 is most important; the handout's top questions come first.")
    helper_text: Question | None = Field(None, description=HELPER_FORM)
    helper_reason: Text | None = Field(None, description=HELPER_FORM)
    neutral: Question | None = Field(
        None,
        description="The question as the handout asks it when only private answers left off the copy added it: "
        "worded so it does not reveal those answers.",
    )
    helper_neutral: Question | None = Field(None, description=HELPER_FORM)
    sources: list[Id] = Field(
        default_factory=list,
        max_length=MAX_REFERENCES,
        description="Where the reason's facts come from; a reason that gives a number must name one.",
    )

    pinned: bool = Field(
        False,
        description="Stays among the handout's top questions whatever the reader stars or their answers add "
        "(a core question about where to get help in a crisis, say).",
    )

    @model_validator(mode="after")
    def _numbers_sourced(self) -> ClinicianQuestion:
        if any(c.isdigit() for c in self.reason) and not self.sources:
            raise refused("reason_number_unsourced", "sources", id=self.id)
        if self.pinned and not self.core:
            raise refused("pinned_not_core", "core", id=self.id)
        return self


class ClinicianFile(Strict):
    """clinician.toml: topics and the bank of questions for the clinician."""

    topics: list[Topic] = Field(min_length=1, max_length=MAX_QUESTIONS)
    questions: list[ClinicianQuestion] = Field(min_length=1, max_length=MAX_QUESTIONS)


# --- comparison.toml -------------------------------------------------------


class Cell(Strict):
    """What one row says about one option: short plain text with its numbers and sources."""

    option: Id
    text: Text
    sources: list[Id] = Field(default_factory=list, max_length=MAX_REFERENCES)
    card: Id | None = Field(None, description="The card that tells more, opened from the cell.")


class Row(Strict):
    """A question people ask of every option, e.g. 'How is it given?'."""

    id: Id
    question: Text
    cells: list[Cell] = Field(min_length=1, max_length=MAX_OPTIONS)


class ComparisonFile(Strict):
    """comparison.toml: the options at a glance, one cell per option in every row."""

    rows: list[Row] = Field(default_factory=list, max_length=MAX_ROWS)


# --- crisis.toml -----------------------------------------------------------


class CrisisResource(Strict):
    region: Text
    name: Text
    contact: Text = Field(description="How to reach it, e.g. 'Call or text 988'.")
    details: Text | None = None
    source: Id
    verified_on: date


class CrisisFile(Strict):
    """crisis.toml: help-now lines, always one key away (none only in a pack with `help_now = false`)."""

    crisis: list[CrisisResource] = Field(default_factory=list, max_length=MAX_ITEMS)


# --- the whole pack --------------------------------------------------------


# --- manifest.toml and changes.toml: the release record and the change list ------------------------------------

ITEM_KINDS = ("cards", "figures", "self_check", "values", "sure", "questions")
ItemRef = Annotated[
    str,
    StringConstraints(pattern=r"^(" + "|".join(ITEM_KINDS) + r"):[a-z0-9][a-z0-9_-]*$", max_length=80),
    Says(string_pattern_mismatch="not_item_ref"),
]


class PreviousRelease(Strict):
    """What the release before this one recorded: its version and its items' hashes and answer codes."""

    version: Version
    items: dict[str, str] = Field(default_factory=dict)
    codes: dict[str, str] = Field(default_factory=dict)


class ManifestFile(Strict):
    """manifest.toml, written by `decisionaid release` (never by hand). A pack without one is a draft."""

    schema_version: int = Field(1, ge=1, le=1)
    pack: str = ""
    version: str = ""
    released: date | None = None
    review_due: date | None = None
    status: Literal["draft", "active", "retired"] = "draft"
    publisher: str = ""
    files: dict[str, str] = Field(default_factory=dict, description="Each file of the pack and its SHA-256.")
    items: dict[str, str] = Field(default_factory=dict, description="Each item ('cards:ID') and a hash of its text.")
    codes: dict[str, str] = Field(default_factory=dict, description="Each choice item and its answer codes.")
    removed: list[str] = Field(default_factory=list, description="Item ids removed in earlier releases.")
    previous: PreviousRelease | None = None
    signer: str = Field("", description="Set by the aid when a trusted key's signature verifies; never in the file.")


class ChangedItem(Strict):
    id: ItemRef
    what: Text = Field(description="One line on what changed.")


class VersionChanges(Strict):
    """What one version changed, by item id ('cards:ID', 'self_check:ID', ...)."""

    version: Version
    released: date
    added: list[ItemRef] = Field(default_factory=list, max_length=MAX_CARDS)
    changed: list[ChangedItem] = Field(default_factory=list, max_length=MAX_CARDS)
    removed: list[ItemRef] = Field(default_factory=list, max_length=MAX_CARDS)
    unchanged: list[ItemRef] = Field(default_factory=list, max_length=MAX_CARDS, description="Checked and unchanged.")


class ChangesFile(Strict):
    """changes.toml: the change list, newest version first or in any order."""

    schema_version: int = Field(1, ge=1, le=1)
    versions: list[VersionChanges] = Field(default_factory=list, max_length=MAX_SECTIONS)


class Pack(Strict, PackLookups):
    """A validated content pack: one field for each of its files, known by the file's name (`cards` for
    cards.toml). Its items are read directly (`pack.cards`, `pack.card(id)`): see `lookups.py`."""

    pack_file: PackFile = Field(alias="pack")
    sources_file: SourcesFile = Field(alias="sources")
    cards_file: CardsFile = Field(alias="cards")
    figures_file: FiguresFile = Field(FiguresFile(), alias="figures")
    self_check_file: SelfCheckFile = Field(SelfCheckFile(), alias="self_check")
    values_file: ValuesFile = Field(ValuesFile(), alias="values")
    sure_file: SureFile = Field(SureFile(), alias="sure")
    clinician_file: ClinicianFile = Field(alias="clinician")
    comparison_file: ComparisonFile = Field(ComparisonFile(), alias="comparison")
    crisis_file: CrisisFile = Field(CrisisFile(), alias="crisis")
    changes_file: ChangesFile = Field(ChangesFile(), alias="changes")
    manifest_file: ManifestFile = Field(ManifestFile(), alias="manifest")
