"""The deadlines a team must not miss, across cases: due dates from each case's timelines, and the
reminders to send before each (one month to challenge a French extradition decree; 14 days to appeal a
British extradition order).

Only a deadline whose start is known gives a due date: a period running from a notification the case does
not record stays undated, and the timeline says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from onward.model.case import Case
from onward.procedure.timeline import case_timelines

DEFAULT_LEADS = (14, 7, 3, 1)
"""Days before a due date at which a reminder is due."""


@dataclass(frozen=True)
class DueDate:
    """One statutory deadline of one case, with the rule behind it."""

    case_id: str
    case_title: str
    track: str
    step: str
    due: dt.date
    strict: bool
    legal_basis: str
    verification: str
    anchor: str
    if_outcome: str | None
    passed: bool
    procedure: str

    @property
    def uid(self) -> str:
        """Stable across runs, so a calendar updates an event instead of adding a copy."""
        key = "|".join((self.case_id, self.track, self.step, self.legal_basis, self.due.isoformat()))
        return hashlib.sha256(key.encode()).hexdigest()[:32] + "@onward"

    def summary(self) -> str:
        strict = " (strict)" if self.strict else ""
        return f"{self.case_title}: {self.step}{strict}"

    def description(self) -> str:
        lines = [
            f"Case: {self.case_title} ({self.case_id})",
            f"Procedure: {self.procedure}",
            f"Step: {self.step}"
            + (f", if the outcome is {self.if_outcome.replace('_', ' ')}" if self.if_outcome else ""),
            f"Runs from: {self.anchor}",
            f"Legal basis: {self.legal_basis} ({self.verification})",
        ]
        if self.strict:
            lines.append("Strict: missing it forfeits the remedy.")
        if self.verification != "verified":
            lines.append("Check this deadline against the statute before relying on it.")
        return "\n".join(lines)


@dataclass(frozen=True)
class Reminder:
    due_date: DueDate
    days_left: int


def due_dates(case: Case) -> list[DueDate]:
    """Every computable deadline of ``case`` as of its date, earliest first."""
    found: list[DueDate] = []
    for timeline in case_timelines(case):
        for step in timeline.next_steps:
            if step.deadline is None or step.due is None:
                continue
            found.append(
                DueDate(
                    case_id=case.id,
                    case_title=case.title,
                    track=timeline.procedure.selected_kind.value,
                    step=step.stage.name,
                    due=step.due,
                    strict=step.deadline.strict,
                    legal_basis=step.deadline.legal_basis,
                    verification=step.deadline.verification.value,
                    anchor=step.deadline.anchor,
                    if_outcome=step.if_outcome.value if step.if_outcome else None,
                    passed=step.passed,
                    procedure=timeline.procedure.name,
                )
            )
    return sorted(found, key=lambda d: (d.due, d.case_id, d.step))


def reminders(dates: Iterable[DueDate], today: dt.date, leads: Sequence[int] = DEFAULT_LEADS) -> list[Reminder]:
    """The reminders due ``today``: a deadline exactly ``lead`` days away for one of ``leads``, or due today."""
    wanted = set(leads) | {0}
    return [Reminder(d, (d.due - today).days) for d in dates if (d.due - today).days in wanted]
