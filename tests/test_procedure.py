import datetime as dt
from pathlib import Path

import pytest

from onward.casefile.io import load_case, parse_case
from onward.errors import CaseFileError, ConfigurationError
from onward.model.case import Case, Outcome, Proceeding
from onward.model.dates import PartialDate
from onward.procedure.calendar import add_months, easter_sunday, is_working_day, period_end
from onward.procedure.model import Period, PeriodUnit, load_procedure, parse_procedure
from onward.procedure.timeline import place_case
from tests.clihelpers import run_cli


@pytest.fixture
def france() -> object:
    return load_procedure("FR")


def test_france_procedure_is_complete() -> None:
    procedure = load_procedure("fr")
    assert procedure.jurisdiction == "FR"
    conseil = next(d for d in procedure.deadlines if d.stage == "conseil_etat")
    assert conseil.strict
    assert conseil.period == Period(amount=1, unit=PeriodUnit.MONTHS)
    assert "696-18" in conseil.legal_basis
    with_consent = next(d for d in procedure.deadlines if d.id == "avis-with-consent")
    assert with_consent.period.unit is PeriodUnit.WORKING_DAYS


def test_unknown_jurisdiction_is_explained() -> None:
    with pytest.raises(ConfigurationError, match="no extradition procedure"):
        load_procedure("ZZ")


def test_working_days_skip_weekends_and_french_holidays() -> None:
    holidays = load_procedure("FR").holidays
    assert easter_sunday(2015) == dt.date(2015, 4, 5)
    assert not is_working_day(dt.date(2015, 4, 6), holidays)  # Easter Monday
    assert not is_working_day(dt.date(2015, 5, 1), holidays)
    assert not is_working_day(dt.date(2015, 5, 16), holidays)  # Saturday
    # Thursday 30 April 2015 + 5 working days: Fri 1 May (holiday) and the weekend are skipped.
    assert period_end(dt.date(2015, 4, 30), Period(amount=5, unit=PeriodUnit.WORKING_DAYS), holidays) == dt.date(
        2015, 5, 11
    )  # Mon 4, Tue 5, Wed 6, Thu 7, (Fri 8 May holiday), Mon 11


def test_months_clamp_to_month_end() -> None:
    assert add_months(dt.date(2015, 1, 31), 1) == dt.date(2015, 2, 28)
    assert add_months(dt.date(2015, 12, 15), 1) == dt.date(2016, 1, 15)


def test_example_case_is_placed_with_next_steps(example_case_path: Path) -> None:
    timeline = place_case(load_case(example_case_path), load_procedure("FR"))
    assert timeline.problems == []
    assert timeline.current is not None
    assert timeline.current.proceeding.id == "decree-pending"
    upcoming = {(n.stage.id, n.if_outcome) for n in timeline.next_steps}
    assert ("conseil_etat", Outcome.DECREE_ISSUED) in upcoming
    assert ("rule39", None) in upcoming
    assert any("Conseil d'État" in advice for advice in timeline.advice)


def _case_with(example_case_path: Path, proceedings: list[Proceeding]) -> Case:
    case = load_case(example_case_path)
    return case.model_copy(update={"proceedings": proceedings, "assurances": []})


def test_impossible_sequences_are_flagged(example_case_path: Path) -> None:
    decree_first = _case_with(
        example_case_path,
        [
            Proceeding(
                id="d",
                date=PartialDate.parse("2014-01-01"),
                body="PM",
                stage="decree",
                outcome=Outcome.DECREE_ISSUED,
                requests=["req-ru"],
            ),
        ],
    )
    problems = place_case(decree_first, load_procedure("FR")).problems
    assert len(problems) == 1
    assert "decree cannot follow the start" in problems[0]
    two_avis = _case_with(
        example_case_path,
        [
            Proceeding(
                id="a1",
                date=PartialDate.parse("2014-01-01"),
                body="CA",
                stage="avis",
                outcome=Outcome.FAVOURABLE,
                requests=["req-ru"],
            ),
            Proceeding(
                id="a2",
                date=PartialDate.parse("2014-02-01"),
                body="CA",
                stage="avis",
                outcome=Outcome.FAVOURABLE,
                requests=["req-ru"],
            ),
        ],
    )
    problems = place_case(two_avis, load_procedure("FR")).problems
    assert problems == ["avis cannot follow avis (favourable); the procedure allows cassation, decree"]


def test_pourvoi_deadline_is_computed_from_the_avis(example_case_path: Path) -> None:
    case = _case_with(
        example_case_path,
        [
            Proceeding(
                id="a",
                date=PartialDate.parse("2014-10-24"),
                body="CA Lyon",
                stage="avis",
                outcome=Outcome.FAVOURABLE,
                requests=["req-ru"],
            ),
        ],
    )
    case.as_of = PartialDate.parse("2014-11-15")
    timeline = place_case(case, load_procedure("FR"))
    pourvoi = next(n for n in timeline.next_steps if n.stage.id == "cassation")
    assert pourvoi.due == dt.date(2014, 10, 29)
    assert pourvoi.overdue
    assert pourvoi.deadline is not None
    assert pourvoi.deadline.strict


def test_unknown_stage_is_a_validation_problem() -> None:
    text = """id: x
title: t
as_of: 2015
custodial_state: FR
persecuting_states: [KZ]
person: {names: [{name: A}]}
requests: [{id: r, requesting_state: RU}]
proceedings:
  - id: p
    body: court
    stage: avis_favourable
"""
    _, problems = parse_case(text, "x.yaml")
    assert [(p.path, p.line, p.hint) for p in problems] == [("proceedings[0].stage", 11, "did you mean 'avis'?")]


def test_broken_procedure_file_is_located() -> None:
    with pytest.raises(CaseFileError) as info:
        parse_procedure(
            "jurisdiction: FR\nname: x\nlanguage: fr\nstart: nowhere\nstages: []\ntransitions: []\n", "p.yaml"
        )
    assert "unknown stage ids: nowhere" in info.value.problems[0].message


def test_timeline_command(
    capsys: pytest.CaptureFixture[str], example_case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli(capsys, "case", "timeline", str(example_case_path))
    assert result.code == 0, result.err
    assert "Conseil d'État" in result.out
    assert "within 1 month of notification" in result.out
