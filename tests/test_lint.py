"""`decisionaid lint` as an author meets it: a pack folder in, one line per finding and an exit status out."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.lint import Finding, Level, lint_pack
from decisionaid.lint.wording import directive_phrases, one_in_n, relative_risk, vague_without_number
from decisionaid.storage.paths import pack_dirs
from tests.helpers import COMMUTE, ROOT, copy_pack, run_cli

TODAY = "2026-07-01"
HARD_BODY = (  # reading grade 11.5
    "Cycling to work every day gives regular exercise, although cold and windy weather sometimes makes "
    "other transport necessary."
)
FAIRLY_HARD_BODY = "Cycling to work gives regular exercise, but on some days the weather makes it slower."  # grade 8.0
COMMUTE_WARNINGS = [
    "pack/pack.toml: meta.conflicts: warning: conflicts statement 'None.' is too short to be clear "
    "(1 word; write at least 3, e.g. 'The authors have no conflicts of interest')",
    "pack/pack.toml: meta.funding: warning: funding statement 'None.' is too short to be clear "
    "(1 word; write at least 3, e.g. 'No external funding')",
]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A writable copy of the commute pack at tmp_path/pack; lint runs from tmp_path, so paths read 'pack/...'."""
    return copy_pack(COMMUTE, tmp_path / "pack")


def edit(pack: Path, file_name: str, old: str, new: str) -> None:
    path = pack / file_name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def lint(pack: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("lint", pack.name, "--today", TODAY, cwd=pack.parent)


def finding_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith("pack/")]


# --- the commute pack ------------------------------------------------------


def test_commute_pack_lints_with_only_the_short_disclosure_warnings(pack: Path):
    result = lint(pack)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        *COMMUTE_WARNINGS,
        "card          words  grade",
        "bus-pass         13    2.5",
        "bike-good        12    2.1",
        "bike-bad         12   -0.4",
        "what-options     18   -0.4",
        "bike-kit         13   -1.4",
        "bus-bad          12   -1.5",
        "bus-good         11   -1.7",
        "median                -0.4",
        "commute 0.1.0: lint: 0 errors, 2 warnings",
    ]


def test_lint_pack_takes_today_as_a_parameter():
    report = lint_pack(load_pack(COMMUTE), COMMUTE, date(2099, 1, 1))
    assert (
        Finding(
            COMMUTE / "pack.toml",
            "meta.review_due",
            Level.warning,
            "review_due 2099-01-05 is in 4 days: plan the review",
        )
        in report.findings
    )
    assert (
        Finding(
            COMMUTE / "crisis.toml",
            "crisis[0].verified_on",
            Level.warning,
            "verified_on 2026-01-05 is more than 12 months ago: check the contact again",
        )
        in report.findings
    )
    assert report.errors == []
    assert [row.card_id for row in report.grades_hardest_first()][0] == "bus-pass"


# --- wording ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "old", "new", "key", "phrase"),
    [
        (
            "self_check.toml",
            "so rain does not get you wet.",
            "so you should take the bus.",
            "self_check[0].explanation",
            "you should",
        ),
        (
            "clinician.toml",
            "A good first question for anyone.",
            "We recommend asking this first.",
            "questions[0].reason",
            "We recommend",
        ),
        (
            "pack.toml",
            'summary = "Carry on as now."',
            'summary = "The best option for most."',
            "options[0].summary",
            "best option",
        ),
        (
            "crisis.toml",
            "Call your local emergency number",
            "You must call your local emergency number",
            "crisis[0].contact",
            "You must",
        ),
        ("sure.toml", "You may want more time.", "You need to take more time.", "sure.items[0].if_no", "You need to"),
        ("cards.toml", "Good points of cycling", "Why cycling is right for you", "cards[1].title", "is right for you"),
        (
            "values.toml",
            "Cost matters a lot to me.",
            "Cost\\nsuits you   best.",
            "values[0].choices[0].summary",
            "suits you best",
        ),
    ],
)
def test_directive_wording_anywhere_is_an_error(pack: Path, file_name, old, new, key, phrase):
    edit(pack, file_name, old, new)
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        f"pack/{file_name}: {key}: error: directive wording '{phrase}': describe the options, give no advice",
    ]
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 1 error, 2 warnings"


