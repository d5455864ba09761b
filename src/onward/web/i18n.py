"""The interface in English and French: French lawyers draft in French, and so should their tools.

Interface strings are written in English in the templates and code, and looked up here; a string
without a French entry shows in English (``tests/test_web_i18n.py`` checks that none is missing).
Dates are formatted by Babel in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from babel.dates import format_datetime

from onward.web.i18n_fr import FRENCH

LANGUAGES = ("en", "fr")
LANGUAGE_COOKIE = "onward_lang"


def translator(language: str) -> Callable[[str], str]:
    """A function from an English interface string to its text in ``language``."""
    if language == "fr":
        return lambda text: FRENCH.get(text, text)
    return lambda text: text


def choose_language(cookie: str | None, accept_language: str | None) -> str:
    """The language switch's choice if any, else the browser's first supported preference, else English."""
    if cookie in LANGUAGES:
        return cookie
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return "en"


def format_moment(moment: dt.datetime | str | None, language: str) -> str:
    """A timestamp as a reader of ``language`` writes it (``29 nov. 2026, 14:03:00`` in French)."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return str(format_datetime(moment, format="medium", tzinfo=dt.UTC, locale=language)) + " UTC"
