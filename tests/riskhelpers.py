"""A small synthetic world for the risk engine's tests, built in code (no fact about any real state).

Codes are real ISO codes only because the case model validates them; every record cites the
synthetic source ``synthetic``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onward.casefile.io import load_case
from onward.model.case import Case
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import Indicator, Judgment, Membership, RiskInputs, StateFacts, TransferEvent

FIXTURES = Path(__file__).parent / "fixtures" / "risk"
AS_OF = dt.date(2015, 5, 18)
REF = (EvidenceRef(source="synthetic", label="synthetic test fact", verification="verified"),)


def risk_case() -> Case:
    return load_case(FIXTURES / "case.yaml")


def transfer(
    source: str,
    target: str,
    *,
    status: str = "completed",
    kind: str = "extradition",
    when: dt.date = dt.date(2012, 1, 1),
    profiles: frozenset[str] = frozenset({"opposition_politician"}),
    ident: str | None = None,
    despite: bool = False,
    known: dt.date | None = None,
) -> TransferEvent:
    return TransferEvent(
        id=ident or f"{source}-{target}-{status}-{when}",
        kind=kind,
        status=status,
        from_state=source,
        to_state=target,
        date=when,
        profiles=profiles,
        despite_interim_measures=despite,
        verification="verified",
        label=f"synthetic {kind} {source}→{target}",
        evidence=REF,
        known=known or when,
    )


def facts(code: str, pts: int | None, *members: str) -> StateFacts:
    indicators = (
        (Indicator(name="pts_a", value=pts, year=2014, evidence=REF, known=dt.date(2015, 1, 1)),) if pts else ()
    )
    memberships = tuple(Membership(instrument=m, since=dt.date(1995, 1, 1), evidence=REF) for m in members)
    return StateFacts(code=code, indicators=indicators, memberships=memberships)


def world(*extra: TransferEvent) -> RiskInputs:
    """ES and PT (destinations) and MA (feared), linked by a shared channel; IS holds the person."""
    return RiskInputs(
        as_of=AS_OF,
        states={
            "MA": facts("MA", 4, "MINSK"),
            "ES": facts("ES", 4, "MINSK"),
            "PT": facts("PT", 2, "MINSK", "ECHR"),
            "IS": facts("IS", 1, "ECHR"),
        },
        transfers=(
            transfer("ES", "MA", despite=True, when=dt.date(2012, 3, 1)),
            transfer("PT", "ES", kind="abduction", when=dt.date(2013, 10, 1), profiles=frozenset({"activist"})),
            transfer("PT", "MA", status="blocked", kind="deportation", when=dt.date(2011, 5, 1)),
            *extra,
        ),
        judgments=(
            Judgment(
                id="1/11",
                name="Synthetic A v. ES",
                date=dt.date(2013, 6, 1),
                respondent="ES",
                destination="MA",
                removal_status="pending; assurances offered",
                profiles=frozenset({"opposition_politician"}),
                assurances_offered=True,
                verification="verified",
                evidence=REF,
                art3="violation_if_removed",
            ),
        ),
    )
