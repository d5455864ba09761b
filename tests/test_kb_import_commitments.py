"""Fariss's treaty commitments: runs of years coded 1 become dated memberships, a second source beside the UN's."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers import DatasetKind, import_dataset
from onward.kb.importers.commitments import parse_commitments, state_of_case
from onward.kb.importers.reference import parse_treaty_sources
from onward.kb.view import KnowledgeView
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"
SAMPLE = FIXTURES / "commitments" / "hr_commitments_sample.csv"


def test_a_run_of_ones_is_a_membership_from_its_first_year() -> None:
    parsed = parse_commitments(SAMPLE)
    (kz_cat,) = [s for s in parsed.statements if s.subject == "state:KZ" and s.value == "CAT"]
    assert (kz_cat.property, kz_cat.valid_from, kz_cat.valid_to) == ("party_to", PartialDate(year=1998), None)
    assert kz_cat.raw_value == "cat coded 1 from 1998"
    assert kz_cat.verification is Verification.UNVERIFIED
    assert kz_cat.note is None


def test_a_run_that_returns_to_zero_ends_and_an_early_run_is_noted() -> None:
    parsed = parse_commitments(SAMPLE)
    (jm,) = [s for s in parsed.statements if s.subject == "state:JM" and s.value == "ICCPR-OP1"]
    assert (jm.valid_from, jm.valid_to) == (PartialDate(year=1995), PartialDate(year=1997))
    assert jm.note is not None
    assert "it may be older" in jm.note  # the sample's series for Jamaica starts in 1995


def test_the_series_is_followed_across_renamings_and_defunct_states_are_reported() -> None:
    parsed = parse_commitments(SAMPLE)
    (ru,) = [s for s in parsed.statements if s.subject == "state:RU" and s.value == "CAT"]
    assert ru.valid_from == PartialDate(year=1987)
    assert [n.group for n in parsed.audit.skipped] == ["no present-day ISO 3166-1 alpha-2 code: 'East Germany'"]
    assert "crc_op1" in parsed.audit.ignored_columns
    assert state_of_case("Sri Lanka (Ceylon)") == "LK"
    assert state_of_case("Czechoslovakia/Czech Republic") is None


def test_a_treaty_folder_reads_both_sources_and_reports_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "treaties"
    shutil.copytree(FIXTURES / "treaties", folder)
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    (folder / "notes.txt").write_text("not data\n", encoding="utf-8")
    parsed = parse_treaty_sources(folder)
    assert {p.dataset for p in parsed} == {"treaties", "treaty_commitments"}
    assert [(n.locator, n.reason) for n in parsed[0].audit.skipped] == [
        ("notes.txt", "not a treaty-status or commitment file: not read")
    ]


def test_both_sources_stay_and_importing_twice_changes_nothing(store: Store) -> None:
    first = import_dataset(store, DatasetKind.TREATIES, SAMPLE, "tester")
    again = import_dataset(store, DatasetKind.TREATIES, SAMPLE, "tester")
    import_dataset(store, DatasetKind.TREATIES, FIXTURES / "treaties", "tester")
    assert again[0].load.statements_unchanged == first[0].load.statements_added > 0
    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    membership = view.membership("KZ", "CAT")
    assert {s.source for s in membership.statements} == {"fariss-hr-commitments", "untc-hr-treaty-status"}


def test_a_bad_value_refuses_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "hr_commitments_bad.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index("cat")
    cells = lines[2].split(",")
    cells[column] = "2"
    lines[2] = ",".join(cells)
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_commitments(bad)
    assert "hr_commitments_bad.csv:3:1: cat: unexpected value" in caught.value.message
    assert "expected 0, 1 or NA; found 2" in caught.value.message
