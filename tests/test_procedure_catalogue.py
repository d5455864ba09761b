"""The shipped procedure files: each loads and is consistent; selection by jurisdiction, kind and date."""

import datetime as dt
import json
from pathlib import Path

import pytest

from onward.casefile.io import parse_case
from onward.errors import ConfigurationError
from onward.model.case import Case, Outcome, Proceeding, RemovalKind
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.procedure.model import (
    Procedure,
    available_jurisdictions,
    load_procedure,
    procedure_ids,
    read_procedure,
)
from onward.procedure.select import select_procedure
from onward.procedure.timeline import place_case
from tests.clihelpers import run_cli

SHIPPED = procedure_ids()

# Words that only a French procedure may use: its courts, its code and its articles.
FRENCH = ("CPP", "696-", "chambre de l'instruction", "Conseil d'État", "Cour de cassation", "CESEDA", "procureur")


def _reachable(procedure: Procedure) -> set[str]:
    seen, queue = {procedure.start}, [procedure.start]
    while queue:
        current = queue.pop()
        for transition in procedure.transitions:
            if transition.from_ == current:
                for following in transition.to:
                    if following not in seen:
                        seen.add(following)
                        queue.append(following)
    return seen | {s.id for s in procedure.stages if s.parallel}


@pytest.mark.parametrize(("code", "kind"), SHIPPED, ids=[f"{c}-{k.value}" for c, k in SHIPPED])
def test_every_procedure_file_is_consistent(code: str, kind: RemovalKind) -> None:
    procedure = read_procedure(code, kind)
    assert procedure.jurisdiction == code
    assert procedure.removal_kind is kind
    assert procedure.file_name == (f"{code}.yaml" if kind is RemovalKind.EXTRADITION else f"{code}-{kind.value}.yaml")
    stage_ids = {s.id for s in procedure.stages}
    assert len(stage_ids) == len(procedure.stages), "duplicate stage ids"
    assert _reachable(procedure) == stage_ids, f"unreachable: {stage_ids - _reachable(procedure)}"
    assert all(d.after in stage_ids and d.stage in stage_ids for d in procedure.deadlines)
    assert len({d.id for d in procedure.deadlines}) == len(procedure.deadlines)
    assert procedure.sources, "every procedure file declares its sources"
    read = any(s.verification is not Verification.UNVERIFIED for s in procedure.sources)
    for item in [*procedure.stages, *procedure.deadlines]:
        if item.verification is Verification.VERIFIED and procedure.jurisdiction not in ("ECHR", "UN"):
            assert item.sources or read, f"{item.id} is tagged verified without a source that was read"
    for deadline in procedure.deadlines:
        if deadline.applies_from and deadline.applies_until:
            assert deadline.applies_from < deadline.applies_until


@pytest.mark.parametrize(("code", "kind"), [(c, k) for c, k in SHIPPED if c != "FR"])
def test_no_french_court_or_article_outside_france(code: str, kind: RemovalKind) -> None:
    text = read_procedure(code, kind).model_dump_json()
    assert [word for word in FRENCH if word in text] == []


def test_listing_and_specific_files() -> None:
    assert available_jurisdictions() == ["DE", "ES", "FR", "GB", "PL"]
    assert ("GB", RemovalKind.DEPORTATION) in SHIPPED
    assert ("ECHR", RemovalKind.EXTRADITION) in SHIPPED
    poland = load_procedure("pl")
    assert (poland.jurisdiction, poland.is_fallback, poland.fallback_note()) == ("PL", False, None)
    assert select_procedure("GB", RemovalKind.DEPORTATION, None).file_name == "GB-deportation.yaml"


