"""`decisionaid lint` as an author meets it: a pack folder in, one line per finding and an exit status out."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.core.timing import short_path_time
from decisionaid.lint import Finding, Level, lint_pack
from decisionaid.lint.wording import directive_phrases, one_in_n, relative_risk, vague_without_number
from decisionaid.storage.paths import pack_dirs
from tests.helpers import COMMUTE, KETAMINE, ROOT, copy_pack, edit, run_in_process

TODAY = "2026-07-01"
HARD_BODY = (  # reading grade 11.5
    "Cycling to work every day gives regular exercise, although cold and windy weather sometimes makes "
    "other transport necessary."
)
FAIRLY_HARD_BODY = "Cycling to work gives regular exercise, but on some days the weather makes it slower."  # grade 8.0
HARD_EXPLANATION = (  # reading grade 18.2, 14 words
    "Passengers travelling inside enclosed public transport vehicles remain protected from precipitation "
    "throughout their journey."
)
COMMUTE_WARNINGS = [
    "pack/pack.toml: meta.conflicts: warning: conflicts statement 'None.' is too short to be clear "
    "(1 word; write at least 3, e.g. 'The authors have no conflicts of interest')",
    "pack/pack.toml: meta.funding: warning: funding statement 'None.' is too short to be clear "
    "(1 word; write at least 3, e.g. 'No external funding')",
    "pack/self_check.toml: self_check[id=rain].choices[id=yes].belief: warning: choice 'yes' of 'rain' has no belief: "
    "say what choosing it means the person believed, for the handout",
    "pack/self_check.toml: self_check[id=rain].fact: warning: item 'rain' has no fact: give the fact in one line "
    "for the handout",
]
TABLE_HEADER = "text                         words  grade"
MARKED = (
    "short path: 5 cards, 1 self-check item, 1 values item: 566 words, 3.8 minutes at 150 words a minute (target 15)"
)
UNMARKED = (
    "short path not marked, so everything is on it: 7 cards, 2 self-check items, 2 values items: "
    "602 words, 4.1 minutes at 150 words a minute (target 15)"
)
COMPARISON = """[[rows]]
id = "cost"
question = "What does it cost?"

[[rows.cells]]
option = "bus"
text = "A ticket each day."
sources = ["survey"]

[[rows.cells]]
option = "bike"
text = "A bike, once."
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A writable copy of the commute pack at tmp_path/pack; lint runs from tmp_path, so paths read 'pack/...'."""
    return copy_pack(COMMUTE, tmp_path / "pack")


def lint(pack: Path) -> subprocess.CompletedProcess[str]:
    return run_in_process("lint", pack.name, "--today", TODAY, cwd=pack.parent)


def finding_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Findings about a file of the pack ('pack/...') or the whole pack ('pack: ...')."""
    return [line for line in result.stdout.splitlines() if line.startswith(("pack/", "pack: "))]


