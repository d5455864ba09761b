"""Importing Freedom in the World ratings and indicator scores, told apart by their header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers import DatasetKind, import_dataset
from onward.kb.importers.fiw import parse_fiw
from onward.kb.view import KnowledgeView
from onward.model.dates import PartialDate
from onward.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


def test_ratings_give_status_and_both_ratings_for_the_year_covered() -> None:
    parsed = parse_fiw(FIXTURES / "fiw_ratings.csv")
    kz = {
        s.property: (s.value, s.raw_value)
        for s in parsed.statements
        if s.subject == "state:KZ" and s.valid_from == PartialDate(year=2014)
    }
    assert kz == {"fiw_political_rights": (6, "6"), "fiw_civil_liberties": (5, "5"), "fiw_status": ("NF", "Not Free")}
    assert parsed.audit.kind == "Freedom in the World ratings"
    assert parsed.audit.ignored_columns == ["continent"]
    kz_2013 = [s for s in parsed.statements if s.subject == "state:KZ" and s.valid_from == PartialDate(year=2013)]
    assert {s.known_from for s in kz_2013} == {PartialDate(year=2014)}  # undated edition: end of the next year


def test_partially_free_is_recorded_as_pf_with_the_file_wording_kept() -> None:
    parsed = parse_fiw(FIXTURES / "fiw_ratings.csv")
    kosovo = next(s for s in parsed.statements if s.subject == "state:XK" and s.property == "fiw_status")
    assert (kosovo.value, kosovo.raw_value) == ("PF", "Partially Free")


def test_entities_without_an_iso_code_are_reported() -> None:
    audit = parse_fiw(FIXTURES / "fiw_ratings.csv").audit
    assert [(n.locator, n.group) for n in audit.skipped] == [
        ("fiw_ratings.csv line 2", "no ISO 3166-1 alpha-2 code: 'Czechoslovakia'")
    ]


def test_scores_file_is_recognised_by_its_header() -> None:
    parsed = parse_fiw(FIXTURES / "fiw_scores.csv")
    assert parsed.audit.kind == "Freedom in the World indicator scores"
    kz = {s.property: s.value for s in parsed.statements if s.subject == "state:KZ"}
    assert kz == {"fiw_f1": 1, "fiw_f2": 1, "fiw_f3": 1, "fiw_f4": 1}
    assert parsed.audit.ignored_columns == ["continent", "item_description", "sub_item_description"]
    assert {n.group for n in parsed.audit.skipped} == {"no ISO 3166-1 alpha-2 code: 'Crimea'"}
    assert len(parsed.audit.skipped) == 4


def test_importing_twice_changes_nothing(store: Store) -> None:
    for fixture in ("fiw_ratings.csv", "fiw_scores.csv"):
        first = import_dataset(store, DatasetKind.FIW, FIXTURES / fixture, "tester")
        again = import_dataset(store, DatasetKind.FIW, FIXTURES / fixture, "tester")
        assert first[0].load.statements_added > 0
        assert again[0].load.statements_added == 0
        assert again[0].load.statements_unchanged == first[0].load.statements_added


def test_ratings_are_hidden_until_their_edition_is_public(store: Store) -> None:
    import_dataset(store, DatasetKind.FIW, FIXTURES / "fiw_ratings.csv", "tester")
    # The 2015 edition (covering 2014) is dated by a source: public by 4 February 2015.
    assert KnowledgeView(store, as_of=dt.date(2015, 2, 3)).indicator("KZ", "fiw_status", 2014) is None
    fact = KnowledgeView(store, as_of=dt.date(2015, 5, 18)).indicator("KZ", "fiw_status", 2014)
    assert fact is not None
    assert fact.value == "NF"
    assert fact.statements[0].note is not None
    assert "4 February 2015" in fact.statements[0].note
    # The 2014 edition (covering 2013) is undated here: only from the end of 2014.
    assert KnowledgeView(store, as_of=dt.date(2014, 12, 30)).indicator("KZ", "fiw_status", 2013) is None
    assert KnowledgeView(store, as_of=dt.date(2014, 12, 31)).indicator("KZ", "fiw_status", 2013) is not None


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("fiw_unknown_header.csv", "fiw_unknown_header.csv:1:1: header: neither a ratings nor a scores header"),
        ("fiw_scores_bad.csv", "fiw_scores_bad.csv:6:1: sub_item: unknown indicator; expected A1 … G4; found 'H1'"),
        ("fiw_scores_bad.csv", "fiw_scores_bad.csv:7:1: score: not an indicator score; expected 0–4; found '9'"),
        ("pts.csv", "header: missing columns 'year', 'country', 'iso2c'"),
    ],
)
def test_a_wrong_file_is_refused_clearly(fixture: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_fiw(FIXTURES / fixture)
    assert expected in caught.value.message
