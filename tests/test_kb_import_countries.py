"""Importing state names (en, fr, ru), official names, spellings and demonyms from mledoze/countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers import DatasetKind, import_dataset
from onward.kb.importers.countries import parse_countries
from onward.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


def test_names_in_three_languages_and_aliases_by_kind() -> None:
    parsed = parse_countries(FIXTURES / "countries.json")
    kz = [s for s in parsed.statements if s.subject == "state:KZ"]
    names = {s.value["lang"]: s.value["text"] for s in kz if s.property == "name" and isinstance(s.value, dict)}
    assert names == {"en": "Kazakhstan", "fr": "Kazakhstan", "ru": "Казахстан"}
    aliases = {(s.value["kind"], s.value["text"]) for s in kz if s.property == "alias" and isinstance(s.value, dict)}
    assert ("official", "Republic of Kazakhstan") in aliases
    assert ("demonym", "Kazakhstani") in aliases
    assert ("alt_spelling", "Qazaqstan") in aliases
    assert ("alt_spelling", "KZ") not in aliases  # the code itself is not a spelling
    assert all(s.valid_from is None and s.known_from is None for s in kz)  # names are timeless


def test_unused_keys_are_reported_and_kosovo_code_difference_flagged() -> None:
    audit = parse_countries(FIXTURES / "countries.json").audit
    assert {"capital", "currencies", "borders", "translations.jpn"} <= set(audit.ignored_columns)
    assert [n.locator for n in audit.flagged] == ["countries.json entry 2 (XK)"]


def test_importing_twice_changes_nothing(store: Store) -> None:
    first = import_dataset(store, DatasetKind.COUNTRIES, FIXTURES / "countries.json", "tester")
    again = import_dataset(store, DatasetKind.COUNTRIES, FIXTURES / "countries.json", "tester")
    assert first[0].load.statements_added > 30
    assert again[0].load.statements_added == 0
    assert again[0].load.statements_unchanged == first[0].load.statements_added


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("countries_truncated.json", "countries_truncated.json:"),
        ("pts.csv", "not valid JSON"),
    ],
)
def test_a_broken_file_is_refused(fixture: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_countries(FIXTURES / fixture)
    assert expected in caught.value.message
    assert "not valid JSON" in caught.value.message