def new_findings(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The findings beyond the commute pack's own warnings, in reading order."""
    return [line for line in finding_lines(result) if line not in COMMUTE_WARNINGS]


def summary_line(result: subprocess.CompletedProcess[str], start: str) -> str:
    return next(line for line in result.stdout.splitlines() if line.startswith(start))


# --- the commute pack ------------------------------------------------------


def test_commute_pack_lints_with_only_the_disclosure_and_handout_warnings(pack: Path):
    result = lint(pack)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "commute: a draft (no manifest.toml); decisionaid release makes it a release",  # the copy has none
        *COMMUTE_WARNINGS,
        TABLE_HEADER,
        "self_check rain.explanation     13    2.5",
        "cards bike-good.body            12    2.1",
        "cards bus-pass.body             11    1.7",
        "cards bike-bad.body             12   -0.4",
        "cards what-options.body         18   -0.4",
        "cards bike-kit.body             13   -1.4",
        "cards bus-bad.body              12   -1.5",
        "cards bus-good.body             11   -1.7",
        "median                               -0.4",
        "reading grade: 8 texts graded, median -0.4, hardest 2.5 (self_check rain.explanation)",
        MARKED,
        "comparison table: 66 words",
        "words of cards per option, across the pack (on the short path): bus 46 (33), bike 49 (32)",
        "commute 0.1.0: lint: 0 errors, 4 warnings",
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
    assert [row.label for row in report.grades_hardest_first()][:2] == [
        "self_check rain.explanation",
        "cards bike-good.body",
    ]


# --- wording ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "old", "new", "key", "phrase"),
    [
        (
            "self_check.toml",
            "so rain does not get you wet.",
            "so you should take the bus.",
            "self_check[id=rain].explanation",
            "you should",
        ),
        (
            "clinician.toml",
            "A good first question for anyone.",
            "The best option is to ask this first.",
            "questions[id=q-start].reason",
            "best option",
        ),
        (
            "pack.toml",
            'summary = "Carry on as now."',
            'summary = "The best option for most."',
            "options[id=bus].summary",
            "best option",
        ),
        (
            "crisis.toml",
            "Call your local emergency number",
            "You must call your local emergency number",
            "crisis[0].contact",
            "You must",
        ),
        (
            "sure.toml",
            "You may want more time.",
            "You need to take more time.",
            "sure.items[id=sure].if_no",
            "You need to",
        ),
        (
            "cards.toml",
            "Good points of cycling",
            "Why cycling is right for you",
            "cards[id=bike-good].title",
            "is right for you",
        ),
        (
            "values.toml",
            "Cost matters a lot to me.",
            "Cost\\nsuits you   best.",
            "values[id=cost].choices[id=a-lot].summary",
            "suits you best",
        ),
    ],
)
def test_directive_wording_anywhere_is_an_error(pack: Path, file_name, old, new, key, phrase):
    edit(pack, file_name, old, new)
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        f"pack/{file_name}: {key}: error: directive wording '{phrase}': describe the options, give no advice",
    ]
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 1 error, 4 warnings"


def test_quoting_a_decision_not_to_recommend_is_not_directive(pack: Path):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", "A city panel decided not to recommend either.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []


def test_the_licensed_sure_text_may_say_best_choice(pack: Path):
    edit(pack, "sure.toml", "Are you sure?", "Do you feel SURE about the best choice for you?")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []


@pytest.mark.parametrize("frequency", ["1 in 5", "one in ten", "One in a hundred"])
def test_one_in_n_frequency_is_an_error(pack: Path, frequency: str):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", f"About {frequency} people ride.")
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        f"pack/cards.toml: cards[id=what-options].body: error: '{frequency}' style frequency: say how "
        "many out of 100 instead",
    ]


def test_one_in_n_in_a_figure_is_an_error_too(pack: Path):
    edit(pack, "figures.toml", 'time_frame = "after 1 month"', 'time_frame = "after 1 month, 1 in 4 days"')
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[-1] == (
        "pack/figures.toml: figures[id=fresh].time_frame: error: '1 in 4' style frequency: say how "
        "many out of 100 instead"
    )


def test_relative_risk_in_an_explanation_is_an_error_too(pack: Path):
    edit(pack, "self_check.toml", "so rain does not get you wet.", "so the odds ratio for getting wet is low.")
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[0] == (
        "pack/self_check.toml: self_check[id=rain].explanation: error: relative-risk wording 'odds ratio': "
        "give how many out of 100 for each option instead"
    )


def test_relative_risk_in_a_card_body_is_an_error(pack: Path):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", "Riders are 2 times more likely to feel fresh.")
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        "pack/cards.toml: cards[id=what-options].body: error: relative-risk wording 'times more likely': "
        "give how many out of 100 for each option instead",
    ]