def test_quoting_a_decision_not_to_recommend_is_not_directive(pack: Path):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", "A city panel decided not to recommend either.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result) == COMMUTE_WARNINGS


def test_the_licensed_sure_text_may_say_best_choice(pack: Path):
    edit(pack, "sure.toml", "Are you sure?", "Do you feel SURE about the best choice for you?")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result) == COMMUTE_WARNINGS


@pytest.mark.parametrize("frequency", ["1 in 5", "one in ten", "One in a hundred"])
def test_one_in_n_frequency_is_an_error(pack: Path, frequency: str):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", f"About {frequency} people ride.")
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        f"pack/cards.toml: cards[0].body: error: '{frequency}' style frequency: say how many out of 100 instead",
    ]


def test_one_in_n_in_a_figure_is_an_error_too(pack: Path):
    edit(pack, "figures.toml", 'time_frame = "after 1 month"', 'time_frame = "after 1 month, 1 in 4 days"')
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result)[-1] == (
        "pack/figures.toml: figures[0].time_frame: error: '1 in 4' style frequency: say how many out of 100 instead"
    )


def test_relative_risk_in_a_card_body_is_an_error(pack: Path):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", "Riders are 2 times more likely to feel fresh.")
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/cards.toml: cards[0].body: error: relative-risk wording 'times more likely': "
        "give how many out of 100 for each option instead",
    ]


def test_vague_word_without_a_number_is_a_warning(pack: Path):
    edit(pack, "cards.toml", "Many riders say they feel fresh.", "Many people say they feel fresh.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/cards.toml: cards[1].body: warning: vague word 'Many people' with no number in the same sentence: "
        "say how many out of 100",
    ]
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 0 errors, 3 warnings"


def test_vague_word_outside_card_bodies_is_a_warning_too(pack: Path):
    edit(pack, "clinician.toml", 'reason = "Cost was part of your answers."', 'reason = "Cost worries are common."')
    result = lint(pack)
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/clinician.toml: questions[1].reason: warning: vague word 'common' with no number in the same "
        "sentence: say how many out of 100",
    ]


def test_a_quoted_claim_is_not_flagged(pack: Path):
    edit(
        pack,
        "self_check.toml",
        'prompt = "Does rain get you wet on the bus?"',
        "prompt = 'Some say: \"Rain is rare on buses.\" Is this true?'",
    )
    result = lint(pack)
    assert finding_lines(result) == COMMUTE_WARNINGS


def test_vague_word_with_a_number_in_its_sentence_passes(pack: Path):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", "Rain is common, on about 10 days a month.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result) == COMMUTE_WARNINGS


# --- reading grade ---------------------------------------------------------


def test_card_above_grade_9_is_an_error_and_leads_the_table(pack: Path):
    edit(
        pack,
        "cards.toml",
        "You can keep taking the bus. Or you can ride a bike. [Both] are fine ways to travel.",
        HARD_BODY,
    )
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/cards.toml: cards[0].body: error: reading grade 11.5 is above 9: use shorter sentences and words",
    ]
    lines = result.stdout.splitlines()
    assert lines[lines.index("card          words  grade") + 1] == "what-options     18   11.5"


def test_median_grade_above_7_is_an_error(pack: Path):
    text = (pack / "cards.toml").read_text(encoding="utf-8")
    bodies = [line for line in text.splitlines() if line.startswith("body = ")]
    for body in bodies:
        text = text.replace(body, f'body = "{FAIRLY_HARD_BODY}"')
    (pack / "cards.toml").write_text(text, encoding="utf-8")
    result = lint(pack)
    assert result.returncode == 1
    warnings = [
        f"pack/cards.toml: cards[{i}].body: warning: reading grade 8.0 is above 7: aim for 7 or below" for i in range(7)
    ]
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/cards.toml: cards: error: the median reading grade of the cards is 8.0, above 7",
        *warnings,
    ]
    assert "median                 8.0" in result.stdout.splitlines()


