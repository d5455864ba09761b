"""The Court's structure in the engine: what transfers rest on, ex nunc tiers, past-only weights, political purpose.

Every state, judgment and transfer here is SYNTHETIC (tests/riskhelpers.py); the codes are real only
because the case model validates them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from onward.eval.backtest import BacktestRow, metrics
from onward.model.case import Case, ExtraditionRequest, Removal, RemovalKind
from onward.model.dates import PartialDate
from onward.model.person import Person, PersonName
from onward.risk.assess import assess
from onward.risk.direct import direct_risk
from onward.risk.findings import ESTABLISHED, NOT_ESTABLISHED, direct_finding
from onward.risk.fit import apply, fit_weights, refit
from onward.risk.inputs import Indicator, Judgment, Membership, RiskInputs, StateFacts
from onward.risk.law import Law
from onward.risk.params import build_params
from onward.risk.transfer import TransferModel
from tests.riskhelpers import AS_OF, REF, risk_case, world

PARAMS = build_params()


def judgment(
    ident: str,
    when: dt.date,
    *,
    outcome: str,
    status: str = "pending",
    profiles: frozenset[str] = frozenset({"criminal_suspect"}),
    destination: str = "KZ",
) -> Judgment:
    return Judgment(
        id=ident,
        name=f"Synthetic {ident} v. UA",
        date=when,
        respondent="UA",
        destination=destination,
        removal_status=status,
        profiles=profiles,
        verification="verified",
        evidence=REF,
        art3=outcome,
    )


# --- transfers: what a judgment documents ------------------------------------------------------


def test_a_completed_removal_is_a_completed_transfer_whatever_the_court_found() -> None:
    event = judgment("1/10", dt.date(2010, 1, 1), outcome="no_violation", status="completed 2009").removal_event()
    assert event is not None
    assert event.status == "completed"


def test_a_removal_the_court_stopped_is_an_attempted_transfer() -> None:
    event = judgment("2/10", dt.date(2010, 1, 1), outcome="violation_if_removed").removal_event()
    assert event is not None
    assert event.status == "attempted"
    assert PARAMS.transfer.status_weight["attempted"] < PARAMS.transfer.status_weight["completed"]


def test_a_no_violation_ruling_before_removal_documents_no_transfer() -> None:
    assert judgment("3/10", dt.date(2010, 1, 1), outcome="no_violation").removal_event() is None


def test_the_data_saying_the_removal_happened_wins_over_the_status_text() -> None:
    happened = replace(judgment("4/10", dt.date(2010, 1, 1), outcome="no_violation"), removal_happened=True)
    event = happened.removal_event()
    assert event is not None
    assert event.status == "completed"


def test_a_withheld_outcome_is_never_read_to_classify_the_removal() -> None:
    event = judgment("5/10", dt.date(2010, 1, 1), outcome="violation").withheld().removal_event()
    assert event is not None
    assert event.status == "attempted"


def test_an_edge_without_a_documented_transfer_says_it_is_a_prior_and_on_what() -> None:
    model = TransferModel(world(), PARAMS, lambda state: {"opposition_politician"})
    assert model.edge("ES", "MA").basis.startswith("documented transfers: 1 completed")
    prior = model.edge("MA", "PT")
    assert prior.basis.startswith("prior from shared conventions: MINSK")
    assert "no documented transfer" in prior.basis


def test_an_edge_with_less_evidence_has_a_wider_distribution() -> None:
    def variance(alpha: float, beta: float) -> float:
        return alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1))

    model = TransferModel(world(), PARAMS, lambda state: {"opposition_politician"})
    measured, prior = model.edge("ES", "MA"), model.edge("MA", "ES")
    assert measured.alpha + measured.beta > prior.alpha + prior.beta
    # a Beta's spread at the same mean shrinks as pseudo-observations grow
    assert variance(prior.mean * 3, (1 - prior.mean) * 3) < variance(prior.mean * 2, (1 - prior.mean) * 2)


# --- direct risk: ex nunc, group, counter-evidence -----------------------------------------------


def _kz(pts_by_year: dict[int, int], fiw: str = "NF") -> StateFacts:
    indicators = (
        *(
            Indicator(name="pts_a", value=level, year=year, evidence=REF, known=dt.date(year + 1, 1, 1))
            for year, level in pts_by_year.items()
        ),
        Indicator(name="fiw_status", value=fiw, year=max(pts_by_year), evidence=REF),
    )
    return StateFacts(code="KZ", indicators=indicators, memberships=(Membership("MINSK", dt.date(1995, 1, 1)),))


def suspect_case(as_of: dt.date) -> Case:
    """An ordinary criminal suspect wanted by KZ, held by UA; no political or religious profile."""
    return Case(
        id="suspect",
        title="Synthetic criminal suspect",
        as_of=PartialDate.of(as_of),
        custodial_state="UA",
        person=Person(names=[PersonName(name="Synthetic suspect")], nationalities=["KZ"]),
        persecuting_states=["KZ"],
        requests=[ExtraditionRequest(id="r", requesting_state="KZ")],
        proposed_destinations=["KZ"],
    )


AS_2016 = dt.date(2016, 6, 1)


def _finding(inputs: RiskInputs) -> tuple[str, float]:
    risk = direct_risk(suspect_case(inputs.as_of), inputs, PARAMS, "KZ")
    return direct_finding(risk, PARAMS, Law(inputs.as_of)).status, risk.score


def test_an_ordinary_suspect_to_a_state_that_improved_is_no_real_risk() -> None:
    improved = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2012: 4, 2013: 4, 2014: 3, 2015: 3})})
    status, _ = _finding(improved)
    assert status == NOT_ESTABLISHED


def test_an_improvement_lowers_the_risk() -> None:
    steady = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2012: 3, 2013: 3, 2014: 3, 2015: 3})})
    improved = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2012: 4, 2013: 4, 2014: 3, 2015: 3})})
    assert _finding(improved)[1] < _finding(steady)[1]


def test_group_evidence_makes_the_risk_of_an_ordinary_suspect_real_even_after_an_improvement() -> None:
    group = tuple(judgment(f"{n}/14", dt.date(2014, n, 1), outcome="violation_if_removed") for n in (1, 2, 3))
    inputs = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2012: 4, 2013: 4, 2014: 3, 2015: 3})}, judgments=group)
    assert _finding(inputs)[0] == ESTABLISHED


def test_no_violation_judgments_for_a_similar_profile_lower_the_risk_and_are_stated() -> None:
    states = {"KZ": _kz({2012: 3, 2013: 3, 2014: 3, 2015: 3})}
    against = (judgment("9/15", dt.date(2015, 1, 1), outcome="no_violation"),)
    plain = RiskInputs(as_of=AS_2016, states=states)
    countered = RiskInputs(as_of=AS_2016, states=states, judgments=against)
    assert _finding(countered)[1] < _finding(plain)[1]
    risk = direct_risk(suspect_case(AS_2016), countered, PARAMS, "KZ")
    finding = direct_finding(risk, PARAMS, Law(AS_2016))
    assert "evidence pointing the other way" in finding.reasoning
    assert "Synthetic 9/15 v. UA" in finding.reasoning


def test_the_general_situation_alone_suffices_only_in_the_most_extreme_cases() -> None:
    case = suspect_case(AS_2016).model_copy(update={"requests": []})
    severe = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2013: 4, 2014: 4, 2015: 4})})
    extreme = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2013: 5, 2014: 5, 2015: 5})})
    for inputs, expected in ((severe, NOT_ESTABLISHED), (extreme, ESTABLISHED)):
        risk = direct_risk(case, inputs, PARAMS, "KZ")
        assert direct_finding(risk, PARAMS, Law(AS_2016)).status == expected


# --- weights learnt from the past only -----------------------------------------------------------


def history(count: int) -> RiskInputs:
    states = {"KZ": _kz({y: 3 + (y % 2) for y in range(2000, 2016)})}
    judgments = tuple(
        judgment(
            f"{n}/0{n % 10}",
            dt.date(2001 + n % 14, 1 + n % 12, 1),
            outcome="violation_if_removed" if n % 3 else "no_violation",
            profiles=frozenset({"opposition_politician"} if n % 3 else {"criminal_suspect"}),
        )
        for n in range(count)
    )
    return RiskInputs(as_of=AS_2016, states=states, judgments=judgments)


def test_with_few_earlier_judgments_the_expert_weights_are_kept_and_the_record_says_so() -> None:
    record = fit_weights(history(4), PARAMS, AS_2016)
    assert not record.fitted
    assert record.weights == record.prior
    assert "expert weights kept" in record.note
    assert apply(PARAMS, record) is PARAMS


def test_the_fit_uses_only_judgments_before_the_date_and_is_reproducible() -> None:
    inputs = history(30)
    as_of = dt.date(2010, 6, 1)
    record = fit_weights(inputs.visible_at(as_of), PARAMS, as_of)
    assert record.fitted
    dates = {j.id: j.date for j in inputs.judgments}
    assert record.judgments
    assert all(dates[i] < as_of for i in record.judgments)
    assert record.weights != record.prior
    again = refit(inputs.visible_at(as_of), PARAMS, as_of, record.judgments)
    assert again.weights == record.weights
    # a later judgment cannot enter a fit of an earlier date, even when named
    later = [j.id for j in inputs.judgments if j.date >= as_of]
    assert refit(inputs, PARAMS, as_of, record.judgments + later).judgments == record.judgments


def test_an_assessment_with_the_fit_records_it() -> None:
    inputs = history(30)
    case = suspect_case(AS_2016)
    assessment = assess(case, inputs, PARAMS, samples=0, as_of=AS_2016, fit=True)
    assert assessment.fit is not None
    assert assessment.fit.fitted
    assert assessment.model_version.endswith(f"+fit-{AS_2016}")


# --- political purpose ---------------------------------------------------------------------------


def test_political_indicators_give_a_finding_with_the_bases_of_the_jurisdiction() -> None:
    assessment = assess(risk_case(), world(), PARAMS, samples=0)
    morocco_requests = {r.requesting_state for r in risk_case().requests}
    assert "ES" in morocco_requests
    findings = [f for d in assessment.destinations for f in d.findings if f.question == "political"]
    assert findings, "coordinated requests from states sharing a channel are an indicator"
    assert all(f.evidence for f in findings)
    # the synthetic custodial state is not an ECE party and the case is under French procedure
    assert all(f.legal_bases == ["CPP art. 696-4, 2°"] for f in findings)
    for destination in assessment.destinations:
        if any(f.question == "political" for f in destination.findings):
            assert "political purpose" in destination.conclusion


def test_the_bases_are_data_per_jurisdiction() -> None:
    params = build_params({"political": {"legal_bases": {"ECE": [["law:ece", "Art. 3(2)"]], "BE": []}}})
    case = risk_case().model_copy(update={"jurisdiction": "BE"})
    inputs = replace(world(), states={**world().states, "IS": StateFacts(code="IS", memberships=(Membership("ECE"),))})
    assessment = assess(case, inputs, params, samples=0)
    bases = {b for d in assessment.destinations for f in d.findings if f.question == "political" for b in f.legal_bases}
    assert bases == {"ECE Art. 3(2)"}


def test_no_political_finding_without_indicators() -> None:
    case = suspect_case(AS_2016)
    inputs = RiskInputs(as_of=AS_2016, states={"KZ": _kz({2013: 3, 2014: 3, 2015: 3})})
    assessment = assess(case, inputs, PARAMS, samples=0, as_of=AS_2016)
    assert not [f for d in assessment.destinations for f in d.findings if f.question == "political"]
    assert "political purpose" not in assessment.conclusion


# --- backtest figures ---------------------------------------------------------------------------


def row(predicted: bool, probability: float, truth: bool | None) -> BacktestRow:
    return BacktestRow(
        application_no="x",
        case_name="x",
        judgment_date=AS_OF,
        respondent="UA",
        destination="KZ",
        predicted_risk=predicted,
        probability=probability,
        period="all",
        court_outcome=None,
        court_found_risk=truth,
        agrees=None if truth is None else predicted == truth,
        explanation="",
    )


def test_backtest_metrics_per_class_balanced_accuracy_brier_and_calibration() -> None:
    rows = [
        row(True, 0.9, True),
        row(True, 0.7, True),
        row(False, 0.2, True),
        row(True, 0.6, False),
        row(False, 0.1, None),
    ]
    m = metrics("all", rows)
    assert m.violation_agreement == pytest.approx(2 / 3)
    assert m.no_violation_agreement == 0.0
    assert m.balanced_accuracy == pytest.approx(1 / 3)
    assert m.brier == pytest.approx(((0.1**2) + (0.3**2) + (0.8**2) + (0.6**2)) / 4)
    assert sum(b.count for b in m.calibration) == 4
    assert m.confusion.unscored == 1


# --- removal kinds -------------------------------------------------------------------------------


def test_a_no_onward_transfer_assurance_counts_only_for_an_extradition() -> None:
    lenient = build_params({"assurances": {"key_factors": [], "sufficient_share": 0.0, "max_reduction": 1.0}})
    extradited = risk_case()
    deported = extradited.model_copy(
        update={
            "proposed_destinations": ["ES"],
            "removals": [Removal(id="pt-deportation", kind=RemovalKind.DEPORTATION, destination="PT")],
        }
    )

    def portugal(case: Case) -> tuple[float, float, str]:
        assessment = assess(case, world(), lenient, samples=0)
        chain = next(d for d in assessment.destinations if d.state == "PT").chains[0]
        verdict = next(a for a in assessment.assurances if a.giving_state == "PT").verdict
        return chain.probability, chain.before_assurances, verdict

    after, before, _ = portugal(extradited)
    assert after < before
    after, before, verdict = portugal(deported)
    assert after == before
    assert "given no value" in verdict