def test_selection_follows_the_convention_in_force_on_the_date() -> None:
    before = select_procedure("RU", RemovalKind.EXTRADITION, dt.date(2022, 9, 15))
    after = select_procedure("RU", RemovalKind.EXTRADITION, dt.date(2022, 9, 16))
    assert (before.jurisdiction, after.jurisdiction) == ("ECHR", "UN")
    assert before.selected_for == after.selected_for == "RU"
    assert select_procedure("RU", RemovalKind.EXTRADITION, dt.date(1997, 1, 1)).jurisdiction == "UN"
    turkey = select_procedure("TR", RemovalKind.EXTRADITION, dt.date(2016, 7, 1))
    assert turkey.is_fallback
    assert (
        turkey.fallback_note()
        == "no specific extradition procedure is described for TR; the general ECHR route applies"
    )
    assert select_procedure("CN", RemovalKind.EXTRADITION, None).jurisdiction == "UN"
    spain = select_procedure("ES", RemovalKind.DEPORTATION, dt.date(2024, 1, 1))
    assert spain.jurisdiction == "ECHR"
    assert "deportation procedure is described for ES" in (spain.fallback_note() or "")
    with pytest.raises(ConfigurationError, match="not a known state code"):
        select_procedure("ZZ", RemovalKind.EXTRADITION, None)


def _proceeding(ident: str, date: str, body: str, stage: str, outcome: Outcome) -> Proceeding:
    return Proceeding(id=ident, date=PartialDate.parse(date), body=body, stage=stage, outcome=outcome, requests=["r"])


def _case(jurisdiction: str, as_of: str, proceedings: list[Proceeding]) -> Case:
    return Case.model_validate(
        {
            "id": "c",
            "title": "t",
            "jurisdiction": jurisdiction,
            "as_of": as_of,
            "custodial_state": jurisdiction if len(jurisdiction) == 2 else "FR",
            "person": {"names": [{"name": "A"}]},
            "persecuting_states": ["TJ"],
            "requests": [{"id": "r", "requesting_state": "TJ"}],
            "proceedings": [p.model_dump(by_alias=True, exclude_none=True) for p in proceedings],
        }
    )


def test_a_polish_case_is_placed_on_polish_stages() -> None:
    court = _proceeding("so", "2016-09-15", "Sąd Okręgowy w Krakowie", "admissibility", Outcome.FAVOURABLE)
    case = _case("PL", "2016-10-01", [court])
    timeline = place_case(case, load_procedure(case.jurisdiction, case.as_of.latest()))
    assert timeline.problems == []
    assert timeline.note is None
    upcoming = {n.stage.id for n in timeline.next_steps}
    assert {"appeal", "minister", "rule39"} <= upcoming
    appeal = next(n for n in timeline.next_steps if n.stage.id == "appeal")
    assert appeal.deadline is not None
    assert "460" in appeal.deadline.legal_basis
    shown = json.dumps([n.stage.name + n.describe_deadline() for n in timeline.next_steps] + timeline.advice)
    assert [word for word in FRENCH if word in shown] == []


def test_the_strasbourg_time_limit_depends_on_the_date_of_the_final_decision() -> None:
    def due(decided: str, as_of: str) -> tuple[dt.date | None, bool]:
        appeal = _proceeding("a", decided, "Yargıtay", "domestic_appeal", Outcome.APPEAL_REJECTED)
        case = _case("TR", as_of, [appeal])
        timeline = place_case(case, select_procedure("TR", RemovalKind.EXTRADITION, case.as_of.latest()))
        assert timeline.problems == []
        assert timeline.note == "no specific extradition procedure is described for TR; the general ECHR route applies"
        application = [n for n in timeline.next_steps if n.stage.id == "application"]
        assert len(application) == 1
        return application[0].due, application[0].passed

    assert due("2021-12-01", "2022-01-15") == (dt.date(2022, 6, 1), False)  # six months
    assert due("2022-03-01", "2022-05-01") == (dt.date(2022, 7, 1), False)  # four months
    assert due("2022-03-01", "2022-08-01") == (dt.date(2022, 7, 1), True)  # passed, no application shown


