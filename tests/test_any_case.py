"""Any person, any custodial state, any removal kind and year: validation, the timeline, the assessment and
the drafts never crash and never borrow another jurisdiction's courts or codes.

Cases are generated (hypothesis) over real ISO codes with fictional people; the risk engine runs on the
synthetic world of ``tests/riskhelpers.py``, so nothing here states a fact about a real state.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onward.casefile.io import parse_case
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.render_md import render_markdown
from onward.model.case import RemovalKind
from onward.procedure.timeline import case_timelines
from onward.risk.assess import assess
from onward.risk.params import build_params
from onward.yamldoc.nodes import dump_yaml
from tests.riskhelpers import world

PARAMS = build_params()
# Custodial states with and without a procedure of their own; the world's states as destinations.
CUSTODIAL = ["FR", "GB", "DE", "PL", "ES", "TR", "RU", "CN", "IS", "US", "UA"]
WORLD = ["ES", "PT", "MA"]
FRENCH_MARKERS = ("Conseil d'État", "CPP", "696-", "chambre de l'instruction", "Cour de cassation", "Premier ministre")

days = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2024, 12, 31))


@st.composite
def case_documents(draw: st.DrawFn) -> dict[str, Any]:
    custodial = draw(st.sampled_from(CUSTODIAL))
    as_of = draw(days)
    feared = draw(st.sampled_from([c for c in WORLD if c != custodial]))  # one does not fear the state one is in
    requesting = draw(st.lists(st.sampled_from(WORLD), max_size=2, unique=True))
    requests = [
        {"id": f"req-{code.lower()}", "requesting_state": code, "received": (as_of - dt.timedelta(days=90)).isoformat()}
        for code in requesting
        if code != custodial
    ]
    kinds = draw(st.lists(st.sampled_from(list(RemovalKind)), max_size=3))
    removals = []
    for index, kind in enumerate(kinds):
        candidates = [c for c in WORLD if c != custodial]
        if kind is RemovalKind.EXTRADITION:
            candidates = [r["requesting_state"] for r in requests]
        if candidates:
            removals.append(
                {"id": f"rem-{index}", "kind": kind.value, "destination": draw(st.sampled_from(candidates))}
            )
    statuses = draw(
        st.lists(
            st.sampled_from(
                [
                    {"kind": "refugee_status", "granted_by": "IS", "date": "2004-05", "vis_a_vis": [feared]},
                    {
                        "kind": "asylum_application",
                        "granted_by": custodial,
                        "outcome": "pending",
                        "vis_a_vis": [feared],
                    },
                    {
                        "kind": "refugee_status",
                        "granted_by": "IS",
                        "date": "2003",
                        "vis_a_vis": [feared],
                        "events": [{"event": "revocation_sought", "date": "2004-01"}],
                    },
                ]
            ),
            max_size=2,
        )
    )
    return {
        "id": "generated",
        "title": "A generated fictional case",
        "jurisdiction": custodial,
        "as_of": as_of.isoformat(),
        "custodial_state": custodial,
        "person": {"names": [{"name": "Person G (fictional)"}], "nationalities": [feared], "statuses": statuses},
        "persecuting_states": [feared],
        "requests": requests,
        "proposed_destinations": [r["requesting_state"] for r in requests],
        "removals": removals,
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_documents())
def test_generated_cases_validate_assess_and_draft_in_their_own_jurisdiction(document: dict[str, Any]) -> None:
    case, problems = parse_case(dump_yaml(document), "generated.yaml")
    assert case is not None, [p.render() for p in problems]
    timelines = case_timelines(case)
    assert [t.procedure.selected_kind for t in timelines] == case.tracks
    assert {t.procedure.selected_for for t in timelines} == {case.jurisdiction}
    as_of = case.as_of.latest()
    assessment = assess(case, world(), PARAMS, samples=0, as_of=as_of)
    assert {d.state for d in assessment.destinations} == set(case.destinations)
    letter = render_markdown(draft(DocumentKind.OPEN_LETTER, case, assessment=assessment))
    if case.jurisdiction != "FR":
        bases = [n.stage.legal_basis for t in timelines for n in t.next_steps]
        shown = " ".join([*bases, *(t.procedure.name for t in timelines)]) + letter
        assert not [m for m in FRENCH_MARKERS if m in shown], case.jurisdiction
    if case.main_kind is not RemovalKind.EXTRADITION:
        assert "Article 15 of the European Convention on Extradition" not in letter


@settings(max_examples=60, deadline=None)
@given(case_documents(), st.sampled_from(["removals", "requests", "person"]), st.integers(0, 3))
def test_broken_cases_are_reported_never_raised(document: dict[str, Any], section: str, index: int) -> None:
    broken = dict(document)
    broken[section] = [{"id": index, "kind": "teleportation", "destination": "XX", "requesting_state": 7}]
    case, problems = parse_case(dump_yaml(broken), "broken.yaml")
    assert case is None
    assert problems
    assert all(p.file == "broken.yaml" and p.message for p in problems)
