"""The documented record behind a draft: incidents and judgments per state, read from the knowledge base.

For Russia as a destination, a letter needs Russia's documented transfers of people to states
where they faced torture (extraditions of asylum seekers to Uzbekistan and Kyrgyzstan) and the
European Court's Article 3 judgments against it; for Ukraine, the abduction of Leonid
Razvozzhaev and the 2006 deportation of Uzbek asylum seekers (ten or eleven, by source). Every
value comes from ``KnowledgeView`` — so only what was known at ``as_of`` — and keeps the
statements behind it as supports; conflicting values keep every source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from onward.drafting.citations import Support
from onward.drafting.claims import Claim, Need, claim, gap, merge_supports
from onward.drafting.conflicts import Variant, consistent_dates
from onward.drafting.i18n import Lang, state
from onward.kb import vocabulary as v
from onward.kb.facts import Fact
from onward.kb.records import KnownIncident, KnownJudgment
from onward.kb.view import KnowledgeView
from onward.model.dates import EventDate
from onward.model.source import Source
from onward.model.statement import Statement

# Properties curated statements use for what sources concluded about a state.
SAFE_THIRD_COUNTRY = "safe_third_country"
DOCUMENTED_PRACTICE = "documented_practice"
ILL_TREATMENT_ALLEGED = "ill_treatment_alleged"
OUTCOME = "outcome"

# Article 3 outcomes that count as the Court finding the removal unlawful (vocabulary: art3_outcome).
_VIOLATIONS = frozenset({"violation", "violation_if_removed", "potential_violation"})


@dataclass(frozen=True)
class StateRecord:
    """What the knowledge base documents about one state's transfers, as citable claims."""

    code: str
    incidents: tuple[Claim, ...] = ()
    judgments: Claim | None = None
    judgment_list: tuple[Claim, ...] = field(default=())
    findings: tuple[Claim, ...] = ()  # what sources concluded about the state (UNHCR: not a safe third country)
    practice: tuple[Claim, ...] = ()  # sources' own summaries of its practice, in the language they wrote

    @property
    def documented(self) -> bool:
        return bool(self.incidents) or (self.judgments is not None and self.judgments.supported)

    @property
    def missing(self) -> Claim:
        """The gap a draft shows when nothing documents this state's record of onward transfers."""
        return gap(
            f"record:{self.code}",
            Need(
                f"documented transfers by {state(self.code, 'en')} of people to states where they faced torture, "
                "or judgments finding such removals unlawful",
                f"des transferts documentés de personnes par {state(self.code, 'fr')} vers des États où elles "
                "risquaient la torture, ou des arrêts constatant l'illégalité de tels éloignements",
            ),
        )


class SupportResolver:
    """Turns KB statements into supports, resolving each source once (the view hides later sources)."""

    def __init__(self, view: KnowledgeView) -> None:
        self.view = view
        self._sources: dict[str, Source | None] = {}

    def source(self, source_id: str) -> Source | None:
        if source_id not in self._sources:
            self._sources[source_id] = self.view.source(source_id)
        return self._sources[source_id]

    def supports(self, statements: Sequence[Statement]) -> tuple[Support, ...]:
        """One support per (source, locator, quote): several statements read in one passage cite it once."""
        found: dict[tuple[str, str | None, str | None], Support] = {}
        for statement in statements:
            source = self.source(statement.source)
            key = (statement.source, statement.locator, statement.quote)
            if source is not None and key not in found:
                found[key] = Support(source, statement.locator, statement.quote, statement.content_id())
        return tuple(found.values())

    def variants(self, facts: Sequence[Fact], convert: type[int] | type[EventDate] | type[str]) -> list[Variant]:
        variants: list[Variant] = []
        for fact in facts:
            value: int | str | EventDate
            if convert is EventDate:
                value = EventDate.parse(str(fact.value))
            elif convert is int:
                value = int(str(fact.value))
            else:
                value = str(fact.value)
            variants.append(Variant(value, self.supports(fact.statements)))
        return variants


def state_record(view: KnowledgeView, code: str, lang: Lang, resolver: SupportResolver | None = None) -> StateRecord:
    """Incidents from ``code`` and Article 3 judgments against it, known at the view's ``as_of``."""
    resolver = resolver or SupportResolver(view)
    incidents = tuple(
        c
        for c in (incident_claim(known, resolver, view.as_of, lang) for known in view.incidents(from_state=code))
        if c.supported
    )
    judgments = [j for j in view.judgments(respondent=code) if _violation(j)]
    return StateRecord(
        code=code,
        incidents=incidents,
        judgments=_judgments_claim(code, judgments, resolver, view.as_of) if judgments else None,
        judgment_list=tuple(_judgment_claim(j, resolver, view.as_of) for j in judgments),
        findings=tuple(_state_findings(view, code, resolver)),
        practice=tuple(_practice(view, code, resolver)),
    )


