"""Assurances are weighed on all eleven Othman v UK §189 factors, with reasons, and political indicators are shown."""

from __future__ import annotations

from onward.risk.assess import assess
from onward.risk.params import build_params
from tests.riskhelpers import risk_case, world


def factors(assurance: str) -> dict[int, str]:
    assessment = assess(risk_case(), world(), build_params(), samples=0)
    item = next(a for a in assessment.assurances if a.assurance == assurance)
    assert [f.number for f in item.factors] == list(range(1, 12))
    assert all(f.reason for f in item.factors)
    return {f.number: f.status for f in item.factors}


def test_consular_visits_fail_on_monitoring_and_address_no_onward_transfer() -> None:
    assessment = assess(risk_case(), world(), build_params(), samples=0)
    visits = next(a for a in assessment.assurances if a.assurance == "es-visits")
    assert not visits.sufficient
    assert not visits.addresses_onward_transfer
    assert "does not address onward transfer" in visits.verdict
    status = {f.number: f for f in visits.factors}
    assert status[8].status == "not satisfied"
    assert status[7].status == "unknown", "the KB holds no record of this state's assurances"


def test_the_giving_states_record_with_similar_assurances_comes_from_judgments() -> None:
    case = risk_case()
    case.assurances.append(case.assurances[0].model_copy(update={"id": "ma-visits", "giving_state": "MA"}))
    assessment = assess(case, world(), build_params(), samples=0)
    record = next(a for a in assessment.assurances if a.assurance == "ma-visits").factors[6]
    assert record.number == 7
    assert record.status == "not satisfied"
    assert "Synthetic A v. ES" in record.reason
    assert record.evidence


def test_a_binding_no_onward_assurance_is_weighed_against_the_states_record() -> None:
    status = factors("pt-no-onward")
    assert status[6] == "satisfied"  # an ECHR party at the date
    assert status[8] == "satisfied"  # independent monitoring and lawyer access
    assert status[4] == "not satisfied"  # the KB documents an abduction by this state
    assert status[7] == "not satisfied"


def test_political_indicators_each_carry_evidence_when_present() -> None:
    assessment = assess(risk_case(), world(), build_params(), samples=0)
    present = {p.indicator: p for p in assessment.political if p.present}
    assert set(present) == {
        "coordinated requests from allied states",
        "request by the state the person opposes",
        "charges typical of political prosecution",
    }
    assert all(p.evidence for p in present.values())
    absent = next(p for p in assessment.political if not p.present)
    assert "refugee" in absent.indicator
