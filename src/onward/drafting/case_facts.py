"""The facts of the case as drafting claims: who the person is, the requests, the proceedings, the assurances.

Each claim cites the sources the case file gives for that fact — "In August 2013, the French
authorities received requests from Kazakhstan, Russia and Ukraine" rests on the requests'
citations — and only what was public by the case's ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from onward.drafting.citations import Support, supports_from
from onward.drafting.claims import Claim, Need, claim, merge_supports
from onward.drafting.i18n import Lang, has_term, join_words, state, term
from onward.model.case import Assurance, Case, Outcome, Proceeding
from onward.model.dates import PartialDate
from onward.model.source import Source

# Stages whose decision is still to be taken by the executive (CPP 696-18: the Prime Minister's decree).
_DECISION_STAGES = frozenset({"decree"})


@dataclass(frozen=True)
class CaseFacts:
    """Claims about the case, ready for templates; every one carries its supports or is a gap."""

    person: Claim
    requests: tuple[Claim, ...]
    proceedings: tuple[Claim, ...]
    pending: tuple[Claim, ...]
    assurances: tuple[Claim, ...]
    sources: Mapping[str, Source]


def case_facts(case: Case, lang: Lang) -> CaseFacts:
    as_of = case.as_of.latest()
    sources = {s.id: s for s in case.sources}
    decided = [p for p in case.proceedings if p.outcome is not Outcome.PENDING and p.date is not None]
    pending = [p for p in case.proceedings if p.outcome is Outcome.PENDING]
    return CaseFacts(
        person=_person(case, sources, as_of, lang),
        requests=_requests(case, sources, as_of, lang),
        proceedings=tuple(_proceeding(p, case, sources, as_of, lang) for p in sorted(decided, key=_when)),
        pending=tuple(_proceeding(p, case, sources, as_of, lang) for p in pending),
        assurances=tuple(_assurance(a, case, sources, as_of, lang) for a in case.assurances),
        sources=sources,
    )


def _when(proceeding: Proceeding) -> dt.date:
    assert proceeding.date is not None
    return proceeding.date.earliest()


def _person(case: Case, sources: Mapping[str, Source], as_of: dt.date, lang: Lang) -> Claim:
    person = case.person
    nationality = join_words([state(code, lang, "bare") for code in person.nationalities], lang)
    profiles = [term(f"profile.{p.value}", lang) for p in person.profile if _has_profile_term(p.value)]
    return claim(
        "person",
        Need(
            "the person's nationality and profile, with a source",
            "la nationalité et le profil de la personne, avec une source",
        ),
        supports_from(person.sources, sources, as_of),
        as_of,
        name=person.display_name,
        nationality=nationality,
        nationalities=list(person.nationalities),
        profile=join_words(profiles, lang),
    )


def _has_profile_term(value: str) -> bool:
    return has_term(f"profile.{value}")


def _requests(case: Case, sources: Mapping[str, Source], as_of: dt.date, lang: Lang) -> tuple[Claim, ...]:
    """Requests received on the same (partial) date are one sentence: "In August 2013, … from A, B and C"."""
    groups: dict[PartialDate | None, list[int]] = {}
    for index, request in enumerate(case.requests):
        groups.setdefault(request.received, []).append(index)
    claims: list[Claim] = []
    for received, indexes in groups.items():
        requests = [case.requests[i] for i in indexes]
        supports = merge_supports(*(supports_from(r.sources, sources, as_of) for r in requests))
        states = [r.requesting_state for r in requests]
        claims.append(
            claim(
                "requests",
                Need(
                    "the extradition requests and when they were received, with a source",
                    "les demandes d'extradition et leur date de réception, avec une source",
                ),
                supports,
                as_of,
                received=received,
                states=states,
                charges=[c for r in requests for c in r.charges],
                custodial=case.custodial_state,
            )
        )
    return tuple(claims)


def _proceeding(proceeding: Proceeding, case: Case, sources: Mapping[str, Source], as_of: dt.date, lang: Lang) -> Claim:
    requested = {r.id: r.requesting_state for r in case.requests}
    states = [requested[r] for r in proceeding.requests if r in requested]
    destinations = proceeding.destinations or states
    return claim(
        f"proceeding:{proceeding.id}",
        Need(
            f"the decision of {proceeding.body} and its date, with a source",
            f"la décision ({proceeding.body}) et sa date, avec une source",
        ),
        supports_from(proceeding.sources, sources, as_of),
        as_of,
        id=proceeding.id,
        body=proceeding.body,
        date=proceeding.date,
        stage=proceeding.stage,
        outcome=term(f"outcome.{proceeding.outcome.value}", lang),
        outcome_code=proceeding.outcome.value,
        destinations=destinations,
        conditions=list(proceeding.conditions),
        reference=proceeding.reference,
        decision_stage=proceeding.stage in _DECISION_STAGES,
        quote=next((s.quote for s in supports_from(proceeding.sources, sources, as_of) if s.quote), None),
    )


def _assurance(assurance: Assurance, case: Case, sources: Mapping[str, Source], as_of: dt.date, lang: Lang) -> Claim:
    items = [term(f"item.{t.item.value}", lang) for t in assurance.terms]
    supports: tuple[Support, ...] = supports_from(assurance.sources, sources, as_of)
    return claim(
        f"assurance:{assurance.id}",
        Need(
            f"the terms of the assurance given by {state(assurance.giving_state, 'en')}, with a source",
            f"les termes des assurances données par {state(assurance.giving_state, 'fr')}, avec une source",
        ),
        supports,
        as_of,
        id=assurance.id,
        giving_state=assurance.giving_state,
        date=assurance.date,
        items=join_words(items, lang),
        item_codes=[t.item.value for t in assurance.terms],
        texts=[t.text for t in assurance.terms if t.text],
        imposed_by=assurance.imposed_by,
        monitoring=list(assurance.monitoring),
        quote=next((s.quote for s in supports if s.quote), None),
    )