def test_vague_word_without_a_number_is_a_warning(pack: Path):
    edit(pack, "cards.toml", "Many riders say they feel fresh.", "Many people say they feel fresh.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == [
        "pack/cards.toml: cards[id=bike-good].body: warning: vague word 'Many people' with no number "
        "in the same sentence: "
        "say how many out of 100",
    ]
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 0 errors, 5 warnings"


def test_vague_word_outside_card_bodies_is_a_warning_too(pack: Path):
    edit(pack, "clinician.toml", 'reason = "Cost was part of your answers."', 'reason = "Cost worries are common."')
    result = lint(pack)
    assert new_findings(result) == [
        "pack/clinician.toml: questions[id=q-cost].reason: warning: vague word 'common' with no number in the same "
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
    assert new_findings(result) == []


def test_vague_word_with_a_number_in_its_sentence_passes(pack: Path):
    edit(pack, "cards.toml", "[Both] are fine ways to travel.", "Rain is common, on about 10 days a month.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []


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
    assert new_findings(result) == [
        "pack/cards.toml: cards[id=what-options].body: error: reading grade 11.5 is above 9: use "
        "shorter sentences and words",
    ]
    lines = result.stdout.splitlines()
    assert lines[lines.index(TABLE_HEADER) + 1] == "cards what-options.body         18   11.5"
    assert summary_line(result, "reading grade:") == (
        "reading grade: 8 texts graded, median 0.6, hardest 11.5 (cards what-options.body)"
    )


@pytest.mark.parametrize(
    ("file_name", "old", "key"),
    [
        (
            "self_check.toml",
            "On the bus you sit inside, so rain does not get you wet.",
            "self_check[id=rain].explanation",
        ),
        ("figures.toml", "adults in the example survey", "figures[id=fresh].population"),
        ("values.toml", "How much does the cost of travel matter to you?", "values[id=cost].statement"),
        ("clinician.toml", "A good first question for anyone.", "questions[id=q-start].reason"),
        ("pack.toml", "Checked once a year by the test authors.", "meta.update_policy"),
    ],
)
def test_any_text_of_12_words_or_more_above_grade_9_is_an_error(pack: Path, file_name, old, key):
    edit(pack, file_name, old, HARD_EXPLANATION)
    result = lint(pack)
    assert result.returncode == 1
    assert f"pack/{file_name}: {key}: error: reading grade 18.2 is above 9: use shorter sentences and words" in (
        finding_lines(result)
    )


def test_a_hard_text_under_12_words_is_not_graded(pack: Path):
    edit(pack, "clinician.toml", "A good first question for anyone.", "Considerable organisational responsibilities.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []
    assert "reading grade: 8 texts graded" in result.stdout


def test_a_hard_text_outside_the_cards_is_no_warning_between_7_and_9(pack: Path):
    edit(pack, "self_check.toml", "On the bus you sit inside, so rain does not get you wet.", FAIRLY_HARD_BODY)
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []


def test_median_grade_above_7_is_an_error(pack: Path):
    text = (pack / "cards.toml").read_text(encoding="utf-8")
    bodies = [line for line in text.splitlines() if line.startswith("body = ")]
    for body in bodies:
        text = text.replace(body, f'body = "{FAIRLY_HARD_BODY}"')
    (pack / "cards.toml").write_text(text, encoding="utf-8")
    result = lint(pack)
    assert result.returncode == 1
    ids = ["what-options", "bike-good", "bike-bad", "bus-good", "bus-bad", "bike-kit", "bus-pass"]
    warnings = [
        f"pack/cards.toml: cards[id={card}].body: warning: reading grade 8.0 is above 7: aim for 7 or below"
        for card in ids
    ]
    assert new_findings(result) == [
        "pack: error: the median reading grade of the 8 graded texts is 8.0, above 7 "
        "(graded: card bodies, and other texts of 12 words or more)",
        *warnings,
    ]
    assert "median                                8.0" in result.stdout.splitlines()


def test_the_median_counts_texts_outside_the_cards(pack: Path):
    text = (pack / "cards.toml").read_text(encoding="utf-8")
    for body in [line for line in text.splitlines() if line.startswith("body = ")][:4]:
        text = text.replace(body, f'body = "{FAIRLY_HARD_BODY}"')
    (pack / "cards.toml").write_text(text, encoding="utf-8")
    edit(pack, "self_check.toml", "On the bus you sit inside, so rain does not get you wet.", FAIRLY_HARD_BODY)
    edit(pack, "figures.toml", "adults in the example survey", FAIRLY_HARD_BODY)
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[0] == (
        "pack: error: the median reading grade of the 9 graded texts is 8.0, above 7 "
        "(graded: card bodies, and other texts of 12 words or more)"
    )


def test_missing_textstat_is_one_line_and_exit_2(pack: Path):
    code = (
        "import sys; sys.modules['textstat'] = None\n"
        "from decisionaid.cli import main\n"
        "raise SystemExit(main(['lint', 'pack']))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=pack.parent, capture_output=True, text=True)
    assert result.returncode == 2
    command = f"{sys.executable} -m pip install -e '{ROOT}[lint]'"  # the tests run from a checkout
    assert result.stderr == f"decisionaid lint needs textstat 0.7.3. Install it with: {command}\n"
    assert result.stdout == ""


def test_the_install_command_fits_where_the_aid_runs(monkeypatch: pytest.MonkeyPatch):
    from decisionaid.cli.lint import checkout, lint_extra_command

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "executable", str(ROOT / ".venv" / "bin" / "python"))
    assert checkout() == ROOT
    assert lint_extra_command(ROOT) == ".venv/bin/python -m pip install -e '.[lint]'"
    assert lint_extra_command(None) == ".venv/bin/python -m pip install 'decisionaid[lint]'"


# --- short path ------------------------------------------------------------


def unmark(pack: Path) -> None:
    """Take every short_path mark out of the pack."""
    for name in ("cards.toml", "self_check.toml", "values.toml"):
        path = pack / name
        path.write_text(path.read_text(encoding="utf-8").replace("short_path = true\n", ""), encoding="utf-8")


def mark_short_path(pack: Path, card_ids: list[str]) -> None:
    unmark(pack)
    for card_id in card_ids:
        edit(pack, "cards.toml", f'id = "{card_id}"\n', f'id = "{card_id}"\nshort_path = true\n')


def test_a_pack_without_marks_has_everything_on_its_short_path_and_lint_says_so(pack: Path):
    unmark(pack)
    result = lint(pack)
    assert summary_line(result, "short path") == UNMARKED


def test_the_short_path_counts_only_what_is_marked(pack: Path):
    assert summary_line(lint(pack), "short path") == MARKED
    mark_short_path(pack, ["what-options", "bike-good"])
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    timed = short_path_time(load_pack(pack))
    assert timed.words < 517, "fewer cards and no questions on the path"
    assert summary_line(result, "short path") == (
        f"short path: 2 cards, 0 self-check items, 0 values items: {timed.words} words, "
        f"{timed.minutes_to_a_tenth:.1f} minutes at 150 words a minute (target 15)"
    )


def test_a_short_path_over_its_target_is_an_error(pack: Path):
    mark_short_path(pack, ["what-options", "bike-good"])
    long_body = " ".join(["Riders see the park."] * 40)
    edit(pack, "cards.toml", "Riding a bike gets you moving. Many riders say they feel fresh.", long_body)
    edit(pack, "pack.toml", 'disclaimer = "', 'short_path_minutes = 1\ndisclaimer = "')
    result = lint(pack)
    assert result.returncode == 1
    timed = short_path_time(load_pack(pack))
    assert new_findings(result)[0] == (
        f"pack/pack.toml: meta.short_path_minutes: error: the short path takes {timed.minutes_to_a_tenth:.1f} "
        f"minutes ({timed.words} words at 150 a minute), over its target of 1: move cards, self-check items or "
        "values items off it"
    )


def test_an_unmarked_pack_over_its_target_is_told_to_mark_a_short_path(pack: Path):
    unmark(pack)
    edit(pack, "pack.toml", 'disclaimer = "', 'short_path_minutes = 1\ndisclaimer = "')
    result = lint(pack)
    assert result.returncode == 1
    assert (
        "pack/pack.toml: meta.short_path_minutes: error: the short path takes 4.1 minutes (602 words at 150 a "
        "minute), over its target of 1: mark a shorter path with short_path = true"
    ) in finding_lines(result)


# --- comparison table ------------------------------------------------------


@pytest.fixture
def table(pack: Path) -> Path:
    (pack / "comparison.toml").write_text(COMPARISON, encoding="utf-8")
    return pack


def test_a_plain_comparison_table_passes_and_is_counted(table: Path):
    result = lint(table)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []
    assert summary_line(result, "comparison table") == "comparison table: 35 words"


@pytest.mark.parametrize(
    ("new", "level", "reason"),
    [
        ("You should buy a bike.", "error", "directive wording 'You should': describe the options, give no advice"),
        (
            "Flat tyres are common.",
            "warning",
            "vague word 'common' with no number in the same sentence: say how many out of 100",
        ),
        (
            "Riders are twice as likely to smile.",
            "error",
            "relative-risk wording 'twice as likely': give how many out of 100 for each option instead",
        ),
        (HARD_EXPLANATION, "error", "reading grade 18.2 is above 9: use shorter sentences and words"),
    ],
)
def test_comparison_cells_are_checked_like_card_text(table: Path, new: str, level: str, reason: str):
    edit(table, "comparison.toml", "A bike, once.", new)
    result = lint(table)
    assert f"pack/comparison.toml: rows[id=cost].cells[1].text: {level}: {reason}" in finding_lines(result)


def test_a_cell_with_a_number_and_no_source_is_an_error(table: Path):
    edit(table, "comparison.toml", "A bike, once.", "A bike, once, for about 300 dollars.")
    result = lint(table)
    assert result.returncode == 1
    assert new_findings(result)[-1] == (
        "pack/comparison.toml: rows[id=cost].cells[1].sources: error: the cell for 'bike' in row 'cost' gives a number "
        "but cites no source"
    )


# --- the handout's lines ---------------------------------------------------


def test_a_fact_and_beliefs_silence_the_handout_warnings(pack: Path):
    edit(pack, "self_check.toml", 'cards = ["bus-good"]', 'cards = ["bus-good"]\nfact = "The bus keeps you dry."')
    edit(pack, "self_check.toml", 'label = "Yes"', 'label = "Yes"\nbelief = "rain gets you wet on the bus"')
    result = lint(pack)
    assert finding_lines(result) == COMMUTE_WARNINGS[:2]


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
    assert new_findings(result) == [
        "pack/pack.toml: options[id=bike]: error: option 'bike': benefit cards have 25 words and harm cards 12 "
        "(ratio 2.08; keep them within 25% of each other)",
    ]


def test_benefit_and_harm_within_25_percent_pass(pack: Path):
    edit(pack, "cards.toml", "Many riders say they feel fresh.", "Many riders say they feel fresh. Birds sing too.")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []


def test_a_card_counts_for_every_option_it_lists(pack: Path):
    edit(
        pack,
        "cards.toml",
        'id = "bus-good"\nsection = "good-and-bad"\noptions = ["bus"]',
        'id = "bus-good"\nsection = "good-and-bad"\noptions = ["bus", "bike"]',
    )
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        "pack/pack.toml: options[id=bike]: error: option 'bike': benefit cards have 23 words and harm cards 12 "
        "(ratio 1.92; keep them within 25% of each other)",
    ]


# --- fair to every option -------------------------------------------------

WALK_OPTION = """
[[options]]
id = "walk"
name = "Walk"
summary = "Walk to work."
"""
WALK_GOOD = "Walking costs nothing. Walkers say the fresh air and the quiet streets help them."  # 14 words
WALK_BAD = "Walking is slow, and rain or cold can make the trip hard on some days."  # 15 words
WALK_CELL = """
[[rows.cells]]
option = "walk"
text = "Shoes."
"""
WALK_CARD = """
[[cards]]
id = "walk-{kind}"
section = "good-and-bad"
options = ["walk"]
kind = "{kind}"
title = "Walking"
body = "{body}"
sources = ["survey"]
certainty = "uncertain"
"""


def add_walk(pack: Path, good: str, bad: str, on_short_path: tuple[str, ...] = ("benefit", "harm")) -> None:
    """A third option, 'walk', besides the bike: two options other than the status quo (the bus) to weigh."""
    with (pack / "pack.toml").open("a", encoding="utf-8") as f:
        f.write(WALK_OPTION)
    head, *rows = (pack / "comparison.toml").read_text(encoding="utf-8").split("\n[[rows]]")
    text = head + "".join("\n[[rows]]" + row.rstrip("\n") + "\n" + WALK_CELL for row in rows)
    (pack / "comparison.toml").write_text(text, encoding="utf-8")
    with (pack / "cards.toml").open("a", encoding="utf-8") as f:
        for kind, body in (("benefit", good), ("harm", bad), ("practical", "A pair of shoes.")):
            f.write(WALK_CARD.format(kind=kind, body=body))
            if kind in on_short_path:
                f.write("short_path = true\n")


def test_each_option_gets_its_words_and_the_ratio_among_the_others_than_the_status_quo(pack: Path):
    add_walk(pack, WALK_GOOD, WALK_BAD)
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == []
    assert summary_line(result, "words of cards") == (
        "words of cards per option, across the pack (on the short path): bus 46 (33), bike 49 (32), walk 36 (31)"
    )
    assert summary_line(result, "words ratio") == (
        "words ratio among the options other than the status quo: 1.36 across the pack (at most 2.5), "
        "1.03 on the short path (at most 1.5)"
    )


def test_an_option_told_in_far_fewer_words_is_an_error_across_the_pack_and_on_the_short_path(pack: Path):
    add_walk(pack, "It is free.", "It is slow.")
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        "pack/pack.toml: options[id=walk]: error: option 'walk' has 13 words of cards across the pack and 'bike' 49 "
        "(ratio 3.77; keep it at most 2.5): tell 'walk' more, or 'bike' less",
        "pack/pack.toml: options[id=walk]: error: option 'walk' has 8 words of cards on the short path and 'bike' 32 "
        "(ratio 4.00; keep it at most 1.5): tell 'walk' more, or 'bike' less",
    ]


def test_the_short_path_has_the_tighter_limit(pack: Path):
    add_walk(pack, WALK_GOOD, WALK_BAD)
    result = lint(pack)
    assert new_findings(result) == []
    mark_short_path(pack, ["what-options", "bike-good", "bike-bad", "walk-benefit"])
    result = lint(pack)
    assert new_findings(result) == [
        "pack/pack.toml: options[id=walk]: error: option 'walk' has 15 words of cards on the short path and 'bike' 32 "
        "(ratio 2.13; keep it at most 1.5): tell 'walk' more, or 'bike' less",
    ]
    mark_short_path(pack, ["what-options", "bike-good", "bike-bad"])
    assert new_findings(lint(pack)) == [
        "pack/pack.toml: options[id=walk]: error: option 'walk' has no card on the short path and 'bike' has 32 words: "
        "tell 'walk' more, or 'bike' less",
    ]


def test_the_status_quo_is_held_to_the_same_kinds_of_card_not_the_same_length(pack: Path):
    edit(pack, "cards.toml", 'kind = "practical"\ntitle = "Bus passes"', 'kind = "background"\ntitle = "Bus passes"')
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == [
        "pack/pack.toml: options[id=bus]: warning: option 'bus' has no practical card and 'bike' has one: give every "
        "option the same kinds of card",
    ]


# --- figures ---------------------------------------------------------------


def test_figure_population_too_short_is_an_error(pack: Path):
    edit(pack, "figures.toml", 'population = "adults in the example survey"', 'population = "adults"')
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[-1] == (
        "pack/figures.toml: figures[id=fresh].population: error: population 'adults' is too short to be clear "
        "(1 word; write at least 3)"
    )


def test_figure_comparator_same_as_option_is_an_error(pack: Path):
    edit(pack, "figures.toml", 'label = "bus"', 'label = "Cycling"')
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[-1] == (
        "pack/figures.toml: figures[id=fresh].comparator.label: error: comparator label 'Cycling' does not say "
        "what the option is compared with"
    )


# --- clinician questions ---------------------------------------------------


@pytest.mark.parametrize("verb", ["Ask", "Tell", "Make sure", "Do not", "Avoid"])
def test_clinician_question_starting_with_an_instruction_is_an_error(pack: Path, verb: str):
    edit(pack, "clinician.toml", "Where can I read more about both ways?", f"{verb} where to read more?")
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[-1] == (
        f"pack/clinician.toml: questions[id=q-more-facts].text: error: question starts with the instruction '{verb}': "
        "word it as a question the reader asks"
    )


# --- dates, disclosure and SURE --------------------------------------------


def test_review_due_in_the_past_is_an_error(pack: Path):
    edit(pack, "pack.toml", "review_due = 2099-01-05", "review_due = 2026-06-01")
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        "pack/pack.toml: meta.review_due: error: review_due 2026-06-01 has passed (today is 2026-07-01): "
        "review the content and set a new date",
    ]


