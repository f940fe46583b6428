"""Dates, numbers and plural forms as a person reads them in the interface's language: CLDR's forms, through Babel.

English has its two forms written here, '21 November 2026' (CLDR's long date for 'en_GB') and '100,000',
and a test checks them against Babel for every month and many numbers: so a start in English never imports
Babel. Any other language imports it the first time it shows a date or a number.
"""

from __future__ import annotations

from datetime import date

ENGLISH = "en"
BABEL_LOCALES = {ENGLISH: "en_GB", "es": "es"}
_ONE_IS_ONLY_ONE = frozenset({ENGLISH, "es"})  # languages whose 'one' is the number 1 alone, with no need of Babel
_ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def babel_locale(language: str) -> str:
    """The Babel locale a language's dates and numbers follow ('en' reads dates the British way)."""
    return BABEL_LOCALES.get(language, language)


def long_date(day: date, language: str) -> str:
    """'21 November 2026', '21 de noviembre de 2026': the long date of `language`."""
    if language == ENGLISH:
        return f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return format_date(day, format="long", locale=babel_locale(language))


def whole_number(n: int, language: str) -> str:
    """'100,000', '100.000': a whole number grouped as `language` groups it."""
    if language == ENGLISH:
        return f"{n:,}"
    from babel.numbers import format_decimal

    return format_decimal(n, locale=babel_locale(language))


def plural_form(count: int, language: str) -> str:
    """CLDR's plural category of a whole number in `language`: 'one', 'other' and, for some languages, more."""
    if language in _ONE_IS_ONLY_ONE:
        return "one" if count == 1 else "other"
    from babel import Locale

    return Locale.parse(babel_locale(language)).plural_form(count)


def language_name(code: str, language: str) -> str:
    """A language's name as `language` writes it ('fr' in English is 'French', in French 'français'); the code
    itself where CLDR has no name for it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(babel_locale(language)) or code
    except (ValueError, UnknownLocaleError):
        return code
