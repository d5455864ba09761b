"""Nothing from after the as-of date reaches an assessment: evidence, judgments or legal authorities.

A backtest of a judgment of 19 February 2013 assesses as of the day before and must not see the
judgment itself, anything dated later, Khasanov and Rakhmanov (2022) or CAT General Comment 4 (2017).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from onward.model.authorities import authorities
from onward.risk.assess import assess
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import Indicator, Judgment, Membership, RiskInputs, StateFacts, TransferEvent
from onward.risk.law import Law
from onward.risk.params import build_params
from tests.riskhelpers import risk_case

PARAMS = build_params()
CASE = risk_case()
PREFIX = "dated:"


def _ref(when: dt.date) -> tuple[EvidenceRef, ...]:
    return (
        EvidenceRef(source=f"{PREFIX}{when.isoformat()}", label=f"synthetic fact of {when}", verification="verified"),
    )


def dated_world() -> RiskInputs:
    """ES, PT, MA with facts spread over 2000–2024; each evidence source names its own date."""
    states: dict[str, StateFacts] = {}
    for code, base in (("MA", 4), ("ES", 3), ("PT", 2), ("IS", 1)):
        indicators = tuple(
            Indicator(
                name="pts_a",
                value=max(1, base - (year % 2)),
                year=year,
                evidence=_ref(dt.date(year + 1, 6, 1)),
                known=dt.date(year + 1, 6, 1),
            )
            for year in range(2000, 2024)
        )
        members = ("MINSK",) if code != "IS" else ("ECHR",)
        memberships = tuple(Membership(instrument=m, since=dt.date(1995, 1, 1)) for m in members)
        states[code] = StateFacts(code=code, indicators=indicators, memberships=memberships)
    transfers = tuple(
        TransferEvent(
            id=f"t{year}-{a}-{b}",
            kind="extradition",
            status="completed",
            from_state=a,
            to_state=b,
            date=dt.date(year, 3, 1),
            profiles=frozenset({"opposition_politician"}),
            verification="verified",
            label=f"synthetic transfer {a}→{b} {year}",
            evidence=_ref(dt.date(year, 3, 1)),
            known=dt.date(year, 3, 1),
        )
        for year in range(2001, 2024, 2)
        for a, b in (("ES", "MA"), ("PT", "ES"))
    )
    judgments = tuple(
        Judgment(
            id=f"{year}/j",
            name=f"Synthetic {year} v. ES",
            date=dt.date(year, 9, 1),
            respondent="ES",
            destination="MA",
            removal_status="pending",
            profiles=frozenset({"opposition_politician"}),
            verification="verified",
            evidence=_ref(dt.date(year, 9, 1)),
            art3="violation_if_removed" if year % 3 else "no_violation",
        )
        for year in range(2002, 2024, 2)
    )
    return RiskInputs(as_of=dt.date(2025, 1, 1), states=states, transfers=transfers, judgments=judgments)


WORLD = dated_world()


def _refs(node: object) -> list[dict[str, object]]:
    """Every evidence reference anywhere in a dumped assessment."""
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if "source" in node and "verification" in node:
            found.append(node)
        for value in node.values():
            found.extend(_refs(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_refs(value))
    return found


@settings(max_examples=25, deadline=None)
@given(as_of=st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2024, 12, 31)))
def test_no_evidence_or_authority_in_an_assessment_is_dated_after_as_of(as_of: dt.date) -> None:
    assessment = assess(CASE, WORLD, PARAMS, samples=0, as_of=as_of)
    dumped = assessment.model_dump(mode="json")
    known = authorities()
    for ref in _refs(dumped):
        source = str(ref["source"])
        if source.startswith(PREFIX):
            assert dt.date.fromisoformat(source.removeprefix(PREFIX)) <= as_of, (as_of, ref)
        if source in known:
            assert known[source].known_at(as_of), (as_of, source)
    text = json.dumps(dumped, ensure_ascii=False)
    for authority in known.values():
        if not authority.known_at(as_of) and len(authority.short) > 4:
            assert authority.short not in text, (as_of, authority.short)


def test_authorities_are_named_only_once_public() -> None:
    before, after = Law(dt.date(2016, 12, 31)), Law(dt.date(2022, 4, 29))
    assert before.name(("law:cat-gc4", "§45"), ("law:khasanov", None)) == ""
    assert after.name(("law:cat-gc4", "§45"), ("law:khasanov", None)) == (
        "CAT General Comment 4 §45; Khasanov and Rakhmanov v Russia [GC]"
    )
    assert Law(dt.date(2009, 11, 18)).paren(("law:kaboulov", "§112"), before="tier 2") == " (tier 2)"


def test_a_backtest_day_before_delivery_sees_neither_the_judgment_nor_anything_later() -> None:
    delivered = dt.date(2012, 9, 1)
    on_the_day = WORLD.visible_at(delivered)
    assert any(j.date == delivered for j in on_the_day.judgments), "a judgment is public on its delivery day"
    before = WORLD.visible_at(delivered - dt.timedelta(days=1))
    assert all(j.date < delivered for j in before.judgments)
    assert all(t.date is not None and t.date < delivered for t in before.transfers)
    assert all(
        i.known is not None and i.known < delivered for facts in before.states.values() for i in facts.indicators
    )


def test_an_indicator_is_unseen_until_published_even_for_its_own_year() -> None:
    """PTS for 2012 is published in 2013: an assessment of March 2013 uses 2011's level."""
    late = replace(WORLD, states={"MA": WORLD.states["MA"]})
    visible = late.visible_at(dt.date(2013, 3, 1)).states["MA"]
    assert max(i.year for i in visible.indicators) == 2011
