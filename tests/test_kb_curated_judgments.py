"""ECtHR removal judgments: strict about the file's shape, general about free-text values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb import vocabulary as v
from onward.kb.importers.judgment_facts import named_destination, profiles, removal_date, removal_state
from onward.kb.importers.judgments import import_judgments, parse_judgments
from onward.kb.view import KnowledgeView
from onward.model.incident import IncidentStatus
from onward.model.person import Profile
from onward.model.statement import Statement
from onward.store import Store
from tests.clihelpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "kb_curated"
SMALL = FIXTURES / "judgments_small.csv"
ECHROD = FIXTURES / "echrod_small.csv"


def _about(statements: list[Statement], subject: str) -> dict[str, list[Statement]]:
    found: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.subject == subject:
            found.setdefault(statement.property, []).append(statement)
    return found


def test_small_file_maps_judgments_and_outcomes_apart() -> None:
    parsed = parse_judgments(SMALL)
    one = _about(parsed.statements, "judgment:11111/10")
    assert one[v.CASE_NAME][0].value == "Example One v. Russia"
    assert one[v.RESPONDENT][0].value == "RU"
    assert one[v.DESTINATION][0].value == "UZ"
    assert one[v.ART3_OUTCOME][0].value == "violation"
    assert one[v.ART34_OUTCOME][0].value == "violation"
    assert one[v.APPLICANT_PROFILE][0].value == ["religious_minority"]
    assert one[v.APPLICANT_PROFILE][0].raw_value == "alleged member of a banned religious organisation"
    statement = one[v.CASE_NAME][0]
    assert statement.source == "ecthr-11111-10"
    assert statement.locator == "judgments_small.csv line 2"
    assert str(statement.known_from) == "2013-02-05"
    three = _about(parsed.statements, "judgment:33333/08")
    assert three[v.ART3_OUTCOME][0].value == "potential_violation"
    assert three[v.ART3_OUTCOME][0].raw_value == "violation_if_removed"
    assert v.ART34_OUTCOME not in three
    sources = {s.id: s for s in parsed.sources}
    assert sources["ecthr-33333-08"].verification.value == "verified"
    assert sources["ecthr-44444-11"].verification.value == "unverified"
    assert sources["ecthr-11111-10"].note == "fixture row written for tests"


def test_completed_removals_become_linked_incidents() -> None:
    parsed = parse_judgments(SMALL)
    one = _about(parsed.statements, "incident:ecthr-11111-10")
    assert one[v.STATUS][0].value == "completed"
    assert one[v.FROM_STATE][0].value == "RU"
    assert one[v.TO_STATE][0].value == "UZ"
    assert one[v.DATE][0].value == "2011-12"
    assert one[v.DESPITE_INTERIM_MEASURES][0].value is True
    # "transferred to Tajikistan" names where the person actually went.
    two = _about(parsed.statements, "incident:ecthr-22222-11")
    assert two[v.TO_STATE][0].value == "TJ"
    assert two[v.DATE][0].value == "2011-08-23"
    judgment = _about(parsed.statements, "judgment:22222/11")
    assert judgment[v.CONCERNS_INCIDENT][0].value == "incident:ecthr-22222-11"
    assert judgment["application_no"][0].value == ["22222/11", "22223/11"]
    assert judgment[v.ONWARD_DESTINATION][0].value == ["TJ"]
    # Pending and unclear removals make no incident; the unclear one is flagged for review.
    subjects = {s.subject for s in parsed.statements}
    assert "incident:ecthr-33333-08" not in subjects
    assert "incident:ecthr-44444-11" not in subjects
    assert any("line 5" in note.locator for note in parsed.audit.flagged)


def test_ecthr_join_adds_articles_and_keeps_a_date_conflict() -> None:
    parsed = parse_judgments(SMALL, ecthr_path=ECHROD)
    assert parsed.audit.tallies["joined with ECHR-OD"] == 2
    assert parsed.audit.tallies["not in ECHR-OD"] == 2
    one = _about(parsed.statements, "judgment:11111/10")
    assert one["articles"][0].value == ["3", "5", "34"]
    # The violation lists are outcomes under another name: never imported.
    assert "violated_articles" not in one
    assert "no_violation_articles" not in one
    assert one["hudoc_itemid"][0].source == "echr-od-judgments"
    # Joined on the second application number; HUDOC's date differs by a day: both kept.
    two = _about(parsed.statements, "judgment:22222/11")
    assert {s.value for s in two[v.JUDGMENT_DATE]} == {"2012-10-02", "2012-10-03"}


def test_wrong_file_is_refused_with_the_missing_columns() -> None:
    with pytest.raises(InputError) as caught:
        parse_judgments(FIXTURES / "not_judgments.csv")
    assert "missing columns" in caught.value.message
    assert "'respondent'" in caught.value.message


def test_truncated_file_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_judgments(FIXTURES / "judgments_truncated.csv")
    assert "wrong number of cells" in caught.value.message


def test_bad_values_are_all_reported_with_their_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_judgments(FIXTURES / "judgments_bad_values.csv")
    message = caught.value.message
    assert "6 problems" in message
    for column in ("application_no", "judgment_date", "respondent", "removal", "art3_outcome", "verification"):
        assert f"judgments_bad_values.csv:2:1: {column}:" in message


def test_an_ecthr_table_of_another_shape_is_refused() -> None:
    with pytest.raises(InputError, match="ECHR-OD"):
        parse_judgments(SMALL, ecthr_path=SMALL)


def test_import_twice_changes_nothing_and_outcomes_can_be_withheld(store: Store) -> None:
    first = import_judgments(store, SMALL, ecthr_path=ECHROD, actor="tester")
    assert first.load.statements_added > 40
    second = import_judgments(store, SMALL, ecthr_path=ECHROD, actor="tester")
    assert second.load.statements_added == 0
    assert not second.load.changed
    view = KnowledgeView(store, as_of=dt.date(2014, 1, 1), withhold_outcomes=True)
    assert view.statements("judgment:11111/10", v.ART3_OUTCOME) == []
    assert view.statements("judgment:11111/10", v.CASE_NAME)
    # Known from the judgment's date: invisible the day before.
    earlier = KnowledgeView(store, as_of=dt.date(2013, 2, 4))
    assert earlier.statements("judgment:11111/10") == []


def test_free_text_readings_are_narrow() -> None:
    assert removal_state("completed at sea") is IncidentStatus.COMPLETED
    assert removal_state("pending; assurances offered") is IncidentStatus.PENDING
    assert removal_state("disappeared after release on 2012-03-29") is None
    # A bare year is not a removal date: it may be the year of a treaty.
    assert removal_date("completed (request made under the 1993 Minsk Convention)") is None
    assert str(removal_date("completed April 2005 by state agents")) == "2005-04"
    assert named_destination("completed despite Rule 39") is None
    assert profiles("ethnic Uzbek from southern Kyrgyzstan") == [Profile.ETHNIC_MINORITY]


def test_cli_imports_judgments_and_curated(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    result = run_cli(capsys, "--database-url", store_url, "kb", "import", "judgments", str(SMALL))
    assert result.code == 0, result.err
    assert "4 rows read" in result.out
    result = run_cli(
        capsys, "--database-url", store_url, "kb", "import", "judgments", str(FIXTURES / "not_judgments.csv")
    )
    assert result.code == 2
    assert "missing columns" in result.err
    result = run_cli(capsys, "--database-url", store_url, "kb", "import", "curated", str(FIXTURES / "set"), "--check")
    assert result.code == 0
    assert "would be loaded" in result.out
    result = run_cli(capsys, "--database-url", store_url, "kb", "import", "curated", str(FIXTURES / "broken.yaml"))
    assert result.code == 1
    assert "broken.yaml:9:" in result.err


def test_shared_dev_judgments_import_with_their_join_rate(shared_dir: Path) -> None:
    dev = shared_dir / "data" / "judgments_dev.csv"
    shipped = Path(__file__).resolve().parents[1] / "data" / "curated" / "judgments_dev.csv"
    assert shipped.read_bytes() == dev.read_bytes()
    parsed = parse_judgments(dev, ecthr_path=shared_dir / "data" / "ecthr" / "echrod_judgments_1904.csv")
    assert parsed.audit.rows_read == 23
    print(f"ECHR-OD join: {parsed.audit.tallies['joined with ECHR-OD']} of {parsed.audit.rows_read} judgments")
    assert parsed.audit.tallies["joined with ECHR-OD"] >= 1
    incidents = {s.subject for s in parsed.statements if s.subject.startswith("incident:")}
    assert "incident:ecthr-67286-10" in incidents  # Zokhidov: completed despite Rule 39
    assert "incident:ecthr-8320-04" not in incidents  # Ryabikin: pending
