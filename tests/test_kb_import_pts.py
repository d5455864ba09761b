"""Importing Political Terror Scale files: scores per state-year, NA left absent, unmapped rows reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers import DatasetKind, import_dataset
from onward.kb.importers.pts import parse_pts
from onward.kb.view import KnowledgeView
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.store import Store
from onward.store import kb as kb_store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


def _stored(store: Store, dataset: str) -> list[kb_store.StoredStatement]:
    with store.read() as connection:
        return kb_store.select_statements(connection, as_of=None, dataset=dataset)


def test_scores_become_statements_valid_for_the_year_and_known_the_next() -> None:
    parsed = parse_pts(FIXTURES / "pts.csv")
    kz_2014 = [s for s in parsed.statements if s.subject == "state:KZ" and s.valid_from == PartialDate(year=2014)]
    assert sorted((s.property, s.value) for s in kz_2014) == [("pts_a", 3), ("pts_h", 3), ("pts_s", 3)]
    first = kz_2014[0]
    assert first.valid_to == PartialDate(year=2014)
    assert first.known_from == PartialDate(year=2015)
    assert first.locator == "pts.csv line 4, column PTS_A"
    assert first.raw_value == "3"
    assert parsed.sources[0].publisher == "Gibney et al., Political Terror Scale"


def test_na_scores_stay_absent_and_their_status_is_tallied() -> None:
    parsed = parse_pts(FIXTURES / "pts.csv")
    kz_2013 = {
        s.property for s in parsed.statements if s.subject == "state:KZ" and s.valid_from == PartialDate(year=2013)
    }
    assert kz_2013 == {"pts_h", "pts_s"}
    assert parsed.audit.tallies["PTS_A NA (NA_Status_A=88)"] == 1


def test_codes_map_through_un_and_world_bank_codes() -> None:
    subjects = {s.subject for s in parse_pts(FIXTURES / "pts.csv").statements}
    # Kosovo has no UN code in the file, only the World Bank's KSV; Andorra's World Bank code is ADO.
    assert subjects == {"state:AD", "state:KZ", "state:XK", "state:UZ"}


def test_rows_without_an_iso_code_are_reported_one_by_one() -> None:
    audit = parse_pts(FIXTURES / "pts.csv").audit
    assert [n.locator for n in audit.skipped] == ["pts.csv line 6"]
    assert "'Soviet Union'" in audit.skipped[0].reason
    assert "scores in PTS_A, PTS_S not imported" in audit.skipped[0].reason
    assert audit.ignored_columns == ["Country_OLD", "COW_Code_A", "COW_Code_N", "Region"]


def test_a_score_with_a_missing_data_status_is_kept_but_flagged() -> None:
    parsed = parse_pts(FIXTURES / "pts.csv")
    andorra = next(s for s in parsed.statements if s.subject == "state:AD" and s.property == "pts_a")
    assert andorra.value == 1
    assert andorra.verification is Verification.UNVERIFIED  # a file of unrecorded origin stays unverified
    assert andorra.note is not None
    assert "NA_Status_A=88" in andorra.note
    assert any(n.locator == "pts.csv line 2, column PTS_A" for n in parsed.audit.flagged)


def test_importing_twice_changes_nothing(store: Store) -> None:
    first = import_dataset(store, DatasetKind.PTS, FIXTURES / "pts.csv", "tester")
    second = import_dataset(store, DatasetKind.PTS, FIXTURES / "pts.csv", "tester")
    assert first[0].load.statements_added == 11
    assert second[0].load.statements_added == 0
    assert second[0].load.statements_unchanged == 11
    assert len(_stored(store, "pts")) == 11


def test_a_score_is_hidden_before_the_reports_it_rests_on(store: Store) -> None:
    import_dataset(store, DatasetKind.PTS, FIXTURES / "pts.csv", "tester")
    early = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    late = KnowledgeView(store, as_of=dt.date(2016, 1, 1))
    assert early.indicator("KZ", "pts_a", 2014) is None  # 2014 reports appeared during 2015
    fact = late.indicator("KZ", "pts_a", 2014)
    assert fact is not None
    assert fact.value == 3
    assert early.indicator("KZ", "pts_s", 2013) is not None


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "pts_truncated.csv",
            "pts_truncated.csv:7:1: Region: wrong number of cells; expected 14 cells, as in the header",
        ),
        ("pts_wrong_header.csv", "pts_wrong_header.csv:1:1: header: missing column 'PTS_A'"),
        ("pts_bad_value.csv", "pts_bad_value.csv:4:1: PTS_A: not a PTS level; expected 1–5 or NA; found '7'"),
        ("pts_latin1.csv", "pts_latin1.csv:2:1: <document>: byte 0xf4 at offset"),
        ("pts_empty.csv", "the file is empty"),
        ("pts_cut_last_cell.csv", "pts_cut_last_cell.csv:7:1: NA_Status_S: not a status code; expected a number"),
    ],
)
def test_a_broken_file_is_refused_with_file_line_and_field(fixture: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_pts(FIXTURES / fixture)
    assert expected in caught.value.message
    assert "it does not look like a Political Terror Scale file" in caught.value.message


def test_a_refused_file_writes_nothing(store: Store) -> None:
    with pytest.raises(InputError):
        import_dataset(store, DatasetKind.PTS, FIXTURES / "pts_bad_value.csv", "tester")
    assert _stored(store, "pts") == []


def test_a_copy_of_a_known_release_with_missing_rows_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_pts(FIXTURES / "known_release" / "PTS-2024.csv")
    assert "6 data rows where the release named 'PTS-2024.csv' has 10220" in caught.value.message