def test_review_due_within_30_days_is_a_warning(pack: Path):
    edit(pack, "pack.toml", "review_due = 2099-01-05", "review_due = 2026-07-10")
    result = lint(pack)
    assert result.returncode == 0, result.stdout
    assert new_findings(result) == [
        "pack/pack.toml: meta.review_due: warning: review_due 2026-07-10 is in 9 days: plan the review",
    ]


def test_crisis_contact_checked_over_12_months_ago_is_a_warning(pack: Path):
    result = run_in_process("lint", "pack", "--today", "2027-01-06", cwd=pack.parent)
    assert result.returncode == 0, result.stdout
    assert new_findings(result)[-1] == (
        "pack/crisis.toml: crisis[0].verified_on: warning: verified_on 2026-01-05 is more than 12 months ago: "
        "check the contact again"
    )
    assert "crisis" not in run_in_process("lint", "pack", "--today", "2027-01-05", cwd=pack.parent).stdout


def test_full_disclosure_sentences_pass(pack: Path):
    edit(pack, "pack.toml", 'funding = "None."', 'funding = "No external funding."')
    edit(pack, "pack.toml", 'conflicts = "None."', 'conflicts = "The authors have no conflicts."')
    result = lint(pack)
    assert result.returncode == 0
    assert finding_lines(result) == COMMUTE_WARNINGS[2:]
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 0 errors, 2 warnings"