def _state_findings(view: KnowledgeView, code: str, resolver: SupportResolver) -> list[Claim]:
    """A source's conclusion that the state is not a safe third country (UNHCR on Ukraine, July 2013)."""
    found: list[Claim] = []
    for fact in view.values(v.state_subject(code), SAFE_THIRD_COUNTRY):
        if fact.value is not False:
            continue
        supports = resolver.supports(fact.statements)
        dated = [s.valid_from for s in fact.statements if s.valid_from is not None]
        found.append(
            claim(
                f"safe_third_country:{code}",
                Need("a source on whether the state is a safe third country", "une source sur la sûreté de cet État"),
                supports,
                view.as_of,
                state=code,
                date=min(dated, key=lambda d: d.earliest()) if dated else None,
                publisher=_first_publisher(supports),
            )
        )
    return found


def _practice(view: KnowledgeView, code: str, resolver: SupportResolver) -> list[Claim]:
    claims: list[Claim] = []
    for statement in view.statements(v.state_subject(code), DOCUMENTED_PRACTICE):
        if not isinstance(statement.value, str):
            continue
        claims.append(
            claim(
                f"practice:{code}:{statement.content_id()}",
                Need("a source on this state's practice", "une source sur la pratique de cet État"),
                resolver.supports([statement]),
                view.as_of,
                text=" ".join(statement.value.split()),
            )
        )
    return claims


def _first_publisher(supports: Sequence[Support]) -> str:
    """The publisher who said it first (a wire report of a UNHCR finding names UNHCR after UNHCR did)."""
    dated = sorted(supports, key=lambda s: s.source.date.latest() if s.source.date else dt.date.max)
    return dated[0].source.publisher.split(" (")[0] if dated else ""


def incident_claim(known: KnownIncident, resolver: SupportResolver, as_of: dt.date, lang: Lang) -> Claim:
    """One incident with its disputed count and date worded from every source, cited to all of them."""
    facts = known.facts
    supports = resolver.supports(known.statements)
    count = resolver.variants(facts.get(v.SUBJECT_COUNT, []), int)
    dates = consistent_dates(_date_variants(facts.get(v.DATE, []), resolver))
    subjects = [str(s) for fact in facts.get(v.SUBJECTS, []) for s in _as_list(fact.value)]
    return claim(
        f"incident:{known.id}",
        Need(f"a source for incident {known.id}", f"une source pour l'incident {known.id}"),
        supports,
        as_of,
        id=known.id,
        transfer=known.text(v.KIND),
        status=known.text(v.STATUS),
        from_state=known.text(v.FROM_STATE),
        to_state=known.text(v.TO_STATE),
        to_states=[str(x) for x in known.values(v.TO_STATE)],
        subjects=list(dict.fromkeys(subjects)),
        group=known.text(v.GROUP_NAME),
        count=count,
        dates=dates,
        date=known.incident.date if known.incident else None,
        despite_interim_measures=known.value(v.DESPITE_INTERIM_MEASURES) is True,
        description=known.text(v.DESCRIPTION),
        profile=list(dict.fromkeys(str(p) for fact in facts.get(v.PROFILE, []) for p in _as_list(fact.value))),
        alleged=_texts(facts.get(ILL_TREATMENT_ALLEGED, []), resolver),
        outcome=_texts(facts.get(OUTCOME, []), resolver),
    )


def _texts(facts: Sequence[Fact], resolver: SupportResolver) -> list[tuple[str, tuple[Support, ...]]]:
    return [(" ".join(str(f.value).split()), resolver.supports(f.statements)) for f in facts if f.value]


def _date_variants(facts: Sequence[Fact], resolver: SupportResolver) -> list[Variant]:
    try:
        return resolver.variants(facts, EventDate)
    except ValueError:
        return []


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def _violation(judgment: KnownJudgment) -> bool:
    return any(str(value) in _VIOLATIONS for value in judgment.values(v.ART3_OUTCOME))


def _judgment_claim(judgment: KnownJudgment, resolver: SupportResolver, as_of: dt.date) -> Claim:
    return claim(
        f"judgment:{judgment.id}",
        Need(f"a source for judgment {judgment.id}", f"une source pour l'arrêt {judgment.id}"),
        resolver.supports(judgment.statements),
        as_of,
        application=judgment.application_no,
        name=judgment.text(v.CASE_NAME) or judgment.application_no,
        date=judgment.judgment_date,
        destination=judgment.text(v.DESTINATION),
        onward=judgment.text(v.ONWARD_DESTINATION),
    )


def _judgments_claim(code: str, judgments: Sequence[KnownJudgment], resolver: SupportResolver, as_of: dt.date) -> Claim:
    """ "The Court has found Russia in breach of Article 3 in N judgments on removals to A, B and C"."""
    destinations: list[str] = []
    for judgment in judgments:
        for name in (v.DESTINATION, v.ONWARD_DESTINATION):
            for value in judgment.values(name):
                if isinstance(value, str) and value != code and value not in destinations:
                    destinations.append(value)
    supports = merge_supports(*(resolver.supports(j.statements) for j in judgments))
    return claim(
        f"judgments:{code}",
        Need(
            "judgments of the European Court of Human Rights on removals by this state",
            "des arrêts de la Cour européenne des droits de l'homme sur les éloignements par cet État",
        ),
        supports,
        as_of,
        count=len(judgments),
        destinations=destinations,
        names=[j.text(v.CASE_NAME) or j.application_no for j in judgments],
    )
