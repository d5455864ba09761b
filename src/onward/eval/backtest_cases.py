"""Judgments turned into assessment cases, blind to their outcome: the backtest's questions.

Zokhidov v. Russia (67286/10, 5 Feb 2013) becomes the case "a person alleged to belong to a banned
religious organisation, held by Russia, whose extradition to Uzbekistan is proposed, assessed as of
4 Feb 2013". The judgment reaches this module with its outcome withheld (``Judgment.withheld()``):
reading it raises, so a case can only be built from the facts the Court started from.
"""

from __future__ import annotations

from pathlib import Path

from onward.kb import vocabulary as v
from onward.kb.importers.judgment_facts import profiles
from onward.kb.importers.judgments_csv import OUTCOMES, JudgmentRow, read_judgments
from onward.kb.view import KnowledgeView
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import Judgment
from onward.risk.judgment_case import NEGATIVE, POSITIVE, case_from_judgment, court_found_risk
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import RiskParams

__all__ = ["NEGATIVE", "POSITIVE", "case_from_judgment", "court_found_risk", "file_targets", "kb_targets"]


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


def _removal_happened(row: JudgmentRow) -> bool | None:
    """The ``removal_happened`` column (yes / no / unknown), where the file has one."""
    return {"yes": True, "no": False}.get(row.facts.removal_happened.strip().lower())


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
            removal_happened=_removal_happened(row),
        )
        for row in rows
    ]
    outcomes = {row.application_no: OUTCOMES.get(row.art3_outcome_raw) or None for row in rows}
    return targets, outcomes
