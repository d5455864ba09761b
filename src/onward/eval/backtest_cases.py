"""Judgments turned into assessment cases, blind to their outcome: the backtest's questions.

Zokhidov v. Russia (67286/10, 5 Feb 2013) becomes the case "a person alleged to belong to a banned
religious organisation, held by Russia, whose extradition to Uzbekistan is proposed, assessed as of
4 Feb 2013". The judgment reaches this module with its outcome withheld (``Judgment.withheld()``):
reading it raises, so a case can only be built from the facts the Court started from.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onward.kb import vocabulary as v
from onward.kb.importers.judgment_facts import profiles
from onward.kb.importers.judgments_csv import OUTCOMES, JudgmentRow, read_judgments
from onward.kb.view import KnowledgeView
from onward.model.case import Case, ExtraditionRequest
from onward.model.dates import PartialDate
from onward.model.person import Person, PersonName
from onward.model.source import Source, Verification
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import Judgment
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import RiskParams

POSITIVE = frozenset({"violation", "potential_violation", "violation_if_removed"})
NEGATIVE = frozenset({"no_violation", "no_potential_violation", "no_violation_if_removed", "inadmissible"})


def court_found_risk(outcome: str | None) -> bool | None:
    """True for a violation (actual or if removed), False for none, None when the outcome says neither."""
    if outcome in POSITIVE:
        return True
    if outcome in NEGATIVE:
        return False
    return None


def case_from_judgment(judgment: Judgment) -> Case:
    """The assessment case a judgment poses, as of the day before it; never reads its outcome."""
    fear = list(judgment.onward_destinations) or [judgment.destination]
    source_id = "judgment"
    requests = []
    if judgment.removal == "extradition":
        requests.append(
            ExtraditionRequest(id="request", requesting_state=judgment.destination, sources=[{"source": source_id}])
        )
    return Case(
        id="backtest-" + "".join(c if c.isalnum() else "-" for c in judgment.id),
        title=judgment.name,
        as_of=PartialDate.of(judgment.date - dt.timedelta(days=1)),
        custodial_state=judgment.respondent,
        person=Person(
            names=[PersonName(name=f"applicant in {judgment.name}")],
            nationalities=[fear[-1]],
            profile=sorted(judgment.profiles),
            sources=[{"source": source_id}],
        ),
        persecuting_states=fear,
        requests=requests,
        proposed_destinations=[judgment.destination],
        sources=[
            Source(
                id=source_id,
                publisher="European Court of Human Rights",
                title=judgment.name,
                date=PartialDate.of(judgment.date),
                verification=Verification(judgment.verification),
                note="the facts of the application as the judgment states them; its outcome is withheld",
            )
        ],
    )


def kb_targets(view: KnowledgeView, params: RiskParams) -> tuple[list[Judgment], dict[str, str | None]]:
    """Every judgment in the KB (outcomes withheld) and, separately, the outcomes to score against."""
    blind = KnowledgeView(view.store, as_of=view.as_of, withhold_outcomes=True)
    targets = list(inputs_from_view(blind, params).judgments)
    outcomes: dict[str, str | None] = {}
    for judgment in targets:
        fact = view.fact(v.subject(v.JUDGMENT, judgment.id), v.ART3_OUTCOME)
        outcomes[judgment.id] = None if fact is None or fact.value is None else str(fact.value)
    return targets, outcomes


def _assurances_offered(row: JudgmentRow) -> bool:
    """From the ``assurances`` column where the file has one, else from the status text (the dev file)."""
    given = row.facts.assurances_given
    return given if given is not None else "assurance" in row.removal_status.lower()


def file_targets(path: Path) -> tuple[list[Judgment], dict[str, str | None]]:
    """Judgments from a file in the ``judgments_dev.csv`` format (outcomes withheld) and their outcomes."""
    rows = read_judgments(path).rows
    targets = [
        Judgment(
            id=row.application_no,
            name=row.case_name,
            date=row.judgment_date.latest(),
            respondent=row.respondent,
            destination=row.destination,
            onward_destinations=row.onward_destinations,
            removal=str(row.removal),
            removal_status=row.removal_status,
            profiles=frozenset(str(p) for p in (row.facts.profiles or profiles(row.applicant_profile))),
            assurances_offered=_assurances_offered(row),
            verification=str(row.verification),
            evidence=(EvidenceRef(source=str(path), locator=f"line {row.line}", label=row.case_name),),
        )
        for row in rows
    ]
    outcomes = {row.application_no: OUTCOMES.get(row.art3_outcome_raw) or None for row in rows}
    return targets, outcomes
