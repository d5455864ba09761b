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
from onward.kb.importers.judgments_csv import OUTCOMES, read_judgments
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


def _yes_no(value: object) -> bool | None:
    """A file's ``removal_happened`` column (yes / no / unknown), where the format has it."""
    text = str(getattr(value, "value", value) or "").strip().lower()
    return {"yes": True, "no": False}.get(text)


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
            profiles=frozenset(str(p) for p in profiles(row.applicant_profile)),
            assurances_offered="assurance" in row.removal_status.lower(),
            verification=str(row.verification),
            evidence=(EvidenceRef(source=str(path), locator=f"line {row.line}", label=row.case_name),),
            removal_happened=_yes_no(getattr(row, "removal_happened", None)),
        )
        for row in rows
    ]
    outcomes = {row.application_no: OUTCOMES.get(row.art3_outcome_raw) or None for row in rows}
    return targets, outcomes
