"""Dates and numbers in the interface's language: Babel's forms, and English without importing Babel."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal

from decisionaid.core.catalogue import load_catalogue
from decisionaid.core.formats import long_date, whole_number
from tests.helpers import ROOT


@pytest.mark.parametrize("month", range(1, 13))
def test_the_english_long_date_is_babels_for_every_month(month: int):
    for day in (date(2026, month, 1), date(1999, month, 28), date(2031, month, 9)):
        assert long_date(day, "en") == format_date(day, format="long", locale="en_GB")


def test_the_english_numbers_are_babels():
    for n in (0, 7, 999, 1_000, 4_096, 12_345, 200_000, 1_000_000):
        assert whole_number(n, "en") == format_decimal(n, locale="en_GB")


def test_a_spanish_date_and_number_come_from_babel():
    words = load_catalogue("es")
    assert words.date(date(2026, 12, 1)) == "1 de diciembre de 2026"
    assert words.date(date(2026, 11, 21)) == "21 de noviembre de 2026"
    assert words.number(200_000) == "200.000"
    assert words.number(4_096) == "4.096"


def test_english_dates_and_numbers_do_not_import_babel_but_spanish_ones_do():
    code = (
        "import sys\nfrom datetime import date\nfrom decisionaid.core.catalogue import load_catalogue\n"
        "words = load_catalogue(sys.argv[1])\nwords.date(date(2026, 1, 5)); words.number(200000)\n"
        "print('babel' in sys.modules)"
    )
    seen = {
        language: subprocess.run(
            [sys.executable, "-c", code, language], capture_output=True, text=True, cwd=ROOT, timeout=60
        ).stdout.strip()
        for language in ("en", "es")
    }
    assert seen == {"en": "False", "es": "True"}