def test_sure_items_must_cover_each_need(pack: Path):
    edit(pack, "sure.toml", 'need = "support"', 'need = "values"')
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result)[-1] == (
        "pack/sure.toml: sure.items: error: no item has need = 'support': "
        "the 4 items ask about certainty, knowledge, values, support, one each"
    )


# --- citations, through the loader -----------------------------------------


def test_unsourced_card_is_a_content_problem(pack: Path):
    edit(pack, "cards.toml", 'they feel fresh."\nsources = ["survey"]\n', 'they feel fresh."\n')
    result = lint(pack)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "pack/cards.toml: cards[id=bike-good].sources: required key is missing\npack: 1 problem\n"


def test_unused_source_is_a_content_problem(pack: Path):
    with (pack / "sources.toml").open("a", encoding="utf-8") as file:
        file.write(
            '\n[[sources]]\nid = "unused"\ncitation = "Nobody cites this."\nyear = 2024\nkind = "other"\n'
            'url = "https://example.org/unused"\n'
        )
    result = lint(pack)
    assert result.returncode == 2
    assert result.stderr == "pack/sources.toml: sources[id=unused]: source 'unused' is never cited\npack: 1 problem\n"


def test_several_packs_report_each_and_exit_with_the_worst_status(pack: Path, tmp_path: Path):
    broken = copy_pack(COMMUTE, tmp_path / "broken")
    (broken / "clinician.toml").unlink()
    result = run_in_process("lint", "pack", "broken", "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1] == "commute 0.1.0: lint: 0 errors, 4 warnings"
    assert result.stderr == "broken/clinician.toml: file is missing\nbroken: 1 problem\n"


def test_no_pack_dir_lints_every_shipped_pack(pack: Path, tmp_path: Path):
    content = tmp_path / "content"
    copy_pack(pack, content / "commute")
    copy_pack(pack, content / "second")
    result = run_in_process("lint", "--today", TODAY, cwd=tmp_path, env={"DECISIONAID_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    summaries = [line for line in result.stdout.splitlines() if " lint: " in line]
    assert summaries == ["commute 0.1.0: lint: 0 errors, 4 warnings"] * 2
    assert "content/second/pack.toml: meta.funding: warning:" in result.stdout


def test_bad_today_is_one_line_and_exit_2(pack: Path):
    result = run_in_process("lint", "pack", "--today", "1 July", cwd=pack.parent)
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
    result = run_in_process("lint", str(folder), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ketamine_pack_has_no_findings_and_its_short_path_meets_its_target():
    result = run_in_process("lint", str(KETAMINE), "--today", "2026-12-01", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(": lint: 0 errors, 0 warnings")
    assert summary_line(result, "short path").startswith("short path: ")


def test_a_first_person_text_on_the_handout_needs_a_helper_form_that_never_speaks_as_i(pack: Path):
    edit(pack, "clinician.toml", 'helper_text = "What do people like them usually choose?"\n', "")
    edit(pack, "clinician.toml", "Where can we read more about both ways?", "Where can I read more about both ways?")
    edit(pack, "clinician.toml", 'title = "Cost"', 'title = "Our costs"')
    edit(
        pack,
        "clinician.toml",
        'text = "What happens on rainy days?"',
        'text = "What happens to the US bus on rainy days?"',
    )
    result = lint(pack)
    assert result.returncode == 1
    assert new_findings(result) == [
        "pack/clinician.toml: questions[id=q-start].text: error: 'me' is shown on the handout with no helper form: "
        "give helper_text, the same text for someone helping the person it is about",
        "pack/clinician.toml: questions[id=q-more-facts].helper_text: error: the helper form speaks as 'I': "
        "say 'the person' or 'they' (or 'we', the two of you)",
        "pack/clinician.toml: topics[id=money].title: error: 'Our' is shown on the handout with no helper form: give "
        "helper_title, the same text for someone helping the person it is about",
    ]


def test_a_question_a_private_answer_adds_needs_a_neutral_form(tmp_path: Path):
    from tests.helpers import commute_for_the_handout

    pack = commute_for_the_handout(tmp_path / "pack")
    assert [f for f in new_findings(lint(pack)) if "neutral" in f] == []
    edit(pack, "clinician.toml", 'neutral = "How much does each way cost in a month?"\n', "")
    assert [f for f in new_findings(lint(pack)) if "neutral" in f] == [
        "pack/clinician.toml: questions[id=q-cost].neutral: error: question 'q-cost' is added by the private answer "
        "'money-tight' and has no neutral form: give one that asks without saying the answer, for a copy the "
        "answer is left off"
    ]