def test_timeline_command_says_when_a_general_route_applies(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(
        """id: x
title: t
jurisdiction: TR
as_of: 2023-01-10
custodial_state: TR
persecuting_states: [TJ]
person: {names: [{name: A}]}
requests: [{id: r, requesting_state: TJ}]
proceedings:
  - {id: p, date: 2022-06-01, body: Yargıtay, stage: domestic_appeal, outcome: appeal_rejected}
""",
        encoding="utf-8",
    )
    result = run_cli(capsys, "case", "timeline", str(path), "--format", "json")
    document = json.loads(result.out)
    assert (document["jurisdiction"], document["procedure"], document["fallback"]) == ("TR", "ECHR.yaml", True)
    assert "general ECHR route applies" in document["note"]
    application = next(n for n in document["next_steps"] if n["stage"] == "application")
    assert (application["due"], application["passed"]) == ("2022-10-01", True)


_POLISH_CASE = """id: x
title: t
jurisdiction: PL
as_of: 2016-10-01
custodial_state: PL
persecuting_states: [UA]
person: {{names: [{{name: A}}]}}
requests: [{{id: r, requesting_state: UA}}]
proceedings:
  - id: p
    body: {body}
    stage: {stage}
"""


def test_a_body_not_competent_at_the_stage_is_reported_with_the_expected_bodies() -> None:
    _, problems = parse_case(_POLISH_CASE.format(body="Conseil d'État", stage="admissibility"), "x.yaml")
    assert [(p.path, p.line) for p in problems] == [("proceedings[0].body", 11)]
    assert problems[0].expected is not None
    assert "sąd okręgowy" in problems[0].expected
    for body in ("Sąd Okręgowy w Krakowie", "Regional Court in Warsaw", "SO Tarnów"):
        assert parse_case(_POLISH_CASE.format(body=body, stage="admissibility"), "x.yaml")[1] == []


def test_a_stage_of_another_procedure_is_reported_with_its_line() -> None:
    _, problems = parse_case(_POLISH_CASE.format(body="Sąd Okręgowy", stage="avis"), "x.yaml")
    assert [(p.path, p.line) for p in problems] == [("proceedings[0].stage", 12)]
    assert "PL extradition" in problems[0].message
    assert problems[0].expected is not None
    assert "admissibility" in problems[0].expected


def test_an_unknown_jurisdiction_code_is_reported() -> None:
    text = _POLISH_CASE.format(body="court", stage="admissibility").replace("jurisdiction: PL", "jurisdiction: QQ")
    _, problems = parse_case(text, "x.yaml")
    assert [(p.path, p.line) for p in problems] == [("jurisdiction", 3)]


def test_a_period_starting_with_the_day_of_the_decision_counts_that_day() -> None:
    request = _proceeding("r", "2020-01-06", "Home Office", "request", Outcome.OTHER)
    arrest = _proceeding("a", "2020-01-20", "Westminster Magistrates' Court", "arrest", Outcome.OTHER)
    hearing = _proceeding(
        "h", "2020-03-02", "Westminster Magistrates' Court", "extradition_hearing", Outcome.FAVOURABLE
    )
    home = _proceeding("s", "2020-04-01", "Home Secretary", "secretary_of_state", Outcome.DECREE_ISSUED)
    court = _proceeding("hc", "2020-06-10", "High Court (Administrative Court)", "high_court", Outcome.APPEAL_REJECTED)
    case = _case("GB", "2020-06-30", [request, arrest, hearing, home, court])
    timeline = place_case(case, load_procedure("GB", case.as_of.latest()))
    assert timeline.problems == []
    supreme = next(n for n in timeline.next_steps if n.stage.id == "supreme_court")
    # 14 days starting with 10 June: the last day is 23 June, already passed on 30 June.
    assert (supreme.due, supreme.passed) == (dt.date(2020, 6, 23), True)
    assert [n.stage.id for n in timeline.passed] == ["supreme_court"]