def test_missing_textstat_is_one_line_and_exit_2(pack: Path):
    code = (
        "import sys; sys.modules['textstat'] = None\n"
        "from decisionaid.cli import main\n"
        "raise SystemExit(main(['lint', 'pack']))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=pack.parent, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == "decisionaid lint needs textstat 0.7.3: pip install 'decisionaid[lint]'\n"
    assert result.stdout == ""


# --- balance ---------------------------------------------------------------


def test_unbalanced_benefit_and_harm_words_are_an_error(pack: Path):
    edit(
        pack,
        "cards.toml",
        "Many riders say they feel fresh.",
        "Many riders say they feel fresh. You see the park on the way. You can stop for a snack.",
    )
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/pack.toml: options[1]: error: option 'bike': benefit cards have 25 words and harm cards 12 "
        "(ratio 2.08; keep them within 25% of each other)",
    ]


def test_benefit_and_harm_within_25_percent_pass(pack: Path):
    edit(pack, "cards.toml", "Many riders say they feel fresh.", "Many riders say they feel fresh. Birds sing too.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result) == COMMUTE_WARNINGS


def test_a_card_counts_for_every_option_it_lists(pack: Path):
    edit(
        pack,
        "cards.toml",
        'id = "bus-good"\nsection = "good-and-bad"\noptions = ["bus"]',
        'id = "bus-good"\nsection = "good-and-bad"\noptions = ["bus", "bike"]',
    )
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/pack.toml: options[1]: error: option 'bike': benefit cards have 23 words and harm cards 12 "
        "(ratio 1.92; keep them within 25% of each other)",
    ]


# --- figures ---------------------------------------------------------------


def test_figure_population_too_short_is_an_error(pack: Path):
    edit(pack, "figures.toml", 'population = "adults in the example survey"', 'population = "adults"')
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result)[-1] == (
        "pack/figures.toml: figures[0].population: error: population 'adults' is too short to be clear "
        "(1 word; write at least 3)"
    )


def test_figure_comparator_same_as_option_is_an_error(pack: Path):
    edit(pack, "figures.toml", 'label = "bus"', 'label = "Cycling"')
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result)[-1] == (
        "pack/figures.toml: figures[0].comparator.label: error: comparator label 'Cycling' does not say "
        "what the option is compared with"
    )


# --- clinician questions ---------------------------------------------------


@pytest.mark.parametrize("verb", ["Ask", "Tell", "Make sure", "Do not", "Avoid"])
def test_clinician_question_starting_with_an_instruction_is_an_error(pack: Path, verb: str):
    edit(pack, "clinician.toml", "Where can I read more about both ways?", f"{verb} where to read more?")
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result)[-1] == (
        f"pack/clinician.toml: questions[3].text: error: question starts with the instruction '{verb}': "
        "word it as a question the reader asks"
    )


# --- dates, disclosure and SURE --------------------------------------------


def test_review_due_in_the_past_is_an_error(pack: Path):
    edit(pack, "pack.toml", "review_due = 2099-01-05", "review_due = 2026-06-01")
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/pack.toml: meta.review_due: error: review_due 2026-06-01 has passed (today is 2026-07-01): "
        "review the content and set a new date",
    ]


def test_review_due_within_30_days_is_a_warning(pack: Path):
    edit(pack, "pack.toml", "review_due = 2099-01-05", "review_due = 2026-07-10")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result) == [
        *COMMUTE_WARNINGS,
        "pack/pack.toml: meta.review_due: warning: review_due 2026-07-10 is in 9 days: plan the review",
    ]


def test_crisis_contact_checked_over_12_months_ago_is_a_warning(pack: Path):
    result = run_cli("lint", "pack", "--today", "2027-01-06", cwd=pack.parent)
    assert result.returncode == 0, result.stdout
    assert finding_lines(result)[-1] == (
        "pack/crisis.toml: crisis[0].verified_on: warning: verified_on 2026-01-05 is more than 12 months ago: "
        "check the contact again"
    )
    assert "crisis" not in run_cli("lint", "pack", "--today", "2027-01-05", cwd=pack.parent).stdout


