"""Importing UN treaty status: parties with year-precision dates, and self-contradicting rows kept both ways."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers import DatasetKind, import_dataset
from onward.kb.importers.treaties import parse_treaties
from onward.kb.membership import MembershipStatus
from onward.kb.view import KnowledgeView
from onward.model.dates import PartialDate, Precision
from onward.model.source import Verification
from onward.model.statement import Statement
from onward.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


def _statements() -> list[Statement]:
    return [s for parsed in parse_treaties(FIXTURES / "treaties") for s in parsed.statements]


def _about(code: str, instrument: str) -> list[Statement]:
    return [s for s in _statements() if s.subject == f"state:{code}" and s.value == instrument]


def test_a_ratification_known_only_by_its_year_is_a_year_precision_date() -> None:
    (cat,) = _about("KZ", "CAT")
    assert cat.property == "party_to"
    assert cat.valid_from == PartialDate(year=1998)
    assert cat.valid_from.precision is Precision.YEAR
    assert cat.known_from == PartialDate(year=1998)
    assert cat.raw_value == "status 'state party', year 1998"
    assert cat.locator == "hr_status_cat.csv line 2"


def test_no_action_is_not_party_as_of_the_2022_list_only() -> None:
    (opcat,) = _about("RU", "OP-CAT")
    assert opcat.property == "not_party_to"
    assert opcat.valid_from == PartialDate(year=2022)


def test_kazakhstan_iccpr_op1_keeps_both_readings_and_is_flagged() -> None:
    readings = _about("KZ", "ICCPR-OP1")
    assert sorted(s.property for s in readings) == ["not_party_to", "party_to"]
    assert all(s.verification is Verification.PARTIAL for s in readings)
    assert all(s.note and "contradicts itself" in s.note for s in readings)
    flagged = [n for p in parse_treaties(FIXTURES / "treaties") for n in p.audit.flagged]
    assert any(n.reason.startswith("KZ ICCPR-OP1: status says 'state party' but the flags say") for n in flagged)


def test_a_denunciation_in_the_note_ends_the_membership() -> None:
    party = next(s for s in _about("JM", "ICCPR-OP1") if s.property == "party_to")
    assert (party.valid_from, party.valid_to) == (PartialDate(year=1975), PartialDate(year=1997))


def test_a_broken_code_is_resolved_by_exact_name_and_flagged() -> None:
    parsed = next(p for p in parse_treaties(FIXTURES / "treaties") if p.audit.kind == "OP-CRC-IC status")
    assert {s.subject for s in parsed.statements} == {"state:KZ", "state:SS"}
    assert any("iso2 'S' is not a code" in n.reason for n in parsed.audit.flagged)


def test_importing_twice_changes_nothing_and_the_view_sees_the_conflict(store: Store) -> None:
    first = import_dataset(store, DatasetKind.TREATIES, FIXTURES / "treaties", "tester")
    again = import_dataset(store, DatasetKind.TREATIES, FIXTURES / "treaties", "tester")
    assert sum(o.load.statements_added for o in first) == len(_statements())
    assert sum(o.load.statements_added for o in again) == 0
    assert KnowledgeView(store, as_of=dt.date(2015, 5, 18)).membership("KZ", "CAT").status is MembershipStatus.PARTY
    later = KnowledgeView(store, as_of=dt.date(2023, 1, 1)).membership("KZ", "ICCPR-OP1")
    assert later.status is MembershipStatus.UNKNOWN
    assert "disagree" in later.reason


def test_an_unknown_status_refuses_the_file() -> None:
    with pytest.raises(InputError) as caught:
        parse_treaties(FIXTURES / "treaties_bad")
    assert "hr_status_cat.csv:2:1: status: unknown status" in caught.value.message
    assert "found ratified" in caught.value.message


def test_a_folder_without_status_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_treaties(tmp_path)
    assert "no hr_status_*.csv files" in caught.value.message
