"""The engine's invariants on a synthetic world: bounded scores, monotone evidence, seeded, blind to the future."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.risk.assess import Assessment, assess
from onward.risk.inputs import OutcomeWithheldError, TransferEvent
from onward.risk.params import build_params
from tests.riskhelpers import AS_OF, risk_case, transfer, world

STATES = ["ES", "PT", "MA", "IS", "TR"]
PARAMS = build_params()
CASE = risk_case()

events = st.builds(
    transfer,
    st.sampled_from(STATES),
    st.sampled_from(STATES),
    status=st.sampled_from(["completed", "pending", "blocked", "requested"]),
    kind=st.sampled_from(["extradition", "deportation", "abduction", "extradition_request"]),
    when=st.dates(min_value=dt.date(2000, 1, 1), max_value=AS_OF),
    profiles=st.frozensets(st.sampled_from(["opposition_politician", "activist", "criminal_suspect", "migrant"])),
    despite=st.booleans(),
).filter(lambda e: e.from_state != e.to_state)


def chains(assessment: Assessment) -> dict[tuple[str, str], tuple[float, float]]:
    return {
        (d.state, c.target): (c.probability, c.before_assurances) for d in assessment.destinations for c in d.chains
    }


def run(*extra: TransferEvent) -> Assessment:
    return assess(CASE, world(*extra), PARAMS, samples=0)


def test_the_synthetic_case_reaches_its_findings() -> None:
    assessment = assess(CASE, world(), PARAMS, samples=50)
    by_state = {d.state: d for d in assessment.destinations}
    onward = {f.destination: f for d in assessment.destinations for f in d.findings if f.question == "onward"}
    assert onward["ES"].status == "real risk established"
    assert by_state["ES"].chains[0].top_paths[0].states == ["ES", "MA"]
    assert onward["ES"].evidence, "an onward finding must cite its evidence"
    assert assessment.persecuting[0].level == "very high"
    assert assessment.model_version == PARAMS.version
    assert assessment.model_digest == PARAMS.digest


def test_an_isolated_destination_is_insufficient_evidence_not_safety() -> None:
    case = CASE.model_copy(update={"proposed_destinations": ["IS"]})
    case.requests.append(case.requests[0].model_copy(update={"id": "req-is", "requesting_state": "IS"}))
    assessment = assess(case, world(), PARAMS, samples=0)
    onward = next(f for f in assessment.destinations[0].findings if f.question == "onward")
    assert onward.status == "insufficient evidence"
    assert onward.would_change


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=6))
def test_scores_stay_in_the_unit_interval(extra: list[TransferEvent]) -> None:
    assessment = run(*extra)
    for destination in assessment.destinations:
        assert 0.0 <= destination.direct.score <= 1.0
        for chain in destination.chains:
            assert 0.0 <= chain.probability <= chain.before_assurances + 1e-12 <= 1.0 + 1e-12
    for edge in assessment.edges:
        assert 0.0 <= edge.after_assurances <= edge.probability <= 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=5), events)
def test_a_documented_completed_transfer_never_lowers_chain_risk(base: list[TransferEvent], new: TransferEvent) -> None:
    before = chains(run(*base))
    after = chains(run(*base, replace(new, status="completed", id="added")))
    for key, (probability, raw) in before.items():
        assert after[key][0] >= probability - 1e-9
        assert after[key][1] >= raw - 1e-9


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=5), events)
def test_a_blocked_transfer_never_raises_chain_risk(base: list[TransferEvent], new: TransferEvent) -> None:
    before = chains(run(*base))
    after = chains(run(*base, replace(new, status="blocked", id="added")))
    for key, (probability, raw) in before.items():
        assert after[key][0] <= probability + 1e-9
        assert after[key][1] <= raw + 1e-9


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, max_size=4), st.dates(min_value=AS_OF + dt.timedelta(days=1), max_value=dt.date(2030, 1, 1)))
def test_evidence_after_the_as_of_date_is_irrelevant(base: list[TransferEvent], later: dt.date) -> None:
    future = [
        transfer("ES", "MA", when=later, kind="abduction", ident="future-1"),
        transfer("PT", "MA", when=AS_OF, known=later, ident="reported-later"),
    ]
    assert run(*base) == run(*base, *future)


def test_same_inputs_and_seed_give_the_same_assessment() -> None:
    first = assess(CASE, world(), PARAMS, samples=60, seed=3)
    again = assess(CASE, world(), PARAMS, samples=60, seed=3)
    other = assess(CASE, world(), PARAMS, samples=60, seed=4)
    assert first.model_dump() == again.model_dump()
    assert first.model_dump() != other.model_dump()


def test_a_withheld_outcome_raises_when_read() -> None:
    judgment = world().judgments[0].withheld()
    with pytest.raises(OutcomeWithheldError):
        _ = judgment.art3_outcome


def test_the_engine_reads_no_outcome_of_a_judgment_after_the_date() -> None:
    """A judgment of the as-of day or later is dropped unseen: its withheld outcome is never asked for."""
    inputs = world()
    late = replace(inputs.judgments[0], id="late", date=AS_OF + dt.timedelta(days=1)).withheld()
    assessment = assess(CASE, replace(inputs, judgments=(*inputs.judgments, late)), PARAMS, samples=0)
    assert assessment == run()


def test_a_sufficient_no_onward_assurance_lowers_but_never_erases_a_systemic_risk() -> None:
    overrides = {"assurances": {"key_factors": [], "sufficient_share": 0.0, "max_reduction": 1.0}}
    lenient = build_params(overrides)
    assessment = assess(CASE, world(), lenient, samples=0)
    portugal = next(d for d in assessment.destinations if d.state == "PT")
    chain = portugal.chains[0]
    assert chain.probability < chain.before_assurances
    onward = next(f for f in portugal.findings if f.question == "onward")
    assert onward.status == "real risk established"
    assert "systemic" in onward.reasoning
