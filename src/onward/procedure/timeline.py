"""Placing a case's proceedings on its jurisdiction's procedure: sequence checks, current stage, next deadlines.

The walk follows the procedure's transitions in date order; a step the procedure does not allow after
the previous one (a decree before any favourable avis, a second avis without an annulment) is flagged
as an impossible sequence instead of being silently accepted. Any shipped procedure works here (see
:mod:`onward.procedure.select`); when it is a fallback route (ECHR, UN) the timeline says so, and a
deadline that ran out before the case's date with no proceeding showing the step is flagged as passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onward.model.case import Case, Outcome, Proceeding, RemovalKind
from onward.model.dates import chronological
from onward.procedure.calendar import period_end
from onward.procedure.model import Deadline, Procedure, Stage
from onward.procedure.select import select_procedure


@dataclass(frozen=True)
class PlacedStep:
    proceeding: Proceeding
    stage: Stage | None
    problem: str | None = None


@dataclass(frozen=True)
class NextStep:
    stage: Stage
    deadline: Deadline | None = None
    due: dt.date | None = None
    overdue: bool = False
    if_outcome: Outcome | None = None

    @property
    def passed(self) -> bool:
        """The deadline ran out before the case's date and no proceeding shows the step."""
        return self.overdue

    def describe_deadline(self) -> str:
        if self.deadline is None:
            return "no statutory time limit"
        period = self.deadline.period
        unit = period.unit.value.replace("_", " ")
        text = (
            f"within {period.amount} {unit.removesuffix('s') if period.amount == 1 else unit} of {self.deadline.anchor}"
        )
        if self.deadline.when:
            text += f" (where {self.deadline.when})"
        if self.due is not None:
            text += f" — by {self.due.isoformat()}"
            if self.passed:
                text += " — PASSED"
        return text


@dataclass
class Timeline:
    procedure: Procedure
    as_of: dt.date
    steps: list[PlacedStep] = field(default_factory=list)
    current: PlacedStep | None = None
    next_steps: list[NextStep] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [s.problem for s in self.steps if s.problem]

    @property
    def note(self) -> str | None:
        """Why a general route stands in for the jurisdiction's own, if it does."""
        return self.procedure.fallback_note()

    @property
    def passed(self) -> list[NextStep]:
        """Next steps whose deadline ran out before the case's date with no proceeding showing them."""
        return [n for n in self.next_steps if n.passed]


def _ordered(proceedings: list[Proceeding]) -> list[Proceeding]:
    return sorted(proceedings, key=lambda p: chronological(p.date))


def _deadlines(
    procedure: Procedure, after: Stage, to: Stage, outcome: Outcome | None, started: dt.date
) -> list[Deadline]:
    """The deadlines for ``to`` after ``after``, among those in force for a period starting on ``started``."""
    return [
        d
        for d in procedure.deadlines
        if d.after == after.id and d.stage == to.id and (d.on is None or d.on == outcome) and d.applies_on(started)
    ]


def place_case(case: Case, procedure: Procedure) -> Timeline:
    """Walk the case's proceedings through ``procedure`` and list what comes next as of the case date."""
    as_of = case.as_of.latest()
    timeline = Timeline(procedure=procedure, as_of=as_of)
    # Only an extradition is started by a request; a deportation or a fallback route is not.
    needs_request = procedure.selected_kind is RemovalKind.EXTRADITION
    previous: PlacedStep | None = None
    for proceeding in _ordered(case.proceedings):
        stage = procedure.stage(proceeding.stage)
        problem: str | None = None
        if stage is None:
            problem = f"stage {proceeding.stage!r} is not a stage of the {procedure.label} procedure"
        elif not stage.parallel:
            allowed = _allowed_after(procedure, previous)
            if stage.id not in allowed:
                after = (
                    f"{previous.stage.id} ({previous.proceeding.outcome.value})"
                    if previous and previous.stage
                    else "the start"
                )
                problem = f"{stage.id} cannot follow {after}; the procedure allows " + (
                    ", ".join(allowed) or "nothing after it"
                )
            if needs_request and stage.requires_request and not case.requests:
                problem = f"{stage.id} needs an extradition request, and the case records none"
        placed = PlacedStep(proceeding, stage, problem)
        timeline.steps.append(placed)
        if stage is not None and not stage.parallel:
            previous = placed
    timeline.current = previous
    timeline.next_steps = _next_steps(procedure, previous, as_of)
    stages_ahead = {n.stage.id for n in timeline.next_steps} | (
        {previous.stage.id} if previous and previous.stage else set()
    )
    timeline.advice = [a.text for a in procedure.advice if a.stage in stages_ahead]
    return timeline


def _allowed_after(procedure: Procedure, previous: PlacedStep | None) -> list[str]:
    if previous is None or previous.stage is None:
        return [procedure.start, *procedure.successors(procedure.start, None)]
    outcome = previous.proceeding.outcome
    if outcome is Outcome.PENDING:
        return []
    return procedure.successors(previous.stage.id, outcome)


def _following(
    procedure: Procedure, stage: Stage, proceeding: Proceeding, outcome: Outcome | None, as_of: dt.date
) -> list[NextStep]:
    steps: list[NextStep] = []
    for following_id in procedure.successors(stage.id, outcome):
        following = procedure.stage(following_id)
        if following is None:
            continue
        started = proceeding.date.earliest() if proceeding.date is not None else as_of
        deadlines = _deadlines(procedure, stage, following, outcome, started)
        if not deadlines:
            steps.append(NextStep(following, if_outcome=outcome))
        for deadline in deadlines:
            due = None
            decided = proceeding.outcome is not Outcome.PENDING
            if decided and deadline.from_stage_date and proceeding.date is not None and proceeding.date.day:
                start = proceeding.date.earliest()
                if deadline.start_day_counts:
                    start -= dt.timedelta(days=1)
                due = period_end(start, deadline.period, procedure.holidays)
            steps.append(
                NextStep(following, deadline, due, overdue=due is not None and due < as_of, if_outcome=outcome)
            )
    return steps


def _next_steps(procedure: Procedure, current: PlacedStep | None, as_of: dt.date) -> list[NextStep]:
    if current is None or current.stage is None:
        start = procedure.stage(procedure.start)
        return [NextStep(start)] if start else []
    stage, proceeding = current.stage, current.proceeding
    if proceeding.outcome is Outcome.PENDING:
        # The stage is still open: list it, then what each possible decision would lead to.
        steps = [NextStep(stage)]
        outcomes: list[Outcome | None] = [t.on for t in procedure.transitions if t.from_ == stage.id and t.on]
        for outcome in outcomes or [None]:
            steps += _following(procedure, stage, proceeding, outcome, as_of)
    else:
        steps = _following(procedure, stage, proceeding, proceeding.outcome, as_of)
    if not stage.final:
        steps.extend(NextStep(s) for s in procedure.stages if s.parallel)
    return steps


def case_timelines(case: Case) -> list[Timeline]:
    """One timeline per removal the case's proceedings may follow (``Case.tracks``): the extradition before
    the courts of its procedure, a deportation before the authorities of another. A proceeding belongs to
    its ``track`` (default: the case's main kind of removal)."""
    as_of = case.as_of.latest()
    timelines = []
    for kind in case.tracks:
        mine = [p for p in case.proceedings if (p.track or case.main_kind) is kind]
        procedure = select_procedure(case.jurisdiction, kind, as_of)
        timelines.append(place_case(case.model_copy(update={"proceedings": mine}), procedure))
    return timelines
