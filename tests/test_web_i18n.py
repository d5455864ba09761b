"""Every interface string of the pages has a French text, and the language choice follows the switch."""

from __future__ import annotations

import re
from pathlib import Path

from onward.web.i18n import choose_language, format_moment, translator
from onward.web.i18n_fr import FRENCH

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "onward" / "web" / "pages" / "templates"
_CALL = re.compile(r"""_\(\s*(["'])(.+?)\1\s*\)""")
_LABELS = re.compile(r"""\b(?:label|hint)=(")([^"]*)\1""")


def _interface_strings() -> set[str]:
    found: set[str] = set()
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        found.update(match.group(2) for match in _CALL.finditer(source))
        found.update(
            match.group(2) for match in _LABELS.finditer(source) if match.group(2) and "{{" not in match.group(2)
        )
    return found


def test_every_template_string_has_a_french_text() -> None:
    strings = _interface_strings()
    assert len(strings) > 100
    assert sorted(s for s in strings if s not in FRENCH) == []


def test_language_choice() -> None:
    assert choose_language("fr", "en-GB") == "fr"
    assert choose_language(None, "fr-CH, en;q=0.5") == "fr"
    assert choose_language("de", "de-DE") == "en"
    assert translator("fr")("Cases") == "Dossiers"
    assert translator("en")("Cases") == "Cases"
    assert translator("fr")("a string nobody translated") == "a string nobody translated"


def test_dates_are_written_in_the_reader_language() -> None:
    assert format_moment("2026-11-29T14:03:00.000000Z", "fr").startswith("29 nov. 2026")
    assert format_moment("2026-11-29T14:03:00.000000Z", "en").startswith("Nov 29, 2026")