def test_full_disclosure_sentences_pass(pack: Path):
    edit(pack, "pack.toml", 'funding = "None."', 'funding = "No external funding."')
    edit(pack, "pack.toml", 'conflicts = "None."', 'conflicts = "The authors have no conflicts."')
    result = lint(pack)
    assert result.returncode == 0
    assert finding_lines(result) == []
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 0 errors, 0 warnings"


def test_sure_items_must_cover_each_need(pack: Path):
    edit(pack, "sure.toml", 'need = "support"', 'need = "values"')
    result = lint(pack)
    assert result.returncode == 1
    assert finding_lines(result)[-1] == (
        "pack/sure.toml: sure.items: error: no item has need = 'support': "
        "the 4 items ask about certainty, knowledge, values, support, one each"
    )


# --- citations, through the loader -----------------------------------------


def test_unsourced_card_is_a_content_problem(pack: Path):
    edit(pack, "cards.toml", 'they feel fresh."\nsources = ["survey"]\n', 'they feel fresh."\n')
    result = lint(pack)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "pack/cards.toml: cards[1].sources: required key is missing\npack: 1 problem(s)\n"


def test_unused_source_is_a_content_problem(pack: Path):
    with (pack / "sources.toml").open("a", encoding="utf-8") as file:
        file.write(
            '\n[[sources]]\nid = "unused"\ncitation = "Nobody cites this."\nyear = 2024\nkind = "other"\n'
            'url = "https://example.org/unused"\n'
        )
    result = lint(pack)
    assert result.returncode == 2
    assert result.stderr == "pack/sources.toml: sources[2]: source 'unused' is never cited\npack: 1 problem(s)\n"


def test_several_packs_report_each_and_exit_with_the_worst_status(pack: Path, tmp_path: Path):
    broken = copy_pack(COMMUTE, tmp_path / "broken")
    (broken / "crisis.toml").unlink()
    result = run_cli("lint", "pack", "broken", "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 0 errors, 2 warnings"
    assert result.stderr == "broken/crisis.toml: file is missing\nbroken: 1 problem(s)\n"


def test_no_pack_dir_lints_every_shipped_pack(pack: Path, tmp_path: Path):
    content = tmp_path / "content"
    copy_pack(pack, content / "commute")
    copy_pack(pack, content / "second")
    result = run_cli("lint", "--today", TODAY, cwd=tmp_path, env={"DECISIONAID_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    summaries = [line for line in result.stdout.splitlines() if " lint: " in line]
    assert summaries == ["commute 0.1.0: lint: 0 errors, 2 warnings"] * 2
    assert "content/second/pack.toml: meta.funding: warning:" in result.stdout


def test_bad_today_is_one_line_and_exit_2(pack: Path):
    result = run_cli("lint", "pack", "--today", "1 July", cwd=pack.parent)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "decisionaid lint: error: argument --today: not a date, use YYYY-MM-DD: '1 July'"
    )


# --- word lists -------------------------------------------------------------


def test_word_lists_respect_word_boundaries_and_case():
    assert directive_phrases("YOU SHOULD. It is Right for\n you.") == ["YOU SHOULD", "is Right for you"]
    assert directive_phrases("Ask whether youshould or the bestoption.") == []
    assert one_in_n("11 in 50 and 0.1 in 5 and one in the morning") == []
    assert relative_risk("30% less likely; a hazard ratio of 0.5") == ["% less likely", "hazard ratio"]
    assert vague_without_number("Uncommon. Common in 2 of 100. Not commonplace.") == ["Uncommon"]


# --- hygiene and shipped packs ----------------------------------------------


def test_lint_imports_neither_textual_nor_textstat_until_it_grades():
    code = (
        "import sys, decisionaid.lint, decisionaid.cli.lint\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'textstat')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("folder", pack_dirs(), ids=lambda p: p.name)
def test_every_shipped_pack_lints_without_errors(folder: Path):
    result = run_cli("lint", str(folder), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
