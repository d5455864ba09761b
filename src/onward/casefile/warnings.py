"""What a valid case file still deserves a warning for: a step the procedure does not allow after the previous
one (a remedy out of order), and a time limit that ran out with no proceeding showing the step.

These are facts about the proceedings, not mistakes in the file, so they never make it invalid; `case
validate` prints them with their line like every problem, and the timeline shows them in full.
"""

from __future__ import annotations

from typing import Any

from onward.errors import Problem
from onward.model.case import Case
from onward.procedure.timeline import case_timelines
from onward.yamldoc.nodes import position
from onward.yamldoc.problems import dotted


def procedure_warnings(file: str, root: Any, case: Case) -> list[Problem]:
    """Sequence problems and passed deadlines of every removal track, located in the file."""
    index = {p.id: i for i, p in enumerate(case.proceedings)}
    warnings: list[Problem] = []

    def add(path: list[str | int], message: str, hint: str | None = None) -> None:
        line, column = position(root, path)
        warnings.append(Problem(file, line, column, dotted(path), message, hint=hint))

    for timeline in case_timelines(case):
        for step in timeline.steps:
            if step.problem:
                add(["proceedings", index[step.proceeding.id], "stage"], step.problem)
        current = timeline.current
        for following in timeline.passed:
            path: list[str | int] = ["proceedings", index[current.proceeding.id], "date"] if current else []
            deadline = following.deadline
            basis = f" ({deadline.legal_basis}, {deadline.verification.value})" if deadline else ""
            add(
                path,
                f"the time limit for '{following.stage.name}' ran out on {following.due}{basis}, "
                "and no proceeding shows that step",
                hint="record the step if it was taken; otherwise the remedy may be lost",
            )
    return warnings
